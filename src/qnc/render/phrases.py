"""Phrases built from a report, shared by the terminal and the documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from qnc.i18n import Msg, Span, Translator, t, tn
from qnc.rules.report import AuditReport, NcState
from qnc.rules.states import Group, Status
from qnc.rules.words import audit_type_label, group_label, late_step_label


def days_left(days: int, *, short: bool = False) -> Msg:
    """``in 28 days`` / ``today`` / ``3 days late``; ``short``, ``in 28 d`` (a table)."""
    if days == 0:
        return t("today")
    if short:
        return t("in {n} d", n=days) if days > 0 else t("{n} d late", n=-days)
    if days > 0:
        return tn("in {n} day", "in {n} days", days)
    return tn("{n} day late", "{n} days late", -days)


def state_of(nc: NcState, *, short_date: Callable[[date], str] | None = None) -> Msg:
    """``open``, ``lifted on 10 April 2026``…; dates by ``short_date`` when given (a table)."""
    lifted: object = nc.clocked.lifted
    if short_date is not None and nc.clocked.lifted is not None:
        lifted = short_date(nc.clocked.lifted)
    if nc.group is Group.LIFTED and nc.clocked.carried:
        return t("carried over on {day}", day=lifted)
    if nc.group is Group.LIFTED and nc.clocked.reapplied:
        return t("closed on {day}, new application", day=lifted)
    if nc.group is Group.LIFTED and nc.clocked.unrecorded:
        return t("closed on {day}, to record", day=lifted)
    if nc.group is Group.LIFTED:
        return t("lifted on {day}", day=lifted)
    late = [s for s in nc.clocked.steps if s.status is Status.MET_LATE]
    if late:  # met, but after its due date: the certifier sees it, so must the reader
        return t("{state}, {late}", state=group_label(nc.group),
                 late=late_step_label(late[0].kind))  # fmt: skip
    return group_label(nc.group)


def audit_title(report: AuditReport) -> Msg:
    info = report.folder.audit.audit
    if info.end and info.end != info.start:
        return t("{type} {span}", type=audit_type_label(info.type), span=Span(info.start, info.end))
    return t("{type} on {start}", type=audit_type_label(info.type), start=info.start)


def notification_phrase(report: AuditReport) -> Msg:
    info = report.folder.audit.audit
    if report.notification_defaulted:
        return t("{day} (no notification date given: last audit day)", day=info.clock_start)
    if info.clock_start > report.today:  # evaluated before the NCs were notified
        return t("{day} (not yet: the deadlines have not started)", day=info.clock_start)
    return t("{day}", day=info.clock_start)


def grid_phrase(report: AuditReport, tr: Translator) -> str:
    info = report.folder.audit.audit
    label = tr.text(report.grid.label)
    if info.grid:
        return tr(t("{grid}, set by 'referentiel' in audit.yaml", grid=label))
    return tr(t("{grid}, in force on {day} (first day of the audit)", grid=label, day=info.start))
