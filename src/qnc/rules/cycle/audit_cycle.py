"""The certification cycle: what ties each audit to the other audits of its organisation.

Worked out once per run from every audit read (:func:`link`): the organisations and
the order of their audits (:mod:`qnc.rules.cycle.lineage`), the NCs a later audit closes
(:mod:`qnc.rules.cycle.carry`), and for each audit its certificate, the audit that closes it,
the next audit due (:mod:`qnc.rules.cycle.certificate`), the NCs its NCs take over and the
indicators that recur. Pure: the values only depend on the records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import Certificate
from qnc.rules.cycle.carry import Closure, closures, nc_key
from qnc.rules.cycle.certificate import Window, in_force, next_audit
from qnc.rules.cycle.lineage import Lineage, closing, lineages, previous


class Tie(NamedTuple):
    """An NC of an earlier audit that an NC is tied to."""

    file: NcFile
    audit: AuditFolder


class AuditCycle(NamedTuple):
    """What the other audits of its organisation say about one audit."""

    lineage: Lineage = ()
    certificate: Certificate | None = None
    """The certificate it deals with (:func:`qnc.rules.cycle.certificate.in_force`)."""
    closed_by: AuditFolder | None = None
    """The next audit of the cycle, which closes this one once notified."""
    next_audit: Window | None = None
    """For the organisation's latest audit held: the next audit due."""
    origins: Mapping[Path, Tie] = MappingProxyType({})
    """NC file -> the NC of an earlier audit it takes over (``origine``)."""
    recurrences: Mapping[Path, Tie] = MappingProxyType({})
    """NC file -> an NC on the same indicator at the previous audit of the cycle (or the
    one it takes over): auditors look at those first."""


class Cycles(NamedTuple):
    groups: tuple[Lineage, ...]
    closures: Mapping[Path, Closure]
    """NC file (normalised) -> how a later audit closes it."""
    by_folder: Mapping[Path, AuditCycle]
    folders: Mapping[Path, AuditFolder]

    def folder(self, path: Path) -> AuditFolder | None:
        """The audit read at ``path`` (normalised), if any."""
        return self.folders.get(nc_key(path))

    def of(self, folder: AuditFolder) -> AuditCycle:
        default = AuditCycle(certificate=folder.audit.certificate)
        return self.by_folder.get(nc_key(folder.path), default)


def link(folders: Sequence[AuditFolder], today: date | None = None) -> Cycles:
    """The cycle of every audit of ``folders``; an audit dated after ``today`` is planned,
    not held (the next audit is worked out from those held)."""
    groups = tuple(lineages(folders))
    files = {nc_key(e.path): (e, f) for f in folders for e in f.ncs}
    by_folder = {
        nc_key(folder.path): _cycle(folder, lineage, files, today)
        for lineage in groups
        for folder in lineage
    }
    return Cycles(
        groups,
        MappingProxyType(closures(folders, groups)),
        MappingProxyType(by_folder),
        MappingProxyType({nc_key(f.path): f for f in folders}),
    )


def _cycle(folder: AuditFolder, lineage: Lineage, files: Mapping[Path, tuple[NcFile, AuditFolder]],
           today: date | None) -> AuditCycle:  # fmt: skip
    origins: dict[Path, Tie] = {}
    since = folder.audit.audit.clock_start
    for entry in folder.ncs:
        if entry.nc.origin:
            found = files.get(nc_key(folder.path / entry.nc.origin))
            if found and found[1].path != folder.path and found[1].audit.audit.clock_start < since:
                origins[entry.path] = Tie(*found)
    before = previous(lineage, folder)
    recurrences: dict[Path, Tie] = {}
    for entry in folder.ncs:
        origin = origins.get(entry.path)
        if origin is not None and origin.file.nc.indicator == entry.nc.indicator:
            recurrences[entry.path] = origin
        elif before is not None:
            same = next((e for e in before.ncs if e.nc.indicator == entry.nc.indicator), None)
            if same is not None:
                recurrences[entry.path] = Tie(same, before)
    # The next audit is said on the latest audit held (the current one), not on a later
    # one only planned.
    held = [a for a in lineage if today is None or a.audit.audit.start <= today]
    last = (held or lineage)[-1].path == folder.path
    return AuditCycle(
        lineage,
        in_force(lineage, folder),
        closing(lineage, folder),
        next_audit(lineage, today) if last else None,
        MappingProxyType(origins),
        MappingProxyType(recurrences),
    )
