"""The facts of an NC, each written where a hand would write it: an action done, the
plan or the evidence sent, effectiveness checked, the NC lifted, a new action.

Each function returns the sentence that states the fact (printed, and the message of
``--commit``) and the change, checked by the rules before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from qnc.diagnostics import Diagnostic
from qnc.editing.evidence import evidence_item, evidence_path, unsealed
from qnc.editing.guards import corrected, happened, not_recorded, nothing, recorded, replaced
from qnc.editing.session import Change, Session
from qnc.errors import QncError
from qnc.i18n import Msg, t
from qnc.model.folder import NcFile
from qnc.model.ids import next_id
from qnc.model.records import Action, Effectiveness, NonConformity
from qnc.writing.edits import Append, Edit, Entries, Match, SetValue, Value


@dataclass(frozen=True)
class Recorded:
    """A fact about to be written: the sentence that states it, its changes, the new
    warnings of ``qnc check`` it gives."""

    fact: Msg
    changes: tuple[Change, ...]
    warnings: tuple[Diagnostic, ...]
    notes: tuple[Msg, ...] = ()
    """What the user should know about the fact as written (a day taken by default)."""
    organisation: str | None = None
    """Whose audit it is: a commit names it, for a repository that holds many clients."""


def predecessors(model: type[BaseModel], key: str) -> tuple[str, ...]:
    """The keys that come before ``key`` in ``model``'s order, nearest first: a new key
    goes after the nearest one the file has."""
    keys = [field.alias or name for name, field in model.model_fields.items()]
    return tuple(reversed(keys[: keys.index(key)]))


def record(session: Session, fact: Msg, path: Path, edits: list[Edit]) -> Recorded:
    changes = (session.edit(path, edits),)
    organisation = session.audit().audit.organisation.name
    return Recorded(fact, changes, tuple(session.check(changes)), organisation=organisation)


def done(
    session: Session,
    nc_id: str,
    action_id: str,
    *,
    day: date,
    explicit: bool,
    evidence: list[str],
    correct: bool = False,
    fingerprint: bool = False,
) -> Recorded:
    """Action ``action_id`` of ``nc_id`` done on ``day``, with its evidence files (and
    their fingerprints, with ``fingerprint``); with ``correct``, ``day`` replaces the
    day recorded."""
    entry = session.nc(nc_id)
    action = _action(entry, action_id)
    happened(entry, day, session.today)
    step = ("actions", Match("id", action.id))
    edits: list[Edit] = []
    if correct and action.done is None:
        raise not_recorded(entry, t("action {action} is not done yet", action=action.id))
    if action.done is None or (correct and action.done != day):
        edits.append(SetValue((*step, "fait_le"), day, predecessors(Action, "fait_le")))
    elif explicit and action.done != day:
        raise recorded(
            entry, t("action {action} is already done, on {day}", action=action.id, day=action.done)
        )
    added: list[str] = []
    for given in evidence:
        stored = evidence_path(session.folder, given)
        if stored not in (*(e.path for e in action.evidence), *added):
            added.append(stored)
            item = evidence_item(session.folder, stored) if fingerprint else stored
            edits.append(Append((*step, "preuves"), item, predecessors(Action, "preuves")))
        elif fingerprint:
            unsealed(entry, action, stored)
    if not edits:
        raise nothing(
            t("action {action} is already done, on {day}", action=action.id, day=action.done)
        )
    fact = t("{nc}: action {action} done on {day}", nc=entry.nc.id, action=action.id, day=day)
    if action.done is not None and action.done != day and correct:
        fact = corrected(fact, action.done)
    elif action.done is not None:
        fact = t(
            "{nc}: evidence added to action {action}: {files}",
            nc=entry.nc.id,
            action=action.id,
            files=", ".join(added),
        )
    return record(session, fact, entry.path, edits)


def sent(session: Session, nc_id: str, *, what: str, day: date, correct: bool = False) -> Recorded:
    """The action plan (``what`` "plan") or the evidence ("preuves") sent on ``day``."""
    entry = session.nc(nc_id)
    happened(entry, day, session.today)
    if what == "plan":
        key, current = "plan_envoye_le", entry.nc.plan_sent
        fact = t("{nc}: action plan sent on {day}", nc=entry.nc.id, day=day)
    else:
        key, current = "preuves_envoyees_le", entry.nc.evidence_sent
        fact = t("{nc}: evidence sent on {day}", nc=entry.nc.id, day=day)
    replaced(entry, key, current, day, correct=correct)
    edits: list[Edit] = [SetValue((key,), day, predecessors(NonConformity, key))]
    return record(session, corrected(fact, current) if current else fact, entry.path, edits)


def verify(
    session: Session, nc_id: str, *, result: str, day: date, correct: bool = False
) -> Recorded:
    """The effectiveness of the actions checked on ``day``, with its result."""
    entry = session.nc(nc_id)
    happened(entry, day, session.today)
    checked = entry.nc.effectiveness
    before = (checked.checked, checked.result) if checked and checked.checked else None
    key = "efficacite.verifiee_le"
    if before is None and correct:
        raise not_recorded(entry, t("'{key}' is not recorded yet", key=key))
    if before == (day, result):
        raise nothing(t("'{key}' is already {day} ({result})", key=key, day=day, result=result))
    if before is not None and not correct:
        already = t("'{key}' is already {day} ({result})", key=key, day=before[0],
                    result=before[1] or "—")  # fmt: skip
        raise recorded(entry, already)
    # A new key goes after its nearest predecessor where it is created: in the NC when
    # there is no 'efficacite' yet, else inside it (after 'methode').
    where = predecessors(NonConformity, "efficacite") if checked is None else ()
    edits: list[Edit] = [
        SetValue(("efficacite", "verifiee_le"), day,
                 where or predecessors(Effectiveness, "verifiee_le")),
        SetValue(("efficacite", "resultat"), result, predecessors(Effectiveness, "resultat")),
    ]  # fmt: skip
    fact = t(
        "{nc}: effectiveness checked on {day} ({result})", nc=entry.nc.id, day=day, result=result
    )
    if before is not None:
        fact = corrected(fact, t("{day}, {result}", day=before[0], result=before[1] or "—"))
    return record(session, fact, entry.path, edits)


def lift(
    session: Session, nc_id: str, *, day: date, explicit: bool = True, correct: bool = False
) -> Recorded:
    """The certifier lifted the NC on ``day``; without ``explicit``, ``day`` is the day
    of the run, which a note says (it is the certifier's decision that counts)."""
    entry = session.nc(nc_id)
    happened(entry, day, session.today)
    replaced(entry, "levee_le", entry.nc.lifted, day, correct=correct)
    fact = t("{nc}: lifted on {day}", nc=entry.nc.id, day=day)
    if entry.nc.lifted is not None:
        fact = corrected(fact, entry.nc.lifted)
    edit = SetValue(("levee_le",), day, predecessors(NonConformity, "levee_le"))
    done = record(session, fact, entry.path, [edit])
    if explicit:
        return done
    note = t(
        "without --le, the day of the certifier's decision was taken as today ({day}); if "
        "the decision bears another date, correct it: qnc lift {nc} --le YYYY-MM-DD --corriger",
        day=day,
        nc=entry.nc.id,
    )
    return replace(done, notes=(note,))


def add_action(session: Session, nc_id: str, *, fields: dict[str, Value]) -> Recorded:
    """A new action, with the next free id (A1, A2…), its keys in the usual order."""
    entry = session.nc(nc_id)
    action_id = next_id([a.id for a in entry.nc.actions], first="A1")
    order = [field.alias or name for name, field in Action.model_fields.items()]
    given = {"id": action_id, **fields}
    item: Entries = tuple((key, given[key]) for key in order if key in given)
    edit = Append(("actions",), item, predecessors(NonConformity, "actions"))
    fact = t(
        "{nc}: action {action} added, due on {day}",
        nc=entry.nc.id,
        action=action_id,
        day=fields["echeance"],
    )
    return record(session, fact, entry.path, [edit])


def _action(entry: NcFile, action_id: str) -> Action:
    actions = entry.nc.actions
    found = [a for a in actions if a.id == action_id] or [
        a for a in actions if a.id.casefold() == action_id.casefold()
    ]
    if len(found) != 1:
        raise QncError(
            t(
                "{nc} has no action '{action}' (its actions: {ids})",
                nc=entry.nc.id,
                action=action_id,
                ids=", ".join(a.id for a in actions) or "—",
            )
        )
    return found[0]
