"""Generate synthetic Qualiopi audit folders for the qnc benchmark.

    python benchmarks/generate.py OUT_DIR --audits N --ncs M [--seed S]

writes N audit folders ``OUT_DIR/client-001/2026-09-audit-initial/``, each with an
``audit.yaml``, ``M`` files ``nc/NC-01.yaml`` … and a few evidence files under
``preuves/``. The files look like the ones a training provider keeps by hand: YAML
comments, French text with accents, block scalars, 1 to 4 actions per NC.

The output is deterministic for a given seed, and valid for qnc on the reference day
``2026-11-20`` (``qnc check OUT_DIR --today 2026-11-20`` exits 0 with no warning):

- organisation: categories [AF, CFA], activities [certifiant, alternance], a SIRET
  whose Luhn key is right;
- audit held 2026-09-14 and 15, NCs notified 2026-09-18, default grid (rnq-2019);
- each NC of one audit on its own indicator (indicator 27, which needs the
  ``sous_traitance`` activity, is never used, so M <= 31); ``mineure`` only on
  indicators that are not major-only;
- every action due on or before its NC's regulatory due date (majeure 2026-12-18,
  mineure 2027-03-18); every fact (``fait_le``, ``plan_envoye_le``…) dated between the
  notification and the reference day; a plan sent always comes with ``analyse_causes``;
  every minor NC's plan sent by 2026-10-18 (notification + 30 days) so that no step is
  late; evidence paths point at files that are created.

Only the standard library is used, so the generator runs with any Python >= 3.11.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

AUDIT_START = date(2026, 9, 14)
AUDIT_END = date(2026, 9, 15)
NOTIFICATION = date(2026, 9, 18)
TODAY = date(2026, 11, 20)
"""The reference day: run ``qnc … --today 2026-11-20`` on the generated files."""
MAJOR_DUE = date(2026, 12, 18)  # notification + 3 mois
MINOR_PLAN_DUE = date(2026, 10, 18)  # notification + 30 jours
MINOR_DUE = date(2027, 3, 18)  # notification + 6 mois
AUDIT_FOLDER = "2026-09-audit-initial"

MAJOR_ONLY = frozenset({4, 5, 6, 7, 10, 11, 14, 15, 16, 20, 21, 22, 26, 27, 29, 31, 32})
# Indicator 27 applies only with the activity ``sous_traitance``: left out so that the
# organisation (activites: [certifiant, alternance]) gets no warning.
INDICATORS = tuple(n for n in range(1, 33) if n != 27)
MAX_NCS = len(INDICATORS)

# indicator -> (finding, requirement). Our own wording, in the auditor's style.
FINDINGS: dict[int, tuple[str, str]] = {
    1: (
        "Le site internet ne mentionne ni les délais d'accès ni les tarifs de plusieurs "
        "formations ; l'accessibilité aux personnes en situation de handicap n'est pas "
        "indiquée.",
        "Information accessible au public, détaillée et vérifiable sur les prestations.",
    ),
    2: (
        "Les indicateurs de résultats (taux de satisfaction, taux d'abandon) publiés datent "
        "de 2024 et ne précisent ni l'année ni le nombre de répondants.",
        "Indicateurs de résultats adaptés à la nature des prestations, diffusés au public.",
    ),
    3: (
        "Les taux d'obtention du titre professionnel ne sont pas publiés ; les passerelles "
        "et débouchés ne figurent sur aucune fiche.",
        "Taux d'obtention des certifications, équivalences, passerelles et débouchés.",
    ),
    4: (
        "Aucune analyse du besoin n'est tracée pour 5 des 8 dossiers consultés ; le "
        "questionnaire préalable n'est pas exploité.",
        "Analyse du besoin du bénéficiaire en lien avec l'entreprise ou le financeur.",
    ),
    5: (
        "Les objectifs des modules « Gestion de la paie » et « Sécurité au travail » ne "
        "sont ni opérationnels ni évaluables (« sensibiliser », « découvrir »).",
        "Objectifs opérationnels et évaluables de la prestation.",
    ),
    6: (
        "Les contenus du module de bureautique ne correspondent pas aux objectifs "
        "annoncés ; la durée prévue n'est pas respectée.",
        "Contenus et modalités de mise en œuvre adaptés aux objectifs et aux publics.",
    ),
    7: (
        "Le programme du titre « Assistant de comptabilité » ne couvre pas deux blocs de "
        "compétences du référentiel de certification.",
        "Adéquation du contenu aux exigences de la certification visée.",
    ),
    8: (
        "Le positionnement à l'entrée n'est réalisé que pour les parcours financés par le "
        "CPF ; les acquis des autres stagiaires ne sont pas évalués.",
        "Procédures de positionnement et d'évaluation des acquis à l'entrée.",
    ),
    9: (
        "Le livret d'accueil ne précise ni les horaires, ni le référent handicap, ni les "
        "modalités de réclamation.",
        "Information des publics sur les conditions de déroulement de la prestation.",
    ),
    10: (
        "Aucune adaptation du parcours n'est tracée pour les stagiaires en difficulté "
        "repérés lors des évaluations intermédiaires.",
        "Mise en œuvre et adaptation de la prestation, de l'accompagnement et du suivi.",
    ),
    11: (
        "Aucune évaluation de l'atteinte des objectifs n'est tracée en fin de module ; "
        "les formateurs indiquent évaluer « à l'oral », sans grille.",
        "Évaluation de l'atteinte des objectifs par les bénéficiaires.",
    ),
    12: (
        "Les absences répétées sont relevées sans action formalisée ; deux abandons en "
        "2026 sans trace d'entretien.",
        "Mesures pour favoriser l'engagement et prévenir les ruptures de parcours.",
    ),
    13: (
        "La coordination avec les maîtres d'apprentissage se limite à un appel annuel ; "
        "aucun compte rendu n'est conservé.",
        "Coordination des acteurs de l'alternance : centre de formation et entreprise.",
    ),
    14: (
        "L'accompagnement socio-professionnel des apprentis (logement, mobilité, aides) "
        "n'est ni organisé ni tracé.",
        "Accompagnement socio-professionnel, éducatif et relatif à la citoyenneté.",
    ),
    15: (
        "Les apprentis ne sont pas informés de leurs droits et devoirs ni des règles de "
        "santé et de sécurité au travail.",
        "Information des apprentis sur leurs droits, devoirs, santé et sécurité.",
    ),
    16: (
        "Les conditions de présentation à l'examen fixées par le certificateur ne sont "
        "pas vérifiées avant l'inscription des candidats.",
        "Respect des exigences formelles de l'autorité délivrant la certification.",
    ),
    17: (
        "Deux salles ne disposent pas du matériel nécessaire aux travaux pratiques ; "
        "l'inventaire des équipements n'est pas tenu.",
        "Moyens humains et techniques, locaux et équipements adaptés.",
    ),
    18: (
        "La répartition des rôles entre formateurs, coordinateurs et secrétariat n'est "
        "pas formalisée ; les réunions d'équipe ne sont pas tracées.",
        "Coordination des différents intervenants internes et externes.",
    ),
    19: (
        "Les ressources pédagogiques ne sont pas mises à disposition des stagiaires "
        "après les séances ; la plateforme en ligne est vide.",
        "Mise à disposition des ressources pédagogiques et accès facilité.",
    ),
    20: (
        "Aucun référent mobilité n'est désigné et le conseil de perfectionnement ne "
        "s'est pas réuni depuis sa création.",
        "Référents handicap et mobilité, conseil de perfectionnement du CFA.",
    ),
    21: (
        "Les compétences attendues des formateurs vacataires ne sont pas définies ; "
        "trois dossiers ne contiennent ni CV ni justificatif.",
        "Détermination, mobilisation et évaluation des compétences des intervenants.",
    ),
    22: (
        "Aucun entretien professionnel ni plan de développement des compétences n'est "
        "tracé pour l'équipe pédagogique depuis 2024.",
        "Entretien et développement des compétences des salariés.",
    ),
    23: (
        "La veille légale et réglementaire n'est pas organisée ; la réforme de 2026 sur "
        "l'apprentissage n'a pas été prise en compte.",
        "Veille légale et réglementaire et exploitation de ses enseignements.",
    ),
    24: (
        "Aucune veille sur l'évolution des métiers et des compétences n'est exploitée "
        "pour faire évoluer l'offre.",
        "Veille sur les emplois, les métiers et les compétences.",
    ),
    25: (
        "La veille sur les innovations pédagogiques et technologiques se limite à des "
        "échanges informels, sans trace.",
        "Veille sur les innovations pédagogiques et technologiques.",
    ),
    26: (
        "L'organisme ne dispose d'aucun réseau de partenaires pour accueillir les "
        "personnes en situation de handicap ; le référent n'est pas formé.",
        "Mobilisation de l'expertise et du réseau de partenaires sur le handicap.",
    ),
    28: (
        "Les entreprises d'accueil des alternants ne sont pas sollicitées pour la "
        "construction des parcours ; aucune convention de partenariat.",
        "Réseau de partenaires socio-économiques pour les périodes en entreprise.",
    ),
    29: (
        "L'insertion professionnelle des apprentis après le diplôme n'est pas "
        "accompagnée ni suivie.",
        "Insertion professionnelle ou poursuite d'étude des apprentis.",
    ),
    30: (
        "Les appréciations des financeurs et des entreprises ne sont pas recueillies ; "
        "seuls les stagiaires remplissent un questionnaire « à chaud ».",
        "Recueil des appréciations de toutes les parties prenantes.",
    ),
    31: (
        "Les réclamations reçues par courriel ne sont ni enregistrées ni traitées ; "
        "aucune réponse n'est tracée.",
        "Traitement des difficultés, réclamations et aléas.",
    ),
    32: (
        "Les résultats des questionnaires et des réclamations ne donnent lieu à aucune "
        "action d'amélioration formalisée.",
        "Mesures d'amélioration à partir de l'analyse des appréciations et réclamations.",
    ),
}

CAUSES = (
    "Aucune procédure écrite ; chaque formateur vacataire utilise ses propres méthodes.",
    "Le modèle de document créé en 2025 n'a jamais été diffusé à l'équipe.",
    "La responsable qualité a quitté l'organisme en mars 2026 sans passation.",
    "Le suivi repose sur le seul secrétariat, sans seuil d'alerte ni circuit défini.",
    "L'outil de gestion des formations ne permet pas de tracer cette étape.",
    "La croissance rapide de l'activité d'apprentissage n'a pas été anticipée.",
    "Les exigences de l'indicateur étaient mal comprises : pas de relecture du guide.",
    "Aucune revue périodique n'était prévue au calendrier qualité.",
)

CORRECTIONS = (
    "Mise à jour immédiate des documents concernés, diffusée le 25 septembre 2026.",
    "Entretien individuel proposé aux stagiaires concernés dès la semaine suivante.",
    "Information envoyée par courriel à l'ensemble de l'équipe pédagogique.",
    "Régularisation des dossiers incomplets avant la fin de la session en cours.",
)

ACTIONS = (
    "Rédiger la procédure et l'intégrer au livret formateur",
    "Créer un modèle de grille et le diffuser aux formateurs",
    "Mettre à jour les fiches formation du site (délais, tarifs, accessibilité)",
    "Former l'équipe pédagogique à la nouvelle procédure (réunion d'1 h 30)",
    "Ajouter un contrôle trimestriel au calendrier qualité",
    "Désigner un référent et formaliser sa mission par une lettre de mission",
    "Paramétrer l'outil de gestion pour tracer chaque étape du parcours",
    "Compléter les dossiers des intervenants (CV, diplômes, attestations)",
    "Organiser une réunion avec les entreprises partenaires et en faire le compte rendu",
    "Mettre en place un tableau de suivi des réclamations et le revoir chaque mois",
    "Réviser le questionnaire de satisfaction « à froid » et l'envoyer aux financeurs",
    "Déposer les supports de cours sur la plateforme et en informer les stagiaires",
)

EXPECTED = (
    "procédure datée et signée par la direction",
    "compte rendu de réunion et liste d'émargement",
    "captures d'écran des pages mises à jour",
    "tableau de suivi renseigné sur trois mois",
    "courriel de diffusion à l'équipe",
    "calendrier qualité 2027",
)

PEOPLE = (
    "Claire Fabre", "Julien Moreau", "Nadia Benali", "Thomas Garcia", "Émilie Roux",
    "François Lefèvre", "Hélène Girard", "Jérôme Dubois", "Inès Haddad", "Loïc Perrin",
    "Gaëlle Bernard", "Mathéo Nguyen", "Zoé Lemaître", "Cécile Marchand",
)  # fmt: skip

AUDITORS = ("Sophie Lambert", "Marc Delorme", "Anaïs Carré", "Benoît Vasseur")
CERTIFIERS = (
    ("Certiqual Atlantique", "audits@certiqual-atlantique.example"),
    ("Qualicert Méditerranée", "qualiopi@qualicert-med.example"),
    ("Bureau Certif'Est", "contact@certif-est.example"),
    ("AFCQ Île-de-France", "audits@afcq-idf.example"),
)
NAME_PARTS = (
    ("Atelier Formation", "Centre de formation", "Institut", "CFA", "École", "Campus"),
    ("Sud-Ouest", "des Métiers", "Horizon", "Les Érables", "Côte d'Opale", "Pyrénées",
     "Rhône-Alpes", "de l'Artisanat", "Saint-Éloi", "Bréhat", "du Léman", "Émeraude"),
)  # fmt: skip
CITIES = ("Bordeaux", "Toulouse", "Lyon", "Lille", "Nantes", "Rennes", "Besançon", "Nîmes")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")  # fmt: skip


# ---------------------------------------------------------------------------- YAML text


def scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar: plain when safe, double-quoted otherwise."""
    risky = (
        not text
        or text[0] in "-?:,[]{}#&*!|>'\"%@`"
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or text.strip() != text
        or text.lower() in {"true", "false", "yes", "no", "on", "off", "null", "~"}
        or text.replace(".", "", 1).isdigit()
    )
    if not risky:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def block(key: str, text: str, indent: str = "") -> str:
    """``key: |`` followed by ``text`` wrapped at 78 columns."""
    lines = textwrap.wrap(text, width=78 - len(indent) - 2)
    body = "".join(f"{indent}  {line}\n" for line in lines)
    return f"{indent}{key}: |\n{body}"


def french_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# ---------------------------------------------------------------------------- content


def siret(rng: random.Random) -> str:
    """14 digits whose Luhn key is right (the SIRET check qnc does)."""
    stem = "".join(str(rng.randrange(10)) for _ in range(13))
    for key in "0123456789":
        if _luhn_ok(stem + key):
            return stem + key
    raise AssertionError("unreachable: one key in ten makes the Luhn sum right")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def between(rng: random.Random, first: date, last: date) -> date:
    """A day in [first, last] (``first`` when the range is empty)."""
    span = (last - first).days
    return first + timedelta(days=rng.randint(0, span)) if span > 0 else first


def audit_yaml(rng: random.Random, number: int) -> str:
    name = f"{rng.choice(NAME_PARTS[0])} {rng.choice(NAME_PARTS[1])}"
    city = rng.choice(CITIES)
    certifier, contact = rng.choice(CERTIFIERS)
    nda = f"{rng.choice(('11', '75', '76', '84', '93'))}{rng.randrange(10**9):09d}"
    return (
        f"# Audit initial Qualiopi — {name} (client n° {number})\n"
        "# Les délais de traitement des non-conformités courent à partir de la date\n"
        "# de notification (réception des fiches d'écart), pas du dernier jour d'audit.\n"
        "organisme:\n"
        f"  nom: {scalar(name)}\n"
        f'  siret: "{siret(rng)}"          # établissement principal ({city})\n'
        f'  nda: "{nda}"               # numéro de déclaration d\'activité\n'
        "  categories: [AF, CFA]            # actions de formation + apprentissage\n"
        "  activites: [certifiant, alternance]\n"
        "certificateur:\n"
        f"  nom: {scalar(certifier)}\n"
        f"  contact: {contact}\n"
        "audit:\n"
        "  type: initial\n"
        f"  debut: {AUDIT_START.isoformat()}\n"
        f"  fin: {AUDIT_END.isoformat()}\n"
        f"  notification: {NOTIFICATION.isoformat()}         # fiches d'écart reçues par courriel\n"
        f"  auditeur: {rng.choice(AUDITORS)}\n"
        "# Pratique du certificateur : délai du plan d'actions pour une mineure et seuil\n"
        "# d'alerte ; les autres délais restent ceux de l'arrêté (3 mois, 1 mois, 6 mois).\n"
        "regles:\n"
        "  plan_mineure: 30 jours\n"
        "  alerte: 14 jours\n"
        "langue: fr\n"
    )


def nc_yaml(rng: random.Random, nc_id: str, indicator: int,
            evidence: dict[str, str]) -> str:  # fmt: skip
    """One NC file; evidence files it references are added to ``evidence``."""
    # Major-only indicators always give a majeure; the others a majeure one time in five.
    grade = "majeure" if indicator in MAJOR_ONLY or rng.random() < 0.2 else "mineure"
    major = grade == "majeure"
    finding, requirement = FINDINGS[indicator]
    auditor_day = rng.choice((AUDIT_START, AUDIT_END))
    out = [
        f"# Fiche d'écart {nc_id} — relevée le {french_date(auditor_day)}, "
        f"indicateur {indicator}\n",
        f"id: {nc_id}\n",
        f"indicateur: {indicator}\n",
        f"gravite: {grade}"
        + (
            "                 # indicateur uniquement majeur\n" if indicator in MAJOR_ONLY else "\n"
        ),
        block("constat", finding),
    ]
    if rng.random() < 0.7:
        out.append(block("exigence", requirement))

    if major:
        plan_sent = (between(rng, date(2026, 9, 25), date(2026, 10, 30))
                     if rng.random() < 0.85 else None)  # fmt: skip
    else:  # the minor plan is due on 2026-10-18: always sent in time
        plan_sent = between(rng, date(2026, 9, 25), MINOR_PLAN_DUE)
    if plan_sent or rng.random() < 0.4:
        causes = rng.sample(CAUSES, k=rng.randint(1, 2))
        out.append(block("analyse_causes", " ".join(causes)))
    if rng.random() < 0.5:
        out.append(block("correction", rng.choice(CORRECTIONS)))

    limit = MAJOR_DUE if major else MINOR_DUE
    out.append("# Plan d'actions\n")
    out.append("actions:\n")
    all_done = True
    for n in range(1, rng.randint(1, 4) + 1):
        action_id = f"A{n}"
        due = between(rng, date(2026, 10, 2), limit)
        if due <= TODAY:
            done = (
                between(
                    rng,
                    max(NOTIFICATION + timedelta(days=3), due - timedelta(days=20)),
                    min(due + timedelta(days=4), TODAY),
                )
                if rng.random() < 0.9
                else None
            )
        else:
            done = between(rng, date(2026, 10, 1), TODAY) if rng.random() < 0.25 else None
        all_done = all_done and done is not None
        kind = (
            "correction"
            if n == 1 and rng.random() < 0.4
            else rng.choice(("corrective", "corrective", "preventive"))
        )
        out += [
            f"  - id: {action_id}\n",
            f"    type: {kind}\n",
            f"    description: {scalar(rng.choice(ACTIONS))}\n",
            f"    responsable: {rng.choice(PEOPLE)}\n",
            f"    echeance: {due.isoformat()}\n",
        ]
        if done:
            out.append(f"    fait_le: {done.isoformat()}\n")
        out.append(f"    preuve_attendue: {scalar(rng.choice(EXPECTED))}\n")
        if done and rng.random() < 0.5:
            path = f"preuves/{nc_id}-{action_id}.md"
            evidence[path] = (
                f"# Preuve — {nc_id}, action {action_id}\n\n"
                f"Action réalisée le {french_date(done)} ; pièce conservée par la "
                "direction qualité.\n"
            )
            out.append(f"    preuves:\n      - {path}\n")
            if rng.random() < 0.3:
                out.append("      - https://intranet.example/qualite/compte-rendu.pdf\n")

    if plan_sent:
        out.append(
            f"plan_envoye_le: {plan_sent.isoformat()}"
            "        # envoyé au certificateur par courriel\n"
        )
    if major and all_done and rng.random() < 0.6:
        sent = between(rng, date(2026, 10, 25), TODAY)
        out.append(f"preuves_envoyees_le: {sent.isoformat()}\n")
        if rng.random() < 0.5 and sent < TODAY:
            out.append(
                f"levee_le: {between(rng, sent + timedelta(days=1), TODAY).isoformat()}"
                "              # courrier du certificateur\n"
            )
    elif not major and all_done and rng.random() < 0.5:
        out += [
            "efficacite:\n",
            f"  verifiee_le: {between(rng, date(2026, 10, 20), TODAY).isoformat()}\n",
            f"  resultat: {scalar(rng.choice(('aucune réclamation sans réponse en novembre', '100 % des sessions de novembre évaluées', 'taux d’abandon ramené à 4 %')))}\n",  # noqa: E501
        ]
    return "".join(out)


def generate(out_dir: Path, audits: int, ncs: int, seed: int = 0) -> list[Path]:
    """Write the audit folders; return them."""
    if not 0 <= ncs <= MAX_NCS:
        raise ValueError(f"--ncs must be between 0 and {MAX_NCS} (one NC per indicator)")
    if audits < 1:
        raise ValueError("--audits must be at least 1")
    width = max(3, len(str(audits)))
    folders = []
    for number in range(1, audits + 1):
        rng = random.Random(f"{seed}:{number}")
        folder = out_dir / f"client-{number:0{width}d}" / AUDIT_FOLDER
        (folder / "nc").mkdir(parents=True, exist_ok=True)
        (folder / "audit.yaml").write_text(audit_yaml(rng, number), encoding="utf-8")
        evidence: dict[str, str] = {}
        indicators = sorted(rng.sample(INDICATORS, ncs))
        for i, indicator in enumerate(indicators, start=1):
            nc_id = f"NC-{i:02d}"
            text = nc_yaml(rng, nc_id, indicator, evidence)
            (folder / "nc" / f"{nc_id}.yaml").write_text(text, encoding="utf-8")
        if evidence:
            (folder / "preuves").mkdir(exist_ok=True)
            for path, text in evidence.items():
                (folder / path).write_text(text, encoding="utf-8")
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--audits", type=int, default=1, help="audit folders (default 1)")
    parser.add_argument(
        "--ncs", type=int, default=10, help=f"NC files per audit, 0 to {MAX_NCS} (default 10)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    try:
        folders = generate(args.out_dir, args.audits, args.ncs, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"{len(folders)} audit folders, {len(folders) * args.ncs} NC files in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
