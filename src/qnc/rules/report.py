"""Everything ``qnc status`` and ``qnc plan`` show about an audit, worked out once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from qnc.i18n import Msg
from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import Action, AuditType, Certificate, Grade
from qnc.model.referential import Grid, Indicator
from qnc.rules.clocks import Clocked, action_status, minors_step, regulatory_step
from qnc.rules.cycle.audit_cycle import AuditCycle, Tie
from qnc.rules.cycle.certificate import after_refusal
from qnc.rules.entrants import written_only
from qnc.rules.legal import lawful
from qnc.rules.priority import Ranked, rank
from qnc.rules.sanctions import Sanction, sanction
from qnc.rules.states import Group, Status, Verdict
from qnc.rules.verdict import Deadline, Outcome, judge, upcoming


class ActionState(NamedTuple):
    action: Action
    status: Status
    days_left: int

    @property
    def done(self) -> bool:
        return self.status.is_met


class NcState(NamedTuple):
    ranked: Ranked
    indicator: Indicator | None
    actions: tuple[ActionState, ...]
    origin: Tie | None = None
    """The NC of an earlier audit it takes over (``origine``)."""
    recurrence: Tie | None = None
    """An NC on the same indicator at the previous audit of the cycle."""
    sanction: Sanction | None = None
    """Surveillance, major NC not corrected in time: suspension and withdrawal days."""
    written_only: bool = False
    """A new entrant's initial audit: only the written process of this indicator is
    audited; its use is checked at the surveillance audit."""

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
    def to_chase(self) -> tuple[ActionState, ...]:
        """The actions to chase: late or due within ``alerte``, while the NC is open."""
        if not self.clocked.open:
            return ()
        return tuple(a for a in self.actions if a.status in (Status.OVERDUE, Status.NEAR))

    @property
    def late(self) -> int:
        """Actions overdue; none once the NC is lifted (every step of it is met)."""
        if not self.clocked.open:
            return 0
        return sum(1 for a in self.actions if a.status is Status.OVERDUE)

    def standing(self, item: ActionState) -> Status | None:
        """The status of ``item`` as every view gives it: None for an action not done of
        an NC no longer open (lifted, or closed by a later audit, which follows it from
        then on), never late, as :attr:`late` and :attr:`to_chase` count it."""
        return item.status if item.done or self.clocked.open else None

    @property
    def regulatory_standing(self) -> Status | None:
        """The status of the step the actions are due by (correction or implementation),
        None when not met and the NC is no longer open: never late either."""
        status = regulatory_step(self.clocked).status
        return status if status.is_met or self.clocked.open else None


class AuditReport(NamedTuple):
    folder: AuditFolder
    today: date
    grid: Grid
    outcome: Outcome
    ncs: tuple[NcState, ...]
    next_deadline: Deadline | None
    cycle: AuditCycle = AuditCycle()

    @property
    def notification_defaulted(self) -> bool:
        return self.folder.audit.audit.notification is None

    @property
    def certificate(self) -> Certificate | None:
        """The certificate the audit deals with (for a renewal, the one to renew)."""
        return self.cycle.certificate or self.folder.audit.certificate

    @property
    def closed_by(self) -> AuditFolder | None:
        """The next audit of the cycle, once notified: from then on this one is closed
        and its NCs still open are followed there."""
        later = self.cycle.closed_by
        if later is None or later.audit.audit.clock_start > self.today:
            return None
        return later

    def open_count(self, grade: Grade) -> int:
        return sum(1 for n in self.ncs if n.clocked.open and n.file.nc.grade is grade)


_URGENCY = {Verdict.COMPROMISED: 0, Verdict.BLOCKED: 1, Verdict.IN_PROGRESS: 2,
            Verdict.UPCOMING: 3, Verdict.CLOSED: 4}  # fmt: skip


def build_report(folder: AuditFolder, clocked: Sequence[Clocked], *, today: date,
                 cycle: AuditCycle | None = None) -> AuditReport:  # fmt: skip
    """Everything about ``folder`` on ``today``, from the clocks of its NCs (worked out
    once per run, see :func:`qnc.rules.clocks.clock`) and what the other audits of its
    organisation say (``cycle``, see :func:`qnc.rules.cycle.audit_cycle.link`)."""
    audit = folder.audit
    notified = audit.audit.clock_start
    rules = lawful(audit.rules, notified)
    grid = folder.grid
    cycle = cycle or AuditCycle(certificate=audit.certificate)

    def state(ranked: Ranked) -> NcState:
        item = ranked.item
        actions = tuple(
            ActionState(a, action_status(a, today=today, alert=rules.alert), (a.due - today).days)
            for a in item.nc.actions
        )
        indicator = grid.indicators.get(item.nc.indicator)
        return NcState(
            ranked,
            indicator,
            actions,
            cycle.origins.get(item.file.path),
            cycle.recurrences.get(item.file.path),
            sanction(item, audit.audit.type),
            written_only(indicator, folder),
        )

    minors_by = minors_step(notified=notified, rules=rules, today=today)
    end = cycle.certificate.end if cycle.certificate else None
    if audit.audit.start > today:  # not held yet: no verdict, whatever its files say
        outcome = upcoming(audit.audit.start)
    else:
        outcome = judge(clocked, audit.audit.type, minors_by=minors_by, certificate_end=end)
    told = _refused(cycle, outcome, audit.audit.type)
    states = tuple(
        state(r) for r in rank(clocked, minors_by=minors_by.due, audit_type=audit.audit.type)
    )
    return AuditReport(folder, today, grid, outcome, states, _next_deadline(clocked, outcome),
                       told)  # fmt: skip


def _refused(cycle: AuditCycle, outcome: Outcome, audit_type: AuditType) -> AuditCycle:
    """An initial audit compromised (certification to be refused), without a certificate
    recorded since: what comes next is a new application, not its surveillance audit."""
    window, deadline = cycle.next_audit, outcome.deadline
    if (outcome.verdict is not Verdict.COMPROMISED or audit_type is not AuditType.INITIAL
            or window is None or window.certificate is not None or deadline is None):  # fmt: skip
        return cycle
    return cycle._replace(next_audit=after_refusal(deadline.step.due)._replace(
        planned=window.planned))  # fmt: skip


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
