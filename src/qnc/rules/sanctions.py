"""What a major NC not corrected in time costs at a surveillance audit: suspension, then
withdrawal of the certificate.

The arrêté (art. 5) gives 3 months to correct a major NC. After a surveillance audit a
missed deadline suspends the certificate; a certifier (certif-icpf.org, FAQ "refus de
certification") states that the 3 months are renewable once, the certificate being
withdrawn at 6 months: a certifiers' practice (MED in shared/domain/qualiopi.md), said
as such wherever the withdrawal date is shown.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from qnc.model.durations import Duration, Unit
from qnc.model.records import AuditType, Grade
from qnc.rules.clocks import Clocked
from qnc.rules.states import Status, StepKind

SUSPENSION_LENGTH = Duration(3, Unit.MONTHS)
"""How long a suspension lasts before withdrawal (certifiers' practice)."""


class Sanction(NamedTuple):
    due: date
    """The correction due date: the proof of correction sent by then, nothing happens."""
    suspension: date
    """The first day the certificate may be suspended: the day after the correction due date."""
    withdrawal: date
    """The first day it may be withdrawn, the NC still not lifted: 3 months later."""


def sanction(clocked: Clocked, audit_type: AuditType) -> Sanction | None:
    """The suspension and withdrawal days of a major NC of a surveillance audit, while it
    is open and its proof was not sent in time; None otherwise."""
    if audit_type is not AuditType.SURVEILLANCE or clocked.nc.grade is not Grade.MAJOR:
        return None
    correction = next((s for s in clocked.steps if s.kind is StepKind.CORRECTION), None)
    if not clocked.open or correction is None or correction.status is Status.MET:
        return None
    day_after = timedelta(days=1)
    return Sanction(correction.due, correction.due + day_after,
                    SUSPENSION_LENGTH.after(correction.due) + day_after)  # fmt: skip
