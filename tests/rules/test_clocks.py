"""Regulatory clocks (spec §2.1): due dates, statuses and their boundaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnc.model.durations import Duration, Unit
from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import Action, Audit, NonConformity, Rules
from qnc.rules.clocks import (
    Status,
    Step,
    StepKind,
    action_status,
    actions_done_on,
    clock,
    status_on,
)
from qnc.rules.cycle.carry import Closure

DAYS_14 = Duration(14, Unit.DAYS)


def nc(**fields: object) -> NonConformity:
    data: dict[str, object] = {
        "id": "NC-01",
        "indicateur": 11,
        "gravite": "majeure",
        "constat": "x",
    }
    data.update(fields)
    return NonConformity.model_validate(data)


def steps_for(nc: NonConformity, *, notified: date, rules: Rules, today: date) -> tuple[Step, ...]:
    return clock(NcFile(Path("NC-01.yaml"), nc), notified=notified, rules=rules, today=today).steps


def next_step(steps: tuple[Step, ...]) -> Step | None:
    return next((s for s in steps if not s.status.is_met), None)


def action(due: str, done: str | None = None, id: str = "A1") -> dict[str, object]:
    return {"id": id, "responsable": "M. D.", "echeance": due, "fait_le": done}


@pytest.mark.parametrize(
    ("notified", "correction", "decision"),
    [
        (date(2026, 1, 31), date(2026, 4, 30), date(2026, 5, 30)),
        (date(2026, 11, 30), date(2027, 2, 28), date(2027, 3, 28)),
        (date(2027, 11, 30), date(2028, 2, 29), date(2028, 3, 29)),
        (date(2026, 3, 12), date(2026, 6, 12), date(2026, 7, 12)),
        (date(2026, 8, 31), date(2026, 11, 30), date(2026, 12, 30)),
    ],
)
def test_major_due_dates_use_calendar_months(
    notified: date, correction: date, decision: date
) -> None:
    """Major NC: correction = N + 3 months (clamped to the month's end), decision 1 month later."""
    steps = steps_for(nc(), notified=notified, rules=Rules(), today=notified)
    assert [(s.kind, s.due) for s in steps] == [
        (StepKind.CORRECTION, correction),
        (StepKind.DECISION, decision),
    ]


@pytest.mark.parametrize(
    ("notified", "plan", "implementation"),
    [
        (date(2026, 3, 12), date(2026, 4, 11), date(2026, 9, 12)),
        (date(2026, 1, 31), date(2026, 3, 2), date(2026, 7, 31)),
        (date(2027, 8, 31), date(2027, 9, 30), date(2028, 2, 29)),
        (date(2026, 8, 31), date(2026, 9, 30), date(2027, 2, 28)),
    ],
)
def test_minor_due_dates(notified: date, plan: date, implementation: date) -> None:
    """Minor NC: plan = N + 30 days, implementation = N + 6 months."""
    steps = steps_for(
        nc(indicateur=1, gravite="mineure"), notified=notified, rules=Rules(), today=notified
    )
    assert [(s.kind, s.due) for s in steps] == [
        (StepKind.PLAN, plan),
        (StepKind.IMPLEMENTATION, implementation),
    ]


def test_rules_override_durations() -> None:
    """`regles` of audit.yaml replace the defaults, in French or English units."""
    rules = Rules.model_validate({"plan_mineure": "2 semaines", "mise_en_oeuvre_mineure": "1 year"})
    steps = steps_for(
        nc(indicateur=1, gravite="mineure"),
        notified=date(2028, 2, 29),
        rules=rules,
        today=date(2028, 2, 29),
    )
    assert [s.due for s in steps] == [date(2028, 3, 14), date(2029, 2, 28)]


@pytest.mark.parametrize(
    ("today", "status", "days_left"),
    [
        (date(2026, 6, 12), Status.NEAR, 0),  # the due day itself is still allowed
        (date(2026, 6, 13), Status.OVERDUE, -1),  # the day after is late by 1
        (date(2026, 5, 29), Status.NEAR, 14),  # alert boundary: 14 days, included
        (date(2026, 5, 28), Status.UPCOMING, 15),
        (date(2026, 3, 12), Status.UPCOMING, 92),
    ],
)
def test_status_boundaries(today: date, status: Status, days_left: int) -> None:
    """The due day is `proche` with 0 days left; the next day `depassee` by 1."""
    correction = steps_for(nc(), notified=date(2026, 3, 12), rules=Rules(), today=today)[0]
    assert (correction.status, correction.days_left) == (status, days_left)


@pytest.mark.parametrize(
    ("sent", "status"),
    [("2026-06-12", Status.MET), ("2026-06-13", Status.MET_LATE), ("2026-04-01", Status.MET)],
)
def test_met_on_time_or_late(sent: str, status: Status) -> None:
    """A proof sent on the due day is on time; the day after it is `tenue_en_retard`."""
    correction = steps_for(
        nc(preuves_envoyees_le=sent),
        notified=date(2026, 3, 12),
        rules=Rules(),
        today=date(2026, 7, 1),
    )[0]
    assert correction.status is status


def test_lifted_nc_has_every_step_met() -> None:
    """A lifted NC has every step met, even those whose own fact is missing."""
    steps = steps_for(
        nc(levee_le="2026-05-02"), notified=date(2026, 3, 12), rules=Rules(), today=date(2027, 1, 1)
    )
    assert [s.status for s in steps] == [Status.MET, Status.MET]
    assert next_step(steps) is None


def test_implementation_needs_every_action_done_in_time() -> None:
    """Minor implementation is met when the last action is done; late if after the due date."""
    minor = nc(
        indicateur=1,
        gravite="mineure",
        actions=[
            action("2026-05-01", "2026-04-20"),
            action("2026-09-01", "2026-09-14", id="A2"),
        ],
    )
    steps = steps_for(minor, notified=date(2026, 3, 12), rules=Rules(), today=date(2026, 10, 1))
    assert steps[1].met_on == date(2026, 9, 14)
    assert steps[1].status is Status.MET_LATE


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        ([], None),
        ([action("2026-05-01", None)], None),
        ([action("2026-05-01", "2026-04-02"), action("2026-05-01", None, id="A2")], None),
        (
            [action("2026-05-01", "2026-04-02"), action("2026-05-01", "2026-03-20", id="A2")],
            date(2026, 4, 2),
        ),
    ],
)
def test_actions_done_on(actions: list[dict[str, object]], expected: date | None) -> None:
    """No action, or one not done, means the plan is not carried out."""
    assert actions_done_on(nc(actions=actions).actions, date(2026, 12, 31)) == expected


def test_status_on_with_month_alert() -> None:
    """An alert given in months uses calendar arithmetic too."""
    month = Duration(1, Unit.MONTHS)
    assert status_on(date(2026, 2, 28), None, today=date(2026, 1, 31), alert=month) is Status.NEAR
    assert (
        status_on(date(2026, 3, 1), None, today=date(2026, 1, 31), alert=month) is Status.UPCOMING
    )


def test_next_step_skips_met_steps() -> None:
    """After the proof is sent, the next step of a major NC is the certifier's decision."""
    steps = steps_for(
        nc(preuves_envoyees_le="2026-05-02"),
        notified=date(2026, 3, 12),
        rules=Rules(),
        today=date(2026, 5, 3),
    )
    following = next_step(steps)
    assert following is not None and following.kind is StepKind.DECISION
    assert following.due == date(2026, 7, 12)


def test_facts_after_today_are_not_met_yet() -> None:
    """On a day before the proof was sent, the step is not met (not 'met late')."""
    sent = nc(preuves_envoyees_le="2026-06-20")
    before = steps_for(sent, notified=date(2026, 3, 12), rules=Rules(), today=date(2026, 6, 1))
    assert (before[0].status, before[0].met_on) == (Status.NEAR, None)
    after = steps_for(sent, notified=date(2026, 3, 12), rules=Rules(), today=date(2026, 6, 20))
    assert (after[0].status, after[0].met_on) == (Status.MET_LATE, date(2026, 6, 20))


def test_most_late_is_the_step_overdue_the_longest() -> None:
    """Two overdue steps: the plan (156 days late) is the most late, not the implementation."""
    minor = nc(indicateur=1, gravite="mineure")
    clocked = clock(
        NcFile(Path("NC-01.yaml"), minor),
        notified=date(2026, 3, 12),
        rules=Rules(),
        today=date(2026, 9, 14),
    )
    assert [(s.kind, s.days_left) for s in clocked.steps] == [
        (StepKind.PLAN, -156),
        (StepKind.IMPLEMENTATION, -2),
    ]
    assert clocked.most_late is not None
    assert (clocked.most_late.kind, clocked.most_late.due) == (StepKind.PLAN, date(2026, 4, 11))
    assert clocked.days_late == 156


@pytest.mark.parametrize(
    ("due", "done", "today", "status"),
    [
        # done on 27 October, seen on 20 October: not done yet, due within the 14-day alert
        ("2026-10-30", "2026-10-27", date(2026, 10, 20), Status.NEAR),
        ("2026-04-15", "2026-04-20", date(2026, 5, 1), Status.MET_LATE),
        ("2026-04-15", "2026-04-15", date(2026, 5, 1), Status.MET),
    ],
)
def test_action_status_counts_done_only_from_its_day(
    due: str, done: str, today: date, status: Status
) -> None:
    """An action done after the day it is seen on is not done yet; done late is `MET_LATE`."""
    item = Action.model_validate({"id": "A1", "responsable": "M. D.", "echeance": due,
                                  "fait_le": done})  # fmt: skip
    assert action_status(item, today=today, alert=DAYS_14) is status


LATER = AuditFolder(
    Path("b"),
    Audit.model_validate({"organisme": {"nom": "x", "categories": ["AF"]},
                          "certificateur": {"nom": "y"},
                          "audit": {"type": "surveillance", "debut": "2027-01-05"}}),
    (),
)  # fmt: skip


def taken_over(day: date) -> Closure:
    return Closure(day, LATER, Path("b/nc/NC-01.yaml"))


def test_carried_over_nc_is_closed_from_the_day_it_was_taken_over() -> None:
    """Taken over by a later audit notified on 10 January 2027: still open the day
    before, closed (carried, not lifted) from that day; a lift recorded before wins."""
    file = NcFile(Path("NC-03.yaml"), nc(gravite="mineure", indicateur=12))
    taken = date(2027, 1, 10)
    before = clock(file, notified=date(2026, 3, 12), rules=Rules(), today=date(2027, 1, 9),
                   closure=taken_over(taken))  # fmt: skip
    assert (before.open, before.carried) == (True, False)
    after = clock(file, notified=date(2026, 3, 12), rules=Rules(), today=taken,
                  closure=taken_over(taken))  # fmt: skip
    assert (after.open, after.carried, after.lifted) == (False, True, taken)
    lifted = NcFile(Path("NC-03.yaml"), nc(gravite="mineure", indicateur=12, levee_le="2026-09-01"))
    earlier = clock(lifted, notified=date(2026, 3, 12), rules=Rules(), today=taken,
                    closure=taken_over(taken))  # fmt: skip
    assert (earlier.carried, earlier.lifted) == (False, date(2026, 9, 1))


def test_nc_left_out_by_the_next_audit_is_closed_to_record() -> None:
    """Closed by the next audit (notified 10 January 2027) without being taken over:
    closed from that day, neither lifted nor carried, to record; nothing next."""
    file = NcFile(Path("NC-03.yaml"), nc(gravite="mineure", indicateur=12))
    day = date(2027, 1, 10)
    item = clock(file, notified=date(2026, 3, 12), rules=Rules(), today=date(2027, 6, 1),
                 closure=Closure(day, LATER, None))  # fmt: skip
    assert (item.open, item.carried, item.unrecorded, item.lifted, item.next) == (
        False, False, True, day, None)  # fmt: skip


def test_carried_nc_steps_stand_as_on_the_day_it_was_taken_over() -> None:
    """Notified 18 September 2026, taken over on 10 January 2027, seen on 1 June 2027:
    the plan (due 18 October) was late when taken over and stays so; the implementation
    (due 18 March) falls after: never late here; nothing is next."""
    file = NcFile(Path("NC-04.yaml"), nc(gravite="mineure", indicateur=19))
    item = clock(file, notified=date(2026, 9, 18), rules=Rules(), today=date(2027, 6, 1),
                 closure=taken_over(date(2027, 1, 10)))  # fmt: skip
    assert [(s.kind, s.status) for s in item.steps] == [
        (StepKind.PLAN, Status.OVERDUE),
        (StepKind.IMPLEMENTATION, Status.UPCOMING),
    ]
    assert item.next is None
