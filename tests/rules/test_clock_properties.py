"""The clocks for every notification day and every rule a certifier may set (properties,
checked with hypothesis): due dates never before the notification, never earlier for a
later notification, and months that end on the last day of a shorter month."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from qnc.model.durations import Duration, Unit
from qnc.model.fields import FIRST_YEAR, LAST_YEAR, MAX_DURATION
from qnc.model.folder import NcFile
from qnc.model.records import NonConformity, Rules
from qnc.rules.clocks import clock
from tests.properties import examples

DAYS = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))
DURATIONS = st.sampled_from(list(Unit)).flatmap(
    lambda unit: st.builds(Duration, st.integers(0, MAX_DURATION[unit]), st.just(unit))
)
"""Every duration audit.yaml accepts (qnc.model.fields bounds them)."""
RULES = st.builds(
    Rules.model_construct,
    minor_plan=DURATIONS,
    major_correction=DURATIONS,
    decision=DURATIONS,
    minor_implementation=DURATIONS,
    alert=DURATIONS,
)


def _nc(grade: str) -> NcFile:
    record = NonConformity.model_validate(
        {"id": "NC-01", "indicateur": 12, "gravite": grade, "constat": "x"}
    )
    return NcFile(Path("NC-01.yaml"), record)


NCS = st.sampled_from([_nc("mineure"), _nc("majeure")])


@examples(150)
@given(DURATIONS, DAYS, DAYS)
def test_due_date_is_monotonic_and_never_before_the_start(
    duration: Duration, first: date, second: date
) -> None:
    """A later start never gives an earlier due date, nor a due date before the start."""
    early, late = sorted((first, second))
    assert early <= duration.after(early) <= duration.after(late)


@examples(150)
@given(st.integers(0, 120), DAYS)
def test_months_clamp_to_the_end_of_a_shorter_month(months: int, start: date) -> None:
    """N months after the 31st is the last day of a 30-day month, 28 or 29 February: the
    same day of the month when it exists, else the month's last day."""
    due = Duration(months, Unit.MONTHS).after(start)
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    assert due == date(year, month + 1, min(start.day, last))


@examples(100)
@given(st.integers(0, 10), DAYS)
def test_years_clamp_29_february(years: int, start: date) -> None:
    """N years after 29 February is 28 February in a year without one."""
    due = Duration(years, Unit.YEARS).after(start)
    last = calendar.monthrange(start.year + years, start.month)[1]
    assert due == date(start.year + years, start.month, min(start.day, last))


@examples(100)
@given(NCS, RULES, DAYS, DAYS, DAYS)
def test_steps_follow_the_notification(
    entry: NcFile, rules: Rules, first: date, second: date, today: date
) -> None:
    """Every step of an NC is due on or after its notification; notified later, each
    step is due on the same day or later; the decision comes after the correction."""
    early, late = sorted((first, second))
    before = clock(entry, notified=early, rules=rules, today=today).steps
    after = clock(entry, notified=late, rules=rules, today=today).steps
    assert [s.kind for s in before] == [s.kind for s in after]
    for step_early, step_late in zip(before, after, strict=True):
        assert early <= step_early.due <= step_late.due
        assert step_late.due >= late
        assert step_early.days_left == (step_early.due - today).days
    if entry.nc.grade.value == "majeure":
        assert before[0].due <= before[1].due
