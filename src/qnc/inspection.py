"""The application: from the paths a user gives to what every command shows.

``inspect(paths, today=…, lang=…)`` finds the audit folders (:mod:`qnc.reading`), reads
and validates each one, runs every check (:mod:`qnc.checks`), ties the audits of each
organisation together (:mod:`qnc.rules.cycle`), and works out the clock of each NC once
(:mod:`qnc.rules.clocks`), knowing which NCs a later audit closed. The commands render
what it returns; the reports of :mod:`qnc.rules.report` are built from the same clocks,
only by the commands that show them.

The audits an asked audit names (its ``precedent``, the audits of its NCs' ``origine``)
are read too, to apply the rules between audits, but never reported on: they were not
asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from qnc.checks.audit import check_audit, check_ncs_alone
from qnc.checks.context import Context
from qnc.checks.cycle import check_cycle
from qnc.checks.deadlines import anchors, audit_anchors, check_deadlines
from qnc.checks.duplicates import duplicate_action_ids
from qnc.diagnostics import Diagnostic
from qnc.i18n import DEFAULT_LANGUAGE, Language
from qnc.model.folder import AUDIT_FILE, NC_DIR, AuditFolder, NcFile
from qnc.reading.discovery import find_audits, is_audit_folder, path_exists, repository_of
from qnc.reading.fingerprints import fingerprint_or_none
from qnc.reading.loader import ReadFolder, read_audit
from qnc.rules.clocks import Clocked, clock
from qnc.rules.cycle.audit_cycle import Cycles, link
from qnc.rules.cycle.carry import nc_key
from qnc.rules.cycle.lineage import linked_folders
from qnc.rules.legal import lawful

if TYPE_CHECKING:
    from qnc.rules.cycle.history import OrganisationHistory
    from qnc.rules.report import AuditReport

MAX_LINKED = 200
"""Audits read only because another names them: a bound against a runaway chain."""


class AuditInspection(NamedTuple):
    """One audit folder as read and checked, with the clocks of its NCs."""

    path: Path
    folder: AuditFolder | None
    """None while audit.yaml has errors."""
    organisation: str | None
    """The organisation's name, when it could be read (even from a broken audit.yaml)."""
    clocked: tuple[Clocked, ...]
    diagnostics: tuple[Diagnostic, ...]
    files: int
    identity: tuple[tuple[str, str], ...] = ()
    """SIRET, type and dates, as far as audit.yaml could be read (for an audit with
    errors; empty for a sound one, which its report describes)."""

    @property
    def has_errors(self) -> bool:
        return self.folder is None or any(d.is_error for d in self.diagnostics)


class Broken(NamedTuple):
    """An audit (or a folder) whose files have errors: listed, never judged."""

    path: Path
    organisation: str | None
    """From its audit.yaml, when the name could be read there."""
    errors: int
    identity: tuple[tuple[str, str], ...] = ()
    """SIRET, type and dates, as far as its audit.yaml could be read."""


class Inspection(NamedTuple):
    today: date
    language: Language
    """``--lang`` if given, else the ``langue`` all the audits agree on, else French."""
    audits: tuple[AuditInspection, ...]
    diagnostics: tuple[Diagnostic, ...]
    """Every problem of every file, sorted by file, line and column."""
    files: int
    linked: tuple[AuditInspection, ...] = ()
    """Audits read because an asked one names them; their problems are not reported."""
    cycles: Cycles | None = None

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(not d.is_error for d in self.diagnostics)

    @property
    def sound(self) -> list[AuditInspection]:
        """The audits without errors: the only ones a verdict may be given on."""
        return [a for a in self.audits if not a.has_errors]

    def reports(self) -> list[AuditReport]:
        """The report of each sound audit, from the clocks worked out once."""
        return [self._report(a) for a in self.sound]

    def history(self) -> list[OrganisationHistory]:
        """Each organisation of the sound audits, with all its audits read, in order."""
        from qnc.rules.cycle.history import histories

        usable = [a for a in (*self.audits, *self.linked) if not a.has_errors]
        return histories([self._report(a) for a in usable], asked=[a.path for a in self.sound])

    def _report(self, audit: AuditInspection) -> AuditReport:
        from qnc.rules.report import build_report

        assert audit.folder is not None  # a sound audit has its records
        cycle = self.cycles.of(audit.folder) if self.cycles else None
        return build_report(audit.folder, audit.clocked, today=self.today, cycle=cycle)

    def broken(self) -> list[Broken]:
        """The audits with errors, then the folders with errors outside every audit (NC
        files without audit.yaml, unreadable folders), one entry per folder."""
        broken = [
            Broken(a.path, a.organisation, sum(d.is_error for d in a.diagnostics), a.identity)
            for a in self.audits
            if a.has_errors
        ]
        stray: dict[Path, int] = {}
        for d in self.diagnostics:
            if not d.is_error or any(d.path.is_relative_to(a.path) for a in self.audits):
                continue
            folder = d.path.parent.parent if d.path.parent.name == NC_DIR else d.path.parent
            if d.code == "lecture":  # an unreadable folder is itself the place
                folder = d.path
            stray[folder] = stray.get(folder, 0) + 1
        return broken + [Broken(folder, None, n) for folder, n in sorted(stray.items())]


def inspect(
    paths: Iterable[Path],
    *,
    today: date,
    lang: Language | None = None,
    pending: Mapping[Path, bytes] | None = None,
) -> Inspection:
    """Read, check and clock every audit folder that ``paths`` mean, as of ``today``;
    with ``pending`` bytes in place of those files (corrections not yet written)."""
    found = find_audits(paths)
    # Each audit is read and checked in turn, so that the parsed files of one are freed
    # before the next; only the positions the later checks may need are kept until
    # every audit is read, and with it how the audits of each organisation tie together.
    first = [
        _read_and_check(path, today, pending, given=found.given.get(path)) for path in found.folders
    ]
    extra = _read_linked(first)
    cycles = link([f.read.folder for f in (*first, *extra) if f.read.folder], today)
    audits = tuple(f.with_deadlines(cycles, today) for f in first)
    linked = tuple(f.with_deadlines(cycles, today, checked=False) for f in extra)
    diagnostics = sorted(
        [*found.orphans, *found.unreadable, *(d for a in audits for d in a.diagnostics)],
        key=Diagnostic.sort_key,
    )
    files = len(found.orphans) + sum(a.files for a in audits)
    declared = {a.folder.audit.language for a in audits if a.folder}
    language = lang or (declared.pop() if len(declared) == 1 else None) or DEFAULT_LANGUAGE
    return Inspection(today, language, audits, tuple(diagnostics), files, linked, cycles)


def inspect_pending(
    folder: Path, pending: Mapping[Path, bytes], *, today: date, lang: Language | None = None
) -> Inspection:
    """The audit ``folder`` as it would be with ``pending`` bytes in place of its files
    (new files included), checked by every rule of ``qnc check``: a change is checked
    this way before it is written. The audits it names are read, as by :func:`inspect`;
    no later audit is looked for."""
    first = _read_and_check(folder, today, pending)
    extra = _read_linked([first])
    cycles = link([f.read.folder for f in (first, *extra) if f.read.folder], today)
    audit = first.with_deadlines(cycles, today)
    declared = audit.folder.audit.language if audit.folder else None
    language = lang or declared or DEFAULT_LANGUAGE
    return Inspection(today, language, (audit,), audit.diagnostics, audit.files, (), cycles)


class _FirstPass:
    """An audit read and checked, before the rules that need every audit: its documents
    reduced to the positions those rules may point at."""

    def __init__(self, read: ReadFolder, diagnostics: list[Diagnostic]) -> None:
        self.read = read
        self.diagnostics = diagnostics

    def with_deadlines(self, cycles: Cycles, today: date, *, checked: bool = True
                       ) -> AuditInspection:  # fmt: skip
        read, folder = self.read, self.read.folder
        clocked: tuple[Clocked, ...] = ()
        diagnostics = self.diagnostics
        if folder is not None:
            clocked = tuple(_clocked(n, folder, cycles, today) for n in folder.ncs)
            if checked:
                cycle = cycles.of(folder)
                later = [*check_deadlines(folder, clocked, cycle.certificate),
                         *check_cycle(folder, cycle, cycles, today)]  # fmt: skip
                diagnostics = [*diagnostics, *map(read.locate, later)]
        diagnostics.sort(key=Diagnostic.sort_key)
        # What tells the audit apart is only said of an audit left out for its errors.
        identity = read.identity if any(d.is_error for d in diagnostics) else ()
        return AuditInspection(read.path, folder, read.organisation, clocked,
                               tuple(diagnostics), read.files, identity)  # fmt: skip


def _clocked(entry: NcFile, folder: AuditFolder, cycles: Cycles, today: date) -> Clocked:
    notified = folder.audit.audit.clock_start
    return clock(entry, notified=notified, rules=lawful(folder.audit.rules, notified),
                 today=today, closure=cycles.closures.get(nc_key(entry.path)))  # fmt: skip


def _read_and_check(
    path: Path,
    today: date,
    pending: Mapping[Path, bytes] | None = None,
    *,
    given: Path | None = None,
) -> _FirstPass:
    read = read_audit(path, given=given, pending=pending)
    problems = list(read.problems)
    for file, document in read.documents.items():
        if file != path / AUDIT_FILE:
            problems += duplicate_action_ids(file, document.data)
    context = Context(today=today, exists=path_exists, repository=repository_of(path),
                      fingerprint=fingerprint_or_none)  # fmt: skip
    folder = read.folder
    partial = read.partial_ncs
    if folder is not None:
        problems += check_audit(folder, context, partial=partial)
    else:
        problems += check_ncs_alone(path, tuple(read.ncs), context, partial=partial)
    diagnostics = read.diagnostics + [read.locate(p) for p in problems]
    _pin(read)
    return _FirstPass(read, diagnostics)


def _read_linked(first: list[_FirstPass]) -> list[_FirstPass]:
    """The audits the asked ones name, and those they name in turn: read, not checked."""
    seen = {nc_key(f.read.path) for f in first}
    pending = [f.read.folder for f in first if f.read.folder]
    extra: list[_FirstPass] = []
    while pending and len(extra) < MAX_LINKED:
        for target in sorted(linked_folders(pending.pop())):
            if target in seen or not is_audit_folder(target):
                continue
            seen.add(target)
            read = read_audit(target)
            _pin(read)
            extra.append(_FirstPass(read, []))
            if read.folder is not None:
                pending.append(read.folder)
    return extra


def _pin(read: ReadFolder) -> None:
    """Keep only the positions the later checks may point at; drop the parsed files."""
    audit_file = read.path / AUDIT_FILE
    kept = {n.path: read.documents[n.path].pinned(anchors(n.nc)) for n in read.ncs}
    if audit_file in read.documents:
        kept[audit_file] = read.documents[audit_file].pinned(audit_anchors())
    read.documents = kept
