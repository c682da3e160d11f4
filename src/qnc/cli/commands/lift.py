"""``qnc lift``: the certifier lifted an NC."""

from __future__ import annotations

import typer

from qnc.cli.options import (
    Commit,
    Correct,
    Dossier,
    DryRun,
    LangOption,
    NcId,
    On,
    Today,
)

HELP = (
    "Record that the certifier lifted the NC: writes 'levee_le', the day of the certifier's "
    "decision: give it with --le (without --le, today is written, and said so).\n\n"
    "\b\nExample:\n  qnc lift NC-02 --le 2027-01-15"
)


def lift(
    ctx: typer.Context,
    nc: NcId,
    on: On = None,
    correct: Correct = False,
    folder: Dossier = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.recording import correction_day, record
    from qnc.editing import facts

    correction_day(ctx, on, correct)
    record(
        ctx,
        lambda session, day: facts.lift(
            session, nc, day=on or day, explicit=on is not None, correct=correct
        ),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )
