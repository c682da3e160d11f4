"""``qnc status`` on a folder of several audits: one row per audit, most urgent first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qnc.i18n import Msg, Translator, t, tn
from qnc.model.records import Grade
from qnc.render.broken import broken_errors
from qnc.render.diagnostics import display_path
from qnc.render.phrases import audit_title, days_left
from qnc.render.terminal.lines import shown
from qnc.render.terminal.styles import STATUS_STYLES, VERDICT_STYLES
from qnc.render.terminal.wrap import wrapped
from qnc.rules.report import AuditReport
from qnc.rules.words import step_label, verdict_label

if TYPE_CHECKING:
    from qnc.inspection import Broken

NARROW = 140
"""Below this width the table would cut its columns: each audit becomes lines (also
wider, when its words do not fit: long folder names)."""


def portfolio_view(reports: Sequence[AuditReport], tr: Translator, *, width: int,
                   broken: Sequence[Broken] = ()) -> RenderableType:  # fmt: skip
    """One row per audit, most urgent first, after the audits with errors (no verdict:
    their files must be fixed first); a block of lines each when narrow."""
    title = tr(t("Audits, most urgent first"))
    rows = [*(_broken_row(b, tr) for b in broken), *(_portfolio_row(r, tr) for r in reports)]
    names = [tr(header) for header in _PORTFOLIO_HEADERS]
    widths = _column_widths(names, rows, width) if width >= NARROW else None
    if widths is None:
        text = Text()
        text.append(title + "\n", "bold")  # the title only, not the block
        for row in rows:
            organisation, folder, audit, verdict, majors, minors, due, left = row
            # An audit whose audit.yaml is broken has no name yet: its folder stands for it.
            name = organisation.plain if organisation.plain != "—" else folder.plain
            text.append(f"\n{name} — ")
            text.append_text(verdict)
            _labelled_line(text, t("Folder"), tr, folder)
            if majors == "—":  # an audit in error: only what to do about it
                _labelled_line(text, t("To do"), tr, due)
                text.append("\n")
                continue
            _labelled_line(text, t("Audit"), tr, audit)
            counts = t(
                "{majors}, {minors}",
                majors=tn("{n} major", "{n} majors", int(majors)),
                minors=tn("{n} minor", "{n} minors", int(minors)),
            )
            _labelled_line(text, t("Open NCs"), tr, Text(tr(counts)))
            next_due = due.copy()
            if due.plain != "—":
                next_due.append(", ")
                next_due.append_text(left)
            _labelled_line(text, t("Next due date"), tr, next_due)
            text.append("\n")
        return wrapped(text, width)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    for i, name in enumerate(names):
        table.add_column(name, justify="right" if i in _COUNTS else "left",
                         width=widths[i])  # fmt: skip
    for row in rows:
        table.add_row(*row)
    return table


def _column_widths(names: list[str], rows: list[_Row], width: int) -> list[int] | None:
    """Widths that keep every word whole (and the columns of :data:`_WHOLE` on one line),
    the room left shared so the shortest texts stay on one line first; None when the
    words do not fit in ``width``. Set here rather than by Rich, which squeezes the
    widest columns alike, cutting names, dates and ids mid-word."""
    cells = [[str(row[i]) for row in rows] for i in range(len(names))]
    # A header may take two lines; a cell of the _WHOLE columns, only one.
    widths = [max(cell_len(word) for text in (names[i], *column)
                  for word in (text.split() if i not in _WHOLE or text is names[i] else [text]))
              for i, column in enumerate(cells)]  # fmt: skip
    natural = [max(widths[i], *(cell_len(text) for text in column))
               for i, column in enumerate(cells)]  # fmt: skip
    # Rich's simple table: a space each side of every column, between columns and edges.
    spare = width - sum(widths) - 3 * len(names) - 1
    if spare < 0:
        return None
    while spare > 0 and widths != natural:  # a cell more each round, narrowest need first
        for i in sorted(range(len(names)), key=lambda i: natural[i] - widths[i]):
            if spare > 0 and widths[i] < natural[i]:
                widths[i] += 1
                spare -= 1
    return widths


_PORTFOLIO_HEADERS = (
    t("Organisation"), t("Folder"), t("Audit"), t("Verdict"), t("Open majors"),
    t("Open minors"), t("Next due date"), t("Days left"),
)  # fmt: skip
_COUNTS = (4, 5)
"""The open majors and minors, aligned right."""
_WHOLE = (1, 3, 4, 5)
"""Never cut: the folder (it tells two audits of one organisation apart), the verdict
and the counts."""
_Row = tuple[Text, Text, Text, Text, str, str, Text, Text]


def _portfolio_row(report: AuditReport, tr: Translator) -> _Row:
    deadline = report.next_deadline
    verdict = report.outcome.verdict
    due, left = Text("—"), Text("—")
    if deadline:
        style = STATUS_STYLES[deadline.step.status]
        subject = tr(deadline.subject)
        if not deadline.step.blocking:  # the certifier's decision: not the organisation's
            subject = f"{subject}, {tr(step_label(deadline.step.kind))}"
        due = Text(f"{tr.short_date(deadline.step.due)} ({subject})", style)
        left = Text(tr(days_left(deadline.step.days_left)), style)
        if not deadline.step.blocking and deadline.step.days_left < 0:
            waited = -deadline.step.days_left
            left = Text(tr(tn("awaited for {n} day", "awaited for {n} days", waited)), style)
    return (
        Text(shown(report.folder.audit.organisation.name)),
        Text(display_path(report.folder.path)),
        Text(tr(audit_title(report))),
        Text(tr(verdict_label(verdict)), VERDICT_STYLES[verdict]),
        str(report.open_count(Grade.MAJOR)),
        str(report.open_count(Grade.MINOR)),
        due,
        left,
    )


def _broken_row(broken: Broken, tr: Translator) -> _Row:
    errors = broken_errors(broken)
    return (
        Text(shown(broken.organisation or "—")),
        Text(display_path(broken.path)),
        Text("—"),
        Text(tr(t("in error")), "bold red"),
        "—",
        "—",
        Text(tr(errors), "red"),
        Text("—"),
    )


def _labelled_line(text: Text, label: Msg, tr: Translator, value: Text) -> None:
    text.append("\n   " + tr(t("{label}: ", label=label)))
    text.append_text(value)
