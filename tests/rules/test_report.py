"""The report of an audit (verdict, next due date, ranks, actions) and the urgency order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qnc.model.records import Grade, NonConformity
from qnc.rules.report import AuditReport, NcState, by_urgency
from qnc.rules.states import Group, Status, StepKind, Verdict
from tests.rules.builders import TODAY, action, audit, folder, nc, report, sample


def state(built: AuditReport, nc_id: str) -> NcState:
    return next(n for n in built.ncs if n.file.nc.id == nc_id)


def test_verdict_and_its_blocking_deadline() -> None:
    """An open major blocks; the verdict's due date is its correction, 12 June 2026."""
    outcome = sample().outcome
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None
    step = outcome.deadline.step
    assert (outcome.deadline.nc_id, step.kind, step.due, step.days_left) == (
        "NC-1",
        StepKind.CORRECTION,
        date(2026, 6, 12),
        42,
    )


def test_next_deadline_is_the_nearest_step_owed() -> None:
    """The next due date is the minor's overdue plan (11 April), nearer than the verdict's."""
    following = sample().next_deadline
    assert following is not None
    assert (following.nc_id, following.step.kind, following.step.due) == (
        "NC-2",
        StepKind.PLAN,
        date(2026, 4, 11),
    )
    assert (following.step.status, following.step.days_left) == (Status.OVERDUE, -20)


def test_ranks_groups_and_indicators() -> None:
    """Late first, then blocking, lifted last; each NC carries its grid indicator."""
    built = sample()
    assert [(n.rank, n.file.nc.id, n.group) for n in built.ncs] == [
        (1, "NC-2", Group.OVERDUE),
        (2, "NC-1", Group.BLOCKING),
        (3, "NC-3", Group.LIFTED),
    ]
    assert [n.indicator.number if n.indicator else None for n in built.ncs] == [1, 11, 12]
    assert built.grid.id == "rnq-2019"


def test_action_states() -> None:
    """Each action: overdue 11 days, near (9 days left, within the 14-day alert), done."""
    nc1 = state(sample(), "NC-1")
    assert [(a.action.id, a.status, a.days_left, a.done) for a in nc1.actions] == [
        ("A1", Status.OVERDUE, -11, False),
        ("A2", Status.NEAR, 9, False),
        ("A3", Status.MET, -16, True),
    ]
    assert (nc1.done, nc1.late) == (1, 1)


def test_lifted_nc_has_no_late_action() -> None:
    """An action past its due date no longer counts late once its NC is lifted."""
    nc3 = state(sample(), "NC-3")
    assert [(a.status, a.done) for a in nc3.actions] == [(Status.OVERDUE, False)]
    assert (nc3.done, nc3.late) == (0, 0)


def test_nc_without_actions() -> None:
    """No action recorded: none done, none late."""
    nc2 = state(sample(), "NC-2")
    assert (nc2.actions, nc2.done, nc2.late) == ((), 0, 0)


def test_open_count_by_grade() -> None:
    """Open NCs by grade; the lifted minor is not counted."""
    built = sample()
    assert (built.open_count(Grade.MAJOR), built.open_count(Grade.MINOR)) == (1, 1)


def test_action_done_after_today_is_not_done_yet() -> None:
    """An action marked done on a later day than the report's is still to do (near)."""
    later = nc("NC-1", actions=[action("A1", "2026-05-10", done="2026-05-05")])
    built = report(folder([later]), TODAY)
    item = built.ncs[0].actions[0]
    assert (item.status, item.done, item.days_left) == (Status.NEAR, False, 9)
    done = report(folder([later]), date(2026, 5, 5)).ncs[0].actions[0]
    assert (done.status, done.done) == (Status.MET, True)


def test_five_minors_owe_the_day_to_be_under_five() -> None:
    """Five open minors with plans sent: the next due date is 12 June, to be under 5."""
    minors = [nc(f"NC-{i}", indicator=i, plan_envoye_le="2026-04-01") for i in (1, 2, 3, 8, 9)]
    built = report(folder(minors), TODAY)
    assert built.outcome.verdict is Verdict.BLOCKED
    following = built.next_deadline
    assert following is not None
    assert (following.nc_id, following.step.due) == (None, date(2026, 6, 12))
    assert [n.group for n in built.ncs] == [Group.BLOCKING] * 5


def test_certifier_decision_is_next_only_when_nothing_is_owed() -> None:
    """Proof sent for the only major: the next due date is the certifier's decision."""
    built = report(folder([nc("NC-1", "majeure", 11, preuves_envoyees_le="2026-05-01")]), TODAY)
    following = built.next_deadline
    assert following is not None
    assert (following.nc_id, following.step.kind, following.step.due) == (
        "NC-1",
        StepKind.DECISION,
        date(2026, 7, 12),
    )
    assert following.step.blocking is False


def test_audit_without_nc() -> None:
    """No NC: closed, no due date, nothing open."""
    built = report(folder([]), TODAY)
    assert (built.outcome.verdict, built.outcome.deadline, built.next_deadline) == (
        Verdict.CLOSED,
        None,
        None,
    )
    assert (built.ncs, built.open_count(Grade.MINOR)) == ((), 0)


def test_notification_defaulted_when_missing() -> None:
    """Without a notification date the clocks start on the last audit day, and it is said."""
    built = report(folder([nc("NC-1")], record=audit(notification=None)), TODAY)
    assert built.notification_defaulted is True
    assert built.ncs[0].clocked.steps[0].due == date(2026, 4, 9)  # 10 March + 30 days
    assert sample().notification_defaulted is False


def test_by_urgency_order() -> None:
    """Worst verdict first; then the nearest due date owed; decision-only after; path."""

    def named(path: str, *ncs: NonConformity, **info: str | None) -> AuditReport:
        return report(folder(ncs, path=Path(path), record=audit(**info)), TODAY)

    january = {"debut": "2026-01-05", "fin": None, "notification": "2026-01-05"}
    reports = [
        named("e-closed"),
        named("f-progress", nc("NC-1", plan_envoye_le="2026-04-01")),
        # only the certifier's decision (5 May) is awaited: after every audit that owes
        named("c-waiting", nc("NC-1", "majeure", 11, preuves_envoyees_le="2026-03-01"), **january),
        named("b-blocked", nc("NC-1", "majeure", 11)),
        named("a-blocked", nc("NC-1", "majeure", 11)),
        named("d-nearer", nc("NC-1", "majeure", 11), notification="2026-03-01"),
        named("z-compromised", nc("NC-1", "majeure", 11), **january),
        # awaits a decision too, but owes a minor's plan (4 February): the most urgent owed
        named(
            "g-owes-too",
            nc("NC-1", "majeure", 11, preuves_envoyees_le="2026-03-01"),
            nc("NC-2", "mineure", 1),
            **january,
        ),
    ]
    ordered = by_urgency(reports)
    assert [(str(r.folder.path), r.outcome.verdict) for r in ordered] == [
        ("z-compromised", Verdict.COMPROMISED),
        ("g-owes-too", Verdict.BLOCKED),
        ("d-nearer", Verdict.BLOCKED),
        ("a-blocked", Verdict.BLOCKED),
        ("b-blocked", Verdict.BLOCKED),
        ("c-waiting", Verdict.BLOCKED),
        ("f-progress", Verdict.IN_PROGRESS),
        ("e-closed", Verdict.CLOSED),
    ]
    due = {str(r.folder.path): r.next_deadline.step.due for r in ordered if r.next_deadline}
    assert (due["g-owes-too"], due["d-nearer"], due["c-waiting"]) == (
        date(2026, 2, 4),
        date(2026, 6, 1),
        date(2026, 5, 5),
    )
