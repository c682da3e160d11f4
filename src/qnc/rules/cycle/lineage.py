"""Which audits are one organisation's, and in what order they were held.

Audits are tied by ``precedent`` and ``origine`` (the user's own links), by their SIRET,
and where no SIRET tells them apart, by the organisation's name (case and spacing
aside): two audits of one name with different SIRETs are two establishments. The
audits of an organisation are ordered by their first day. Pure: paths are compared,
never opened.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from qnc.model.folder import NC_DIR, AuditFolder
from qnc.model.records import AuditType

Lineage = tuple[AuditFolder, ...]
"""The audits of one organisation, first held first."""

CYCLE = (AuditType.INITIAL, AuditType.SURVEILLANCE, AuditType.RENEWAL)
"""The audits of the certification cycle (shared/domain/qualiopi.md). A complementary
audit checks how NCs were handled and an extension audits a new scope: neither is the
"next audit" where a minor NC still open becomes major."""


def nc_key(path: Path) -> Path:
    """How files and folders are compared: the normalised path, without touching the disk."""
    return Path(os.path.normpath(path))


def name_key(name: str) -> str:
    """How organisation names are compared: case and spacing aside."""
    return " ".join(name.casefold().split())


def lineages(folders: Sequence[AuditFolder]) -> list[Lineage]:
    """``folders`` grouped by organisation, each group in the order the audits were held."""
    parent = list(range(len(folders)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    index = {nc_key(f.path): i for i, f in enumerate(folders)}
    by_siret: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for i, folder in enumerate(folders):
        for target in linked_folders(folder):
            if target in index:
                join(i, index[target])
        organisation = folder.audit.organisation
        if organisation.siret:
            join(i, by_siret.setdefault(organisation.siret, i))
        by_name.setdefault(name_key(organisation.name), []).append(i)
    for same_name in by_name.values():
        sirets = {folders[i].audit.organisation.siret for i in same_name} - {None}
        # Without SIRET, one name is one organisation, unless SIRETs say otherwise.
        joined = same_name if len(sirets) <= 1 else [
            i for i in same_name if folders[i].audit.organisation.siret is None]  # fmt: skip
        for i in joined:
            join(i, joined[0])
    groups: dict[int, list[AuditFolder]] = {}
    for i, folder in enumerate(folders):
        groups.setdefault(root(i), []).append(folder)
    return sorted((tuple(sorted(g, key=held)) for g in groups.values()),
                  key=lambda g: str(g[0].path))  # fmt: skip


def held(folder: AuditFolder) -> tuple[object, ...]:
    """The order of audits: first day, then notification, then folder."""
    info = folder.audit.audit
    return (info.start, info.clock_start, str(folder.path))


def linked_folders(folder: AuditFolder) -> set[Path]:
    """The audit folders that ``folder`` names: its ``precedent``, and the audits of the
    NCs its NCs take over (``origine: ../x/nc/NC-03.yaml`` names ``../x``). A run reads
    them too, to apply the rules that tie audits together, and reports on them only
    when they were asked for."""
    found = set()
    if folder.audit.audit.previous:
        found.add(nc_key(folder.path / folder.audit.audit.previous))
    for entry in folder.ncs:
        if entry.nc.origin:
            target = nc_key(folder.path / entry.nc.origin)
            if target.parent.name == NC_DIR:
                found.add(target.parent.parent)
    return found


def closing(lineage: Lineage, folder: AuditFolder) -> AuditFolder | None:
    """The audit that closes ``folder``: the next audit of the cycle, held after it and
    notified after it. From then on the NCs still open are followed there."""
    info = folder.audit.audit
    return next(
        (
            later
            for later in lineage
            if later.audit.audit.type in CYCLE
            and later.audit.audit.start > info.start
            and later.audit.audit.clock_start > info.clock_start
        ),
        None,
    )


def previous(lineage: Lineage, folder: AuditFolder) -> AuditFolder | None:
    """The audit of the cycle held last before ``folder``: where an NC on the same
    indicator makes a recurrence."""
    start = folder.audit.audit.start
    earlier = [a for a in lineage if a.audit.audit.type in CYCLE and a.audit.audit.start < start]
    return earlier[-1] if earlier else None
