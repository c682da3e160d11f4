"""Read and check every audit folder that a list of paths means."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qnc.diagnostics import Diagnostic
from qnc.i18n import Language
from qnc.reading.discovery import find_audits
from qnc.reading.loader import Loaded, load_audit
from qnc.rules.carry import carried_over, nc_key


@dataclass(frozen=True)
class Inspection:
    loaded: tuple[Loaded, ...]
    diagnostics: tuple[Diagnostic, ...]
    files: int
    carried: Mapping[Path, date] = field(default_factory=dict)
    """NC files a later audit took over (:func:`qnc.rules.carry.carried_over`)."""

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
    # Each audit is read and checked in turn, so that the parsed files of one are freed
    # before the next; the few audits holding NCs a later audit took over are checked
    # again knowing it (qnc/carry.py).
    loaded = [load_audit(folder, today=today) for folder in found.folders]
    carried = carried_over([x.folder for x in loaded if x.folder is not None])
    for i, x in enumerate(loaded):
        if x.folder is not None and any(nc_key(n.path) in carried for n in x.folder.ncs):
            loaded[i] = load_audit(x.path, today=today, carried=carried)
    diagnostics = [*found.orphans, *found.unreadable, *(d for x in loaded for d in x.diagnostics)]
    diagnostics.sort(key=Diagnostic.sort_key)
    files = len(found.orphans) + sum(x.files for x in loaded)
    return Inspection(tuple(loaded), tuple(diagnostics), files, carried)
