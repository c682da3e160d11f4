"""Everything ``qnc status`` and ``qnc plan`` show about an audit, worked out once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qnc.i18n import Msg
from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import Action, Grade
from qnc.model.referential import Grid, Indicator
from qnc.rules.clocks import Clocked, action_status, minors_step
from qnc.rules.priority import Ranked, rank
from qnc.rules.states import Group, Status, Verdict
from qnc.rules.verdict import Deadline, Outcome, judge


@dataclass(frozen=True)
class ActionState:
    action: Action
    status: Status
    days_left: int

    @property
    def done(self) -> bool:
        return self.status.is_met


@dataclass(frozen=True)
class NcState:
    ranked: Ranked
    indicator: Indicator | None
    actions: tuple[ActionState, ...]

    @property
    def clocked(self) -> Clocked:
        return self.ranked.item

    @property
    def file(self) -> NcFile:
        return self.ranked.item.file

    @property
    def rank(self) -> int:
        return self.ranked.rank

    @property
    def group(self) -> Group:
        return self.ranked.group

    @property
    def reason(self) -> Msg:
        return self.ranked.reason

    @property
    def done(self) -> int:
        return sum(1 for a in self.actions if a.done)

    @property
    def late(self) -> int:
        """Actions overdue; none once the NC is lifted (every step of it is met)."""
        if not self.clocked.open:
            return 0
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


def build_report(folder: AuditFolder, clocked: Sequence[Clocked], *, today: date) -> AuditReport:
    """Everything about ``folder`` on ``today``, from the clocks of its NCs (worked out
    once per run, see :func:`qnc.rules.clocks.clock`)."""
    audit = folder.audit
    notified, rules = audit.audit.clock_start, audit.rules
    grid = folder.grid

    def state(ranked: Ranked) -> NcState:
        actions = tuple(
            ActionState(a, action_status(a, today=today, alert=rules.alert), (a.due - today).days)
            for a in ranked.item.nc.actions
        )
        return NcState(ranked, grid.indicators.get(ranked.item.nc.indicator), actions)

    minors_by = minors_step(notified=notified, rules=rules, today=today)
    end = audit.certificate.end if audit.certificate else None
    outcome = judge(clocked, audit.audit.type, minors_by=minors_by, certificate_end=end)
    states = tuple(state(r) for r in rank(clocked, minors_by=minors_by.due))
    return AuditReport(folder, today, grid, outcome, states, _next_deadline(clocked, outcome))


def _next_deadline(clocked: Sequence[Clocked], outcome: Outcome) -> Deadline | None:
    """The nearest step the organisation owes (or the day open minor NCs must be under 5);
    only when it owes nothing, the nearest certifier's decision."""
    pending = [Deadline(c.nc.id, c.next) for c in clocked if c.open and c.next is not None]
    owed = [d for d in pending if d.step.blocking]
    if outcome.deadline is not None and outcome.deadline.nc_id is None:
        owed.append(outcome.deadline)
    return min(owed or pending, key=lambda d: d.step.due, default=None)


def by_urgency(reports: Sequence[AuditReport]) -> list[AuditReport]:
    """Most urgent audit first: worst verdict; then, among equals, the nearest due date
    the organisation owes, blocking ones (the verdict's) before the others; audits that
    only wait for the certifier's decision after those; then the path."""
    return sorted(reports, key=lambda r: (_URGENCY[r.outcome.verdict], *_due_key(r),
                                          str(r.folder.path)))  # fmt: skip


def _due_key(report: AuditReport) -> tuple[int, date]:
    blocking = report.outcome.deadline
    if blocking is not None and blocking.step.blocking:
        return 0, blocking.step.due
    following = report.next_deadline
    if following is None:
        return 2, date.max
    return (0 if following.step.blocking else 1), following.step.due
