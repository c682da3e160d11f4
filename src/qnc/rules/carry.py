"""NCs that a later audit takes over (its NC names them as ``origine``).

A minor NC still open at the next audit becomes a major NC there, its clock starting
again from that audit's notification (shared/domain/qualiopi.md): in the old audit it
is then closed, followed in the new one. Pure: paths are compared, never opened.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from qnc.model.folder import AuditFolder


def nc_key(path: Path) -> Path:
    """How NC files are compared: the normalised path, without touching the disk."""
    return Path(os.path.normpath(path))


def carried_over(folders: Sequence[AuditFolder]) -> dict[Path, date]:
    """NC files taken over by an NC of another, later audit of ``folders``, with the day
    they were taken over: that audit's notification (the earliest if several claim one).

    A claim on an NC of the same audit, or of an audit notified the same day or later,
    takes nothing over (``qnc check`` reports the first).
    """
    owners = {nc_key(entry.path): folder for folder in folders for entry in folder.ncs}
    carried: dict[Path, date] = {}
    for folder in folders:
        since = folder.audit.audit.clock_start
        for entry in folder.ncs:
            if not entry.nc.origin:
                continue
            target = nc_key(folder.path / entry.nc.origin)
            owner = owners.get(target)
            if owner is None or owner is folder or since <= owner.audit.audit.clock_start:
                continue
            carried[target] = min(carried.get(target, since), since)
    return carried
