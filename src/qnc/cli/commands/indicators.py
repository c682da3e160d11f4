"""``qnc indicateurs``: the indicators of a grid."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from qnc.cli.options import Format, GridDay, LangOption, chosen_language, h, today_or_now
from qnc.i18n import DEFAULT_LANGUAGE, translator
from qnc.model.referential import GRIDS, Category, grid_for

HELP = (
    "List the indicators of a grid of the Référentiel National Qualité. Without "
    "--referentiel, the grid in force on the day (--today): rnq-2019, or from "
    "1 November 2026 the reported 33-indicator grid rnq-2026 (not verified)."
)

GridId = StrEnum("GridId", {g: g for g in GRIDS})  # type: ignore[misc]


def indicators(
    ctx: typer.Context,
    grid_id: Annotated[
        GridId | None,
        typer.Option("--referentiel", help=h("Grid to list (default: the one in force).")),
    ] = None,
    category: Annotated[
        Category | None,
        typer.Option("--categorie", help=h("Only the indicators that apply to this category.")),
    ] = None,
    output: Annotated[
        Format, typer.Option("--format", help=h("Output: table or json."))
    ] = Format.table,
    today: GridDay = None,
    lang: LangOption = None,
) -> None:
    tr = translator(chosen_language(ctx, lang) or DEFAULT_LANGUAGE)
    grid = grid_for(today_or_now(today), grid_id.value if grid_id else None)
    chosen = [i for i in grid.indicators.values() if category is None or category in i.applies]
    if output is Format.json:
        from qnc.cli.output import write_utf8
        from qnc.render.json_output import indicators_json

        write_utf8(indicators_json(grid, chosen, tr))
        return
    from qnc.render.terminal.console import console
    from qnc.render.terminal.indicators import indicators_table

    console().print(indicators_table(grid, chosen, tr))
