"""NCs closed in their audit because a later audit of the organisation took over.

A minor NC still open at the next audit becomes a major NC there, its clock starting
again from that audit's notification (arrêté du 6 juin 2019, art. 5; see
shared/domain/qualiopi.md). Once the next audit of the cycle is notified, the earlier
audit is closed: each NC still open there is either taken over by an NC of the later
audit (its ``origine``), or lifted, or was left out, which ``qnc check`` reports for the
user to record. In every case it is followed there, never late for ever here. Pure:
paths are compared, never opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from qnc.model.folder import AuditFolder
from qnc.model.records import AuditType
from qnc.rules.cycle.lineage import Lineage, closing, nc_key

__all__ = ["Closure", "closures", "nc_key", "owners"]


class Closure(NamedTuple):
    """Why and when an NC stops running in its audit."""

    day: date
    """The notification of the later audit."""
    audit: AuditFolder
    """The later audit."""
    by: Path | None
    """The NC file of the later audit that takes this one over; None when none does (the
    user is asked whether it was lifted)."""

    @property
    def taken_over(self) -> bool:
        return self.by is not None

    @property
    def new_application(self) -> bool:
        """Closed by a new initial audit: after a refusal the organisation applies again
        (shared/domain/qualiopi.md), and the NCs of the refused audit carry nothing over."""
        return self.audit.audit.audit.type is AuditType.INITIAL


def owners(folders: Sequence[AuditFolder]) -> dict[Path, AuditFolder]:
    """Each NC file of ``folders`` (normalised) with its audit."""
    return {nc_key(entry.path): folder for folder in folders for entry in folder.ncs}


def closures(folders: Sequence[AuditFolder], groups: Sequence[Lineage]) -> dict[Path, Closure]:
    """The NC files of ``folders`` that a later audit closes, with how and when.

    An NC named as ``origine`` by an NC of an audit notified later is taken over on that
    audit's notification (the earliest if several claim it). A claim on an NC of the same
    audit, or of an audit notified the same day or later, takes nothing over (``qnc
    check`` reports the first). Every other NC of an audit is closed by the next audit
    of its organisation's cycle (:func:`qnc.rules.cycle.lineage.closing`), on its notification.
    """
    owner_of = owners(folders)
    found: dict[Path, Closure] = {}
    for folder in folders:
        since = folder.audit.audit.clock_start
        for entry in folder.ncs:
            if not entry.nc.origin:
                continue
            target = nc_key(folder.path / entry.nc.origin)
            owner = owner_of.get(target)
            if owner is None or owner.path == folder.path or since <= owner.audit.audit.clock_start:
                continue
            if target not in found or since < found[target].day:
                found[target] = Closure(since, folder, entry.path)
    for lineage in groups:
        for folder in lineage:
            later = closing(lineage, folder)
            if later is None:
                continue
            for entry in folder.ncs:
                found.setdefault(nc_key(entry.path), Closure(later.audit.audit.clock_start,
                                                             later, None))  # fmt: skip
    return found
