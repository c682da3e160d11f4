"""The Markdown action plan: the certifier's document and the working view, their
sections in order, tables, what is missing, evidence links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnc import __version__
from qnc.i18n import Translator, translator
from qnc.render.plan.content import View, plan_document
from qnc.render.plan.markdown import plan_markdown
from qnc.rules.report import AuditReport
from tests.rules.builders import TODAY, action, audit, folder, nc, report, sample

FR, EN = translator("fr"), translator("en")
ABOVE = Path("audits")
"""The folder the plan is written in, above the audit folder audits/littoral."""


def markdown(built: AuditReport, tr: Translator = FR, *, working: bool = False,
             links_from: Path = ABOVE) -> str:  # fmt: skip
    view = View.WORKING if working else View.CERTIFIER
    return plan_markdown(plan_document(built, tr, view=view, links_from=links_from), tr)


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def block(text: str, heading: str) -> list[str]:
    """The lines under ``heading`` up to the next heading, without blank lines."""
    lines = text.split(heading + "\n", 1)[1].splitlines()
    end = next((i for i, line in enumerate(lines) if line.startswith("#")), len(lines))
    return [line for line in lines[:end] if line]


def test_certifier_sections_in_the_report_order() -> None:
    """Title, summary, each NC in natural id order with its parts, the signature."""
    parts = ["### Constat", "### Exigence", "### Analyse des causes",
             "### Correction immédiate", "### Actions", "### Échéances"]  # fmt: skip
    checked = [*parts, "### Vérification de l'efficacité"]
    assert headings(markdown(sample())) == [
        "# Plan d'actions — Formations du Littoral",
        "## Synthèse",
        "## NC-1 — critère 3 — indicateur 11 : Évaluation de l'atteinte des objectifs (majeure)",
        *checked,
        "## NC-2 — critère 1 — indicateur 1 : Information claire et exacte du public sur "
        "l'offre (mineure)",
        *checked,
        "## NC-3 — critère 3 — indicateur 12 : Engagement des bénéficiaires et prévention des "
        "ruptures (mineure)",
        *parts,  # lifted, nothing said of its effectiveness
        "## Signature",
    ]


def test_working_view_adds_the_situation_the_order_and_the_calendar() -> None:
    """The working view: situation, order of treatment and calendar before the summary;
    no signature."""
    assert headings(markdown(sample(), working=True))[:5] == [
        "# Plan d'actions, vue de travail interne — Formations du Littoral",
        "## Situation au 1er mai 2026",
        "## Ordre de traitement",
        "## Calendrier",
        "## Synthèse",
    ]
    assert "## Signature" not in markdown(sample(), working=True)


def test_marker_and_header_table() -> None:
    """The marker comment names the sources; a first line says what the document is; the
    header table, without a header row of its own, gives the audit's facts; how qnc
    chose the grid is for the working view only."""
    text = markdown(sample())
    assert text.splitlines()[0] == (
        f"<!-- qnc:plan généré par qnc {__version__} (qnc plan) à partir de audit.yaml, "
        "nc/NC-1.yaml, nc/NC-2.yaml, nc/NC-3.yaml dans littoral, situation au 1er mai 2026. "
        "Modifiez les fichiers YAML, pas ce fichier : qnc plan le réécrit. -->"
    )
    assert block(text, "# Plan d'actions — Formations du Littoral") == [
        "Version du 1er mai 2026.",
        "| Organisme | Formations du Littoral |",
        "|---|---|",
        "| Catégories | AF |",
        "| Certificateur | Certif Exemple |",
        "| Audit | audit initial les 9 et 10 mars 2026 |",
        "| Notification des NC | 12 mars 2026 |",
        "| Référentiel | RNQ 2019 (32 indicateurs) |",
    ]
    working = markdown(sample(), working=True)
    assert (
        "| Référentiel | RNQ 2019 (32 indicateurs), en vigueur au 9 mars 2026 (premier jour "
        in (working)
    )
    assert "| Situation au | 1er mai 2026 |" in working


def test_expired_certificate_in_the_header() -> None:
    """A certificate ended before the plan's day is said to have expired."""
    record = audit(type="renouvellement", top={"certificat": {"obtenu_le": "2023-04-15"}})
    text = markdown(report(folder(record=record), TODAY), EN)
    assert "| Certificate | expired on 14 April 2026 |" in text.splitlines()


def test_summary_table() -> None:
    """One row per NC: indicator with its label, grade, regulatory due date, and its state
    in facts: what was sent, which actions are done, past their due date or to do, what
    comes next and by when — every date of the table short."""
    assert block(markdown(sample()), "## Synthèse")[2:] == [
        "| NC-1 | 11 — Évaluation de l'atteinte des objectifs | majeure | 12/06/2026 | A3 "
        "faite, A1 non faite à son échéance, A2 à faire ; preuves à envoyer au plus tard le "
        "12/06/2026 |",
        "| NC-2 | 1 — Information claire et exacte du public sur l'offre | mineure | 12/09/2026 "
        "| aucune action enregistrée ; plan d'actions non envoyé à son échéance (11/04/2026) |",
        "| NC-3 | 12 — Engagement des bénéficiaires et prévention des ruptures | mineure | "
        "12/09/2026 | levée le 20/04/2026 |",
    ]


def test_working_situation() -> None:
    """Verdict with its reason, open and lifted counts, next due dates nearest first, the
    order of treatment with its reasons."""
    text = markdown(sample(), working=True)
    lines = block(text, "## Situation au 1er mai 2026")
    assert lines[0].startswith("**Verdict :** bloquée — 1 NC majeure ouverte : le certificat ")
    assert lines[1:] == [
        "NC ouvertes : 1 majeure, 1 mineure. Levées : 1.",
        "Prochaines échéances :",
        "- 11 avril 2026 — NC-2 — plan d'actions envoyé (20 jours de retard)",
        "- 12 juin 2026 — NC-1 — corrections faites, preuves envoyées (dans 42 jours)",
        "- 12 juillet 2026 — NC-1 — décision du certificateur (dans 72 jours)",
        "- 12 septembre 2026 — NC-2 — plan d'actions mis en œuvre (dans 134 jours)",
    ]
    assert block(text, "## Ordre de traitement") == [
        "1. NC-2 — en retard : l'étape « plan d'actions envoyé » était due le 11 avril 2026, "
        "il y a 20 jours",
        "2. NC-1 — une NC majeure empêche la certification ; prochaine étape : « corrections "
        "faites, preuves envoyées » d'ici le 12 juin 2026",
        "3. NC-3 — levée le 20 avril 2026 : plus rien à faire",
    ]


def test_actions_table_rows() -> None:
    """Type, owner, due date, expected evidence, what was done (or that it was not by its
    due date), every date short; the working view gives the status and countdown of what
    is still to do."""
    major = markdown(sample()).split("## NC-1 ", 1)[1]
    assert block(major, "### Actions")[:5] == [
        "| Action | Type | Responsable | Échéance | Preuve attendue | Réalisation |",
        "|---|---|---|---|---|---|",
        "| A1 — Former l'équipe | action corrective | Mme Durand | 20/04/2026 | — | non faite "
        "à son échéance |",
        "| A2 | action corrective | Mme Durand | 10/05/2026 | Compte rendu | à faire |",
        "| A3 | correction | Mme Durand | 15/04/2026 | — | faite le 01/04/2026 |",
    ]
    working = markdown(sample(), working=True).split("## NC-1 ", 1)[1]
    assert block(working, "### Actions")[2:4] == [
        "| A1 — Former l'équipe | action corrective | Mme Durand | 20/04/2026 | — | dépassée "
        "(11 jours de retard) |",
        "| A2 | action corrective | Mme Durand | 10/05/2026 | Compte rendu | proche (dans 9 "
        "jours) |",
    ]


def test_due_dates_give_their_basis() -> None:
    """Each due date says what it rests on: the arrêté du 6 juin 2019 (art. 5) for the 3
    and 6 months and the decision, usual practice for a minor NC's plan whose delay is
    not written; the working view also gives the notification's date and the status."""
    text = markdown(sample())
    major, minor = text.split("## NC-1 ", 1)[1], text.split("## NC-2 ", 1)[1]
    assert block(major, "### Échéances") == [
        "| Étape | Échéance | Fondement | Réalisation |",
        "|---|---|---|---|",
        "| corrections faites, preuves envoyées | 12/06/2026 | 3 mois après la notification — "
        "arrêté du 6 juin 2019, art. 5 | — |",
        "| décision du certificateur | 12/07/2026 | 1 mois après l'échéance de correction — "
        "arrêté du 6 juin 2019, art. 5 | — |",
    ]
    assert block(minor, "### Échéances")[2:] == [
        "| plan d'actions envoyé | 11/04/2026 | 30 jours après la notification — pratique "
        "courante des certificateurs (aucun délai inscrit dans « regles ») | — |",
        "| plan d'actions mis en œuvre | 12/09/2026 | 6 mois après la notification — arrêté du "
        "6 juin 2019, art. 5 | — |",
    ]
    working = markdown(sample(), working=True).split("## NC-1 ", 1)[1]
    assert block(working, "### Échéances")[2:] == [
        "| corrections faites, preuves envoyées | 12/06/2026 | notification (12/03/2026) + 3 "
        "mois — arrêté du 6 juin 2019, art. 5 | à venir (dans 42 jours) |",
        "| décision du certificateur | 12/07/2026 | échéance de correction + 1 mois — arrêté du "
        "6 juin 2019, art. 5 | à venir (dans 72 jours) |",
    ]


def test_a_shorter_delay_than_the_arretes_is_the_certifiers() -> None:
    """A delay of 'regles' shorter than the arrêté's is the certifier's to set."""
    record = audit(top={"regles": {"correction_majeure": "2 mois"}})
    built = report(folder([nc("NC-1", "majeure", 11)], record=record), TODAY)
    assert block(markdown(built), "### Échéances")[2] == (
        "| corrections faites, preuves envoyées | 12/05/2026 | 2 mois après la notification — "
        "délai fixé par le certificateur | — |"
    )


def test_a_minor_plan_delay_written_in_regles_is_the_certifiers() -> None:
    """The same 30 days, once written in 'regles', are the certifier's delay."""
    record = audit(top={"regles": {"plan_mineure": "30 jours"}})
    built = report(folder([nc("NC-2", "mineure", 1)], record=record), TODAY)
    assert block(markdown(built), "### Échéances")[2] == (
        "| plan d'actions envoyé | 11/04/2026 | 30 jours après la notification — délai fixé "
        "par le certificateur | — |"
    )


def test_closed_ncs_say_why_an_action_or_a_step_is_left() -> None:
    """An undone action of a lifted NC, or of one carried over, says why it is left; a
    step the lift closed is not given a date that nobody recorded."""
    lifted = markdown(sample()).split("## NC-3 ")[1]
    assert block(lifted, "### Actions")[2] == (
        "| B1 | action corrective | Mme Durand | 01/04/2026 | — | non faite (la NC est levée) |"
    )
    assert [row.rsplit(" | ", 1)[1] for row in block(lifted, "### Échéances")[2:]] == [
        "non renseigné (la NC est levée) |",
        "non renseigné (la NC est levée) |",
    ]
    moved = nc("NC-1", actions=[action("A1", "2026-04-01")])
    built = report(folder([moved]), TODAY, carried={"NC-1": date(2026, 4, 15)})
    assert block(markdown(built, EN), "### Actions")[2] == (
        "| A1 | corrective action | Mme Durand | 2026-04-01 | — | not done (the NC is carried "
        "over to a later audit) |"
    )


def test_missing_root_cause_and_effectiveness_only_while_open() -> None:
    """An open NC without root cause or effectiveness check shows 'À compléter.'; a lifted
    one leaves them out."""
    text = markdown(sample())
    for part in ("### Analyse des causes", "### Vérification de l'efficacité"):
        said = [block(text.split(f"## {i} ")[1], part) for i in ("NC-1", "NC-2")]
        assert said == [["*À compléter.*"], ["*À compléter.*"]]
    closed = report(folder([nc("NC-1", levee_le="2026-04-20")]), TODAY)
    assert "Analyse des causes" not in markdown(closed)
    assert "efficacité" not in markdown(closed)


def test_requirement_and_correction_left_out_are_said() -> None:
    """A requirement or an immediate correction the NC file leaves out reads 'Non
    renseignée.', told from one written (even 'Aucune'), in both views."""
    for working in (False, True):
        text = markdown(sample(), working=working).split("## NC-2 ")[1]
        assert block(text, "### Exigence") == ["*Non renseignée.*"]
        assert block(text, "### Correction immédiate") == ["*Non renseignée.*"]
    written = report(folder([nc("NC-1", correction="Aucune : voir A1.")]), TODAY)
    assert block(markdown(written), "### Correction immédiate") == ["Aucune : voir A1."]


def test_effectiveness_check_owner_and_planned_day() -> None:
    """Who checks the effectiveness and when, under its method."""
    check = {"methode": "Relevé mensuel.", "responsable": ["Mme Durand", "M. Roy"],
             "echeance": "2026-06-05"}  # fmt: skip
    built = report(folder([nc("NC-1", efficacite=check)]), TODAY)
    assert block(markdown(built), "### Vérification de l'efficacité") == [
        "Relevé mensuel.",
        "Menée par Mme Durand, M. Roy, prévue le 5 juin 2026.",
    ]
    alone = report(folder([nc("NC-1", efficacite={"echeance": "2026-06-05"})]), TODAY)
    assert block(markdown(alone, EN), "### Effectiveness check") == ["Planned for 5 June 2026."]


def test_evidence_by_file_name_with_links_relative_to_the_plan() -> None:
    """Each evidence file by its name, attached to the plan, with the start of its
    fingerprint when recorded; the link leads from the plan's folder to the file (Windows
    '\\' becomes '/'); an address is online."""
    digest = "9e58c0e9499ddac34a49b62461c558e4068eea5da21e005df1e9e12da0b8fb1e"
    paths = ["preuves/liste.pdf", "preuves\\grille v2.pdf",
             {"chemin": "preuves/courriel.pdf", "empreinte": f"sha256:{digest}"},
             "https://exemple.fr/fiche"]  # fmt: skip
    built = report(folder([nc("NC-1", actions=[action("A1", "2026-05-20", preuves=paths)])]), TODAY)

    def links(links_from: Path) -> list[str]:
        return block(markdown(built, links_from=links_from), "### Actions")[3:]

    assert links(Path("audits/littoral")) == [
        "Preuves fournies :",
        "- A1 : [liste.pdf](<preuves/liste.pdf>) — joint au plan",
        "- A1 : [grille v2.pdf](<preuves/grille%20v2.pdf>) — joint au plan",
        "- A1 : [courriel.pdf](<preuves/courriel.pdf>) — joint au plan, empreinte SHA-256 "
        "9e58c0e9499ddac3…",
        "- A1 : [https://exemple.fr/fiche](<https://exemple.fr/fiche>) — en ligne",
    ]
    assert links(Path("plans/2026"))[1:3] == [
        "- A1 : [liste.pdf](<../../audits/littoral/preuves/liste.pdf>) — joint au plan",
        "- A1 : [grille v2.pdf](<../../audits/littoral/preuves/grille%20v2.pdf>) — joint au plan",
    ]


@pytest.mark.parametrize(
    ("sent", "line"),
    [
        ({}, "Version du 1er mai 2026."),
        ({"NC-2": "2026-04-01", "NC-3": "2026-05-01"},  # sent today: this very plan
         "Version du 1er mai 2026, mise à jour du plan envoyé le 1er avril 2026."),
        ({"NC-2": "2026-04-01", "NC-3": "2026-04-02"},
         "Version du 1er mai 2026, mise à jour des plans envoyés les 1er et 2 avril 2026."),
        ({"NC-1": "2026-03-30", "NC-2": "2026-04-10", "NC-3": "2026-06-01"},  # not yet
         "Version du 1er mai 2026, mise à jour des plans envoyés du 30 mars au 10 avril 2026."),
    ],
)  # fmt: skip
def test_the_plan_says_its_version(sent: dict[str, str], line: str) -> None:
    """The certifier's document opens with its date and the plans it updates: those sent
    before that day."""
    ncs = [nc(n, **({"plan_envoye_le": sent[n]} if n in sent else {})) for n in
           ("NC-1", "NC-2", "NC-3")]  # fmt: skip
    text = markdown(report(folder(ncs), TODAY))
    assert block(text, "# Plan d'actions — Formations du Littoral")[0] == line
    assert "Version du" not in markdown(report(folder(ncs), TODAY), working=True)


def test_english_plan_headings() -> None:
    """The same plan in English: every heading translated."""
    assert headings(markdown(sample(), EN))[:3] == [
        "# Action plan — Formations du Littoral",
        "## Summary",
        "## NC-1 — criterion 3 — indicator 11: Achievement of objectives assessed (major)",
    ]
    assert headings(markdown(sample(), EN, working=True))[1:4] == [
        "## Situation on 1 May 2026",
        "## Order of treatment",
        "## Timeline",
    ]
