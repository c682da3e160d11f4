"""``qnc done``: an action done, with its evidence."""

from __future__ import annotations

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
    "Record that an action is done: writes 'fait_le' (the day, today by default) and adds "
    "the evidence files to 'preuves'. Nothing else in the file changes.\n\n"
    "\b\nExample:\n  qnc done NC-02 A1 --preuve preuves/liste-emargement.pdf"
)


def done(
    ctx: typer.Context,
    nc: NcId,
    action: Annotated[
        str, typer.Argument(metavar=h("ACTION-ID"), help=h("The action (its id: A1…)."))
    ],
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--preuve",
            metavar=h("PATH"),
            help=h("An evidence file, inside the audit folder (repeat for several)."),
            show_default=False,
        ),
    ] = None,
    seal: Annotated[
        bool,
        typer.Option(
            "--empreinte",
            help=h(
                "Record each evidence file with its fingerprint (SHA-256), as 'qnc "
                "empreinte' prints it: qnc check then reports any later change to the file."
            ),
        ),
    ] = False,
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
    if seal and not evidence:
        from qnc.cli.localized import UsageError, run_language
        from qnc.i18n import t, translator

        raise UsageError(translator(run_language())(t("--empreinte goes with --preuve")), ctx)
    record(
        ctx,
        lambda session, day: facts.done(
            session,
            nc,
            action,
            day=on or day,
            explicit=on is not None,
            evidence=evidence or [],
            correct=correct,
            fingerprint=seal,
        ),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )
