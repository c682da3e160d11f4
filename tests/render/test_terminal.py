"""The terminal views, as they print without colour at a given width: the status of one
audit (drawn by qnc) and the portfolio (Rich)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console, RenderableType

from qnc.i18n import translator
from qnc.inspection import Broken
from qnc.render.terminal.chase import actions_to_chase
from qnc.render.terminal.portfolio import NARROW, portfolio_view
from qnc.render.terminal.status import audit_view, nc_list, nc_table
from qnc.render.terminal.styled import Styled
from qnc.rules.report import AuditReport, by_urgency
from tests.rules.builders import TODAY, action, audit, folder, nc, report, sample

FR, EN = translator("fr"), translator("en")


def screen(view: Styled | RenderableType | None, width: int) -> list[str]:
    """The lines printed, without trailing blanks."""
    if isinstance(view, Styled):
        return [line.rstrip() for line in (view.render(width) + "\n").splitlines()]
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(view)
    return [line.rstrip() for line in console.export_text().splitlines()]


def panel(lines: list[str]) -> list[str]:
    """The text inside the header's box."""
    end = next(i for i, line in enumerate(lines) if line.startswith("╰"))
    return [line[2:].rstrip(" │") for line in lines[1:end]]


def others() -> list[AuditReport]:
    """The sample with an audit only awaiting a decision (owing an action) and a closed one."""
    chased = [action("Z1", "2026-04-25")]
    waiting = nc("NC-1", "majeure", 11, preuves_envoyees_le="2026-02-01", actions=chased)
    record = audit(organisation="Autre", debut="2025-12-01", fin=None, notification="2025-12-01")
    calm = audit(organisation="Calme")
    return [
        report(folder([waiting], path=Path("audits/autre"), record=record), TODAY),
        report(folder(path=Path("audits/calme"), record=calm), TODAY),
        sample(),
    ]


def test_header_fields() -> None:
    """The header: organisation, audit, folder, notification, grid, day, verdict, due date."""
    lines = screen(audit_view(sample(), FR, explain=False, width=120), 120)
    assert panel(lines) == [
        "Organisme : Formations du Littoral",
        "Audit : audit initial les 9 et 10 mars 2026 — Certif Exemple",
        "Dossier : audits/littoral",
        "Notification : 12 mars 2026",
        "Référentiel : RNQ 2019 (32 indicateurs), en vigueur au 9 mars 2026 (premier jour de "
        "l'audit)",
        "Aujourd'hui : 1er mai 2026",
        "Verdict : BLOQUÉE — 1 NC majeure ouverte : le certificat ne peut pas être délivré tant "
        "qu'elle n'est pas levée ;",
        "prochaine étape : « corrections faites, preuves envoyées » pour NC-1 d'ici le 12 juin "
        "2026 ; faute de quoi la",
        "certification sera refusée (nouvelle demande possible seulement 3 mois plus tard)",
        "Échéance bloquante la plus proche : 12 juin 2026, NC-1 (dans 42 jours)",
    ]


def test_header_certificate() -> None:
    """A certificate still valid gives its last day; one ended says it expired."""

    def header(certificate: dict[str, str]) -> list[str]:
        record = audit(type="surveillance", top={"certificat": certificate})
        built = report(folder(record=record), TODAY)
        return panel(screen(audit_view(built, EN, explain=False, width=120), 120))

    assert header({"obtenu_le": "2025-06-02"})[6:] == [
        "Certificate: valid until 1 June 2028",
        "Verdict: CLOSED — no non-conformity was raised",
    ]
    assert (
        header({"obtenu_le": "2023-05-02", "expire_le": "2026-04-30"})[6]
        == "Certificate: expired on 30 April 2026"
    )


def test_table_rows_at_120_columns() -> None:
    """One line per NC: the overdue NC first, its late step in days; the lifted one has no
    next step; the indicator's title is cut to the room the other columns leave."""
    assert screen(nc_table(sample(), EN, 120), 120) == [
        "Non-conformities, in priority order",
        "#  NC    Indicator                         Grade  State                 Next step   "
        "Due         Left       Actions  Late",
        "─" * 120,
        "1  NC-2  1 Clear, accurate public inform…  minor  late                  plan sent   "
        "2026-04-11  20 d late      0/0     0",
        "2  NC-1  11 Achievement of objectives as…  major  blocking              proof sent  "
        "2026-06-12  in 42 d        1/3     1",
        "3  NC-3  12 Engagement fostered, dropout…  minor  lifted on 2026-04-20  —           "
        "—           —              0/1     0",
    ]


def test_french_table_keeps_the_late_column_at_120() -> None:
    """At 120 columns (a pipe's width), an overdue NC's table still shows its late actions:
    the title gives way, not the last column."""
    lines = screen(nc_table(sample(), FR, 120), 120)
    assert lines[1].endswith("Actions  Retard")
    major = next(line for line in lines if line.startswith("2  NC-1 "))
    assert major.split()[-2:] == ["1/3", "1"]
    assert max(len(line) for line in lines) == 120


def test_list_at_80_columns() -> None:
    """Below 120 columns each NC is a block of lines, in rank order; a wrapped line keeps
    its block's indent, and a number stays with its word."""
    assert screen(nc_list(sample(), FR), 80) == [
        "Non-conformités, par ordre de priorité",
        "",
        "1. NC-2 — mineure — en retard",
        "   Indicateur : 1 Information claire et exacte du public sur l'offre",
        "   Prochaine étape : plan d'actions envoyé, 11/04/2026 (20 jours de retard)",
        "   Actions : 0/0 faites, 0 en retard",
        "",
        "2. NC-1 — majeure — bloquante",
        "   Indicateur : 11 Évaluation de l'atteinte des objectifs",
        "   Prochaine étape : corrections faites, preuves envoyées, 12/06/2026 (dans",
        "   42 jours)",
        "   Actions : 1/3 faites, 1 en retard",
        "",
        "3. NC-3 — mineure — levée le 20 avril 2026",
        "   Indicateur : 12 Engagement des bénéficiaires et prévention des ruptures",
        "   Prochaine étape : —",
        "   Actions : 0/1 faites, 0 en retard",
        "",
    ]


def test_audit_view_picks_table_or_list_by_width() -> None:
    """The table from 120 columns, the list below; the reasons only with explain, with
    the whole title of each indicator (the table cuts it)."""
    wide = screen(audit_view(sample(), FR, explain=True, width=120), 120)
    narrow = screen(audit_view(sample(), FR, explain=False, width=119), 119)
    assert wide[12] == "Non-conformités, par ordre de priorité"
    assert wide[13].split()[:3] == ["#", "NC", "Indicateur"]
    assert narrow[12:15] == [
        "Non-conformités, par ordre de priorité",
        "",
        "1. NC-2 — mineure — en retard",
    ]
    assert wide[wide.index("Pourquoi cet ordre") :] == [
        "Pourquoi cet ordre",
        "1. NC-2 — en retard : l'étape « plan d'actions envoyé » était due le 11 avril 2026, il y "
        "a 20 jours",
        "   Indicateur : 1 Information claire et exacte du public sur l'offre",
        "2. NC-1 — une NC majeure empêche la certification ; prochaine étape : « corrections "
        "faites, preuves envoyées » d'ici le",
        "   12 juin 2026",
        "   Indicateur : 11 Évaluation de l'atteinte des objectifs",
        "3. NC-3 — levée le 20 avril 2026 : plus rien à faire",
        "   Indicateur : 12 Engagement des bénéficiaires et prévention des ruptures",
        "",
    ]
    assert "Pourquoi cet ordre" not in narrow


def test_audit_without_nc() -> None:
    """No NC: said in one line, no table, nothing to chase."""
    lines = screen(audit_view(report(folder(), TODAY), FR, explain=True, width=120), 120)
    assert lines[-2:] == ["╰" + "─" * 94 + "╯", "aucune non-conformité"]


def test_actions_to_chase_in_due_order() -> None:
    """Late or near actions of open NCs, nearest due first; a lifted NC's are left out."""
    assert screen(actions_to_chase([sample()], FR), 120) == [
        "Actions à relancer (en retard ou bientôt dues)",
        "- NC-1 A1 — Mme Durand — 20/04/2026 (11 jours de retard) — Former l'équipe",
        "- NC-1 A2 — Mme Durand — 10/05/2026 (dans 9 jours)",
        "",
    ]
    assert actions_to_chase([report(folder(), TODAY)], FR) is None


def test_actions_to_chase_across_audits() -> None:
    """In a portfolio each line names its audit, and due dates mix the audits."""
    assert screen(actions_to_chase(others(), EN, named=True), 140)[1:] == [
        "- Formations du Littoral (audits/littoral) — NC-1 A1 — Mme Durand — 2026-04-20 "
        "(11 days late) — Former l'équipe",
        "- Autre (audits/autre) — NC-1 Z1 — Mme Durand — 2026-04-25 (6 days late)",
        "- Formations du Littoral (audits/littoral) — NC-1 A2 — Mme Durand — 2026-05-10 "
        "(in 9 days)",
        "",
    ]


def test_portfolio_table_from_140_columns() -> None:
    """Audits in error first, then by urgency; a decision awaited is labelled so. Each
    column as wide as its longest word at least, the room left shared: a short name on
    one line, headers over two."""
    broken = [Broken(Path("audits/casse"), None, 2)]
    view = portfolio_view(by_urgency(others()), EN, width=NARROW, broken=broken)
    assert screen(view, NARROW) == [
        "Audits, most urgent first",
        "",
        " " * 80 + "Open     Open",
        "  Organisation             Folder            Audit                 Verdict    majors   "
        "minors   Next due date           Days left",
        " " + "─" * 138,
        "  —                        audits/casse      —                     in error        —  "
        "      —   2 errors: run qnc       —",
        " " * 96 + "check",
        "  Formations du Littoral   audits/littoral   initial audit on 9    blocked         1  "
        "      1   2026-04-11 (NC-2)       20 days late",
        "                                             and 10 March 2026",
        "  Autre                    audits/autre      initial audit on 1    blocked         1  "
        "      0   2026-04-01 (NC-1,       awaited for 30",
        "                                             December 2025                           "
        "           certifier's decision)   days",
        "  Calme                    audits/calme      initial audit on 9    closed          0  "
        "      0   —                       —",
        "                                             and 10 March 2026",
        "",
    ]


def test_portfolio_lines_below_140_columns() -> None:
    """Narrower, each audit is a block of lines; an audit in error only says what to do."""
    broken = [Broken(Path("audits/casse"), None, 2)]
    view = portfolio_view(by_urgency(others()), EN, width=NARROW - 1, broken=broken)
    assert screen(view, NARROW - 1) == [
        "Audits, most urgent first",
        "",
        "audits/casse — in error",
        "   Folder: audits/casse",
        "   To do: 2 errors: run qnc check",
        "",
        "Formations du Littoral — blocked",
        "   Folder: audits/littoral",
        "   Audit: initial audit on 9 and 10 March 2026",
        "   Open NCs: 1 major, 1 minor",
        "   Next due date: 2026-04-11 (NC-2), 20 days late",
        "",
        "Autre — blocked",
        "   Folder: audits/autre",
        "   Audit: initial audit on 1 December 2025",
        "   Open NCs: 1 major, 0 minors",
        "   Next due date: 2026-04-01 (NC-1, certifier's decision), awaited for 30 days",
        "",
        "Calme — closed",
        "   Folder: audits/calme",
        "   Audit: initial audit on 9 and 10 March 2026",
        "   Open NCs: 0 majors, 0 minors",
        "   Next due date: —",
        "",
    ]
