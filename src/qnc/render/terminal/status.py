"""``qnc status`` in the terminal: a header and the NCs in priority order (Rich).

Colours only underline what the words say (late, near, met), so the text reads the
same without them: with NO_COLOR, in a pipe, or in a screen reader. From ``NARROW``
columns the NCs are a table of one line each, the indicator's title cut to fit (given
whole by ``--explain``); below, or when the other columns leave the title too little room
(long states or steps), each NC is a block of lines, nothing cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
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
from qnc.render.terminal.chase import actions_to_chase
from qnc.render.terminal.cycle import cycle_block, cycle_fields
from qnc.render.terminal.styles import GROUP_STYLES, STATUS_STYLES, VERDICT_STYLES
from qnc.render.terminal.wrap import shown, wrapped
from qnc.rules.report import AuditReport, NcState
from qnc.rules.words import (
    grade_label,
    short_step_label,
    step_label,
    verdict_label,
    waiting_for_lift,
)

NARROW = 120
"""Below this width the NC table would cut more than the indicator's title."""
_PANEL_EDGES = 4
"""Columns a panel takes around its text: a border and a space on each side."""


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
    table = _table_widths(report, tr, width) is not None
    if not report.ncs:
        ncs: RenderableType = Text(tr(t("no non-conformity")))
    elif table:
        ncs = Stack(nc_table(report, tr, width), Text())
    else:
        ncs = nc_list(report, tr, width)
    parts: list[RenderableType] = [header(report, tr, width), ncs]
    notes = cycle_block(report, tr, width)
    if notes is not None:
        parts.append(notes)
    chase = actions_to_chase([report], tr, width=width)
    if chase is not None:
        parts.append(chase)
    if explain and report.ncs:
        parts.append(explanations(report, tr, width, titles=table))
    return Stack(*parts)


def header(report: AuditReport, tr: Translator, width: int) -> Panel:
    audit = report.folder.audit
    text = Text()
    for label, value in (
        (t("Organisation"), shown(audit.organisation.name)),
        (t("Audit"), tr(audit_title(report)) + " — " + shown(audit.certifier.name)),
        (t("Folder"), display_path(report.folder.path)),
        (t("Notification"), tr(notification_phrase(report))),
        (t("Grid"), grid_phrase(report, tr)),
        (t("Today"), tr(report.today)),
    ):
        _field(text, label, tr)
        text.append(f"{value}\n")
    certificate = report.certificate
    if certificate is not None:
        _field(text, t("Certificate"), tr)
        if certificate.end < report.today:
            text.append(tr(t("expired on {day}", day=certificate.end)), "bold red")
        else:
            text.append(tr(t("valid until {day}", day=certificate.end)))
        text.append("\n")
    cycle_fields(text, report, tr)
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
    return Panel(wrapped(text, width - _PANEL_EDGES), expand=False)


def nc_table(report: AuditReport, tr: Translator, width: int) -> Table:
    """One line per NC: every column keeps its words whole, but the indicator's title,
    which gives way (cut with '…') to whatever room the others leave."""
    names, rows = _table_cells(report, tr)
    widths = _widths(names, rows, width)
    table = titled_table(tr(t("Non-conformities, in priority order")))
    table.show_edge, table.pad_edge, table.collapse_padding = False, False, True
    for i, name in enumerate(names):
        table.add_column(name, justify="right" if i in _NUMBERS else "left", no_wrap=True,
                         width=widths[i], overflow="ellipsis")  # fmt: skip
    for row in rows:
        table.add_row(*row)
    return table


def _table_widths(report: AuditReport, tr: Translator, width: int) -> list[int] | None:
    """The table's column widths at ``width``; None when the list reads better: below
    :data:`NARROW`, or when the title would have less than :data:`_TITLE_MIN` cells (Rich
    would then squeeze every column, cutting ids and dates)."""
    if width < NARROW:
        return None
    names, rows = _table_cells(report, tr)
    widths = _widths(names, rows, width)
    fits = sum(widths) + _GAP * (len(names) - 1) <= width
    natural = max(cell_len(str(row[_TITLE])) for row in rows) if rows else 0
    return widths if fits and widths[_TITLE] >= min(_TITLE_MIN, natural) else None


def _table_cells(report: AuditReport, tr: Translator) -> tuple[list[str], list[list[Text]]]:
    headers = [t("NC"), t("Indicator"), t("Grade"), t("State"), t("Next step"), t("Due"),
               t("Left"), t("Actions"), t("Late")]  # fmt: skip
    rows = []
    for nc in report.ncs:
        c = _cells(nc, tr, short=True)
        rows.append([Text(c.rank), c.nc_id, c.indicator, c.grade, c.state, c.step, c.due,
                     c.left, Text(c.done), c.late])  # fmt: skip
    return ["#", *(tr(h) for h in headers)], rows


def _widths(names: list[str], rows: list[list[Text]], width: int) -> list[int]:
    widths = [max(cell_len(str(cell)) for cell in (name, *column))
              for name, *column in zip(names, *rows, strict=True)]  # fmt: skip
    widths[_ID] = min(widths[_ID], _ID_WIDTH)
    # The title has the room the other columns and the gaps between them leave.
    room = width - sum(widths) + widths[_TITLE] - _GAP * (len(names) - 1)
    widths[_TITLE] = max(cell_len(names[_TITLE]), min(widths[_TITLE], room))
    return widths


_ID, _TITLE = 1, 2
"""The NC's column and the indicator's, the one that gives way."""
_NUMBERS = (0, 8, 9)
"""The rank and the counts of actions, aligned right."""
_ID_WIDTH = 16
"""An id longer than this is cut in the table (given whole by the list and --explain)."""
_GAP = 2
"""Columns apart: one space of padding and the table's blank separator."""
_TITLE_MIN = 16
"""Cells the indicator's title needs at least for its number and a word or two
(``11 Atteinte de…``); with less, the NCs are a list."""


def nc_list(report: AuditReport, tr: Translator, width: int) -> Text:
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
    return wrapped(text, width)


def explanations(report: AuditReport, tr: Translator, width: int, *, titles: bool) -> Text:
    """Why each NC stands at its rank; ``titles``, with its indicator's whole title (the
    table cuts it)."""
    text = Text(tr(t("Why this order")) + "\n", "bold")
    for nc in report.ncs:
        text.append(f"{nc.rank}. {shown(nc.file.nc.id)} — {tr(nc.reason)}")
        if titles:
            labelled_line(text, t("Indicator"), tr, _indicator(nc, tr))
        text.append("\n")
    return wrapped(text, width)


def _cells(nc: NcState, tr: Translator, *, short: bool = False) -> _Cells:
    """The words of each column; ``short``, as a table's column has room for: the next
    step in a word or two, dates as 10/04/2026, days as 'dans 5 j'."""
    record = nc.file.nc
    following = nc.clocked.next
    state = state_of(nc, short_date=tr.short_date if short else None)
    step, due, left = Text("—"), Text("—"), Text("—")
    if following is not None:
        style = STATUS_STYLES[following.status]
        step = Text(tr((short_step_label if short else step_label)(following.kind)))
        due = Text(tr.short_date(following.due), style)
        left = Text(tr(days_left(following.days_left, short=short)), style)
    elif nc.clocked.open and not nc.clocked.carried:  # said as the plan says it
        step = Text(tr(waiting_for_lift(short=short)))
    return _Cells(
        rank=str(nc.rank),
        nc_id=Text(shown(record.id)),
        indicator=_indicator(nc, tr),
        grade=Text(tr(grade_label(record.grade)), "bold" if record.grade is Grade.MAJOR else ""),
        state=Text(tr(state), GROUP_STYLES[nc.group]),
        step=step,
        due=due,
        left=left,
        done=f"{nc.done}/{len(nc.actions)}",
        late=Text(str(nc.late), "bold red" if nc.late else ""),
    )


def _indicator(nc: NcState, tr: Translator) -> Text:
    """The indicator's number and title: ``11 Évaluation de l'atteinte des objectifs``."""
    label = tr.text(nc.indicator.label) if nc.indicator else ""
    return Text(f"{nc.file.nc.indicator} {label}".rstrip())


def titled_table(title: str) -> Table:
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")


def _field(text: Text, label: Msg, tr: Translator) -> None:
    text.append(tr(t("{label}: ", label=label)), "bold")


def labelled_line(text: Text, label: Msg, tr: Translator, value: Text) -> None:
    text.append("\n   " + tr(t("{label}: ", label=label)))
    text.append_text(value)
