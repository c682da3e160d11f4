"""An audit folder once read: its audit record and its non-conformities, with file paths."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from qnc.model.records import Audit, NonConformity
from qnc.model.referential import Grid, grid_for

AUDIT_FILE = "audit.yaml"
NC_DIR = "nc"


class NcFile(NamedTuple):
    path: Path
    nc: NonConformity


class AuditFolder(NamedTuple):
    path: Path
    audit: Audit
    ncs: tuple[NcFile, ...]

    @property
    def audit_file(self) -> Path:
        return self.path / AUDIT_FILE

    @property
    def grid(self) -> Grid:
        return grid_for(self.audit.audit.start, self.audit.audit.grid)
