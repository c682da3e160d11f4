"""What an editor shows on each key of the files: a description and an example, by
record (the ``$defs`` name of the JSON schema, ``""`` for the file itself) and key."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from qnc.i18n import Msg, t

_DATE = "2026-04-15"

DESCRIPTIONS: Final = MappingProxyType(
    {
        ("Audit", ""): (t("audit.yaml: the audit of a Qualiopi audit folder (qnc)."), None),
        ("Audit", "organisme"): (t("The training organisation that was audited."),
                                 {"nom": "Formations Horizon", "siret": "83214560100015",
                                  "categories": ["AF"]}),
        ("Audit", "certificateur"): (
            t("The certification body that carried out the audit."), {"nom": "Certif Exemple"}),
        ("Audit", "audit"): (
            t("The audit: type and dates. Every deadline runs from the notification."),
            {"type": "initial", "debut": "2026-03-09", "fin": "2026-03-10"}),
        ("Audit", "certificat"): (
            t("The Qualiopi certificate the organisation holds or obtained (optional)."),
            {"obtenu_le": "2024-05-02"}),
        ("Audit", "regles"): (t("The certifier's practice for deadlines; each is a duration "
                                "such as '30 jours' (optional)."),
                               {"plan_mineure": "30 jours"}),
        ("Audit", "langue"): (t("Language of qnc's reports: fr or en (default fr)."), "fr"),
        ("Audit", "signataire"): (
            t("Who signs the action plan sent to the certifier (optional)."),
            {"nom": "Claire Fabre", "fonction": "Directrice"}),
        ("Signatory", "nom"): (t("Name of the signatory."), "Claire Fabre"),
        ("Signatory", "fonction"): (t("Function of the signatory."), "Directrice"),
        ("Signatory", "lieu"): (t("Place of signature."), "Bordeaux"),
        ("Signatory", "date"): (t("Day of signature."), _DATE),
        ("Organisation", "nom"): (t("Name of the organisation."), "Formations Horizon"),
        ("Organisation", "siret"): (t("SIRET: 14 digits, in quotes; qnc check verifies its "
                                      "Luhn key."), "83214560100015"),
        ("Organisation", "nda"): (
            t("Numéro de déclaration d'activité: 11 digits, in quotes."), "11755555575"),
        ("Organisation", "categories"): (
            t("Categories of action certified: AF (training), BC (skills assessment), VAE "
              "(accreditation of prior learning), CFA (apprenticeship)."), ["AF", "CFA"]),
        ("Organisation", "activites"): (
            t("Activities that make conditional indicators apply: certifiant, alternance, "
              "sous_traitance."), ["certifiant"]),
        ("Organisation", "nouvel_entrant"): (
            t("true for a new entrant (first year, or a new category)."), False),
        ("Certifier", "nom"): (t("Name of the certification body."), "Certif Exemple"),
        ("Certifier", "contact"): (t("Contact at the certification body (e-mail address)."),
                                   "qualite@certif.example"),
        ("AuditInfo", "type"): (t("Type of audit: initial, surveillance, renouvellement, "
                                  "complementaire or extension."), "initial"),
        ("AuditInfo", "debut"): (
            t("First day of the audit (YYYY-MM-DD); it chooses the grid."), "2026-03-09"),
        ("AuditInfo", "fin"): (t("Last day of the audit (default: debut)."), "2026-03-10"),
        ("AuditInfo", "notification"): (
            t("Day the NCs were notified: every deadline runs from it (default: the last "
              "audit day)."), "2026-03-12"),
        ("AuditInfo", "auditeur"): (t("Name of the auditor."), "Jeanne Martin"),
        ("AuditInfo", "referentiel"): (
            t("Grid to apply, when not the one in force on the first audit day."), "rnq-2019"),
        ("AuditInfo", "precedent"): (t("Folder of the previous audit, relative to this one."),
                                     "../2024-03-audit-initial"),
        ("Certificate", "obtenu_le"): (t("Day the certificate was obtained."), "2024-05-02"),
        ("Certificate", "expire_le"): (
            t("Last day of validity (default: the day before its third anniversary)."),
            "2027-05-01"),
        ("Rules", "plan_mineure"): (
            t("Minor NC: time to send the action plan (certifier's practice, default "
              "30 jours)."), "30 jours"),
        ("Rules", "correction_majeure"): (
            t("Major NC: time to correct and send the proof (at most 3 mois)."), "3 mois"),
        ("Rules", "decision"): (
            t("Certifier's decision after the correction due date (default 1 mois)."),
            "1 mois"),
        ("Rules", "mise_en_oeuvre_mineure"): (
            t("Minor NC: time to carry out the action plan (at most 6 mois)."), "6 mois"),
        ("Rules", "alerte"): (t("A due date this close is 'near' (default 14 jours)."),
                              "14 jours"),
        ("NonConformity", ""): (
            t("An NC file (nc/NC-01.yaml) of a Qualiopi audit folder (qnc)."), None),
        ("NonConformity", "id"): (
            t("Identifier of the NC, unique in the audit; the file is named after it."),
            "NC-01"),
        ("NonConformity", "indicateur"): (
            t("Number of the indicator of the Référentiel National Qualité."), 11),
        ("NonConformity", "gravite"): (t("Grade of the NC: mineure or majeure."), "majeure"),
        ("NonConformity", "constat"): (
            t("The auditor's finding, as on the NC sheet."),
            "Les objectifs des formations ne sont pas évalués en fin de session."),
        ("NonConformity", "exigence"): (
            t("What the indicator requires (optional)."),
            "Évaluer l'atteinte des objectifs par les bénéficiaires."),
        ("NonConformity", "analyse_causes"): (
            t("Root cause analysis."), "Aucune grille d'évaluation commune aux formateurs."),
        ("NonConformity", "correction"): (
            t("Immediate correction."), "Évaluation faite pour la session en cours."),
        ("NonConformity", "actions"): (
            t("The action plan: one item per action."),
            [{"id": "A1", "description": "Créer une grille d'évaluation",
              "responsable": "Marie Dupont", "echeance": _DATE}]),
        ("NonConformity", "plan_envoye_le"): (
            t("Day the action plan was sent to the certifier."), _DATE),
        ("NonConformity", "preuves_envoyees_le"): (
            t("Day the proof of correction was sent to the certifier."), _DATE),
        ("NonConformity", "efficacite"): (
            t("Check of the actions' effectiveness."),
            {"methode": "Contrôle de 10 dossiers tirés au sort", "echeance": "2026-06-01"}),
        ("NonConformity", "levee_le"): (t("Day the certifier lifted the NC."), _DATE),
        ("NonConformity", "origine"): (
            t("The same NC at the previous audit: path of its file."),
            "../2024-03-audit-initial/nc/NC-03.yaml"),
        ("Action", "id"): (t("Identifier of the action, unique in the NC."), "A1"),
        ("Action", "type"): (
            t("correction, corrective or preventive (default corrective)."), "corrective"),
        ("Action", "description"): (
            t("What is to be done."), "Créer une grille d'évaluation commune aux formateurs"),
        ("Action", "responsable"): (t("Who carries out the action: one name, or a list of "
                                      "names when several share it."), "Marie Dupont"),
        ("Action", "echeance"): (t("Due date of the action."), _DATE),
        ("Action", "debut"): (t("Day the action starts (optional)."), "2026-03-20"),
        ("Action", "fait_le"): (t("Day the action was done (absent while it is not)."), _DATE),
        ("Action", "preuve_attendue"): (
            t("The evidence expected."), "Grille d'évaluation diffusée aux formateurs"),
        ("Action", "preuves"): (
            t("Evidence files (paths from the audit folder) or http(s) addresses; an item may "
              "give the file's fingerprint."), ["preuves/grille-evaluation.pdf"]),
        ("EvidenceFile", "chemin"): (t("Path of the evidence file, from the audit folder."),
                                     "preuves/grille-evaluation.pdf"),
        ("EvidenceFile", "empreinte"): (
            t("SHA-256 fingerprint of the file sent, as 'qnc empreinte' prints it."),
            "sha256:" + "0123456789abcdef" * 4),
        ("Effectiveness", "methode"): (
            t("How the actions' effect will be checked."),
            "Contrôle de 10 dossiers de stagiaires tirés au sort"),
        ("Effectiveness", "responsable"): (t("Who checks the effectiveness: one name, or a "
                                             "list of names."), "Isabelle Roux"),
        ("Effectiveness", "echeance"): (t("Day the check is planned for (for a major NC, by "
                                          "the correction due date)."), _DATE),
        ("Effectiveness", "verifiee_le"): (t("Day the effectiveness was checked."), _DATE),
        ("Effectiveness", "resultat"): (
            t("What the check found."), "efficace"),
    }
)  # fmt: skip
"""(record, key) -> (description, example or None)."""

MAJOR_ONLY: Final = t("{description}; major NC only")
UNVERIFIED: Final = t("{description} (only in the grid {grid}, not verified)")
GRADE_FOR_MAJOR_ONLY: Final = t("This indicator only gives major NCs: write 'majeure'.")
INDICATOR: Final = t("{number} — {label}")


def described(record: str, key: str) -> tuple[Msg, object] | None:
    return DESCRIPTIONS.get((record, key))
