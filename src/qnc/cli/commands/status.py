"""``qnc status``: where each audit stands and what to do first."""

from __future__ import annotations

from typing import Annotated

import typer

from qnc.cli.options import (
    Format,
    LangOption,
    Paths,
    Today,
    h,
)
from qnc.cli.reports import mention_warnings, read

HELP = (
    "Show where an audit stands: verdict on the certification, regulatory due dates and "
    "the non-conformities in the order to deal with them. For a folder holding several "
    "audits, one row per audit, most urgent first; an audit closed by a later audit of "
    "its organisation is folded (--all shows it)."
)


def status(
    ctx: typer.Context,
    paths: Paths = None,
    output: Annotated[
        Format, typer.Option("--format", help=h("Output: table or json."))
    ] = Format.table,
    explain: Annotated[
        bool, typer.Option("--explain", help=h("Say why each NC stands at its rank."))
    ] = False,
    detail: Annotated[
        bool, typer.Option("--detail", help=h("With several audits, list the NCs of each."))
    ] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help=h(
                "Also show the audits that a later audit of their organisation closed "
                "(folded by default; see qnc historique)."
            ),
        ),
    ] = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    day, inspection, tr, reports, broken = read(ctx, paths, today, lang)
    from qnc.rules.report import by_urgency

    ordered = by_urgency(reports)
    # An audit closed by a later one of its organisation is folded into its history.
    shown = ordered if everything else [r for r in ordered if r.closed_by is None]
    if output is Format.json:  # every audit: programs read "cloture"
        from qnc.cli.output import write_utf8
        from qnc.render.json_output import status_json

        write_utf8(status_json(ordered, today=day, tr=tr, broken=broken))
    elif len(shown) == 1 and not broken:  # one audit: drawn without Rich
        from qnc.render.terminal import styled
        from qnc.render.terminal.status import audit_view, folded_note

        styled.write(audit_view(shown[0], tr, explain=explain, width=styled.columns()))
        note = folded_note(len(ordered) - len(shown), tr)
        if note is not None:
            styled.write(note)
    else:
        from qnc.render.terminal import styled
        from qnc.render.terminal.chase import actions_to_chase
        from qnc.render.terminal.console import console
        from qnc.render.terminal.portfolio import portfolio_view
        from qnc.render.terminal.status import audit_view, folded_note

        out = console()
        out.print(portfolio_view(shown, tr, width=out.width, broken=broken))
        chase = actions_to_chase(shown, tr, named=True)
        if chase is not None and not (detail or explain):  # else each audit lists its own
            styled.write(chase)
        note = folded_note(len(ordered) - len(shown), tr)
        if note is not None:
            styled.write(note)
        if detail or explain:
            for report in shown:
                styled.write(audit_view(report, tr, explain=explain, width=out.width))
    mention_warnings(inspection, tr)
    if broken:
        raise typer.Exit(1)
