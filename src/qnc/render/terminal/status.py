"""``qnc status`` in the terminal: a header and the NCs in priority order.

Drawn without Rich (:mod:`qnc.render.terminal.frames`), whose import would cost more
than the rest of the command, in the lines Rich drew (and Rich still draws the
portfolio of several audits). Colours only underline what the words say (late, near,
met), so the text reads the same without them: with NO_COLOR, in a pipe, or in a screen
reader. From ``NARROW`` columns the NCs are a table of one line each, the indicator's
title cut to fit (given whole by ``--explain``); below, or when the other columns leave
the title too little room (long states or steps), each NC is a block of lines, nothing
cut.
"""

from __future__ import annotations

from typing import NamedTuple

from qnc.i18n import Msg, Translator, t, tn
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
from qnc.render.terminal.cycle import cycle_block, cycle_fields, field
from qnc.render.terminal.frames import GAP, boxed, table
from qnc.render.terminal.lines import cell_len, shown
from qnc.render.terminal.styled import Styled, stacked
from qnc.render.terminal.styles import GROUP_STYLES, STATUS_STYLES, VERDICT_STYLES
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


class _Cells(NamedTuple):
    """One NC as the table and the list show it."""

    rank: str
    nc_id: Styled
    indicator: Styled
    grade: Styled
    state: Styled
    step: Styled
    due: Styled
    left: Styled
    done: str
    late: Styled


def audit_view(report: AuditReport, tr: Translator, *, explain: bool, width: int) -> Styled:
    table = nc_table(report, tr, width)
    if not report.ncs:
        ncs = Styled(tr(t("no non-conformity")))
    elif table is not None:
        ncs = table
        ncs.append("\n")
    else:
        ncs = nc_list(report, tr)
    parts = [header(report, tr, width), ncs]
    notes = cycle_block(report, tr)
    if notes is not None:
        parts.append(notes)
    chase = actions_to_chase([report], tr)
    if chase is not None:
        parts.append(chase)
    if explain and report.ncs:
        parts.append(explanations(report, tr, titles=table is not None))
    return stacked(parts)


def header(report: AuditReport, tr: Translator, width: int) -> Styled:
    audit = report.folder.audit
    text = Styled()
    for label, value in (
        (t("Organisation"), shown(audit.organisation.name)),
        (t("Audit"), tr(audit_title(report)) + " — " + shown(audit.certifier.name)),
        (t("Folder"), display_path(report.folder.path)),
        (t("Notification"), tr(notification_phrase(report))),
        (t("Grid"), grid_phrase(report, tr)),
        (t("Today"), tr(report.today)),
    ):
        field(text, label, tr)
        text.append(f"{value}\n")
    certificate = report.certificate
    if certificate is not None:
        field(text, t("Certificate"), tr)
        if certificate.end < report.today:
            text.append(tr(t("expired on {day}", day=certificate.end)), "bold red")
        else:
            text.append(tr(t("valid until {day}", day=certificate.end)))
        text.append("\n")
    cycle_fields(text, report, tr)
    outcome = report.outcome
    field(text, t("Verdict"), tr)
    text.append(tr(verdict_label(outcome.verdict)).upper(), VERDICT_STYLES[outcome.verdict])
    text.append(f" — {tr(outcome.reason)}")
    if outcome.deadline:
        step = outcome.deadline.step
        text.append("\n")
        field(text, t("Nearest blocking due date"), tr)
        line = t("{due}, {id} ({left})", due=step.due, id=outcome.deadline.subject,
                 left=days_left(step.days_left))  # fmt: skip
        text.append(tr(line), STATUS_STYLES[step.status])
    return boxed(text, width)


def nc_table(report: AuditReport, tr: Translator, width: int) -> Styled | None:
    """One line per NC: every column keeps its words whole, but the indicator's title,
    which gives way (cut with '…') to whatever room the others leave. None when the list
    reads better: below :data:`NARROW`, or when the title would have less than
    :data:`_TITLE_MIN` cells (the other columns would then have to be cut: ids, dates)."""
    if width < NARROW or not report.ncs:
        return None
    names, rows = _table_cells(report, tr)
    widths = _widths(names, rows, width)
    fits = sum(widths) + GAP * (len(names) - 1) <= width
    natural = max(cell_len(row[_TITLE].plain) for row in rows)
    if not fits or widths[_TITLE] < min(_TITLE_MIN, natural):
        return None
    title = tr(t("Non-conformities, in priority order"))
    return table(title, names, rows, widths, right=_NUMBERS)


def _table_cells(report: AuditReport, tr: Translator) -> tuple[list[str], list[list[Styled]]]:
    headers = [t("NC"), t("Indicator"), t("Grade"), t("State"), t("Next step"), t("Due"),
               t("Left"), t("Actions"), t("Late")]  # fmt: skip
    rows = []
    for nc in report.ncs:
        c = _cells(nc, tr, short=True)
        cells = [Styled(c.rank), c.nc_id, c.indicator, c.grade, c.state, c.step, c.due,
                 c.left, Styled(c.done), c.late]  # fmt: skip
        rows.append([cell.visible() for cell in cells])
    return ["#", *(tr(h) for h in headers)], rows


def _widths(names: list[str], rows: list[list[Styled]], width: int) -> list[int]:
    widths = [max(cell_len(cell) for cell in (name, *(c.plain for c in column)))
              for name, *column in zip(names, *rows, strict=True)]  # fmt: skip
    widths[_ID] = min(widths[_ID], _ID_WIDTH)
    # The title has the room the other columns and the gaps between them leave.
    room = width - sum(widths) + widths[_TITLE] - GAP * (len(names) - 1)
    widths[_TITLE] = max(cell_len(names[_TITLE]), min(widths[_TITLE], room))
    return widths


_ID, _TITLE = 1, 2
"""The NC's column and the indicator's, the one that gives way."""
_NUMBERS = (0, 8, 9)
"""The rank and the counts of actions, aligned right."""
_ID_WIDTH = 16
"""An id longer than this is cut in the table (given whole by the list and --explain)."""
_TITLE_MIN = 16
"""Cells the indicator's title needs at least for its number and a word or two
(``11 Atteinte de…``); with less, the NCs are a list."""


def nc_list(report: AuditReport, tr: Translator) -> Styled:
    """The NC table as blocks of lines, for narrow terminals and screen readers."""
    text = Styled(tr(t("Non-conformities, in priority order")) + "\n", "bold")
    for nc in report.ncs:
        c = _cells(nc, tr)
        text.append(f"\n{c.rank}. ")
        text.extend(c.nc_id)
        text.append(f" — {c.grade.plain} — ")
        text.extend(c.state)
        _labelled_line(text, t("Indicator"), tr, c.indicator)
        step = Styled()
        step.extend(c.step)
        if c.due.plain != "—":
            step.append(f", {c.due.plain} (")
            step.extend(c.left)
            step.append(")")
        _labelled_line(text, t("Next step"), tr, step)
        done = t("{done} done, {late} late", done=c.done, late=c.late.plain)
        _labelled_line(text, t("Actions"), tr, Styled(tr(done)))
        text.append("\n")
    return text


def explanations(report: AuditReport, tr: Translator, *, titles: bool) -> Styled:
    """Why each NC stands at its rank; ``titles``, with its indicator's whole title (the
    table cuts it)."""
    text = Styled(tr(t("Why this order")) + "\n", "bold")
    for nc in report.ncs:
        text.append(f"{nc.rank}. {shown(nc.file.nc.id)} — {tr(nc.reason)}")
        if titles:
            _labelled_line(text, t("Indicator"), tr, _indicator(nc, tr))
        text.append("\n")
    return text


def _cells(nc: NcState, tr: Translator, *, short: bool = False) -> _Cells:
    """The words of each column; ``short``, as a table's column has room for: the next
    step in a word or two, dates as 10/04/2026, days as 'dans 5 j'."""
    record = nc.file.nc
    following = nc.clocked.next
    state = state_of(nc, short_date=tr.short_date if short else None)
    step, due, left = Styled("—"), Styled("—"), Styled("—")
    if following is not None:
        style = STATUS_STYLES[following.status]
        step = Styled(tr((short_step_label if short else step_label)(following.kind)))
        due = Styled(tr.short_date(following.due), style)
        left = Styled(tr(days_left(following.days_left, short=short)), style)
    elif nc.clocked.open and not nc.clocked.carried:  # said as the plan says it
        step = Styled(tr(waiting_for_lift(short=short)))
    return _Cells(
        rank=str(nc.rank),
        nc_id=Styled(shown(record.id)),
        indicator=_indicator(nc, tr),
        grade=Styled(tr(grade_label(record.grade)), "bold" if record.grade is Grade.MAJOR else ""),
        state=Styled(tr(state), GROUP_STYLES[nc.group]),
        step=step,
        due=due,
        left=left,
        done=f"{nc.done}/{len(nc.actions)}",
        late=Styled(str(nc.late), "bold red" if nc.late else ""),
    )


def _indicator(nc: NcState, tr: Translator) -> Styled:
    """The indicator's number and title: ``11 Évaluation de l'atteinte des objectifs``."""
    label = tr.text(nc.indicator.label) if nc.indicator else ""
    return Styled(f"{nc.file.nc.indicator} {label}".rstrip())


def folded_note(folded: int, tr: Translator) -> Styled | None:
    """Say that earlier audits are folded, and how to see them; None when none is."""
    if not folded:
        return None
    return Styled(tr(tn(
        "{n} earlier audit, closed by a later audit of its organisation, is folded: "
        "--all shows it, qnc historique tells each organisation's story.",
        "{n} earlier audits, closed by a later audit of their organisation, are folded: "
        "--all shows them, qnc historique tells each organisation's story.",
        folded)))  # fmt: skip


def _labelled_line(text: Styled, label: Msg, tr: Translator, value: Styled) -> None:
    text.append("\n   " + tr(t("{label}: ", label=label)))
    text.extend(value)
