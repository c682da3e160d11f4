"""``qnc status`` in the terminal: a header and the NCs in priority order (Rich)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from qnc.i18n import Translator, t
from qnc.labels import grade_label, step_label
from qnc.models import Grade
from qnc.render.words import (
    STATUS_STYLES,
    VERDICTS,
    audit_title,
    days_left,
    grid_phrase,
    notification_phrase,
    state_of,
)
from qnc.report import AuditReport, NcState
from qnc.verdict import Verdict

_VERDICT_STYLES = {
    Verdict.COMPROMISED: "bold red",
    Verdict.BLOCKED: "bold yellow",
    Verdict.IN_PROGRESS: "cyan",
    Verdict.CLOSED: "green",
}


NARROW = 100
"""Below this width the NC table would cut columns: each NC becomes a block of lines."""


def audit_view(report: AuditReport, tr: Translator, *, explain: bool, width: int) -> RenderableType:
    if not report.ncs:
        ncs: RenderableType = Text(tr(t("no non-conformity")))
    elif width >= NARROW:
        ncs = nc_table(report, tr)
    else:
        ncs = nc_list(report, tr)
    parts: list[RenderableType] = [header(report, tr), ncs]
    if explain:
        parts.append(explanations(report, tr))
    return Stack(*parts)


def header(report: AuditReport, tr: Translator) -> Panel:
    audit = report.folder.audit
    grid = Text()
    lines = [
        (t("Organisation"), audit.organisation.name),
        (t("Audit"), tr(audit_title(report)) + " — " + audit.certifier.name),
        (t("Notification"), tr(notification_phrase(report))),
        (t("Grid"), grid_phrase(report, tr)),
        (t("Today"), tr(report.today)),
    ]
    for label, value in lines:
        grid.append(tr(t("{label}: ", label=label)), "bold")
        grid.append(f"{value}\n")
    outcome = report.outcome
    grid.append(tr(t("{label}: ", label=t("Verdict"))), "bold")
    grid.append(tr(VERDICTS[outcome.verdict]).upper(), _VERDICT_STYLES[outcome.verdict])
    grid.append(f" — {tr(outcome.reason)}")
    if outcome.deadline:
        step = outcome.deadline.step
        grid.append("\n")
        grid.append(tr(t("{label}: ", label=t("Nearest blocking due date"))), "bold")
        grid.append(
            tr(
                t(
                    "{due}, {id} ({left})",
                    due=step.due,
                    id=outcome.deadline.nc_id,
                    left=days_left(step.days_left),
                )
            ),
            STATUS_STYLES[step.status],
        )
    return Panel(grid, expand=False)


def nc_table(report: AuditReport, tr: Translator) -> Table:
    table = _table(tr(t("Non-conformities, in priority order")))
    headers = (t("NC"), t("Indicator"), t("Grade"), t("State"), t("Next step"), t("Due"),
               t("Left"), t("Actions"), t("Late"))  # fmt: skip
    table.add_column("#", justify="right")
    for header in headers:
        wide = header.text in ("Indicator", "Next step")
        right = header.text in ("Actions", "Late")
        table.add_column(tr(header), min_width=14 if wide else None,
                         justify="right" if right else "left")  # fmt: skip
    for nc in report.ncs:
        table.add_row(*_row(nc, tr))
    return table


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")


def nc_list(report: AuditReport, tr: Translator) -> Text:
    """The NC table as lines, for narrow terminals and screen readers."""
    text = Text(tr(t("Non-conformities, in priority order")) + "\n", "bold")
    for nc in report.ncs:
        rank, nc_id, indicator, grade, state, step, due, left, done, late = _row(nc, tr)
        text.append(f"\n{rank}. {nc_id} — {grade} — ", "bold")
        text.append_text(state if isinstance(state, Text) else Text(str(state)))
        text.append("\n   " + tr(t("{label}: ", label=t("Indicator"))) + str(indicator))
        text.append("\n   " + tr(t("{label}: ", label=t("Next step"))) + str(step))
        if str(due) != "—":
            text.append(f", {due} (")
            text.append_text(left if isinstance(left, Text) else Text(str(left)))
            text.append(")")
        text.append(
            "\n   "
            + tr(t("{label}: ", label=t("Actions")))
            + tr(t("{done} done, {late} late", done=str(done), late=str(late)))
            + "\n"
        )
    return text


def _row(nc: NcState, tr: Translator) -> list[RenderableType]:
    record = nc.file.nc
    indicator = str(record.indicator)
    if nc.indicator:
        indicator += " " + tr.text(nc.indicator.label)
    following = nc.clocked.next
    step_cells = [Text("—"), Text("—"), Text("—")]
    if following is not None:
        style = STATUS_STYLES[following.status]
        step_cells = [
            Text(tr(step_label(following.kind))),
            Text(tr.short_date(following.due), style),
            Text(tr(days_left(following.days_left)), style),
        ]
    grade_style = "bold" if record.grade is Grade.MAJOR else ""
    state_style = {0: "bold red", 1: "yellow", 2: "", 3: "green"}[int(nc.group)]
    return [
        str(nc.rank),
        Text(record.id),
        Text(indicator),
        Text(tr(grade_label(record.grade)), grade_style),
        Text(tr(state_of(nc)), state_style),
        *step_cells,
        f"{nc.done}/{len(nc.actions)}",
        Text(str(nc.late), "bold red" if nc.late else ""),
    ]


def explanations(report: AuditReport, tr: Translator) -> Text:
    text = Text(tr(t("Why this order")) + "\n", "bold")
    for nc in report.ncs:
        text.append(f"{nc.rank}. {nc.file.nc.id} — {tr(nc.reason)}\n")
    return text


def portfolio_table(reports: Sequence[AuditReport], tr: Translator) -> Table:
    table = _table(tr(t("Audits, most urgent first")))
    for header in (t("Organisation"), t("Audit"), t("Verdict"), t("Open majors"),
                   t("Open minors"), t("Next due date"), t("Days left")):  # fmt: skip
        right = header.text in ("Open majors", "Open minors")
        table.add_column(tr(header), justify="right" if right else "left")
    for report in reports:
        deadline = report.next_deadline
        verdict = report.outcome.verdict
        due = Text("—")
        left = Text("—")
        if deadline:
            style = STATUS_STYLES[deadline.step.status]
            due = Text(f"{tr.short_date(deadline.step.due)} ({deadline.nc_id})", style)
            left = Text(tr(days_left(deadline.step.days_left)), style)
        table.add_row(
            Text(report.folder.audit.organisation.name),
            Text(tr(audit_title(report))),
            Text(tr(VERDICTS[verdict]), _VERDICT_STYLES[verdict]),
            str(report.open_count(Grade.MAJOR)),
            str(report.open_count(Grade.MINOR)),
            due,
            left,
        )
    return table
