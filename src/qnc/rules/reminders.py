"""Who owes what: the actions to chase (late or due within ``alerte``), by owner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from qnc.model.ids import natural_key
from qnc.model.records import Action
from qnc.rules.report import ActionState, AuditReport, NcState
from qnc.rules.states import Status


class Owed(NamedTuple):
    """One action an owner is reminded of, with the NC and the audit it belongs to."""

    report: AuditReport
    nc: NcState
    item: ActionState


class Reminder(NamedTuple):
    owner: str
    late: tuple[Owed, ...]
    """Past their due date, the most late first."""
    soon: tuple[Owed, ...]
    """Due within the audit's ``alerte``, the nearest first."""


def owners_of(action: Action) -> tuple[str, ...]:
    """Everyone who owes ``action``: an action with several owners is in each one's
    reminder."""
    return action.owners


def reminders(reports: Sequence[AuditReport]) -> list[Reminder]:
    """One reminder per owner who owes something, owners in alphabetical order; one owner
    written with other capitals or spaces (``marie  Dupont``) is one person."""
    owed: dict[str, list[Owed]] = {}
    names: dict[str, str] = {}
    for report in reports:
        for nc in report.ncs:
            for item in nc.to_chase:
                for owner in owners_of(item.action):
                    key = " ".join(owner.split()).casefold()
                    names.setdefault(key, " ".join(owner.split()))
                    owed.setdefault(key, []).append(Owed(report, nc, item))
    return [_reminder(names[key], owed[key]) for key in sorted(owed, key=natural_key)]


def _reminder(owner: str, owed: list[Owed]) -> Reminder:
    def order(entry: Owed) -> tuple[object, ...]:
        action = entry.item.action
        return (action.due, natural_key(entry.nc.file.nc.id), natural_key(action.id))

    late = sorted((o for o in owed if o.item.status is Status.OVERDUE), key=order)
    soon = sorted((o for o in owed if o.item.status is not Status.OVERDUE), key=order)
    return Reminder(owner, tuple(late), tuple(soon))
