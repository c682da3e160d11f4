"""Regulatory clocks of a non-conformity (spec §2.1): due dates and their status on a day.

Every clock runs from the notification date (arrêté du 6 juin 2019, art. 5). The due
date is the last allowed day. A fact (a date in the files) counts from its own day:
evaluated on an earlier day (``--today``), it has not happened yet.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from qnc.model.durations import Duration
from qnc.model.folder import NcFile
from qnc.model.records import Action, Grade, NonConformity, Rules
from qnc.rules.cycle.carry import Closure
from qnc.rules.states import Status, StepKind


class Step(NamedTuple):
    kind: StepKind
    due: date
    met_on: date | None
    status: Status
    days_left: int
    basis: Duration
    """The duration after the notification (or after the correction step) it rests on."""

    @property
    def blocking(self) -> bool:
        """Informational steps (the certifier's decision) never make an NC late."""
        return self.kind is not StepKind.DECISION


class Clocked(NamedTuple):
    """An NC file with its steps on a given day, as the verdict and the priority need it."""

    file: NcFile
    steps: tuple[Step, ...]
    lifted: date | None
    """The day the NC was lifted (or closed by a later audit), if that day has come."""
    today: date
    """The day the steps are evaluated on."""
    closure: Closure | None = None
    """Set when a later audit closed it, not lifted (:mod:`qnc.rules.cycle.carry`): followed
    there from ``closure.day``."""

    @property
    def carried(self) -> bool:
        """Closed here because an NC of a later audit takes it over (``origine``)."""
        return self.closure is not None and self.closure.taken_over

    @property
    def unrecorded(self) -> bool:
        """Closed by the next audit without being lifted or taken over there: to record."""
        closure = self.closure
        return closure is not None and not closure.taken_over and not closure.new_application

    @property
    def reapplied(self) -> bool:
        """Closed by a new initial audit (a new application): nothing to record."""
        return self.closure is not None and self.closure.new_application

    @property
    def nc(self) -> NonConformity:
        return self.file.nc

    @property
    def open(self) -> bool:
        return self.lifted is None

    @property
    def next(self) -> Step | None:
        """The first step still to meet, or None when all are met or a later audit closed
        the NC (nothing is left to do in this audit)."""
        if self.closure is not None:
            return None
        return next((s for s in self.steps if not s.status.is_met), None)

    @property
    def most_late(self) -> Step | None:
        """The blocking step that is the most overdue, if any is."""
        late = [s for s in self.steps if s.status is Status.OVERDUE and s.blocking]
        return min(late, key=lambda s: s.days_left, default=None)

    @property
    def days_late(self) -> int:
        step = self.most_late
        return -step.days_left if step else 0


def known(fact: date | None, today: date) -> date | None:
    """``fact`` if it has happened by ``today``, else None."""
    return fact if fact is not None and fact <= today else None


def status_on(due: date, met_on: date | None, *, today: date, alert: Duration) -> Status:
    """Status of a deadline on ``today``: met (on time or late), overdue, near or upcoming."""
    if met_on is not None:
        return Status.MET if met_on <= due else Status.MET_LATE
    if today > due:
        return Status.OVERDUE
    if due <= alert.after(today):
        return Status.NEAR
    return Status.UPCOMING


def clock(file: NcFile, *, notified: date, rules: Rules, today: date,
          closure: Closure | None = None) -> Clocked:  # fmt: skip
    """The regulatory steps of an NC, in order, with their status on ``today``.

    ``closure`` says when a later audit closes the NC (shared/domain/qualiopi.md: a minor
    NC still open at the next audit becomes a major NC there): from that day, unless it
    was lifted first, the NC is closed in this audit. ``rules`` are the audit's, within
    the law (:func:`qnc.rules.legal.lawful`).
    """
    nc = file.nc
    carried_on = closure.day if closure is not None else None
    carried = known(nc.lifted, today) is None and known(carried_on, today) is not None
    lifted = known(nc.lifted, today) or known(carried_on, today)
    correction_due = rules.major_correction.after(notified)
    if nc.grade is Grade.MAJOR:
        plan = [
            (StepKind.CORRECTION, correction_due, nc.evidence_sent, rules.major_correction),
            (StepKind.DECISION, rules.decision.after(correction_due), nc.lifted, rules.decision),
        ]
    else:
        plan = [
            (StepKind.PLAN, rules.minor_plan.after(notified), nc.plan_sent, rules.minor_plan),
            (
                StepKind.IMPLEMENTATION,
                rules.minor_implementation.after(notified),
                actions_done_on(nc.actions, today),
                rules.minor_implementation,
            ),
        ]
    # A lifted NC has every step met. A closed one keeps only those really met, as they
    # stood the day the later audit closed it: it was not dealt with here, and from that
    # day the next audit follows it, so none of its steps falls late afterwards.
    closed = None if carried else lifted
    on = min(today, carried_on) if carried and carried_on is not None else today
    steps = tuple(
        step_on(kind, due, known(fact, on) or closed, today=on, alert=rules.alert, basis=basis)
        for kind, due, fact, basis in plan
    )
    return Clocked(file, steps, lifted, today, closure if carried else None)


def step_on(kind: StepKind, due: date, met_on: date | None, *, today: date, alert: Duration,
            basis: Duration) -> Step:  # fmt: skip
    """A step due on ``due``, met on ``met_on`` (or not), as it stands on ``today``."""
    status = status_on(due, met_on, today=today, alert=alert)
    return Step(kind, due, met_on, status, (due - today).days, basis)


def minors_step(*, notified: date, rules: Rules, today: date) -> Step:
    """The day 5 or more open minor NCs must be under 5: they count as one major NC, so
    it is a major NC's correction due date (shared/domain/qualiopi.md, five minor NCs)."""
    due = rules.major_correction.after(notified)
    return step_on(StepKind.CORRECTION, due, None, today=today, alert=rules.alert,
                   basis=rules.major_correction)  # fmt: skip


def actions_done_on(actions: tuple[Action, ...], today: date) -> date | None:
    """The day the last action was done, or None while one is still to do (or none exist)."""
    done = [known(a.done, today) for a in actions]
    if not done or any(d is None for d in done):
        return None
    return max(d for d in done if d is not None)


def action_status(action: Action, *, today: date, alert: Duration) -> Status:
    return status_on(action.due, known(action.done, today), today=today, alert=alert)


def regulatory_due(clocked: Clocked) -> date:
    """The date by which the NC's actions must be done: correction (major) or implementation."""
    return regulatory_step(clocked).due


def regulatory_step(clocked: Clocked) -> Step:
    """The step by which the NC's actions must be done: correction (major) or implementation."""
    kinds = (StepKind.CORRECTION, StepKind.IMPLEMENTATION)
    return next(s for s in clocked.steps if s.kind in kinds)
