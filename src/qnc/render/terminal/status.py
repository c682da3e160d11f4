"""``qnc status`` in the terminal: a header and the NCs in priority order (Rich).

Colours only underline what the words say (late, near, met), so the text reads the
same without them: with NO_COLOR, in a pipe, or in a screen reader. Below ``NARROW``
columns a table would cut its columns, so each row becomes a block of lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from qnc.i18n import Msg, Translator, t
from qnc.model.records import Grade
from qnc.render.diagnostics import display_path
from qnc.render.phrases import (
    audit_title,
    days_left,
    grid_phrase,
    notification_phrase,
    state_of,
)
from qnc.render.terminal.styles import GROUP_STYLES, STATUS_STYLES, VERDICT_STYLES
from qnc.rules.report import AuditReport, NcState
from qnc.rules.states import Status
from qnc.rules.words import grade_label, step_label, verdict_label

NARROW = 120
"""Below this width the NC table would squeeze or cut columns."""


@dataclass(frozen=True)
class _Cells:
    """One NC as the table and the list show it."""

    rank: str
    nc_id: Text
    indicator: Text
    grade: Text
    state: Text
    step: Text
    due: Text
    left: Text
    done: str
    late: Text


def audit_view(report: AuditReport, tr: Translator, *, explain: bool, width: int) -> RenderableType:
    if not report.ncs:
        ncs: RenderableType = Text(tr(t("no non-conformity")))
    elif width >= NARROW:
        ncs = nc_table(report, tr)
    else:
        ncs = nc_list(report, tr)
    parts: list[RenderableType] = [header(report, tr), ncs]
    chase = actions_to_chase([report], tr)
    if chase is not None:
        parts.append(chase)
    if explain and report.ncs:
        parts.append(explanations(report, tr))
    return Stack(*parts)


def header(report: AuditReport, tr: Translator) -> Panel:
    audit = report.folder.audit
    text = Text()
    for label, value in (
        (t("Organisation"), audit.organisation.name),
        (t("Audit"), tr(audit_title(report)) + " — " + audit.certifier.name),
        (t("Folder"), display_path(report.folder.path)),
        (t("Notification"), tr(notification_phrase(report))),
        (t("Grid"), grid_phrase(report, tr)),
        (t("Today"), tr(report.today)),
    ):
        _field(text, label, tr)
        text.append(f"{value}\n")
    certificate = audit.certificate
    if certificate is not None:
        _field(text, t("Certificate"), tr)
        if certificate.end < report.today:
            text.append(tr(t("expired on {day}", day=certificate.end)), "bold red")
        else:
            text.append(tr(t("valid until {day}", day=certificate.end)))
        text.append("\n")
    outcome = report.outcome
    _field(text, t("Verdict"), tr)
    text.append(tr(verdict_label(outcome.verdict)).upper(), VERDICT_STYLES[outcome.verdict])
    text.append(f" — {tr(outcome.reason)}")
    if outcome.deadline:
        step = outcome.deadline.step
        text.append("\n")
        _field(text, t("Nearest blocking due date"), tr)
        line = t("{due}, {id} ({left})", due=step.due, id=outcome.deadline.subject,
                 left=days_left(step.days_left))  # fmt: skip
        text.append(tr(line), STATUS_STYLES[step.status])
    return Panel(text, expand=False)


def nc_table(report: AuditReport, tr: Translator) -> Table:
    table = titled_table(tr(t("Non-conformities, in priority order")))
    table.add_column("#", justify="right")
    table.add_column(tr(t("NC")))
    table.add_column(tr(t("Indicator")), min_width=14)
    table.add_column(tr(t("Grade")))
    table.add_column(tr(t("State")), max_width=12)
    table.add_column(tr(t("Next step")), min_width=15)
    for header_msg in (t("Due"), t("Left")):  # a date or "dans 118 jours" cut in two misleads
        table.add_column(tr(header_msg), no_wrap=True)
    for header_msg in (t("Actions"), t("Late")):
        table.add_column(tr(header_msg), justify="right")
    for nc in report.ncs:
        c = _cells(nc, tr)
        table.add_row(c.rank, c.nc_id, c.indicator, c.grade, c.state, c.step, c.due, c.left,
                      c.done, c.late)  # fmt: skip
    return table


def nc_list(report: AuditReport, tr: Translator) -> Text:
    """The NC table as blocks of lines, for narrow terminals and screen readers."""
    text = Text(tr(t("Non-conformities, in priority order")) + "\n", "bold")
    for nc in report.ncs:
        c = _cells(nc, tr)
        text.append(f"\n{c.rank}. ")
        text.append_text(c.nc_id)
        text.append(f" — {c.grade} — ")
        text.append_text(c.state)
        labelled_line(text, t("Indicator"), tr, c.indicator)
        step = c.step.copy()
        if c.due.plain != "—":
            step.append(f", {c.due.plain} (")
            step.append_text(c.left)
            step.append(")")
        labelled_line(text, t("Next step"), tr, step)
        done = t("{done} done, {late} late", done=c.done, late=c.late.plain)
        labelled_line(text, t("Actions"), tr, Text(tr(done)))
        text.append("\n")
    return text


def actions_to_chase(reports: Sequence[AuditReport], tr: Translator, *,
                     named: bool = False) -> Text | None:  # fmt: skip
    """Who owes what: open actions that are late or due soon, nearest first, with owners;
    ``named`` (a portfolio), each line starts with its organisation and folder."""
    pending = [
        (item, nc, report)
        for report in reports
        for nc in report.ncs
        if nc.clocked.open
        for item in nc.actions
        if item.status in (Status.OVERDUE, Status.NEAR)
    ]
    if not pending:
        return None
    text = Text(tr(t("Actions to chase (late or due soon)")) + "\n", "bold")
    for item, nc, report in sorted(pending, key=lambda entry: entry[0].action.due):
        action = item.action
        text.append("- ")
        if named:
            where = display_path(report.folder.path)
            text.append(f"{report.folder.audit.organisation.name} ({where}) — ")
        text.append(f"{nc.file.nc.id} {action.id} — {', '.join(action.owners)} — ")
        text.append(
            tr(t("{due} ({left})", due=tr.short_date(action.due), left=days_left(item.days_left))),
            STATUS_STYLES[item.status],
        )
        if action.description:
            text.append(f" — {action.description}")
        text.append("\n")
    return text


def explanations(report: AuditReport, tr: Translator) -> Text:
    text = Text(tr(t("Why this order")) + "\n", "bold")
    for nc in report.ncs:
        text.append(f"{nc.rank}. {nc.file.nc.id} — {tr(nc.reason)}\n")
    return text


def _cells(nc: NcState, tr: Translator) -> _Cells:
    record = nc.file.nc
    indicator = str(record.indicator)
    if nc.indicator:
        indicator += " " + tr.text(nc.indicator.label)
    following = nc.clocked.next
    step, due, left = Text("—"), Text("—"), Text("—")
    if following is not None:
        style = STATUS_STYLES[following.status]
        step = Text(tr(step_label(following.kind)))
        due = Text(tr.short_date(following.due), style)
        left = Text(tr(days_left(following.days_left)), style)
    return _Cells(
        rank=str(nc.rank),
        nc_id=Text(record.id),
        indicator=Text(indicator),
        grade=Text(tr(grade_label(record.grade)), "bold" if record.grade is Grade.MAJOR else ""),
        state=Text(tr(state_of(nc)), GROUP_STYLES[nc.group]),
        step=step,
        due=due,
        left=left,
        done=f"{nc.done}/{len(nc.actions)}",
        late=Text(str(nc.late), "bold red" if nc.late else ""),
    )


def titled_table(title: str) -> Table:
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")


def _field(text: Text, label: Msg, tr: Translator) -> None:
    text.append(tr(t("{label}: ", label=label)), "bold")


def labelled_line(text: Text, label: Msg, tr: Translator, value: Text) -> None:
    text.append("\n   " + tr(t("{label}: ", label=label)))
    text.append_text(value)
