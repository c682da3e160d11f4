"""``qnc sent``: the action plan, or the evidence, sent to the certifier."""

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
    "Record that the action plan (--plan) or the evidence of correction (--preuves) was "
    "sent to the certifier: writes 'plan_envoye_le' or 'preuves_envoyees_le'.\n\n"
    "\b\nExample:\n  qnc sent NC-02 --plan --le 2026-10-12"
)


def sent(
    ctx: typer.Context,
    nc: NcId,
    plan: Annotated[
        bool, typer.Option("--plan", help=h("The action plan was sent (plan_envoye_le)."))
    ] = False,
    evidence: Annotated[
        bool,
        typer.Option("--preuves", help=h("The evidence was sent (preuves_envoyees_le).")),
    ] = False,
    on: On = None,
    correct: Correct = False,
    folder: Dossier = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.localized import UsageError, run_language
    from qnc.cli.recording import correction_day, record
    from qnc.editing import facts
    from qnc.i18n import t, translator

    if plan == evidence:
        tr = translator(run_language())
        raise UsageError(tr(t("give either --plan or --preuves")), ctx)
    correction_day(ctx, on, correct)
    what = "plan" if plan else "preuves"
    record(
        ctx,
        lambda session, day: facts.sent(session, nc, what=what, day=on or day, correct=correct),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )
