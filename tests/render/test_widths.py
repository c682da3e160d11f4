"""The NC table and the portfolio table read at every terminal width: nothing wider than
the terminal, and no id, date, folder or word cut or wrapped in its middle (Rich squeezed
every column when the content did not fit, from 120 to about 134 columns)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnc.i18n import translator
from qnc.inspection import Broken
from qnc.render.terminal.portfolio import portfolio_view
from qnc.render.terminal.status import audit_view
from qnc.rules.report import AuditReport, by_urgency
from tests.render.test_terminal import screen
from tests.rules.builders import TODAY, action, audit, folder, nc, report

WIDTHS = (80, 100, 120, 127, 134, 160, 200)
FR = translator("fr")


def crowded() -> AuditReport:
    """Long cells: an NC waiting for its lift, a late plan, a lifted NC, one carried
    over to a later audit, a long id."""
    fixed = [action("A1", "2026-04-20", done="2026-04-10", type="correction")]
    return report(
        folder(
            [
                nc("NC-01", "mineure", 1, plan_envoye_le="2026-04-01", actions=fixed),
                nc(
                    "NC-02-FORMATEUR",
                    "majeure",
                    11,
                    preuves_envoyees_le="2026-04-01",
                    actions=fixed,
                ),
                nc("NC-03", "mineure", 12, plan_envoye_le="2026-04-20"),
                nc("NC-04", "mineure", 19, levee_le="2026-04-22"),
                nc("NC-05", "majeure", 4, actions=[action("B1", "2026-04-02")]),
                nc("NC-06", "mineure", 26),
            ]
        ),
        TODAY,
        carried={"NC-06": date(2026, 4, 15)},
    )


def clients() -> list[AuditReport]:
    """A consultant's folder: long names and folders, several audits."""
    long_name = "Centre de Formation Professionnelle des Métiers du Bâtiment"
    return [
        crowded(),
        report(
            folder(
                [nc("NC-01", "majeure", 11, preuves_envoyees_le="2026-04-01")],
                path=Path("clients/centre-formation-metiers-batiment/2025-12-audit-initial"),
                record=audit(
                    organisation=long_name, debut="2025-12-01", fin=None, notification="2025-12-01"
                ),
            ),
            TODAY,
        ),
        report(folder(path=Path("clients/calme"), record=audit(organisation="Calme")), TODAY),
    ]


def _unbroken(lines: list[str], whole: list[str], width: int) -> None:
    text = "\n".join(lines)
    assert max(len(line) for line in lines) <= width
    for item in whole:
        assert item in text, f"{item!r} cut or wrapped at {width} columns"


@pytest.mark.parametrize("width", range(80, 201))
def test_nc_view_cuts_only_the_indicator_title(width: int) -> None:
    """Ids, dates and states whole at every width from 80 to 200 columns; in the table,
    only the indicator's title may end with '…'."""
    lines = screen(audit_view(crowded(), FR, explain=False, width=width), width)
    ids = [entry.nc.id for entry in crowded().folder.ncs]
    _unbroken(lines, [*ids, "12/06/2026", "12/07/2026", "12/09/2026"], width)
    header = next((line for line in lines if line.startswith("#  NC ")), None)
    if header is None:
        assert width < 134 and "1. NC-05 — majeure — bloquante" in lines
        return
    assert width >= 120
    for state in ("ouverte, plan tardif", "levée le 22/04/2026", "reprise le 15/04/2026",
                  "levée attendue", "dans 134 j"):  # fmt: skip
        assert state in "\n".join(lines)
    for line in lines[lines.index(header) + 2 :]:
        if line[:1].isdigit() and "…" in line:
            assert line.index("…") < header.index("Gravité")


@pytest.mark.parametrize("width", WIDTHS)
def test_nc_view_at_common_widths(width: int) -> None:
    """The list below 134 columns for these long states and steps (Rich squeezed every
    column of the table from 120 to 133, cutting ids and dates), the table from 134."""
    lines = screen(audit_view(crowded(), FR, explain=False, width=width), width)
    assert any(line.startswith("#  NC ") for line in lines) is (width >= 134)


@pytest.mark.parametrize("width", range(80, 201))
def test_portfolio_keeps_words_whole(width: int) -> None:
    """Folders, dates and every word of the names whole, at every width: a table when
    they fit, else a block of lines per audit."""
    broken = [Broken(Path("clients/casse"), "Organisme en erreur", 2)]
    reports = clients()
    lines = screen(portfolio_view(by_urgency(reports), FR, width=width, broken=broken), width)
    folders = [str(r.folder.path) for r in reports] + ["clients/casse"]
    _unbroken(lines, [*folders, "12/06/2026", "01/04/2026"], width)
    assert "…" not in "\n".join(lines)
    words = set("\n".join(lines).split())
    for r in reports:
        name = r.folder.audit.organisation.name
        assert set(name.split()) <= words, f"a word of {name!r} is cut at {width}"


@pytest.mark.parametrize("width", WIDTHS)
def test_portfolio_table_once_its_words_fit(width: int) -> None:
    """The 62-character folder needs 160 columns for the table; narrower, lines."""
    lines = screen(portfolio_view(by_urgency(clients()), FR, width=width), width)
    table = any(line.split()[:2] == ["Organisme", "Dossier"] for line in lines)
    assert table is (width >= 160)
    if not table:
        assert (
            lines[2] == "Centre de Formation Professionnelle des Métiers du Bâtiment — compromise"
        )
