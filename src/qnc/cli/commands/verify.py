"""``qnc verify``: the effectiveness of the actions checked."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

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
    h,
)

HELP = (
    "Record that the effectiveness of the actions was checked: writes 'efficacite' with "
    "'verifiee_le' and 'resultat'.\n\n"
    "\b\nExample:\n  qnc verify NC-02 --resultat efficace"
)


class Result(StrEnum):
    effective = "efficace"
    ineffective = "inefficace"


def verify(
    ctx: typer.Context,
    nc: NcId,
    result: Annotated[
        Result,
        typer.Option(
            "--resultat",
            help=h("What the check found: efficace or inefficace."),
            case_sensitive=False,
        ),
    ],
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
        lambda session, day: facts.verify(
            session, nc, result=result.value, day=on or day, correct=correct
        ),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )
