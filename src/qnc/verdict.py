"""The verdict on an audit's certification (spec §2.2), with its reason in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qnc.clocks import Clocked, Status, Step, StepKind
from qnc.i18n import Msg, t, tn
from qnc.labels import step_label
from qnc.models import AuditType, Grade

MINOR_LIMIT = 5
"""Five open minor NCs count as one major NC (arrêté du 6 juin 2019, art. 5)."""


class Verdict(StrEnum):
    CLOSED = "soldee"
    COMPROMISED = "compromise"
    BLOCKED = "bloquee"
    IN_PROGRESS = "en_cours"


@dataclass(frozen=True)
class Deadline:
    nc_id: str
    step: Step


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    reason: Msg
    deadline: Deadline | None
    """The nearest due date that blocks the certificate, if any."""


def open_minors(ncs: Sequence[Clocked]) -> int:
    return sum(1 for c in ncs if c.open and c.nc.grade is Grade.MINOR)


def blocks_certificate(item: Clocked, minors_open: int) -> bool:
    if not item.open:
        return False
    return item.nc.grade is Grade.MAJOR or minors_open >= MINOR_LIMIT


def judge(ncs: Sequence[Clocked], audit_type: AuditType, *, minors_by: date) -> Outcome:
    """The first verdict of §2.2 that applies.

    ``minors_by`` is the day by which 5 or more open minor NCs, counting as one major
    NC, must fall under 5: the major correction due date. Still 5 or more after it,
    they compromise the certification as a major NC late in its correction would.
    """
    open_ncs = [c for c in ncs if c.open]
    if not ncs:
        return Outcome(Verdict.CLOSED, t("no non-conformity was raised"), None)
    if not open_ncs:
        return Outcome(Verdict.CLOSED, t("every non-conformity is lifted"), None)
    compromised = _overdue_correction(open_ncs, audit_type)
    if compromised:
        return compromised
    minors = open_minors(ncs)
    blocking = [c for c in open_ncs if blocks_certificate(c, minors)]
    if minors >= MINOR_LIMIT and ncs[0].today > minors_by:
        reason = t(
            "{count} on {due}, the day they had to be under 5: together they count as a "
            "major NC not corrected in time; {fate}",
            count=tn("{n} minor NC still open", "{n} minor NCs still open", minors),
            due=minors_by,
            fate=_fate(audit_type),
        )
        return Outcome(Verdict.COMPROMISED, reason, _nearest(blocking))
    if not blocking:
        return Outcome(Verdict.IN_PROGRESS, _minors_only(minors), None)
    deadline = _nearest(blocking)
    majors = sum(1 for c in blocking if c.nc.grade is Grade.MAJOR)
    cause = _cause(majors, minors, minors_by, audit_type)
    late_proof = _late_proof(blocking)
    if late_proof is not None:
        cause = t("{cause}; {late}", cause=cause, late=late_proof)
    if deadline is None:
        return Outcome(Verdict.BLOCKED, cause, None)
    return Outcome(
        Verdict.BLOCKED,
        t("{cause}; {next}", cause=cause, next=_next(deadline, audit_type)),
        deadline,
    )


def nearest(items: Sequence[Clocked]) -> Deadline | None:
    """The nearest pending step among open NCs."""
    return _nearest([c for c in items if c.open])


def _overdue_correction(open_ncs: Sequence[Clocked], audit_type: AuditType) -> Outcome | None:
    for item in open_ncs:
        correction = next((s for s in item.steps if s.kind is StepKind.CORRECTION), None)
        if correction and correction.status is Status.OVERDUE:
            reason = t(
                "{id}: the proof of correction was due on {due} and has not been sent; {fate}",
                id=item.nc.id,
                due=correction.due,
                fate=_fate(audit_type),
            )
            return Outcome(Verdict.COMPROMISED, reason, Deadline(item.nc.id, correction))
    return None


def _late_proof(blocking: Sequence[Clocked]) -> Msg | None:
    """A proof of correction sent after its due date: the certifier may refuse it."""
    for item in blocking:
        for step in item.steps:
            if step.kind is StepKind.CORRECTION and step.status is Status.MET_LATE:
                return t(
                    "the proof for {id} was sent on {sent}, after its due date ({due}): the "
                    "certifier may refuse the correction",
                    id=item.nc.id,
                    sent=step.met_on,
                    due=step.due,
                )
    return None


def _minors_only(minors: int) -> Msg:
    return tn(
        "{n} minor NC open: certification is possible; it will be checked at the next "
        "audit, where a minor NC still open becomes major",
        "{n} minor NCs open: certification is possible; they will be checked at the "
        "next audit, where a minor NC still open becomes major",
        minors,
    )


def _cause(majors: int, minors: int, minors_by: date, audit_type: AuditType) -> Msg:
    if majors:
        return tn(
            "{n} major NC open: no certificate can be issued or kept until it is lifted",
            "{n} major NCs open: no certificate can be issued or kept until they are lifted",
            majors,
        )
    return t(
        "{count}, which count as a major NC: no certificate can be issued or kept while 5 "
        "or more stay open; if they are not under 5 by {due}, {fate}",
        count=tn("{n} minor NC open", "{n} minor NCs open", minors),
        due=minors_by,
        fate=_fate(audit_type),
    )


def _next(deadline: Deadline, audit_type: AuditType) -> Msg:
    """What comes next for the nearest blocking NC, in the past or the future tense."""
    step, nc_id = deadline.step, deadline.nc_id
    late = -step.days_left
    if step.kind is StepKind.DECISION:
        if late > 0:
            return t("the proof is sent for {id}; the certifier should have decided by {due}",
                     id=nc_id, due=step.due)  # fmt: skip
        return t("the proof is sent for {id}; the certifier should decide by {due}",
                 id=nc_id, due=step.due)  # fmt: skip
    if late > 0:
        return tn(
            "'{step}' for {id} was due on {due}, {n} day ago",
            "'{step}' for {id} was due on {due}, {n} days ago",
            late,
            step=step_label(step.kind),
            id=nc_id,
            due=step.due,
        )
    following = t("next: '{step}' for {id} by {due}", step=step_label(step.kind), id=nc_id,
                  due=step.due)  # fmt: skip
    if step.kind is StepKind.CORRECTION:
        return t("{next}; if missed, {fate}", next=following, fate=_fate(audit_type))
    return following


def _fate(audit_type: AuditType) -> Msg:
    """What a missed deadline costs, by audit type (shared/domain/qualiopi.md)."""
    if audit_type is AuditType.INITIAL:
        return t("the certification will be refused (a new application only 3 months later)")
    if audit_type is AuditType.EXTENSION:
        return t("the extension will be refused")
    if audit_type is AuditType.COMPLEMENTARY:
        return t(
            "what the audit it follows puts at stake is lost: refusal after an initial audit, "
            "suspension then withdrawal of the certificate after a surveillance or renewal"
        )
    return t("the certificate will be suspended, then withdrawn")


def _nearest(items: Sequence[Clocked]) -> Deadline | None:
    pending = [Deadline(c.nc.id, c.next) for c in items if c.next is not None]
    return min(pending, key=lambda d: d.step.due, default=None)
