"""The certificate's calendar: surveillance window, renewal, next audit (exact dates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qnc.model.records import AuditType, Certificate
from qnc.rules.cycle.certificate import (
    in_force,
    next_audit,
    renewal_advised_by,
    surveillance_months,
    surveillance_window,
)
from tests.rules.builders import audit, folder


def certificate(obtained: str, expires: str | None = None) -> Certificate:
    return Certificate.model_validate({"obtenu_le": obtained, "expire_le": expires})


@pytest.mark.parametrize(
    ("obtained", "opens", "closes"),
    [
        ("2027-01-08", date(2028, 3, 8), date(2028, 11, 8)),  # the example organisation
        ("2026-12-31", date(2028, 2, 29), date(2028, 10, 31)),  # leap February, month ends
        ("2027-01-31", date(2028, 3, 31), date(2028, 11, 30)),
        ("2026-06-30", date(2027, 8, 30), date(2028, 4, 30)),
        ("2021-01-01", date(2022, 3, 1), date(2022, 11, 1)),  # from 2021: 22 months
        ("2020-12-31", date(2022, 2, 28), date(2023, 4, 30)),  # before 2021: 28 months
        ("2019-11-30", date(2021, 1, 30), date(2022, 3, 30)),
    ],
)
def test_surveillance_window(obtained: str, opens: date, closes: date) -> None:
    """From the day the certificate is 14 months old to the day it is 22 months old (28
    for one obtained before 1 January 2021); months clamp to the month's end."""
    assert surveillance_window(certificate(obtained)) == (opens, closes)


def test_surveillance_months_by_date_obtained() -> None:
    """14-22 from 1 January 2021, 14-28 before."""
    assert surveillance_months(certificate("2020-12-31")) == (14, 28)
    assert surveillance_months(certificate("2021-01-01")) == (14, 22)


@pytest.mark.parametrize(
    ("obtained", "expires", "end", "advised"),
    [
        ("2027-01-08", None, date(2030, 1, 7), date(2029, 9, 7)),
        ("2024-02-29", None, date(2027, 2, 28), date(2026, 10, 28)),  # 29 February
        ("2020-07-01", None, date(2024, 6, 30), date(2024, 2, 29)),  # 4 years; leap year
        ("2026-07-01", "2029-06-30", date(2029, 6, 30), date(2029, 2, 28)),
        ("2026-11-01", "2029-10-31", date(2029, 10, 31), date(2029, 6, 30)),
    ],
)
def test_renewal_is_advised_4_months_before_the_end(
    obtained: str, expires: str | None, end: date, advised: date
) -> None:
    """3 months to correct a major NC and 1 month to check it, before the certificate ends."""
    held = certificate(obtained, expires)
    assert (held.end, renewal_advised_by(held)) == (end, advised)


def audit_of(kind: str, start: str, name: str, **top: Any) -> Any:
    record = audit(type=kind, debut=start, fin=None, notification=start, top=top or None)
    return folder(path=Path(name), record=record)


def test_certificate_in_force_comes_from_an_earlier_audit() -> None:
    """The surveillance audit deals with the certificate recorded in the initial audit; the
    initial audit, with none obtained before it, with its own."""
    initial = audit_of("initial", "2026-09-14", "a", certificat={"obtenu_le": "2027-01-08"})
    surveillance = audit_of("surveillance", "2028-03-14", "b")
    lineage = (initial, surveillance)
    assert in_force(lineage, surveillance) == certificate("2027-01-08")
    assert in_force(lineage, initial) == certificate("2027-01-08")


def test_renewal_recording_the_new_certificate_deals_with_the_old_one() -> None:
    """A renewal whose 'certificat' is the new one (obtained after it) still deals with
    the certificate it renews; the next audit is then the new one's surveillance."""
    old = {"obtenu_le": "2027-01-08"}
    new = {"obtenu_le": "2030-01-08"}
    lineage = (
        audit_of("initial", "2026-09-14", "a", certificat=old),
        audit_of("surveillance", "2028-03-14", "b"),
        renewal := audit_of("renouvellement", "2029-06-04", "c", certificat=new),
    )
    assert in_force(lineage, renewal) == certificate("2027-01-08")
    window = next_audit(lineage)
    assert window is not None
    assert (window.kind, window.opens, window.closes) == (
        AuditType.SURVEILLANCE, date(2031, 3, 8), date(2031, 11, 8))  # fmt: skip


def test_next_audit_through_the_cycle() -> None:
    """No certificate yet: the surveillance, undated. With it: its window, then, once
    the surveillance is held, the renewal before the end (advised 4 months before);
    once the renewal is held, the surveillance of a certificate still to record."""
    initial = audit_of("initial", "2026-09-14", "a")
    first = next_audit((initial,))
    assert first is not None and (first.kind, first.certificate) == (AuditType.SURVEILLANCE, None)
    certified = audit_of("initial", "2026-09-14", "a", certificat={"obtenu_le": "2027-01-08"})
    window = next_audit((certified,))
    assert window is not None
    assert (window.kind, window.opens, window.closes) == (
        AuditType.SURVEILLANCE, date(2028, 3, 8), date(2028, 11, 8))  # fmt: skip
    held = (certified, audit_of("surveillance", "2028-03-14", "b"))
    renewal = next_audit(held)
    assert renewal is not None
    assert (renewal.kind, renewal.opens, renewal.closes, renewal.advised_by) == (
        AuditType.RENEWAL, None, date(2030, 1, 7), date(2029, 9, 7))  # fmt: skip
    renewed = next_audit((*held, audit_of("renouvellement", "2029-06-04", "c")))
    assert renewed is not None and (renewed.kind, renewed.certificate) == (
        AuditType.SURVEILLANCE, None)  # fmt: skip


def test_without_certificate_the_next_audit_follows_the_last_one() -> None:
    """No certificate recorded: after a surveillance audit comes the renewal, after a
    renewal the next surveillance, both undated."""
    surveillance = next_audit((audit_of("surveillance", "2027-06-01", "b"),))
    assert surveillance is not None
    assert (surveillance.kind, surveillance.closes) == (AuditType.RENEWAL, None)
    renewal = next_audit((audit_of("renouvellement", "2029-06-04", "c"),))
    assert renewal is not None and renewal.kind is AuditType.SURVEILLANCE


def test_no_next_audit_without_an_audit_of_the_cycle() -> None:
    """An extension alone says nothing of the cycle."""
    assert next_audit((audit_of("extension", "2027-05-10", "x"),)) is None
