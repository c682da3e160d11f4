"""What one audit folder holds: the NC files qnc reads, and the YAML files it would miss."""

from __future__ import annotations

import os
import re
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import t
from qnc.model.folder import AUDIT_FILE, NC_DIR
from qnc.model.ids import natural_key
from qnc.oserrors import folder_error

YAML_SUFFIXES = (".yaml", ".yml")
EVIDENCE_DIR = "preuves"
_YAML_THEN_MORE = re.compile(r"\.ya?ml(?=\.[^.]+$)", re.IGNORECASE)
"""``NC-01.yaml.txt``: what Notepad saves when extensions are hidden."""


class Layout:
    """The files of one audit folder: the NC files qnc reads, and layout problems."""

    def __init__(self) -> None:
        self.nc_files: list[Path] = []
        self.problems: list[Diagnostic] = []


def read_layout(folder: Path) -> Layout:
    """The NC files of ``folder`` (directly in nc/), and the YAML files qnc would miss.

    An NC file kept in ``nc/2026/``, ``NC/``, ``ncs/`` or next to audit.yaml is not read,
    nor is ``nc/NC-01.yaml.txt``: each is an error, or an audit with open NCs would look
    closed. Hidden files (editor and macOS leftovers such as ``._NC-1.yaml``), evidence,
    and a copy such as ``NC-01.yaml.bak`` next to its ``NC-01.yaml`` are left alone.
    """
    layout = Layout()
    nc = folder / NC_DIR
    walked = _Walked(folder)
    try:
        with os.scandir(nc) as scanned:
            entries = sorted(scanned, key=lambda e: natural_key(e.name))
        names = {entry.name.lower() for entry in entries}
        for entry in entries:
            _nc_entry(Path(entry.path), _is_dir(entry), names, layout, walked)
    except FileNotFoundError:
        pass  # no nc/ folder: no NC was raised
    except NotADirectoryError:
        message = t("'nc' is a file, not a folder; NC files go in a folder named nc")
        layout.problems.append(Diagnostic(nc, 1, 1, Severity.ERROR, "lecture", message))
    except OSError as exc:
        layout.problems.append(folder_problem(nc, exc))
    _top_level(folder, layout, walked)
    layout.problems.sort(key=Diagnostic.sort_key)
    return layout


def _nc_entry(path: Path, is_dir: bool, names: set[str], layout: Layout, walked: _Walked) -> None:
    """One entry of nc/; ``names`` are the lower-case names of all its entries."""
    if path.name.startswith("."):
        return
    if path.suffix.lower() in YAML_SUFFIXES:
        layout.nc_files.append(path)  # even a folder or a pipe: the reader says what is wrong
    elif is_dir and path.name != EVIDENCE_DIR:
        _ignored_below(path, layout, walked)
    elif (yaml := _YAML_THEN_MORE.search(path.name)) and not is_dir:
        meant = path.name[: yaml.end()]
        stem = path.name[: yaml.start()].lower()
        if not {stem + suffix for suffix in YAML_SUFFIXES} & names:  # else a backup copy
            message = t(
                "qnc does not read this file: its name ends in '{suffix}' instead of "
                "'.yaml'; rename it {name}",
                suffix=path.suffix,
                name=meant,
            )
            layout.problems.append(
                Diagnostic(path, 1, 1, Severity.ERROR, "fichier-ignore", message)
            )


def _top_level(folder: Path, layout: Layout, walked: _Walked) -> None:
    try:
        with os.scandir(folder) as scanned:
            # A folder under its own name before a link to it: each is read once.
            entries = sorted(scanned, key=lambda e: (_is_link(e), e.name))
    except OSError as exc:
        layout.problems.append(folder_problem(folder, exc))
        return
    for entry in entries:
        path, is_dir = Path(entry.path), _is_dir(entry)
        if entry.name.startswith(".") or entry.name in (AUDIT_FILE, NC_DIR):
            continue
        if is_dir and entry.name != EVIDENCE_DIR:
            # NC/, ncs/, fiches/…: NC files put there would be silently missed.
            if not _same_folder(path, folder / NC_DIR):  # NC/ is nc/ where case is ignored
                _ignored_below(path, layout, walked)
        elif not is_dir and path.suffix.lower() in YAML_SUFFIXES:
            layout.problems.append(_other_audit(path) if _like_audit(path) else _ignored(path))


def _ignored_below(root: Path, layout: Layout, walked: _Walked) -> None:
    """Every YAML file below ``root``, outside evidence and hidden folders, is an error."""

    def unreadable(exc: OSError) -> None:
        layout.problems.append(folder_problem(Path(exc.filename or root), exc))

    for current, dirs, files in os.walk(root, onerror=unreadable):
        if not walked.first_time(current):
            dirs.clear()
            continue
        dirs[:] = sorted(d for d in dirs if d != EVIDENCE_DIR and not d.startswith("."))
        layout.problems += [
            _ignored(Path(current, name))
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in YAML_SUFFIXES
        ]


class _Walked:
    """The real folders already looked through, so that each is read once (README), and
    the audit folder and those above it, which a link back (``ln -s .. retour``) would
    otherwise read again as misplaced NC files."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._seen: set[str] = set()  # filled on first use: most audits never need it

    def first_time(self, folder: str) -> bool:
        if not self._seen:
            own = (NC_DIR, EVIDENCE_DIR, f"{NC_DIR}/{EVIDENCE_DIR}", ".")
            self._seen = {os.path.realpath(self._folder / name) for name in own}
        real = os.path.realpath(folder)
        if real in self._seen or Path(os.path.realpath(self._folder)).is_relative_to(real):
            return False
        self._seen.add(real)
        return True


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


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


def _like_audit(path: Path) -> bool:
    """``audit.yml``, ``Audit.yaml``, ``audit (copie).yaml``, ``audit-2025.yaml``…"""
    return path.name.lower().startswith("audit")


def _other_audit(path: Path) -> Diagnostic:
    """A second audit file beside audit.yaml: not an NC, so a warning, not an error."""
    message = t(
        "qnc reads the audit from audit.yaml only, not from this file; delete it if it is "
        "an old copy, or move it out of the audit folder"
    )
    return Diagnostic(path, 1, 1, Severity.WARNING, "copie-audit", message)


def _ignored(path: Path) -> Diagnostic:
    message = t(
        "qnc does not read this file: an NC file must be directly in the nc/ folder "
        "of the audit; move it there (nc/{name}), or out of the audit folder",
        name=path.name,
    )
    return Diagnostic(path, 1, 1, Severity.ERROR, "fichier-ignore", message)


def folder_problem(folder: Path, exc: OSError) -> Diagnostic:
    """A folder that cannot be listed, as an error at its first line."""
    return Diagnostic(folder, 1, 1, Severity.ERROR, "lecture", folder_error(exc))
