"""``qnc lift``: the certifier lifted an NC."""

from __future__ import annotations

from typing import Annotated

import typer

from qnc.cli.options import (
    Commit,
    Dossier,
    DryRun,
    LangOption,
    On,
    Today,
    h,
)

HELP = (
    "Record that the certifier lifted the NC: writes 'levee_le'.\n\n"
    "\b\nExample:\n  qnc lift NC-02 --le 2027-01-15"
)


def lift(
    ctx: typer.Context,
    nc: Annotated[str, typer.Argument(metavar=h("NC-ID"), help=h("The NC (its id)."))],
    on: On = None,
    folder: Dossier = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.recording import record
    from qnc.editing import facts

    record(
        ctx,
        lambda session, day: facts.lift(session, nc, day=on or day),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )
