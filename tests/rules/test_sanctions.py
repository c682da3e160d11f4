"""Surveillance, major NC not corrected in time: suspension, then withdrawal 3 months later."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qnc.model.folder import NcFile
from qnc.model.records import AuditType, Rules
from qnc.rules.clocks import clock
from qnc.rules.sanctions import Sanction, sanction
from tests.rules.builders import nc


def major(notified: date, today: date, **fields: Any) -> Any:
    entry = NcFile(Path("NC-1.yaml"), nc("NC-1", "majeure", 11, **fields))
    return clock(entry, notified=notified, rules=Rules(), today=today)


@pytest.mark.parametrize(
    ("notified", "expected"),
    [
        (date(2028, 3, 17), Sanction(date(2028, 6, 17), date(2028, 6, 18), date(2028, 9, 18))),
        # due on 29 February of a leap year; 3 months later is 29 May
        (date(2027, 11, 30), Sanction(date(2028, 2, 29), date(2028, 3, 1), date(2028, 5, 30))),
        (date(2026, 11, 30), Sanction(date(2027, 2, 28), date(2027, 3, 1), date(2027, 5, 29))),
        (date(2026, 8, 31), Sanction(date(2026, 11, 30), date(2026, 12, 1), date(2027, 3, 1))),
    ],
)
def test_suspension_and_withdrawal_days(notified: date, expected: Sanction) -> None:
    """Suspension from the day after the correction due date; withdrawal from the day
    after 3 more months (certifiers' practice)."""
    assert sanction(major(notified, notified), AuditType.SURVEILLANCE) == expected


def test_no_sanction_outside_an_open_major_of_a_surveillance() -> None:
    """Initial audit (refusal, not suspension), proof sent on time, NC lifted: none; proof
    sent late: the dates stand."""
    notified, today = date(2028, 3, 17), date(2028, 7, 1)
    assert sanction(major(notified, today), AuditType.INITIAL) is None
    on_time = major(notified, today, preuves_envoyees_le="2028-06-17")
    assert sanction(on_time, AuditType.SURVEILLANCE) is None
    lifted = major(notified, today, levee_le="2028-06-30", preuves_envoyees_le="2028-06-20")
    assert sanction(lifted, AuditType.SURVEILLANCE) is None
    late = major(notified, today, preuves_envoyees_le="2028-06-20")
    assert sanction(late, AuditType.SURVEILLANCE) == Sanction(
        date(2028, 6, 17), date(2028, 6, 18), date(2028, 9, 18))  # fmt: skip
