"""The verdict on an audit's certification (spec §2.2), with its reason in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from qnc.i18n import Msg, t, tn
from qnc.model.records import AuditType, Grade
from qnc.rules import stakes
from qnc.rules.clocks import Clocked, Step
from qnc.rules.legal import MINOR_LIMIT
from qnc.rules.states import Status, StepKind, Verdict
from qnc.rules.words import step_label

__all__ = [
    "MINOR_LIMIT", "Deadline", "Outcome", "blocks_certificate", "judge", "open_minors", "upcoming",
]  # fmt: skip


class Deadline(NamedTuple):
    """A due date: an NC's step or, with ``nc_id`` None, the day the open minor NCs,
    5 or more, must be under 5."""

    nc_id: str | None
    step: Step

    @property
    def subject(self) -> Msg | str:
        """What the due date is for: an NC id, or the minor NCs to bring under 5."""
        return self.nc_id if self.nc_id is not None else t("minor NCs to bring under 5")


class Outcome(NamedTuple):
    verdict: Verdict
    reason: Msg
    deadline: Deadline | None
    """The nearest due date that blocks the certificate, if any."""


def open_minors(ncs: Sequence[Clocked], on: date | None = None) -> int:
    """Minor NCs open today, or at the end of an earlier day ``on``."""
    return sum(
        1
        for c in ncs
        if c.nc.grade is Grade.MINOR and (c.lifted is None or (on is not None and c.lifted > on))
    )


def blocks_certificate(item: Clocked, minors_open: int) -> bool:
    if not item.open:
        return False
    return item.nc.grade is Grade.MAJOR or minors_open >= MINOR_LIMIT


def judge(ncs: Sequence[Clocked], audit_type: AuditType, *, minors_by: Step,
          certificate_end: date | None = None) -> Outcome:  # fmt: skip
    """The first verdict of §2.2 that applies.

    ``minors_by`` is the step by which 5 or more open minor NCs, counting as one major
    NC, must fall under 5: a major NC's correction (see ``clocks.minors_step``). Still 5
    or more at the end of that day, they compromise the certification as a major NC late
    in its correction would, even if some are lifted later. ``certificate_end`` is the
    last day of the certificate held: once past, nothing is left to suspend.
    """
    today = ncs[0].today if ncs else None
    fate = stakes.fate(audit_type, certificate_end, today, minors_by.due)
    open_ncs = [c for c in ncs if c.open]
    if not ncs:
        return Outcome(Verdict.CLOSED, t("no non-conformity was raised"), None)
    if not open_ncs:
        unrecorded = sum(1 for c in ncs if c.unrecorded)
        if unrecorded:  # closed by the next audit, which must say what became of them
            return Outcome(Verdict.CLOSED, tn(
                "every non-conformity is lifted or closed by a later audit; {n} is neither "
                "lifted nor taken over there: to record",
                "every non-conformity is lifted or closed by a later audit; {n} are neither "
                "lifted nor taken over there: to record", unrecorded), None)  # fmt: skip
        if any(c.carried for c in ncs):
            return Outcome(Verdict.CLOSED, t("every non-conformity is lifted or carried over "
                                             "to a later audit"), None)  # fmt: skip
        if any(c.reapplied for c in ncs):
            return Outcome(Verdict.CLOSED, t("every non-conformity is lifted or closed by a "
                                             "new initial audit"), None)  # fmt: skip
        return Outcome(Verdict.CLOSED, t("every non-conformity is lifted"), None)
    compromised = _late_correction(open_ncs, fate)
    if compromised:
        return compromised
    minors = open_minors(ncs)
    blocking = [c for c in open_ncs if blocks_certificate(c, minors)]
    late_minors = open_minors(ncs, on=minors_by.due)
    if minors_by.status is Status.OVERDUE and late_minors >= MINOR_LIMIT:
        reason = t(
            "{count} on {due}, the day they had to be under 5: together they count as a "
            "major NC not corrected in time; {fate}",
            count=tn("{n} minor NC still open", "{n} minor NCs still open", late_minors),
            due=minors_by.due,
            fate=fate,
        )
        return Outcome(Verdict.COMPROMISED, reason, Deadline(None, minors_by))
    if not blocking:
        return Outcome(Verdict.IN_PROGRESS, stakes.few_minors_open(minors, audit_type), None)
    group = Deadline(None, minors_by) if minors >= MINOR_LIMIT else None
    deadline = _nearest(blocking, group)
    majors = sum(1 for c in blocking if c.nc.grade is Grade.MAJOR)
    if majors:
        cause = stakes.majors_open(majors, audit_type, certificate_end, today)
    else:
        cause = t(
            "{count}, which count as a major NC: {stake}; if they are not under 5 by {due}, {fate}",
            count=tn("{n} minor NC open", "{n} minor NCs open", minors),
            stake=stakes.many_minors_open(audit_type, certificate_end, today),
            due=minors_by.due,
            fate=fate,
        )
    if group is not None and majors:  # the cause speaks of the majors only
        also = t(
            "{count} must also be under 5 by {due}, or {fate}",
            count=tn("{n} minor NC open", "{n} minor NCs open", minors),
            due=minors_by.due,
            fate=fate,
        )
        cause = t("{cause}; {next}", cause=cause, next=also)
    if deadline is None:
        return Outcome(Verdict.BLOCKED, cause, None)
    if deadline.nc_id is None:  # the cause gives the day to be under 5
        return Outcome(Verdict.BLOCKED, cause, deadline)
    return Outcome(
        Verdict.BLOCKED,
        t("{cause}; {next}", cause=cause, next=_next(deadline, fate)),
        deadline,
    )


def upcoming(start: date) -> Outcome:
    """An audit dated after the day of the run: it has not been held, there is nothing to
    judge (and 'closed, no NC raised' would be false comfort)."""
    return Outcome(Verdict.UPCOMING, t("on {day}: nothing to judge before it is held", day=start),
                   None)  # fmt: skip


def _late_correction(open_ncs: Sequence[Clocked], fate: Msg) -> Outcome | None:
    """A major NC whose proof of correction is overdue, or was sent after its due date:
    the deadline is missed either way (shared/domain/qualiopi.md)."""
    for item in open_ncs:
        correction = next((s for s in item.steps if s.kind is StepKind.CORRECTION), None)
        if correction is None or correction.status not in (Status.OVERDUE, Status.MET_LATE):
            continue
        if correction.met_on is None:
            reason = t(
                "{id}: the proof of correction was due on {due} and has not been sent; {fate}",
                id=item.nc.id,
                due=correction.due,
                fate=fate,
            )
        else:
            reason = t(
                "{id}: the proof of correction was due on {due} and was sent late, on "
                "{sent}; {fate}",
                id=item.nc.id,
                due=correction.due,
                sent=correction.met_on,
                fate=fate,
            )
        return Outcome(Verdict.COMPROMISED, reason, Deadline(item.nc.id, correction))
    return None


def _next(deadline: Deadline, fate: Msg) -> Msg:
    """What comes next for the nearest blocking NC, in the past or the future tense."""
    step, nc_id = deadline.step, deadline.subject
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
        return t("{next}; if missed, {fate}", next=following, fate=fate)
    return following


def _nearest(items: Sequence[Clocked], group: Deadline | None = None) -> Deadline | None:
    """The earliest pending step; on a tie an NC's own step comes before ``group``."""
    pending = [Deadline(c.nc.id, c.next) for c in items if c.next is not None]
    if group is not None:
        pending.append(group)
    return min(pending, key=lambda d: d.step.due, default=None)
