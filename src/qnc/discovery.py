"""Which audit folders a list of paths means (spec §1.1)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.errors import QncError
from qnc.folder import AUDIT_FILE, NC_DIR
from qnc.i18n import t

_SKIPPED = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__"}


@dataclass
class Found:
    folders: list[Path] = field(default_factory=list)
    orphans: list[Diagnostic] = field(default_factory=list)
    """NC files that belong to no audit folder."""


def find_audits(paths: Iterable[Path]) -> Found:
    """Audit folders meant by ``paths`` (absolute, sorted, once each)."""
    found = Found()
    for given in paths:
        path = Path(os.path.abspath(given))
        if not path.exists():
            raise QncError(t("'{path}' does not exist", path=str(given)))
        enclosing = _enclosing_audit(path)
        if path.is_file():
            _from_file(path, given, found)
        elif enclosing is not None:
            found.folders.append(enclosing)
        else:
            before = len(found.folders) + len(found.orphans)
            _walk(path, found)
            if len(found.folders) + len(found.orphans) == before:
                raise QncError(
                    t(
                        "no audit folder under '{path}': an audit folder holds an audit.yaml file",
                        path=str(given),
                    )
                )
    found.folders = sorted(set(found.folders))
    found.orphans = sorted(set(found.orphans), key=Diagnostic.sort_key)
    return found


def _enclosing_audit(path: Path) -> Path | None:
    """The audit folder that ``path`` is, or lies in (its nc/ or preuves/ folder)."""
    candidates = (path, *path.parents) if path.is_dir() else path.parents
    return next((p for p in candidates if (p / AUDIT_FILE).is_file()), None)


def _from_file(path: Path, given: Path, found: Found) -> None:
    folder = _enclosing_audit(path)
    if folder is not None:
        found.folders.append(folder)
        return
    if path.parent.name == NC_DIR and path.suffix in (".yaml", ".yml"):
        found.orphans.append(_orphan(path))
        return
    raise QncError(
        t(
            "'{path}' is not inside an audit folder (none of its parent folders "
            "holds an audit.yaml file)",
            path=str(given),
        )
    )


def _walk(root: Path, found: Found) -> None:
    for current, dirs, files in os.walk(root):
        here = Path(current)
        if AUDIT_FILE in files:
            found.folders.append(here)
            dirs.clear()
            continue
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        if here.name == NC_DIR:
            found.orphans += [
                _orphan(here / f) for f in sorted(files) if f.endswith((".yaml", ".yml"))
            ]


def _orphan(path: Path) -> Diagnostic:
    return Diagnostic(
        path,
        1,
        1,
        Severity.ERROR,
        "audit-absent",
        t(
            "this NC file belongs to no audit: {folder} has no audit.yaml; create it "
            "(organisation, certifier, audit dates)",
            folder=str(path.parent.parent.name),
        ),
    )
