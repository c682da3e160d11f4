"""Durations of audit.yaml (``30 jours``, ``3 mois``, ``6 months``) and calendar arithmetic."""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from qnc.i18n import Msg, tn


class Unit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


_UNITS = {
    "jour": Unit.DAYS,
    "jours": Unit.DAYS,
    "day": Unit.DAYS,
    "days": Unit.DAYS,
    "semaine": Unit.WEEKS,
    "semaines": Unit.WEEKS,
    "week": Unit.WEEKS,
    "weeks": Unit.WEEKS,
    "mois": Unit.MONTHS,
    "month": Unit.MONTHS,
    "months": Unit.MONTHS,
    "an": Unit.YEARS,
    "ans": Unit.YEARS,
    "year": Unit.YEARS,
    "years": Unit.YEARS,
}
_PATTERN = re.compile(r"\s*(\d{1,4})\s*([^\W\d_]+)\s*")


class Duration(NamedTuple):
    amount: int
    unit: Unit

    def after(self, start: date) -> date:
        """``start`` plus this duration; months and years clamp to the month's end."""
        if self.unit is Unit.DAYS:
            return start + timedelta(days=self.amount)
        if self.unit is Unit.WEEKS:
            return start + timedelta(weeks=self.amount)
        from dateutil.relativedelta import relativedelta

        if self.unit is Unit.MONTHS:
            return start + relativedelta(months=self.amount)
        return start + relativedelta(years=self.amount)

    def before(self, end: date) -> date:
        """``end`` minus this duration (calendar arithmetic, like :meth:`after`)."""
        if self.unit is Unit.DAYS:
            return end - timedelta(days=self.amount)
        if self.unit is Unit.WEEKS:
            return end - timedelta(weeks=self.amount)
        from dateutil.relativedelta import relativedelta

        if self.unit is Unit.MONTHS:
            return end - relativedelta(months=self.amount)
        return end - relativedelta(years=self.amount)

    def describe(self) -> Msg:
        """``3 mois`` / ``3 months``."""
        if self.unit is Unit.DAYS:
            return tn("{n} day", "{n} days", self.amount)
        if self.unit is Unit.WEEKS:
            return tn("{n} week", "{n} weeks", self.amount)
        if self.unit is Unit.MONTHS:
            return tn("{n} month", "{n} months", self.amount)
        return tn("{n} year", "{n} years", self.amount)


def parse_duration(text: str) -> Duration | None:
    """``Duration`` of ``"3 mois"``, or None when the text is not a duration."""
    match = _PATTERN.fullmatch(text)
    if not match:
        return None
    unit = _UNITS.get(match.group(2).lower())
    return Duration(int(match.group(1)), unit) if unit else None
