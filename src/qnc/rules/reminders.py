"""Who owes what: the actions to chase (late or due within ``alerte``), by owner, or by
organisation and then owner (one e-mail per client)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from qnc.model.ids import natural_key
from qnc.model.records import Action
from qnc.rules.cycle.lineage import nc_key
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


class Client(NamedTuple):
    """The reminders of one organisation (all its audits read)."""

    organisation: str
    reminders: tuple[Reminder, ...]

    @property
    def audits(self) -> int:
        """How many of its audits have an action to chase."""
        return len({o.report.folder.path for r in self.reminders for o in (*r.late, *r.soon)})


def chased(reports: Sequence[AuditReport]) -> list[Owed]:
    """Every action to chase once, late ones first (the most late first), then the
    nearest; for programs, which group them as they like."""

    def order(entry: Owed) -> tuple[object, ...]:
        return (entry.item.days_left, entry.report.folder.audit.organisation.name.casefold(),
                str(entry.report.folder.path), natural_key(entry.nc.file.nc.id),
                natural_key(entry.item.action.id))  # fmt: skip

    found = [Owed(r, nc, item) for r in reports for nc in r.ncs for item in nc.to_chase]
    return sorted(found, key=order)


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


def organisations(reports: Sequence[AuditReport], others: Sequence[str | None] = ()) -> int:
    """How many organisations ``reports`` are of (:mod:`qnc.rules.cycle.lineage`), and the
    ``others`` read (audits with errors, by name: None when none could be read) whose
    name is none of theirs."""
    known = {_name(r.folder.audit.organisation.name) for r in reports}
    extra = {_name(o) if o is not None else object() for o in others} - known
    return len({_organisation(r) for r in reports}) + len(extra)


def _name(name: str) -> str:
    return " ".join(name.casefold().split())


def by_client(reports: Sequence[AuditReport]) -> list[Client]:
    """The reminders of each organisation that owes something, by its name: one person
    who works for five clients gets five e-mails, one per client."""
    groups: dict[Path, list[AuditReport]] = {}
    for report in reports:
        groups.setdefault(_organisation(report), []).append(report)
    clients = []
    for members in groups.values():
        owed = reminders(members)
        if owed:
            lineage = members[0].cycle.lineage
            name = (lineage[-1] if lineage else members[0].folder).audit.organisation.name
            clients.append(Client(name, tuple(owed)))
    return sorted(clients, key=lambda c: natural_key(c.organisation.casefold()))


def _organisation(report: AuditReport) -> Path:
    """The organisation, as the first audit of its lineage."""
    lineage = report.cycle.lineage
    return nc_key((lineage[0] if lineage else report.folder).path)


def _reminder(owner: str, owed: list[Owed]) -> Reminder:
    def order(entry: Owed) -> tuple[object, ...]:
        action = entry.item.action
        return (action.due, natural_key(entry.nc.file.nc.id), natural_key(action.id))

    late = sorted((o for o in owed if o.item.status is Status.OVERDUE), key=order)
    soon = sorted((o for o in owed if o.item.status is not Status.OVERDUE), key=order)
    return Reminder(owner, tuple(late), tuple(soon))
