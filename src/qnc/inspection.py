"""Read and check every audit folder that a list of paths means."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qnc.carry import carried_over
from qnc.diagnostics import Diagnostic
from qnc.discovery import find_audits
from qnc.i18n import Language
from qnc.load import Loaded, check_read, read_audit


@dataclass(frozen=True)
class Inspection:
    loaded: tuple[Loaded, ...]
    diagnostics: tuple[Diagnostic, ...]
    files: int

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    @property
    def declared_language(self) -> Language | None:
        """The ``langue`` of the audits, when they all agree on one."""
        declared = {x.folder.audit.language for x in self.loaded if x.folder}
        return declared.pop() if len(declared) == 1 else None


def inspect_paths(paths: Iterable[Path], *, today: date) -> Inspection:
    found = find_audits(paths)
    reads = [read_audit(folder) for folder in found.folders]
    carried = carried_over([r.folder for r in reads if r.folder is not None])
    loaded = tuple(check_read(r, today=today, carried=carried) for r in reads)
    diagnostics = [*found.orphans, *found.unreadable, *(d for x in loaded for d in x.diagnostics)]
    diagnostics.sort(key=Diagnostic.sort_key)
    files = len(found.orphans) + sum(x.files for x in loaded)
    return Inspection(loaded, tuple(diagnostics), files)
