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
    h,
)
from qnc.cli.reports import mention_warnings, read

HELP = (
    "List, for each owner (responsable), the actions they owe: late ones first, then "
    "those due within the audit's alert period ('alerte'). Ready to paste in an e-mail, "
    "as plain text or Markdown; JSON for programs. For a folder holding the audits of "
    "several organisations, one section per organisation, then per owner (one e-mail "
    "per client); --par responsable groups by owner across them. Audits with errors are "
    "named first: their actions are missing.\n\n"
    "Example: qnc relances qualiopi/ --format markdown > relances.md"
)


class ReminderFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class Grouping(StrEnum):
    organisme = "organisme"
    responsable = "responsable"


def reminders(
    ctx: typer.Context,
    paths: Paths = None,
    output: Annotated[
        ReminderFormat, typer.Option("--format", help=h("Output: text, markdown or json."))
    ] = ReminderFormat.text,
    grouping: Annotated[
        Grouping | None,
        typer.Option(
            "--par",
            help=h(
                "Group by organisation then owner (default with several organisations), "
                "or by owner across them (default with one)."
            ),
            show_default=False,
        ),
    ] = None,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.rules import reminders as owed

    day, inspection, tr, reports, broken = read(ctx, paths, today, lang)
    if output is ReminderFormat.json:
        from qnc.cli.output import write_utf8
        from qnc.render.json_output import reminders_json

        write_utf8(reminders_json(owed.chased(reports), today=day, broken=broken))
    else:
        from qnc.render.exports import reminders as render

        if grouping is None:
            several = owed.organisations(reports, [b.organisation for b in broken]) > 1
            grouping = Grouping.organisme if several else Grouping.responsable
        named = len(reports) + len(broken) > 1
        grouped = (owed.by_client(reports) if grouping is Grouping.organisme
                   else owed.reminders(reports))  # fmt: skip
        if output is ReminderFormat.markdown:
            from qnc.cli.output import write_utf8

            write_utf8(render.reminders_markdown(grouped, tr, today=day, named=named,
                                                 broken=broken))  # fmt: skip
        else:
            sys.stdout.write(render.reminders_text(grouped, tr, today=day, named=named,
                                                   broken=broken))  # fmt: skip
    mention_warnings(inspection, tr)
    if broken:
        raise typer.Exit(1)
