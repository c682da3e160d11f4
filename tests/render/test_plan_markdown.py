"""The Markdown action plan: the certifier's document and the working view, their
sections in order, tables, what is missing, evidence links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
    checks = ["### Échéances réglementaires", "### Vérification de l'efficacité"]
    assert headings(markdown(sample())) == [
        "# Plan d'actions — Formations du Littoral",
        "## Synthèse",
        "## NC-1 — indicateur 11 : Évaluation de l'atteinte des objectifs (majeure)",
        "### Constat",
        "### Exigence",
        "### Analyse des causes",
        "### Actions",
        *checks,
        "## NC-2 — indicateur 1 : Information claire et exacte du public sur l'offre (mineure)",
        "### Constat",
        "### Analyse des causes",
        "### Actions",
        *checks,
        "## NC-3 — indicateur 12 : Engagement des bénéficiaires et prévention des ruptures "
        "(mineure)",
        "### Constat",
        "### Analyse des causes",
        "### Actions",
        "### Échéances réglementaires",  # lifted, nothing said of its effectiveness
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
    """The marker comment names the sources; the header table gives the audit's facts
    and the plan's date; how qnc chose the grid is for the working view only."""
    text = markdown(sample())
    assert text.splitlines()[0] == (
        f"<!-- qnc:plan généré par qnc {__version__} (qnc plan) à partir de audit.yaml, "
        "nc/NC-1.yaml, nc/NC-2.yaml, nc/NC-3.yaml dans littoral, situation au 1er mai 2026. "
        "Modifiez les fichiers YAML, pas ce fichier : qnc plan le réécrit. -->"
    )
    assert block(text, "# Plan d'actions — Formations du Littoral") == [
        "| Rubrique | Valeur |",
        "|---|---|",
        "| Organisme | Formations du Littoral |",
        "| Catégories | AF |",
        "| Certificateur | Certif Exemple |",
        "| Audit | audit initial les 9 et 10 mars 2026 |",
        "| Notification des NC | 12 mars 2026 |",
        "| Référentiel | RNQ 2019 (32 indicateurs) |",
        "| Date du plan | 1er mai 2026 |",
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
    """One row per NC: indicator with its label, grade, regulatory due date, state."""
    assert block(markdown(sample()), "## Synthèse")[2:] == [
        "| NC-1 | 11 — Évaluation de l'atteinte des objectifs | majeure | 12/06/2026 | rien "
        "d'envoyé à ce jour |",
        "| NC-2 | 1 — Information claire et exacte du public sur l'offre | mineure | 12/09/2026 "
        "| rien d'envoyé à ce jour |",
        "| NC-3 | 12 — Engagement des bénéficiaires et prévention des ruptures | mineure | "
        "12/09/2026 | levée le 20 avril 2026 |",
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
        "2. NC-1 — une NC majeure bloque le certificat ; prochaine étape : « corrections "
        "faites, preuves envoyées » d'ici le 12 juin 2026",
        "3. NC-3 — levée le 20 avril 2026 : plus rien à faire",
    ]


def test_actions_table_rows() -> None:
    """Type, owner, short due date, expected evidence, what was done; the working view
    gives the status and countdown of what is still to do."""
    major = markdown(sample()).split("## NC-1 ", 1)[1]
    assert block(major, "### Actions")[:5] == [
        "| Action | Type | Responsable | Échéance | Preuve attendue | Réalisation |",
        "|---|---|---|---|---|---|",
        "| A1 — Former l'équipe | corrective | Mme Durand | 20/04/2026 | — | à faire |",
        "| A2 | corrective | Mme Durand | 10/05/2026 | Compte rendu | à faire |",
        "| A3 | correction | Mme Durand | 15/04/2026 | — | faite le 1er avril 2026 |",
    ]
    assert block(major, "### Échéances réglementaires")[2:] == [
        "| corrections faites, preuves envoyées | 12 juin 2026 | — |",
        "| décision du certificateur | 12 juillet 2026 | — |",
    ]
    working = markdown(sample(), working=True).split("## NC-1 ", 1)[1]
    assert block(working, "### Actions")[2:4] == [
        "| A1 — Former l'équipe | corrective | Mme Durand | 20/04/2026 | — | dépassée (11 "
        "jours de retard) |",
        "| A2 | corrective | Mme Durand | 10/05/2026 | Compte rendu | proche (dans 9 jours) |",
    ]
    assert block(working, "### Échéances réglementaires")[2:] == [
        "| corrections faites, preuves envoyées | 12 juin 2026 | notification (12 mars 2026) + "
        "3 mois | à venir (dans 42 jours) |",
        "| décision du certificateur | 12 juillet 2026 | échéance de correction + 1 mois | "
        "à venir (dans 72 jours) |",
    ]


def test_closed_ncs_say_why_an_action_or_a_step_is_left() -> None:
    """An undone action of a lifted NC, or of one carried over, says why it is left; a
    step the lift closed is not given a date that nobody recorded."""
    lifted = markdown(sample()).split("## NC-3 ")[1]
    assert block(lifted, "### Actions")[2] == (
        "| B1 | corrective | Mme Durand | 01/04/2026 | — | non faite (la NC est levée) |"
    )
    assert block(lifted, "### Échéances réglementaires")[2:] == [
        "| plan d'actions envoyé | 11 avril 2026 | non renseigné (la NC est levée) |",
        "| plan d'actions mis en œuvre | 12 septembre 2026 | non renseigné (la NC est levée) |",
    ]
    moved = nc("NC-1", actions=[action("A1", "2026-04-01")])
    built = report(folder([moved]), TODAY, carried={"NC-1": date(2026, 4, 15)})
    assert block(markdown(built, EN), "### Actions")[2] == (
        "| A1 | corrective | Mme Durand | 2026-04-01 | — | not done (the NC is carried over to "
        "a later audit) |"
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


def test_evidence_links_relative_to_the_plan() -> None:
    """Links lead from the plan's folder to the evidence; Windows '\\' becomes '/'."""
    paths = ["preuves/liste.pdf", "preuves\\grille v2.pdf"]
    built = report(folder([nc("NC-1", actions=[action("A1", "2026-05-20", preuves=paths)])]), TODAY)

    def links(links_from: Path) -> list[str]:
        return block(markdown(built, links_from=links_from), "### Actions")[3:]

    assert links(Path("audits/littoral")) == [
        "Preuves fournies :",
        "- A1 : [preuves/liste.pdf](<preuves/liste.pdf>), "
        "[preuves\\\\grille v2.pdf](<preuves/grille%20v2.pdf>)",
    ]
    assert links(Path("plans/2026"))[1] == (
        "- A1 : [preuves/liste.pdf](<../../audits/littoral/preuves/liste.pdf>), "
        "[preuves\\\\grille v2.pdf](<../../audits/littoral/preuves/grille%20v2.pdf>)"
    )


def test_english_plan_headings() -> None:
    """The same plan in English: every heading translated."""
    assert headings(markdown(sample(), EN))[:3] == [
        "# Action plan — Formations du Littoral",
        "## Summary",
        "## NC-1 — indicator 11: Achievement of objectives assessed (major)",
    ]
    assert headings(markdown(sample(), EN, working=True))[1:4] == [
        "## Situation on 1 May 2026",
        "## Order of treatment",
        "## Timeline",
    ]
