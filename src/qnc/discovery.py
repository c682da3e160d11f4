"""Which audit folders a list of paths means (spec §1.1), and which files of one qnc reads."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.errors import QncError
from qnc.folder import AUDIT_FILE, NC_DIR
from qnc.i18n import Msg, t
from qnc.natural import natural_key
from qnc.oserrors import folder_error

_SKIPPED = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__"}
_YAML = (".yaml", ".yml")
_EVIDENCE = "preuves"


@dataclass
class Found:
    folders: list[Path] = field(default_factory=list)
    orphans: list[Diagnostic] = field(default_factory=list)
    """NC files that belong to no audit."""
    unreadable: list[Diagnostic] = field(default_factory=list)
    """Folders below the given paths that could not be searched."""


def find_audits(paths: Iterable[Path]) -> Found:
    """Audit folders meant by ``paths`` (absolute, sorted, once each)."""
    found = Found()
    for given in paths:
        try:
            _find(Path(os.path.abspath(given)), given, found)
        except OSError as exc:  # a parent folder that may not be entered, a link loop…
            raise QncError(_unreadable_path(given, exc)) from exc
    found.folders = sorted(set(found.folders))
    found.orphans = sorted(set(found.orphans), key=Diagnostic.sort_key)
    found.unreadable = sorted(set(found.unreadable), key=Diagnostic.sort_key)
    return found


def _find(path: Path, given: Path, found: Found) -> None:
    if not path.exists():
        raise QncError(t("'{path}' does not exist", path=str(given)))
    enclosing = _enclosing_audit(path)
    if not path.is_dir():
        _from_file(path, given, found)
    elif enclosing is not None:
        found.folders.append(enclosing)
    else:
        before = len(found.folders) + len(found.orphans) + len(found.unreadable)
        _walk(path, found)
        if len(found.folders) + len(found.orphans) + len(found.unreadable) == before:
            raise QncError(
                t(
                    "no audit folder under '{path}': an audit folder holds an audit.yaml file",
                    path=str(given),
                )
            )


def _unreadable_path(given: Path, exc: OSError) -> Msg:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return t(
            "cannot read '{path}': permission denied; check the access rights of this path "
            "and of the folders above it",
            path=str(given),
        )
    return t("cannot read '{path}': {reason}", path=str(given), reason=exc.strerror or str(exc))


def _enclosing_audit(path: Path) -> Path | None:
    """The audit folder that ``path`` is, or lies in (its nc/ or preuves/ folder)."""
    candidates = (path, *path.parents) if path.is_dir() else path.parents
    return next((p for p in candidates if (p / AUDIT_FILE).is_file()), None)


def _from_file(path: Path, given: Path, found: Found) -> None:
    folder = _enclosing_audit(path)
    if folder is not None:
        found.folders.append(folder)
        return
    if path.parent.name == NC_DIR and path.suffix in _YAML:
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
    def unreadable(exc: OSError) -> None:
        if exc.filename is None or Path(exc.filename) == root:
            raise exc  # the given folder itself: a user error, said at once
        found.unreadable.append(_folder_problem(Path(exc.filename), exc))

    for current, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(current)
        if AUDIT_FILE in files:
            found.folders.append(here)
            dirs.clear()
            continue
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        if here.name == NC_DIR:
            found.orphans += [_orphan(here / f) for f in sorted(files) if f.endswith(_YAML)]


def _orphan(path: Path) -> Diagnostic:
    folder = path.parent.parent
    misnamed = _misnamed_audit_file(folder)
    if misnamed is None:
        message = t(
            "this NC file belongs to no audit: {folder} has no audit.yaml file; create it "
            "(organisation, certifier, audit dates)",
            folder=folder.name,
        )
    else:
        message = t(
            "this NC file belongs to no audit: {folder} has no audit.yaml file, "
            "but a file '{name}'; rename it audit.yaml",
            folder=folder.name,
            name=misnamed,
        )
    return Diagnostic(path, 1, 1, Severity.ERROR, "audit-absent", message)


def _misnamed_audit_file(folder: Path) -> str | None:
    """An ``audit.yml`` or ``Audit.yaml`` that was meant to be ``audit.yaml``."""
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return None
    wanted = (AUDIT_FILE, "audit.yml")
    return next((n for n in names if n.lower() in wanted and n != AUDIT_FILE), None)


def _folder_problem(folder: Path, exc: OSError) -> Diagnostic:
    return Diagnostic(folder, 1, 1, Severity.ERROR, "lecture", folder_error(exc))


@dataclass
class Layout:
    """The files of one audit folder: the NC files qnc reads, and layout problems."""

    nc_files: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def read_layout(folder: Path) -> Layout:
    """The NC files of ``folder`` (directly in nc/), and the YAML files qnc would miss.

    An NC file kept in ``nc/2026/``, ``NC/``, ``ncs/`` or next to audit.yaml is not read:
    each is warned about, or an audit with open NCs would look closed. Hidden files (editor
    and macOS leftovers such as ``._NC-1.yaml``) and evidence are left alone.
    """
    layout = Layout()
    nc = folder / NC_DIR
    try:
        with os.scandir(nc) as entries:
            for entry in sorted(entries, key=lambda e: natural_key(e.name)):
                _nc_entry(Path(entry.path), _is_dir(entry), layout)
    except FileNotFoundError:
        pass  # no nc/ folder: no NC was raised
    except NotADirectoryError:
        message = t("'nc' is a file, not a folder; NC files go in a folder named nc")
        layout.problems.append(Diagnostic(nc, 1, 1, Severity.ERROR, "lecture", message))
    except OSError as exc:
        layout.problems.append(_folder_problem(nc, exc))
    _top_level(folder, layout)
    layout.problems.sort(key=Diagnostic.sort_key)
    return layout


def _nc_entry(path: Path, is_dir: bool, layout: Layout) -> None:
    if path.name.startswith("."):
        return
    if path.suffix.lower() in _YAML:
        layout.nc_files.append(path)  # even a folder or a pipe: the reader says what is wrong
    elif is_dir and path.name != _EVIDENCE:
        _ignored_below(path, layout)


def _top_level(folder: Path, layout: Layout) -> None:
    try:
        with os.scandir(folder) as scanned:
            entries = sorted(scanned, key=lambda e: e.name)
    except OSError as exc:
        layout.problems.append(_folder_problem(folder, exc))
        return
    for entry in entries:
        path, is_dir = Path(entry.path), _is_dir(entry)
        if entry.name.startswith(".") or entry.name in (AUDIT_FILE, NC_DIR):
            continue
        if is_dir and entry.name != _EVIDENCE:
            # NC/, ncs/, fiches/…: NC files put there would be silently missed.
            if not _same_folder(path, folder / NC_DIR):  # NC/ is nc/ where case is ignored
                _ignored_below(path, layout)
        elif not is_dir and path.suffix.lower() in _YAML:
            layout.problems.append(_ignored(path))


def _ignored_below(root: Path, layout: Layout) -> None:
    """Warn about every YAML file below ``root``, outside evidence and hidden folders."""

    def unreadable(exc: OSError) -> None:
        layout.problems.append(_folder_problem(Path(exc.filename or root), exc))

    for current, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if d != _EVIDENCE and not d.startswith("."))
        layout.problems += [
            _ignored(Path(current, name))
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in _YAML
        ]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link into a folder that may not be entered
        return False


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _ignored(path: Path) -> Diagnostic:
    message = t(
        "qnc does not read this file: an NC file must be directly in the nc/ folder "
        "of the audit; move it there (nc/{name}), or out of the audit folder",
        name=path.name,
    )
    return Diagnostic(path, 1, 1, Severity.WARNING, "fichier-ignore", message)
