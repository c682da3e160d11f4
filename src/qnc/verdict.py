"""The verdict on an audit's certification (spec §2.2), with its reason in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from qnc.clocks import Status, Step, StepKind, next_step
from qnc.i18n import Msg, t, tn
from qnc.labels import step_label
from qnc.models import AuditType, Grade, NonConformity

MINOR_LIMIT = 5
"""Five open minor NCs count as one major NC (arrêté du 6 juin 2019, art. 5)."""


class Verdict(StrEnum):
    CLOSED = "soldee"
    COMPROMISED = "compromise"
    BLOCKED = "bloquee"
    IN_PROGRESS = "en_cours"


@dataclass(frozen=True)
class Clocked:
    """An NC with its steps, as the verdict and the priority need it."""

    nc: NonConformity
    steps: tuple[Step, ...]

    @property
    def open(self) -> bool:
        return self.nc.lifted is None

    @property
    def next(self) -> Step | None:
        return next_step(self.steps)

    @property
    def days_late(self) -> int:
        """Days the most overdue blocking step is late by; 0 when none is."""
        late = [-s.days_left for s in self.steps if s.status is Status.OVERDUE and s.blocking]
        return max(late, default=0)


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


def judge(ncs: Sequence[Clocked], audit_type: AuditType) -> Outcome:
    """The first verdict of §2.2 that applies."""
    open_ncs = [c for c in ncs if c.open]
    if not ncs:
        return Outcome(Verdict.CLOSED, t("no non-conformity was raised"), None)
    if not open_ncs:
        return Outcome(Verdict.CLOSED, t("every non-conformity is lifted"), None)
    for item in open_ncs:
        correction = _step(item, StepKind.CORRECTION)
        if correction and correction.status is Status.OVERDUE:
            return Outcome(
                Verdict.COMPROMISED,
                t(
                    "{id}: the proof of correction was due on {due} and has not been sent; {fate}",
                    id=item.nc.id,
                    due=correction.due,
                    fate=_fate(audit_type),
                ),
                Deadline(item.nc.id, correction),
            )
    minors = open_minors(ncs)
    blocking = [c for c in open_ncs if blocks_certificate(c, minors)]
    if not blocking:
        return Outcome(
            Verdict.IN_PROGRESS,
            tn(
                "{n} minor NC open: certification is possible; it will be checked at the next "
                "audit, where a minor NC still open becomes major",
                "{n} minor NCs open: certification is possible; they will be checked at the "
                "next audit, where a minor NC still open becomes major",
                minors,
            ),
            None,
        )
    deadline = _nearest(blocking)
    majors = sum(1 for c in blocking if c.nc.grade is Grade.MAJOR)
    cause = (
        tn("{n} major NC open", "{n} major NCs open", majors)
        if majors
        else tn(
            "{n} minor NC open (5 or more count as a major one)",
            "{n} minor NCs open (5 or more count as a major one)",
            minors,
        )
    )
    if deadline is None:
        return Outcome(
            Verdict.BLOCKED,
            t(
                "{cause}: no certificate can be issued or kept until the certifier lifts them",
                cause=cause,
            ),
            None,
        )
    if not deadline.step.blocking:
        return Outcome(
            Verdict.BLOCKED,
            t(
                "{cause}: no certificate can be issued or kept until they are dealt with; "
                "the proof is sent for {id}, the certifier should decide by {due}",
                cause=cause,
                id=deadline.nc_id,
                due=deadline.step.due,
            ),
            deadline,
        )
    return Outcome(
        Verdict.BLOCKED,
        t(
            "{cause}: no certificate can be issued or kept until they are dealt with; next: "
            "'{step}' for {id} by {due}; if missed, {fate}",
            cause=cause,
            step=step_label(deadline.step.kind),
            id=deadline.nc_id,
            due=deadline.step.due,
            fate=_fate(audit_type),
        ),
        deadline,
    )


def _fate(audit_type: AuditType) -> Msg:
    """What a missed deadline costs, by audit type (shared/domain/qualiopi.md)."""
    if audit_type is AuditType.INITIAL:
        return t("the certification will be refused (a new application only 3 months later)")
    if audit_type is AuditType.EXTENSION:
        return t("the extension will be refused")
    return t("the certificate will be suspended, then withdrawn")


def _step(item: Clocked, kind: StepKind) -> Step | None:
    return next((s for s in item.steps if s.kind is kind), None)


def _nearest(items: Sequence[Clocked]) -> Deadline | None:
    pending = [Deadline(c.nc.id, c.next) for c in items if c.next is not None]
    return min(pending, key=lambda d: d.step.due, default=None)


def nearest(items: Sequence[Clocked]) -> Deadline | None:
    """The nearest pending step among open NCs."""
    return _nearest([c for c in items if c.open])
