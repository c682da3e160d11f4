"""The working view's calendar as data: one bar per action, one mark per regulatory due
date. Drawn by Mermaid in Markdown (:mod:`gantt`) and as a picture in Word (:mod:`picture`).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import NamedTuple

from qnc.model.ids import natural_key
from qnc.rules.clocks import known
from qnc.rules.report import AuditReport
from qnc.rules.states import Status, StepKind


class BarState(Enum):
    DONE = "done"
    DONE_LATE = "done_late"
    OPEN = "open"
    OVERDUE = "overdue"


class Bar(NamedTuple):
    """One action: from its start to the day it was done, or else to its due date."""

    nc_id: str
    action_id: str
    description: str
    start: date
    end: date
    due: date
    state: BarState
    start_known: bool
    """False: the action has no ``debut``; its bar starts at the notification."""


class Milestone(NamedTuple):
    nc_id: str
    kind: StepKind
    day: date
    missed: bool


class Timeline(NamedTuple):
    bars: tuple[Bar, ...]
    milestones: tuple[Milestone, ...]
    notified: date
    today: date

    @property
    def groups(self) -> tuple[str, ...]:
        """The NC ids, in the order of the audit report."""
        ids = dict.fromkeys([*(b.nc_id for b in self.bars), *(m.nc_id for m in self.milestones)])
        return tuple(sorted(ids, key=natural_key))

    @property
    def unknown_starts(self) -> tuple[Bar, ...]:
        return tuple(b for b in self.bars if not b.start_known)


def timeline(report: AuditReport) -> Timeline:
    notified = report.folder.audit.audit.clock_start
    bars: list[Bar] = []
    milestones: list[Milestone] = []
    for state in sorted(report.ncs, key=lambda n: natural_key(n.file.nc.id)):
        nc_id = state.file.nc.id
        for item in state.actions:
            action = item.action
            done = known(action.done, report.today)
            end = done or action.due
            start = action.start or notified
            # Once the NC is lifted or carried over, an undone action is no longer late
            # (the report counts none, the actions table says why it is left).
            late = item.status is Status.OVERDUE and state.clocked.open
            state_now = _state(item.status, done, late=late)
            known_start = action.start is not None
            bars.append(Bar(nc_id, action.id, action.description, min(start, end), end,
                            action.due, state_now, known_start))  # fmt: skip
        milestones += [
            Milestone(nc_id, step.kind, step.due, step.status is Status.OVERDUE)
            for step in state.clocked.steps
        ]
    return Timeline(tuple(bars), tuple(milestones), notified, report.today)


def _state(status: Status, done: date | None, *, late: bool) -> BarState:
    if done is not None:
        return BarState.DONE_LATE if status is Status.MET_LATE else BarState.DONE
    return BarState.OVERDUE if late else BarState.OPEN
