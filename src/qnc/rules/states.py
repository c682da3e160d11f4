"""The values the rules give: a step's kind and status, a verdict, a priority group.

Kept apart from the rules that compute them so that the words for users
(:mod:`qnc.rules.words`) and the rules themselves can both name them.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class StepKind(StrEnum):
    CORRECTION = "correction"
    DECISION = "decision"
    PLAN = "plan"
    IMPLEMENTATION = "mise_en_oeuvre"


class Status(StrEnum):
    MET = "tenue"
    MET_LATE = "tenue_en_retard"
    OVERDUE = "depassee"
    NEAR = "proche"
    UPCOMING = "a_venir"

    @property
    def is_met(self) -> bool:
        return self in (Status.MET, Status.MET_LATE)


class Verdict(StrEnum):
    CLOSED = "soldee"
    COMPROMISED = "compromise"
    BLOCKED = "bloquee"
    IN_PROGRESS = "en_cours"
    UPCOMING = "a_venir"
    """An audit whose first day is after the day of the run: nothing to judge yet."""


class Group(IntEnum):
    """Where an NC stands in the priority order (spec §2.3), first group first."""

    OVERDUE = 0
    BLOCKING = 1
    OTHER = 2
    LIFTED = 3
