"""The tables of ``qnc export``: one row per action, and one row per NC, as plain values
(text, numbers, dates) that the CSV and XLSX renderers write each their own way."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from qnc.i18n import Msg, Translator, t
from qnc.model.records import NonConformity
from qnc.render.diagnostics import display_path, visible
from qnc.render.phrases import audit_title, state_of
from qnc.rules.clocks import known, regulatory_step
from qnc.rules.report import ActionState, AuditReport, NcState
from qnc.rules.states import Status
from qnc.rules.words import (
    action_type_label,
    grade_label,
    status_label,
    step_label,
    waiting_for_lift,
)

if TYPE_CHECKING:
    from qnc.inspection import Broken

Cell = str | int | date | None


class Sheet(NamedTuple):
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    alerts: int = 0
    """The first rows name audits left out for their errors: a workbook shows them in red."""


_ACTION_HEADERS = (
    t("Organisation"), t("Audit"), t("NC"), t("Indicator"), t("Grade"), t("Finding"),
    t("Root cause analysis"), t("Action"), t("Description"), t("Type"), t("Owner"), t("Due"),
    t("Done on"), t("Status"), t("Evidence"), t("Effectiveness"), t("Regulatory due date"),
    t("Regulatory status"), t("File"),
)  # fmt: skip
_NC_HEADERS = (
    t("Organisation"), t("Audit"), t("Rank"), t("NC"), t("Indicator"), t("Indicator label"),
    t("Grade"), t("State"), t("Next step"), t("Due"), t("Days left (negative: late)"),
    t("Actions"), t("Actions done"), t("Actions late"), t("Plan sent on"), t("Proof sent on"),
    t("Lifted on"), t("File"),
)  # fmt: skip


def action_sheet(reports: Sequence[AuditReport], tr: Translator,
                 broken: Sequence[Broken] = ()) -> Sheet:  # fmt: skip
    """One row per action, with its NC's columns; an NC without action has one row.
    First, one row per audit left out for its errors (``broken``): its actions are
    missing, and a filter on the organisation must still show why."""
    rows = [_broken_row(b, _ACTION_HEADERS, t("Status"), tr) for b in broken]
    rows += [
        _action_row(report, nc, item, tr)
        for report in reports
        for nc in report.ncs
        for item in (nc.actions or (None,))
    ]
    return Sheet(tr(t("Actions")), _headers(_ACTION_HEADERS, tr), _visible(rows), len(broken))


def nc_sheet(reports: Sequence[AuditReport], tr: Translator,
             broken: Sequence[Broken] = ()) -> Sheet:  # fmt: skip
    """One row per NC, in priority order within each audit, after the audits left out."""
    rows = [_broken_row(b, _NC_HEADERS, t("State"), tr) for b in broken]
    rows += [_nc_row(report, nc, tr) for report in reports for nc in report.ncs]
    return Sheet(tr(t("Non-conformities")), _headers(_NC_HEADERS, tr), _visible(rows),
                 len(broken))  # fmt: skip


def _broken_row(broken: Broken, headers: Sequence[Msg], state: Msg,
                tr: Translator) -> tuple[Cell, ...]:  # fmt: skip
    """An audit with errors: its organisation (or folder), what to do, and where."""
    from qnc.render.broken import broken_errors  # only when an audit has errors

    cells: dict[str, Cell] = {
        t("Organisation").text: broken.organisation or broken.path.name,
        t("Audit").text: tr(t("audit with errors, left out")),
        state.text: tr(broken_errors(broken)),
        t("File").text: display_path(broken.path),
    }
    return tuple(cells.get(header.text) for header in headers)


def _visible(rows: Sequence[tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
    """Rows without a control character (a file or folder name may hold one): Excel would
    show it, and openpyxl refuses it outright."""
    return tuple(tuple(visible(c, lines=True) if isinstance(c, str) else c for c in row)
                 for row in rows)  # fmt: skip


def _headers(headers: Sequence[Msg], tr: Translator) -> tuple[str, ...]:
    return tuple(tr(h) for h in headers)


def _action_row(report: AuditReport, nc: NcState, item: ActionState | None,
                tr: Translator) -> tuple[Cell, ...]:  # fmt: skip
    record = nc.file.nc
    regulatory = regulatory_step(nc.clocked)
    action = item.action if item else None
    return (
        report.folder.audit.organisation.name,
        _title(report, tr),
        record.id,
        record.indicator,
        tr(grade_label(record.grade)),
        _text(record.finding),
        _text(record.root_cause),
        action.id if action else None,
        _text(action.description) if action else None,
        tr(action_type_label(action.type)) if action else None,
        ", ".join(action.owners) if action else None,
        action.due if action else None,
        known(action.done, report.today) if action else None,
        _standing(nc.standing(item), nc, tr) if item else None,
        ("\n".join(e.path for e in action.evidence) or None) if action else None,
        _effectiveness(record, report.today, tr),
        regulatory.due,
        _standing(nc.regulatory_standing, nc, tr),
        display_path(nc.file.path),
    )


def _nc_row(report: AuditReport, nc: NcState, tr: Translator) -> tuple[Cell, ...]:
    record, following = nc.file.nc, nc.clocked.next
    today = report.today
    return (
        report.folder.audit.organisation.name,
        _title(report, tr),
        nc.rank,
        record.id,
        record.indicator,
        tr.text(nc.indicator.label) if nc.indicator else None,
        tr(grade_label(record.grade)),
        tr(state_of(nc)),
        tr(step_label(following.kind)) if following else _waiting(nc, tr),
        following.due if following else None,
        following.days_left if following else None,
        len(nc.actions),
        nc.done,
        nc.late,
        known(record.plan_sent, today),
        known(record.evidence_sent, today),
        known(record.lifted, today),
        display_path(nc.file.path),
    )


def _waiting(nc: NcState, tr: Translator) -> str | None:
    """An open NC with every step met awaits the certifier's lift, as status says."""
    return tr(waiting_for_lift()) if nc.clocked.open and nc.clocked.closure is None else None


def _effectiveness(record: NonConformity, today: date, tr: Translator) -> str | None:
    """When and how the effect was checked; before that, how it will be (never 'checked
    on None' for a check not made yet)."""
    check = record.effectiveness
    if check is None:
        return None
    checked = known(check.checked, today)
    if checked is None:
        method = _text(check.method)
        return tr(t("to check: {method}", method=method)) if method else None
    if check.result:
        return tr(t("checked on {day}: {result}", day=checked, result=check.result))
    return tr(t("checked on {day}", day=checked))


def _standing(status: Status | None, nc: NcState, tr: Translator) -> str:
    """A status; for what an NC no longer open leaves undone, the NC's state (``reprise le
    13/03/2028``), as the NC sheet gives it: never late."""
    return tr(status_label(status) if status is not None else state_of(nc))


def _text(value: str | None) -> str | None:
    """User text as paragraphs: YAML's ``|`` keeps the line breaks typed to wrap the text,
    which a cell wraps itself; a blank line still separates paragraphs. None when empty."""
    if value is None or not value.strip():
        return None
    return "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", value.strip()))


def _title(report: AuditReport, tr: Translator) -> str:
    """``Audit initial les 14 et 15 septembre 2026``: a cell starts with a capital."""
    title = tr(audit_title(report))
    return title[:1].upper() + title[1:]
