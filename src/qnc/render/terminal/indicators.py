"""The indicators of a grid, as a Rich table or JSON."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from qnc.i18n import Msg, Translator, t, tn
from qnc.model.referential import Grid, Indicator


def applies_to(indicator: Indicator, tr: Translator) -> str:
    """``AF (alternance), CFA``: categories, with the activity each one needs."""
    parts = []
    for category in indicator.categories:
        activity = indicator.applies[category]
        parts.append(f"{category} ({activity})" if activity else str(category))
    return ", ".join(parts)


def indicators_table(grid: Grid, indicators: Sequence[Indicator], tr: Translator) -> Table:
    table = Table(title=tr(_title(grid)), title_justify="left")
    for header in (
        t("No."),
        t("Criterion"),
        t("Label"),
        t("Applies to"),
        t("Major only"),
        t("New entrant"),
    ):
        table.add_column(tr(header))
    yes, no = tr(t("yes")), tr(t("no"))
    for indicator in indicators:
        table.add_row(
            str(indicator.number),
            str(indicator.criterion or "?"),
            Text(tr.text(indicator.label)),
            applies_to(indicator, tr),
            yes if indicator.major_only else no,
            yes if indicator.new_entrant else no,
        )
    return table


def _title(grid: Grid) -> Msg:
    # The label of an unverified grid already says so; its id keeps the title short.
    if grid.verified:
        return t("Indicators of the grid {grid}", grid=t(grid.label))
    return tn(
        "Indicators of the grid {grid} ({n} indicator), reported but not verified "
        "against the official journal",
        "Indicators of the grid {grid} ({n} indicators), reported but not verified "
        "against the official journal",
        len(grid.indicators),
        grid=grid.id,
    )
