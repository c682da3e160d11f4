"""Regulatory clocks of a non-conformity (spec §2.1): due dates and their status on a day.

Every clock runs from the notification date (arrêté du 6 juin 2019, art. 5). The due
date is the last allowed day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qnc.durations import Duration
from qnc.models import Action, Grade, NonConformity, Rules


class StepKind(StrEnum):
    CORRECTION = "correction"
    DECISION = "decision"
    PLAN = "plan"
    IMPLEMENTATION = "mise_en_oeuvre"


class Status(StrEnum):
    MET = "tenue"
    MET_LATE = "tenue_en_retard"
    OVERDUE = "depassee"
    NEAR = "proche"
    UPCOMING = "a_venir"

    @property
    def is_met(self) -> bool:
        return self in (Status.MET, Status.MET_LATE)


@dataclass(frozen=True)
class Step:
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


def status_on(due: date, met_on: date | None, *, today: date, alert: Duration) -> Status:
    """Status of a deadline on ``today``: met (on time or late), overdue, near or upcoming."""
    if met_on is not None:
        return Status.MET if met_on <= due else Status.MET_LATE
    if today > due:
        return Status.OVERDUE
    if due <= alert.after(today):
        return Status.NEAR
    return Status.UPCOMING


def steps_for(nc: NonConformity, *, notified: date, rules: Rules, today: date) -> tuple[Step, ...]:
    """The regulatory steps of ``nc``, in order, with their status on ``today``."""
    if nc.grade is Grade.MAJOR:
        correction_due = rules.major_correction.after(notified)
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
                actions_done_on(nc.actions),
                rules.minor_implementation,
            ),
        ]
    steps = []
    for kind, due, fact, basis in plan:
        met_on = fact or nc.lifted
        status = status_on(due, met_on, today=today, alert=rules.alert)
        steps.append(Step(kind, due, met_on, status, (due - today).days, basis))
    return tuple(steps)


def actions_done_on(actions: tuple[Action, ...]) -> date | None:
    """The day the last action was done, or None while one is still to do (or none exist)."""
    done = [a.done for a in actions]
    if not done or any(d is None for d in done):
        return None
    return max(d for d in done if d is not None)


def next_step(steps: tuple[Step, ...]) -> Step | None:
    """The first step still to meet, or None when all are met."""
    return next((s for s in steps if not s.status.is_met), None)


def action_status(action: Action, *, today: date, alert: Duration) -> Status:
    return status_on(action.due, action.done, today=today, alert=alert)


def regulatory_due(nc: NonConformity, *, notified: date, rules: Rules) -> date:
    """The date by which the NC's actions must be done: correction (major) or implementation."""
    basis = rules.major_correction if nc.grade is Grade.MAJOR else rules.minor_implementation
    return basis.after(notified)
