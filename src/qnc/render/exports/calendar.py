"""``qnc calendar``: regulatory steps and action due dates as an iCalendar file (RFC 5545).

Every event is all-day, on the last allowed day. Its UID comes from the audit's place
(see :func:`calendar_ics`), the NC id and the step or action id, never from the day of
the run: importing the file again updates the events instead of duplicating them. A met
step or a done action keeps its event, marked done and without reminder, so that a
re-import updates the event already in the calendar. A reminder that would ring before
the day of the export is left out, the event kept: a first import must not raise a
flood of overdue alarms. An audit left out for its errors has an event on the day of
the export that says so: its due dates are missing from the calendar, and the calendar
is where the consultant looks. ``icalendar`` is imported only here.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from qnc import __version__
from qnc.i18n import Msg, Translator, t
from qnc.render.broken import broken_errors
from qnc.render.diagnostics import display_path, visible
from qnc.render.phrases import audit_title, days_left, state_of
from qnc.rules.clocks import Step
from qnc.rules.report import ActionState, AuditReport, NcState
from qnc.rules.states import Status, StepKind
from qnc.rules.words import STEP_FACTS, status_label, step_label, step_todo_label

if TYPE_CHECKING:
    from icalendar import Event

    from qnc.inspection import Broken

PRODID = f"-//qnc//qnc {__version__}//FR"
FINGERPRINT = "X-QNC-EMPREINTE:"
_NAMESPACE = uuid.UUID("6f1c1f52-4a8e-5d2b-9a34-0d6c2b1e7a10")
"""Fixed once and for all: UIDs derived from it must never change."""
_REMINDER_HOUR = 9
"""Reminders ring at 9 a.m., not at midnight when the all-day event starts."""
_EPOCH = date(2000, 1, 1)


def calendar_ics(reports: Sequence[AuditReport], tr: Translator, *, today: date,
                 places: Mapping[Path, str], broken: Sequence[Broken] = ()) -> bytes:  # fmt: skip
    """One calendar for every audit of ``reports``, and an event for each audit left out
    for its errors (``broken``); ``places`` names each audit folder the same way on
    every machine (its path in the git repository), for the UIDs."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    names = sorted({r.folder.audit.organisation.name for r in reports})
    title = t("Qualiopi due dates")
    if len(names) == 1:
        title = t("Qualiopi due dates — {organisation}", organisation=names[0])
    calendar.add("x-wr-calname", tr(title))
    for entry in broken:
        calendar.add_component(_broken_event(entry, tr, places[entry.path], today))
    for report in reports:
        place = places[report.folder.path]
        named = len(reports) > 1
        for nc in report.ncs:
            for step in nc.clocked.steps:
                calendar.add_component(_step_event(step, nc, report, tr, place, named=named))
            for item in nc.actions:
                calendar.add_component(_action_event(item, nc, report, tr, place, named=named))
    for event in calendar.walk("VEVENT"):
        # A stamp from the day evaluated, not the clock; SEQUENCE grows with it, so that
        # calendars take a later export as an update of the events they hold.
        event.add("dtstamp", datetime.combine(today, time(), UTC))
        event.add("sequence", (today - _EPOCH).days)
    return _fingerprinted(calendar.to_ical())


def _step_event(step: Step, nc: NcState, report: AuditReport, tr: Translator, place: str, *,
                named: bool) -> Event:  # fmt: skip
    nc_id = nc.file.nc.id
    done = step.status.is_met or not nc.clocked.open
    title = tr(step_todo_label(step.kind, nc_id))
    lines = [
        tr(t("Step: {step}, due {basis}", step=step_label(step.kind), basis=_basis(step, report))),
        tr(_state(step.status.is_met, step.status, step.days_left, nc, report)),
        tr(_file_line(nc, STEP_FACTS[step.kind])),
    ]
    event = _event(f"{place}/{nc_id}/{step.kind.value}", step.due, title, lines, report, tr,
                   done=done, late=step.status is Status.MET_LATE, carried=nc.clocked.carried,
                   named=named)  # fmt: skip
    start = report.folder.audit.rules.alert.before(step.due)
    if not done and start >= report.today:  # a reminder already past would only nag
        from icalendar import Alarm

        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", timedelta(days=-(step.due - start).days, hours=_REMINDER_HOUR))
        event.add_component(alarm)
    return event


def _broken_event(broken: Broken, tr: Translator, place: str, today: date) -> Event:
    """An audit with errors, on the day of the export: its due dates are not in the
    calendar until its files are fixed. Exported again while still in error, the event
    moves to the new day; once fixed, it stays where it was, in the past."""
    from icalendar import Event

    name = " ".join((broken.organisation or broken.path.name).split())
    title = tr(t("{organisation}: files with errors, due dates missing from this calendar "
                 "(run qnc check)", organisation=name))  # fmt: skip
    again = t("Export of {day}: once the files are fixed, export the calendar again.", day=today)
    lines = [
        tr(t("Folder: {folder}", folder=display_path(broken.path))),
        tr(broken_errors(broken)),
        tr(again),
    ]
    event = Event()
    event.add("uid", f"{uuid.uuid5(_NAMESPACE, f'{place}/errors')}@qnc")
    event.add("summary", visible(title))
    event.add("dtstart", today)
    event.add("dtend", today + timedelta(days=1))
    event.add("description", visible("\n".join(lines), lines=True))
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["Qualiopi"])
    return event


def _action_event(item: ActionState, nc: NcState, report: AuditReport, tr: Translator,
                  place: str, *, named: bool) -> Event:  # fmt: skip
    action, nc_id = item.action, nc.file.nc.id
    owners = ", ".join(action.owners)
    what = " ".join(action.description.split()) or tr(t("action {id}", id=action.id))
    title = tr(t("{nc} {id} — {what} ({owner})", nc=nc_id, id=action.id, what=what,
                 owner=owners))  # fmt: skip
    lines = [
        tr(t("Owner: {owner}", owner=owners)),
        tr(_state(item.done, item.status, item.days_left, nc, report)),
        tr(_file_line(nc, "fait_le")),
    ]
    if action.expected_evidence:
        lines.insert(1, tr(t("Expected evidence: {what}", what=action.expected_evidence)))
    return _event(f"{place}/{nc_id}/{action.id}", action.due, title, lines, report, tr,
                  done=item.done or not nc.clocked.open, late=item.status is Status.MET_LATE,
                  carried=nc.clocked.carried, named=named)  # fmt: skip


def _event(key: str, day: date, title: str, lines: list[str], report: AuditReport,
           tr: Translator, *, done: bool, late: bool, carried: bool,
           named: bool) -> Event:  # fmt: skip
    """An all-day event on ``day``; its title marked when carried over, done, or done
    after its due date (``late``)."""
    from icalendar import Event

    organisation = report.folder.audit.organisation.name
    if named:
        title = f"{organisation} · {title}"
    if carried:
        title = tr(t("[carried over] {title}", title=title))
    elif done and late:
        title = tr(t("[done late] {title}", title=title))
    elif done:
        title = tr(t("[done] {title}", title=title))
    heading = f"{organisation} — {tr(audit_title(report))}"
    event = Event()
    event.add("uid", f"{uuid.uuid5(_NAMESPACE, key)}@qnc")
    event.add("summary", visible(title))  # a folder's name may hold a control character
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("description", visible("\n".join([heading, *lines]), lines=True))
    event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy
    event.add("categories", ["Qualiopi"])
    return event


def _state(met: bool, status: Status, left: int, nc: NcState, report: AuditReport) -> Msg:
    if nc.clocked.carried:
        return t("Carried over to a later audit")
    if not met and not nc.clocked.open:  # what a closed NC leaves undone is never late
        return t("State on {day}: {status}", day=report.today, status=state_of(nc))
    if met:
        return t("State on {day}: {status}", day=report.today, status=status_label(status))
    return t("State on {day}: {status} ({left})", day=report.today,
             status=status_label(status), left=days_left(left))  # fmt: skip


def _basis(step: Step, report: AuditReport) -> Msg:
    if step.kind is StepKind.DECISION:
        return t("correction due date + {duration}", duration=step.basis.describe())
    return t("notification ({day}) + {duration}", day=report.folder.audit.audit.clock_start,
             duration=step.basis.describe())  # fmt: skip


def _file_line(nc: NcState, key: str) -> Msg:
    return t("File to edit: {file} ('{key}' once done)", file=display_path(nc.file.path),
             key=key)  # fmt: skip


def _fingerprinted(content: bytes) -> bytes:
    """The calendar with a digest of its events before END:VCALENDAR, where calendars
    ignore it: qnc replaces an exported calendar only while nobody changed it."""
    body, end = content[: content.rindex(b"END:VCALENDAR")], b"END:VCALENDAR\r\n"
    return body + f"{FINGERPRINT}{_digest(body)}\r\n".encode() + end


def _digest(body: bytes) -> str:
    return hashlib.sha256(body.replace(b"\r\n", b"\n")).hexdigest()[:16]


class CalendarStamp:
    """How qnc knows a calendar it exported, and whether anybody changed it since: its
    PRODID, and the fingerprint property before its end (see :func:`_fingerprinted`).
    A :class:`qnc.writing.stamps.Stamp`."""

    def state(self, content: bytes) -> Literal["same", "edited", "foreign"]:
        head = content[:200]
        if not head.startswith(b"BEGIN:VCALENDAR") or f"PRODID:{PRODID[:8]}".encode() not in head:
            return "foreign"
        marker = b"\n" + FINGERPRINT.encode()
        at = content.rfind(marker)
        if at < 0:  # qnc always writes it: somebody took it out
            return "edited"
        body = content[: at + 1]
        digest = content[at + len(marker) :].split(b"\n", 1)[0].rstrip(b"\r")
        return "same" if digest.decode("ascii", "replace") == _digest(body) else "edited"
