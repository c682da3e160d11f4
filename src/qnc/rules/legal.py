"""What the arrêté fixes and a certifier may not stretch (shared/domain/qualiopi.md).

Arrêté du 6 juin 2019 relatif aux modalités d'audit, art. 5 (as amended on 31 May 2023):
a major NC is corrected within 3 months of the notification and the certifier checks it
within 1 month after; a minor NC's action plan is carried out within 6 months. Only the
delay to send a minor NC's plan is the certifier's to set. A shorter delay in ``regles``
is allowed and used; a longer one is capped at the legal one (``qnc check`` warns).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from qnc.model.durations import Duration, Unit
from qnc.model.records import Rules
from qnc.rules.states import StepKind

MINOR_LIMIT = 5
"""Five open minor NCs count as one major NC (arrêté du 6 juin 2019, art. 5)."""

LEGAL_MAJOR_CORRECTION = Duration(3, Unit.MONTHS)
LEGAL_DECISION = Duration(1, Unit.MONTHS)
LEGAL_MINOR_IMPLEMENTATION = Duration(6, Unit.MONTHS)


_LEGAL_STEPS = {
    StepKind.CORRECTION: LEGAL_MAJOR_CORRECTION,
    StepKind.DECISION: LEGAL_DECISION,
    StepKind.IMPLEMENTATION: LEGAL_MINOR_IMPLEMENTATION,
}


def set_by_law(kind: StepKind, delay: Duration) -> bool:
    """Whether a step's ``delay`` is the arrêté's own; else the certifier set it: always
    for a minor NC's plan, and for a shorter delay given in ``regles``."""
    return _LEGAL_STEPS.get(kind) == delay


class Excess(NamedTuple):
    """A delay of ``regles`` longer than the arrêté allows."""

    key: str
    """Its key under ``regles``."""
    configured: Duration
    legal: Duration


def excesses(rules: Rules, notified: date) -> Iterator[Excess]:
    """The delays of ``rules`` that end later than the legal ones, counted from ``notified``
    (units differ: 13 weeks may be more or less than 3 months, depending on the months)."""
    correction = rules.major_correction.after(notified)
    legal_correction = LEGAL_MAJOR_CORRECTION.after(notified)
    if correction > legal_correction:
        yield Excess("correction_majeure", rules.major_correction, LEGAL_MAJOR_CORRECTION)
    start = min(correction, legal_correction)
    if rules.decision.after(start) > LEGAL_DECISION.after(start):
        yield Excess("decision", rules.decision, LEGAL_DECISION)
    if rules.minor_implementation.after(notified) > LEGAL_MINOR_IMPLEMENTATION.after(notified):
        yield Excess("mise_en_oeuvre_mineure", rules.minor_implementation,
                     LEGAL_MINOR_IMPLEMENTATION)  # fmt: skip


_FIELDS = {
    "correction_majeure": "major_correction",
    "decision": "decision",
    "mise_en_oeuvre_mineure": "minor_implementation",
}


def lawful(rules: Rules, notified: date) -> Rules:
    """``rules`` with every delay longer than the legal one replaced by the legal one."""
    capped = {_FIELDS[e.key]: e.legal for e in excesses(rules, notified)}
    return rules.model_copy(update=capped) if capped else rules
