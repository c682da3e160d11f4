"""``qnc historique``: each organisation's audits in order, and what comes next."""

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
    "Tell each organisation's story: its audits in order, with their NCs (lifted, carried "
    "over to the next audit, recurring) and verdicts, the certificate's dates and the "
    "next audit due (surveillance or renewal). The audits an audit names ('precedent', "
    "'origine') are read too.\n\n\b\nExample:\n  qnc historique examples/2028-03-audit-surveillance"
)


def history(
    ctx: typer.Context,
    paths: Paths = None,
    output: Annotated[
        Format, typer.Option("--format", help=h("Output: table or json."))
    ] = Format.table,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    day, inspection, tr, _, broken = read(ctx, paths, today, lang)
    stories = inspection.history()
    if output is Format.json:
        from qnc.cli.output import write_utf8
        from qnc.render.json_output import history_json

        write_utf8(history_json(stories, today=day, tr=tr, broken=broken))
    else:
        from qnc.render.terminal import styled
        from qnc.render.terminal.history import history_view

        styled.write(history_view(stories, tr, broken=broken))
    mention_warnings(inspection, tr)
    if broken:
        raise typer.Exit(1)
