"""The rules that tie an audit to the other audits of its organisation (arrêté du 6 juin
2019, art. 2, 3 and 5; shared/domain/qualiopi.md): the previous audit held before, a
minor NC taken over graded major, every NC of the previous audit accounted for, and the
surveillance and renewal audits held in their windows. And what tells that audits were
tied by mistake: one SIRET under two names, one audit in two folders.

They run once every audit of the run is read (and the audits an asked one names).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from qnc.diagnostics import Loc, Problem, error, warning
from qnc.i18n import Msg, t
from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import AuditType, Grade
from qnc.rules.cycle.audit_cycle import AuditCycle, Cycles
from qnc.rules.cycle.carry import nc_key
from qnc.rules.cycle.certificate import surveillance_months, surveillance_window
from qnc.rules.cycle.lineage import closing, name_key
from qnc.rules.words import audit_type_label, grade_label


def check_cycle(folder: AuditFolder, cycle: AuditCycle, cycles: Cycles,
                today: date) -> Iterator[Problem]:  # fmt: skip
    yield from _shared_siret(folder, cycle)
    yield from _copied(folder, cycle)
    yield from _previous_first(folder, cycles)
    yield from _taken_over_graded(folder, cycle)
    yield from _left_out(folder, cycle, cycles, today)
    yield from _window(folder, cycle)


def _shared_siret(folder: AuditFolder, cycle: AuditCycle) -> Iterator[Problem]:
    """Audits of one SIRET are one organisation's: under another name, most likely an
    audit copied with its SIRET (one warning per other name, at its first audit)."""
    mine = folder.audit.organisation
    seen: set[str] = set()
    chained = _chain(folder, cycle) if mine.siret is not None else set()
    for other in cycle.lineage:
        name = other.audit.organisation.name
        if not _one_siret_two_names(folder, other) or name_key(name) in seen:
            continue
        if other.path.resolve() in chained:  # 'precedent' ties them: a renamed organisation
            continue
        seen.add(name_key(name))
        yield warning(folder.audit_file, ("organisme", "siret"), "siret-partage", t(
            "SIRET {siret} is also that of the audit '{other}', of '{name}': a SIRET "
            "identifies one establishment, and qnc follows these audits as one "
            "organisation; if they are two organisations, correct the SIRET; if it is the "
            "same one, write the same name",
            siret=mine.siret, other=_relative(folder, other), name=name))  # fmt: skip


def _copied(folder: AuditFolder, cycle: AuditCycle) -> Iterator[Problem]:
    """Two audits of one organisation, of one type, starting on one day: one is a copy
    (under two names of one SIRET, :func:`_shared_siret` already says so)."""
    info = folder.audit.audit
    for other in cycle.lineage:
        held = other.audit.audit
        if (other.path == folder.path or held.type is not info.type or held.start != info.start
                or _one_siret_two_names(folder, other)):  # fmt: skip
            continue
        yield warning(folder.audit_file, ("audit", "debut"), "audit-double", t(
            "the {audit} is also in '{other}', of the same organisation: one of the two "
            "folders is most likely a copy; if it is another organisation's audit, correct "
            "its 'organisme' (name, SIRET); if not, remove the copy",
            audit=_audit_name(folder), other=_relative(folder, other)))  # fmt: skip


def _chain(folder: AuditFolder, cycle: AuditCycle) -> set[Path]:
    """The audits tied to ``folder`` by 'precedent', before and after it, as resolved
    paths: one organisation that may have changed its name along the way."""
    by_path = {f.path.resolve(): f for f in cycle.lineage}
    previous = {
        path: (f.path / f.audit.audit.previous).resolve()
        for path, f in by_path.items()
        if f.audit.audit.previous is not None
    }
    chained = {folder.path.resolve()}
    grown = True
    while grown:  # both ways along the links, until nothing is added
        before = len(chained)
        chained |= {previous[p] for p in chained if p in previous}
        chained |= {p for p, target in previous.items() if target in chained}
        grown = len(chained) > before
    return chained


def _one_siret_two_names(folder: AuditFolder, other: AuditFolder) -> bool:
    mine, theirs = folder.audit.organisation, other.audit.organisation
    return (mine.siret is not None and mine.siret == theirs.siret
            and name_key(mine.name) != name_key(theirs.name))  # fmt: skip


def _relative(folder: AuditFolder, other: AuditFolder) -> str:
    return os.path.relpath(other.path, folder.path).replace(os.sep, "/")


def _previous_first(folder: AuditFolder, cycles: Cycles) -> Iterator[Problem]:
    info = folder.audit.audit
    if info.previous is None:
        return
    before = cycles.folder(folder.path / info.previous)
    if before is None or before.path == folder.path or before.audit.audit.start < info.start:
        return
    yield error(folder.audit_file, ("audit", "precedent"), "ordre-dates", t(
        "the previous audit '{target}' starts on {day}, not before this one ({start}): "
        "'precedent' names the audit held before this one",
        target=info.previous, day=before.audit.audit.start, start=info.start))  # fmt: skip


def _taken_over_graded(folder: AuditFolder, cycle: AuditCycle) -> Iterator[Problem]:
    """A minor NC still open at the next audit becomes major there (arrêté art. 5); a
    major one stays major."""
    if folder.audit.audit.type is AuditType.INITIAL:  # a new application starts afresh
        return
    notified = folder.audit.audit.clock_start
    for entry in folder.ncs:
        tie = cycle.origins.get(entry.path)
        if tie is None or entry.nc.grade is Grade.MAJOR or _lifted_by(tie.file, notified):
            continue
        message = t(
            "this NC takes over {id} of the {audit}, a {grade} NC not lifted by this audit: "
            "it is a major NC here (arrêté du 6 juin 2019, art. 5); write 'gravite: majeure'",
            id=tie.file.nc.id,
            audit=_audit_name(tie.audit),
            grade=grade_label(tie.file.nc.grade),
        )
        yield error(entry.path, ("gravite",), "reprise-mineure", message)


def _left_out(folder: AuditFolder, cycle: AuditCycle, cycles: Cycles,
              today: date) -> Iterator[Problem]:  # fmt: skip
    """Once this audit is notified, each NC still open at the audit it closes is taken
    over here, or was lifted: else the user is asked which (and how to record it)."""
    notified = folder.audit.audit.clock_start
    # A new initial audit (a new application after a refusal) takes nothing over.
    if notified > today or folder.audit.audit.type is AuditType.INITIAL:
        return
    closed = [a for a in cycle.lineage if _closed_by(cycle, a, folder)]
    for before in closed:
        for entry in before.ncs:
            closure = cycles.closures.get(nc_key(entry.path))
            if _lifted_by(entry, notified) or (closure is not None and closure.taken_over):
                continue
            where = _where(folder, before)
            yield warning(folder.audit_file, where, "nc-non-reprise",
                          _left_out_message(folder, before, entry),
                          on_key=where == ("audit",))  # fmt: skip


def _left_out_message(folder: AuditFolder, before: AuditFolder, entry: NcFile) -> Msg:
    path = os.path.relpath(entry.path, folder.path).replace(os.sep, "/")
    args = {
        "id": entry.nc.id,
        "audit": _audit_name(before),
        "day": folder.audit.audit.clock_start,
        "path": path,
    }
    if entry.nc.grade is Grade.MINOR:
        return t(
            "{id} of the {audit}, a minor NC, was not lifted by this audit's notification "
            "({day}) and no NC of this audit takes it over: if it was lifted at this audit, "
            "write 'levee_le:' in {path}; if not, it becomes a major NC of this audit: add "
            "it to nc/ with 'gravite: majeure' and 'origine: {path}'",
            **args,
        )
    return t(
        "{id} of the {audit}, a major NC, was not lifted by this audit's notification "
        "({day}) and no NC of this audit takes it over: if it was lifted, write "
        "'levee_le:' in {path}; if not, add it to nc/ with 'origine: {path}'",
        **args,
    )


def _window(folder: AuditFolder, cycle: AuditCycle) -> Iterator[Problem]:
    """A surveillance audit in the 14th-22nd month (28th before 2021) of its certificate;
    a renewal audit before the certificate ends."""
    info, certificate = folder.audit.audit, cycle.certificate
    if certificate is None or certificate.obtained > info.start:
        return
    if info.type is AuditType.SURVEILLANCE:
        opens, closes = surveillance_window(certificate)
        if opens <= info.start and info.last_day <= closes:
            return
        first, last = surveillance_months(certificate)
        yield warning(folder.audit_file, ("audit", "debut"), "fenetre-audit", t(
            "this surveillance audit is held outside its window, from {opens} to {closes}: "
            "{first} to {last} months after the certificate obtained on {obtained}; check "
            "the dates of the audit and of the certificate",
            opens=opens, closes=closes, first=first, last=last,
            obtained=certificate.obtained))  # fmt: skip
    elif info.type is AuditType.RENEWAL and info.start > certificate.end:
        yield warning(folder.audit_file, ("audit", "debut"), "fenetre-audit", t(
            "this renewal audit starts after the certificate ended ({end}): a renewal audit "
            "is held before the end; if the dates are right, the organisation has been "
            "without certification since then",
            end=certificate.end))  # fmt: skip


def _closed_by(cycle: AuditCycle, before: AuditFolder, folder: AuditFolder) -> bool:
    later = closing(cycle.lineage, before)
    return later is not None and later.path == folder.path


def _lifted_by(entry: NcFile, day: date) -> bool:
    return entry.nc.lifted is not None and entry.nc.lifted <= day


def _audit_name(folder: AuditFolder) -> Msg:
    info = folder.audit.audit
    return t("{type} of {day}", type=audit_type_label(info.type), day=info.start)


def _where(folder: AuditFolder, before: AuditFolder) -> Loc:
    """At ``precedent`` when it names the audit closed, else at the ``audit`` section."""
    previous = folder.audit.audit.previous
    if previous is not None and nc_key(folder.path / previous) == nc_key(before.path):
        return ("audit", "precedent")
    return ("audit",)
