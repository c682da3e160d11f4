"""The Markdown action plan: sections in order, tables, what is missing, evidence links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qnc import __version__
from qnc.i18n import translator
from qnc.render.plan.markdown import plan_markdown
from tests.rules.builders import TODAY, action, audit, folder, nc, report, sample

FR, EN = translator("fr"), translator("en")
ABOVE = Path("audits")
"""The folder the plan is written in, above the audit folder audits/littoral."""


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def block(text: str, heading: str) -> list[str]:
    """The lines under ``heading`` up to the next heading, without blank lines."""
    lines = text.split(heading + "\n", 1)[1].splitlines()
    end = next((i for i, line in enumerate(lines) if line.startswith("#")), len(lines))
    return [line for line in lines[:end] if line]


def test_sections_in_order() -> None:
    """Title, summary, timeline, then each NC in rank order with its sub-sections."""
    nc_parts = ["### Constat", "### Analyse des causes", "### Actions"]
    assert headings(plan_markdown(sample(), FR, links_from=ABOVE)) == [
        "# Plan d'actions — Formations du Littoral",
        "## Synthèse",
        "## Calendrier",
        "## NC-2 — indicateur 1 : Information publique claire et exacte sur l'offre (mineure)",
        *nc_parts,
        "### Échéances réglementaires",
        "## NC-1 — indicateur 11 : Atteinte des objectifs évaluée (majeure)",
        "### Constat",
        "### Exigence",
        *nc_parts[1:],
        "### Échéances réglementaires",
        "## NC-3 — indicateur 12 : Engagement favorisé, abandons prévenus (mineure)",
        *nc_parts,
        "### Échéances réglementaires",
    ]


def test_marker_and_header_table() -> None:
    """The marker comment names the sources; the header table gives the audit's facts."""
    text = plan_markdown(sample(), FR, links_from=ABOVE)
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
        "| Audit | audit initial du 9 au 10 mars 2026 |",
        "| Notification des NC | 12 mars 2026 |",
        "| Référentiel | RNQ 2019 (32 indicateurs), en vigueur au 9 mars 2026 (premier jour de "
        "l'audit) |",
        "| Situation au | 1er mai 2026 |",
    ]


def test_expired_certificate_in_the_header() -> None:
    """A certificate ended before the plan's day is said to have expired."""
    record = audit(type="renouvellement", top={"certificat": {"obtenu_le": "2023-04-15"}})
    text = plan_markdown(report(folder(record=record), TODAY), EN, links_from=ABOVE)
    assert "| Certificate | expired on 14 April 2026 |" in text.splitlines()


def test_summary() -> None:
    """Verdict with its reason, open and lifted counts, next due dates nearest first."""
    lines = block(plan_markdown(sample(), FR, links_from=ABOVE), "## Synthèse")
    assert lines[0].startswith("**Verdict : bloquée** — 1 NC majeure ouverte : le certificat ne")
    assert lines[1:] == [
        "NC ouvertes : 1 majeure, 1 mineure. Levées : 1.",
        "Prochaines échéances :",
        "- 11 avril 2026 — NC-2 — plan d'actions envoyé (20 jours de retard)",
        "- 12 juin 2026 — NC-1 — corrections faites, preuves envoyées (dans 42 jours)",
        "- 12 juillet 2026 — NC-1 — décision du certificateur (dans 72 jours)",
        "- 12 septembre 2026 — NC-2 — plan d'actions mis en œuvre (dans 134 jours)",
    ]


def test_actions_table_rows() -> None:
    """Overdue, near and done actions: type, owner, short due date, status, evidence."""
    text = plan_markdown(sample(), FR, links_from=ABOVE)
    major = text.split("## NC-1 ", 1)[1]
    assert block(major, "### Actions") == [
        "| Action | Type | Responsable | Échéance | Statut | Preuves |",
        "|---|---|---|---|---|---|",
        "| A1 — Former l'équipe | corrective | Mme Durand | 20/04/2026 | dépassée (11 jours de "
        "retard) | [preuves/liste.pdf](<littoral/preuves/liste.pdf>) |",
        "| A2 | corrective | Mme Durand | 10/05/2026 | proche (dans 9 jours) | attendue : "
        "Compte rendu |",
        "| A3 | correction | Mme Durand | 15/04/2026 | faite le 1er avril 2026 | "
        "[https://exemple.fr/preuve](<https://exemple.fr/preuve>) |",
    ]
    assert block(major, "### Échéances réglementaires")[2:] == [
        "| corrections faites, preuves envoyées | 12 juin 2026 | notification (12 mars 2026) + "
        "3 mois | à venir (dans 42 jours) |",
        "| décision du certificateur | 12 juillet 2026 | échéance de correction + 1 mois | "
        "à venir (dans 72 jours) |",
    ]


def test_closed_ncs_say_why_an_action_is_not_done() -> None:
    """An undone action of a lifted NC, or of one carried over, says why it is left."""
    lifted = block(
        plan_markdown(sample(), FR, links_from=ABOVE).split("## NC-3 ")[1], "### Actions"
    )
    assert (
        lifted[2]
        == "| B1 | corrective | Mme Durand | 01/04/2026 | non faite (la NC est levée) | — |"
    )
    moved = nc("NC-1", actions=[action("A1", "2026-04-01")])
    built = report(folder([moved]), TODAY, carried={"NC-1": date(2026, 4, 15)})
    rows = block(plan_markdown(built, EN, links_from=ABOVE), "### Actions")
    assert rows[2] == (
        "| A1 | corrective | Mme Durand | 2026-04-01 | not done (the NC is carried over to a "
        "later audit) | — |"
    )


def test_missing_root_cause_only_while_open() -> None:
    """An open NC without root cause shows 'À compléter.'; a lifted one leaves it out."""
    text = plan_markdown(sample(), FR, links_from=ABOVE)
    causes = [block(text.split(f"## {i} ")[1], "### Analyse des causes") for i in ("NC-2", "NC-1")]
    assert causes == [["*À compléter.*"], ["*À compléter.*"]]
    closed = report(folder([nc("NC-1", levee_le="2026-04-20")]), TODAY)
    assert "Analyse des causes" not in plan_markdown(closed, FR, links_from=ABOVE)


def test_evidence_links_relative_to_the_plan() -> None:
    """Links lead from the plan's folder to the evidence; Windows '\\' becomes '/'."""
    paths = ["preuves/liste.pdf", "preuves\\grille v2.pdf"]
    built = report(folder([nc("NC-1", actions=[action("A1", "2026-05-20", preuves=paths)])]), TODAY)

    def links(links_from: Path) -> str:
        row = block(plan_markdown(built, FR, links_from=links_from), "### Actions")[2]
        return row.rsplit(" | ", 1)[1].removesuffix(" |")

    assert links(Path("audits/littoral")) == (
        "[preuves/liste.pdf](<preuves/liste.pdf>); "
        "[preuves\\\\grille v2.pdf](<preuves/grille%20v2.pdf>)"
    )
    assert links(Path("plans/2026")) == (
        "[preuves/liste.pdf](<../../audits/littoral/preuves/liste.pdf>); "
        "[preuves\\\\grille v2.pdf](<../../audits/littoral/preuves/grille%20v2.pdf>)"
    )


def test_english_plan_headings() -> None:
    """The same plan in English: every heading translated."""
    assert headings(plan_markdown(sample(), EN, links_from=ABOVE))[:4] == [
        "# Action plan — Formations du Littoral",
        "## Summary",
        "## Timeline",
        "## NC-2 — indicator 1: Clear, accurate public information on the offer (minor)",
    ]
