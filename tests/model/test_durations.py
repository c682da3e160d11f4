"""qnc.model.durations: durations of audit.yaml and calendar arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from qnc.i18n import translator
from qnc.model.durations import Duration, Unit, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 jours", Duration(30, Unit.DAYS)),
        ("1 jour", Duration(1, Unit.DAYS)),
        ("3 mois", Duration(3, Unit.MONTHS)),
        ("2 semaines", Duration(2, Unit.WEEKS)),
        ("1 semaine", Duration(1, Unit.WEEKS)),
        ("1 an", Duration(1, Unit.YEARS)),
        ("3 ans", Duration(3, Unit.YEARS)),
        ("6 months", Duration(6, Unit.MONTHS)),
        ("1 month", Duration(1, Unit.MONTHS)),
        ("10 days", Duration(10, Unit.DAYS)),
        ("2 weeks", Duration(2, Unit.WEEKS)),
        ("1 year", Duration(1, Unit.YEARS)),
        ("  14 Jours ", Duration(14, Unit.DAYS)),
        ("3mois", Duration(3, Unit.MONTHS)),
    ],
)
def test_parse_duration(text: str, expected: Duration) -> None:
    """'<integer> <unit>' in French or English, any case, spaces tolerated."""
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["trois mois", "3", "mois", "3 lunes", "-3 mois", "3,5 mois", "3 mois 2 jours", ""]
)
def test_not_a_duration(text: str) -> None:
    """Anything else is not a duration."""
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (date(2026, 1, 31), "1 mois", date(2026, 2, 28)),
        (date(2028, 1, 31), "1 mois", date(2028, 2, 29)),
        (date(2026, 1, 31), "3 mois", date(2026, 4, 30)),
        (date(2026, 11, 30), "3 mois", date(2027, 2, 28)),
        (date(2027, 11, 30), "3 mois", date(2028, 2, 29)),
        (date(2026, 3, 12), "30 jours", date(2026, 4, 11)),
        (date(2026, 3, 12), "2 semaines", date(2026, 3, 26)),
        (date(2026, 12, 25), "2 semaines", date(2027, 1, 8)),
        (date(2028, 2, 29), "1 an", date(2029, 2, 28)),
        (date(2028, 2, 29), "4 ans", date(2032, 2, 29)),
        (date(2026, 3, 12), "6 mois", date(2026, 9, 12)),
        (date(2026, 8, 31), "6 months", date(2027, 2, 28)),
        (date(2026, 3, 12), "0 jours", date(2026, 3, 12)),
    ],
)
def test_calendar_arithmetic(start: date, duration: str, expected: date) -> None:
    """Months and years clamp to the month's end; days and weeks count days."""
    parsed = parse_duration(duration)
    assert parsed is not None
    assert parsed.after(start) == expected


def test_two_weeks_are_fourteen_days() -> None:
    """2 semaines and 14 jours land on the same day."""
    start = date(2026, 3, 12)
    assert Duration(2, Unit.WEEKS).after(start) == Duration(14, Unit.DAYS).after(start)


@pytest.mark.parametrize(
    ("duration", "french", "english"),
    [
        (Duration(1, Unit.DAYS), "1 jour", "1 day"),
        (Duration(30, Unit.DAYS), "30 jours", "30 days"),
        (Duration(2, Unit.WEEKS), "2 semaines", "2 weeks"),
        (Duration(3, Unit.MONTHS), "3 mois", "3 months"),
        (Duration(1, Unit.YEARS), "1 an", "1 year"),
    ],
)
def test_describe(duration: Duration, french: str, english: str) -> None:
    """A duration reads back in either language, singular or plural."""
    assert translator("fr")(duration.describe()) == french
    assert translator("en")(duration.describe()) == english
