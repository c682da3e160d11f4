"""``qnc relances``: what each owner owes, to paste in an e-mail."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from qnc.cli.options import (
    LangOption,
    Paths,
    Today,
    chosen_language,
    h,
    paths_or_here,
    today_or_now,
)
from qnc.cli.reports import mention_warnings, reports_or_exit
from qnc.i18n import translator

HELP = (
    "List, for each owner (responsable), the actions they owe: late ones first, then "
    "those due within the audit's alert period ('alerte'). Ready to paste in an e-mail, "
    "as plain text or Markdown. For a folder holding several audits, every audit's "
    "actions, each with its organisation.\n\n"
    "Example: qnc relances qualiopi/ --format markdown > relances.md"
)


class ReminderFormat(StrEnum):
    text = "text"
    markdown = "markdown"


def reminders(
    ctx: typer.Context,
    paths: Paths = None,
    output: Annotated[
        ReminderFormat, typer.Option("--format", help=h("Output: text or markdown."))
    ] = ReminderFormat.text,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.inspection import inspect
    from qnc.render.exports import reminders as render
    from qnc.rules.reminders import reminders as owed

    day = today_or_now(today)
    inspection = inspect(paths_or_here(paths), today=day, lang=chosen_language(ctx, lang))
    tr = translator(inspection.language)
    reports, broken = reports_or_exit(inspection, tr, partial=True)
    named = len(reports) + len(broken) > 1
    if output is ReminderFormat.markdown:
        from qnc.cli.output import write_utf8

        write_utf8(render.reminders_markdown(owed(reports), tr, today=day, named=named))
    else:
        sys.stdout.write(render.reminders_text(owed(reports), tr, today=day, named=named))
    mention_warnings(inspection, tr)
    if broken:
        raise typer.Exit(1)
