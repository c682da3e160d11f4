"""The certificate's calendar: its end, the surveillance window, the renewal, and which
audit comes next (shared/domain/qualiopi.md, the audit cycle; arrêté du 6 juin 2019,
art. 2 and 3).

A certificate lasts 3 years, 4 for one obtained before 1 January 2021
(:attr:`qnc.model.records.Certificate.end`). The surveillance audit is held between the
14th and the 22nd month after the certificate was obtained (the 28th before 2021): read
as from the day the certificate is 14 months old to the day it is 22 (or 28) months
old. The renewal audit is held before the certificate ends, early enough for a major NC
to be corrected (3 months) and checked (1 month): qnc advises 4 months before its end.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from qnc.model.durations import Duration, Unit
from qnc.model.folder import AuditFolder
from qnc.model.records import FOUR_YEAR_TERM_BEFORE, AuditType, Certificate
from qnc.rules.cycle.lineage import CYCLE, Lineage
from qnc.rules.legal import LEGAL_DECISION, LEGAL_MAJOR_CORRECTION

SURVEILLANCE_OPENS = 14
SURVEILLANCE_CLOSES = 22
SURVEILLANCE_CLOSES_BEFORE_2021 = 28
NEW_APPLICATION_AFTER = 3
"""Months after a refused certification before a new application."""
RENEWAL_MARGIN = LEGAL_MAJOR_CORRECTION.amount + LEGAL_DECISION.amount
"""Months between the renewal audit's notification and the certificate's end that let a
major NC be corrected and checked in time."""


class Window(NamedTuple):
    """When the next audit of the cycle is due."""

    kind: AuditType
    """``surveillance`` or ``renouvellement``; ``initial`` after a refused certification
    (a new application, from ``opens``)."""
    certificate: Certificate | None
    """The certificate it depends on; None until one is recorded (``certificat:``)."""
    opens: date | None = None
    closes: date | None = None
    """The last day it may be held: the window's end, or the certificate's last day."""
    advised_by: date | None = None
    """Renewal: the last day advised to hold it (4 months before the end)."""
    planned: date | None = None
    """The first day of the audit of the cycle already planned (a folder dated after the
    day of the run), if any."""


def surveillance_window(certificate: Certificate) -> tuple[date, date]:
    """The first and last day of the surveillance audit."""
    last = (SURVEILLANCE_CLOSES if certificate.obtained >= FOUR_YEAR_TERM_BEFORE
            else SURVEILLANCE_CLOSES_BEFORE_2021)  # fmt: skip
    return _months(certificate.obtained, SURVEILLANCE_OPENS), _months(certificate.obtained, last)


def surveillance_months(certificate: Certificate) -> tuple[int, int]:
    """The months of the window after the certificate: 14 and 22, or 14 and 28."""
    if certificate.obtained >= FOUR_YEAR_TERM_BEFORE:
        return SURVEILLANCE_OPENS, SURVEILLANCE_CLOSES
    return SURVEILLANCE_OPENS, SURVEILLANCE_CLOSES_BEFORE_2021


def renewal_advised_by(certificate: Certificate) -> date:
    """The last day advised for the renewal audit: 4 months before the certificate ends."""
    from dateutil.relativedelta import relativedelta

    return certificate.end - relativedelta(months=RENEWAL_MARGIN)


def in_force(lineage: Lineage, folder: AuditFolder) -> Certificate | None:
    """The certificate ``folder`` deals with: the latest one recorded in the organisation's
    audits that was obtained by the audit's first day; else the audit's own ``certificat``
    (the certificate an initial audit led to)."""
    start = folder.audit.audit.start
    recorded = [a.audit.certificate for a in lineage if a.audit.certificate is not None]
    held = [c for c in recorded if c.obtained <= start]
    return max(held, key=lambda c: c.obtained, default=folder.audit.certificate)


def next_audit(lineage: Lineage, today: date | None = None) -> Window | None:
    """The next audit of the organisation's cycle, from the latest certificate recorded:
    its surveillance until one is held, then its renewal; once the renewal is held, the
    surveillance of a certificate still to record. Without any certificate, the audit
    that follows the last one held, undated. An audit whose first day is after ``today``
    is not held yet: it is the one planned for the window."""
    held = tuple(a for a in lineage if today is None or a.audit.audit.start <= today)
    planned = [a.audit.audit.start for a in lineage
               if a not in held and a.audit.audit.type in CYCLE]  # fmt: skip
    window = _following(held)
    return window._replace(planned=planned[0]) if window and planned else window


def _following(lineage: Lineage) -> Window | None:
    recorded = [a.audit.certificate for a in lineage if a.audit.certificate is not None]
    latest = max(recorded, key=lambda c: c.obtained, default=None)
    cycle = [a.audit.audit.type for a in lineage if a.audit.audit.type in CYCLE]
    if not cycle:
        return None
    if latest is None:  # undated: after a surveillance audit comes the renewal
        kind = AuditType.RENEWAL if cycle[-1] is AuditType.SURVEILLANCE else AuditType.SURVEILLANCE
        return Window(kind, None)
    since = {a.audit.audit.type for a in lineage if a.audit.audit.start >= latest.obtained}
    if AuditType.RENEWAL in since:
        return Window(AuditType.SURVEILLANCE, None)
    if AuditType.SURVEILLANCE in since:
        return Window(AuditType.RENEWAL, latest, None, latest.end, renewal_advised_by(latest))
    opens, closes = surveillance_window(latest)
    return Window(AuditType.SURVEILLANCE, latest, opens, closes)


def after_refusal(correction_due: date) -> Window:
    """After an initial audit whose major NC missed its correction due date, the
    certification is refused: a new application, a new initial audit, is possible only
    3 months after the refusal (shared/domain/qualiopi.md), which comes at the earliest
    the day after the due date missed."""
    return Window(AuditType.INITIAL, None, _months(correction_due + timedelta(days=1),
                                                   NEW_APPLICATION_AFTER))  # fmt: skip


def _months(day: date, months: int) -> date:
    return Duration(months, Unit.MONTHS).after(day)
