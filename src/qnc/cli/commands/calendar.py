"""``qnc calendar``: the due dates as an iCalendar file, for Outlook, Google or Thunderbird."""

from __future__ import annotations

import typer

from qnc.cli.exports import Force, Out
from qnc.cli.options import LangOption, Paths, Today
from qnc.cli.reports import mention_warnings, read

HELP = (
    "Write the regulatory due dates and the actions' due dates as an iCalendar file "
    "(.ics) to import in Outlook, Google Calendar or Thunderbird: all-day events with a "
    "reminder 'alerte' days before each regulatory step (none already past). Importing a "
    "later export again updates the events instead of duplicating them; done steps and "
    "actions are marked as done. One calendar for every audit found; an audit with errors "
    "has an event on the day of the export that says its due dates are missing.\n\n"
    "Example: qnc calendar qualiopi/ --out echeances.ics"
)


def calendar(
    ctx: typer.Context,
    paths: Paths = None,
    out: Out = None,
    force: Force = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.exports import places, write_out
    from qnc.render.exports.calendar import CalendarStamp, calendar_ics

    day, inspection, tr, reports, broken = read(ctx, paths, today, lang)
    content = calendar_ics(reports, tr, today=day, places=places(reports, broken),
                           broken=broken)  # fmt: skip
    write_out(content, out, reports=reports, broken=broken, stamp=CalendarStamp(), force=force,
              tr=tr)  # fmt: skip
    mention_warnings(inspection, tr)
    if broken:
        raise typer.Exit(1)
