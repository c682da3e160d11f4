"""Everything ``qnc status`` and ``qnc plan`` show about an audit, worked out once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qnc.clocks import Status, action_status, steps_for
from qnc.folder import AuditFolder, NcFile
from qnc.i18n import Msg
from qnc.models import Action, Grade
from qnc.priority import Group, rank
from qnc.referential import Grid, Indicator
from qnc.verdict import Clocked, Deadline, Outcome, Verdict, judge, nearest


@dataclass(frozen=True)
class ActionState:
    action: Action
    status: Status
    days_left: int


@dataclass(frozen=True)
class NcState:
    file: NcFile
    clocked: Clocked
    rank: int
    group: Group
    reason: Msg
    indicator: Indicator | None
    actions: tuple[ActionState, ...]

    @property
    def done(self) -> int:
        return sum(1 for a in self.actions if a.action.done is not None)

    @property
    def late(self) -> int:
        return sum(1 for a in self.actions if a.status is Status.OVERDUE)


@dataclass(frozen=True)
class AuditReport:
    folder: AuditFolder
    today: date
    grid: Grid
    outcome: Outcome
    ncs: tuple[NcState, ...]
    next_deadline: Deadline | None

    @property
    def notification_defaulted(self) -> bool:
        return self.folder.audit.audit.notification is None

    def open_count(self, grade: Grade) -> int:
        return sum(1 for n in self.ncs if n.clocked.open and n.file.nc.grade is grade)


_URGENCY = {Verdict.COMPROMISED: 0, Verdict.BLOCKED: 1, Verdict.IN_PROGRESS: 2, Verdict.CLOSED: 3}


def build_report(folder: AuditFolder, *, today: date) -> AuditReport:
    audit = folder.audit
    notified, rules = audit.audit.clock_start, audit.rules
    clocked = [
        Clocked(entry.nc, steps_for(entry.nc, notified=notified, rules=rules, today=today))
        for entry in folder.ncs
    ]
    files = {id(c): entry for c, entry in zip(clocked, folder.ncs, strict=True)}
    grid = folder.grid
    states = tuple(
        NcState(
            file=files[id(r.item)],
            clocked=r.item,
            rank=r.rank,
            group=r.group,
            reason=r.reason,
            indicator=grid.indicators.get(r.item.nc.indicator),
            actions=tuple(
                ActionState(
                    a, action_status(a, today=today, alert=rules.alert), (a.due - today).days
                )
                for a in r.item.nc.actions
            ),
        )
        for r in rank(clocked)
    )
    outcome = judge(clocked, audit.audit.type)
    return AuditReport(folder, today, grid, outcome, states, nearest(clocked))


def by_urgency(reports: Sequence[AuditReport]) -> list[AuditReport]:
    """Most urgent audit first: worst verdict, then nearest due date, then path."""
    return sorted(
        reports,
        key=lambda r: (
            _URGENCY[r.outcome.verdict],
            r.next_deadline.step.due if r.next_deadline else date.max,
            str(r.folder.path),
        ),
    )
