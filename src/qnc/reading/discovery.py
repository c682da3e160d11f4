"""Which audit folders a list of paths means (spec §1.1), and which files of one qnc reads."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.errors import QncError
from qnc.i18n import Msg, t
from qnc.model.folder import AUDIT_FILE, NC_DIR
from qnc.reading.layout import YAML_SUFFIXES, folder_problem
from qnc.reading.links import git_root

_SKIPPED = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__"}


class Found:
    """What a list of paths means, gathered while walking them."""

    def __init__(self) -> None:
        self.folders: list[Path] = []
        self.given: dict[Path, Path] = {}
        """The folder given that each audit folder was found from (the audit folder itself
        when a file or a folder inside it was given)."""
        self.orphans: list[Diagnostic] = []
        """NC files that belong to no audit."""
        self.unreadable: list[Diagnostic] = []
        """Folders below the given paths that could not be searched."""


def find_audits(paths: Iterable[Path]) -> Found:
    """Audit folders meant by ``paths`` (absolute, sorted, once each)."""
    found = Found()
    for given in paths:
        try:
            _find(Path(os.path.abspath(given)), given, found)
        except OSError as exc:  # a parent folder that may not be entered, a link loop…
            raise QncError(_unreadable_path(given, exc)) from exc
    # One audit named twice (directly and through a link) is read once, under its own
    # name when it was met by it (paths in audit files are written from there).
    by_real: dict[str, Path] = {}
    for folder in sorted(found.folders):
        real = os.path.realpath(folder)
        if real not in by_real or str(folder) == real:
            by_real[real] = folder
    found.folders = sorted(by_real.values())
    found.orphans = sorted(set(found.orphans), key=Diagnostic.sort_key)
    found.unreadable = sorted(set(found.unreadable), key=Diagnostic.sort_key)
    return found


def _find(path: Path, given: Path, found: Found) -> None:
    if not path.exists():
        raise QncError(t("'{path}' does not exist", path=str(given)))
    enclosing = enclosing_audit(path)
    if not path.is_dir():
        _from_file(path, given, found)
    elif enclosing is not None:
        found.folders.append(enclosing)
    else:
        known = len(found.folders)
        before = known + len(found.orphans) + len(found.unreadable)
        _walk(path, found)
        for folder in found.folders[known:]:
            found.given.setdefault(folder, path)
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


def enclosing_audit(path: Path) -> Path | None:
    """The audit folder that ``path`` is, or lies in (its nc/ or preuves/ folder)."""
    candidates = (path, *path.parents) if path.is_dir() else path.parents
    return next((p for p in candidates if (p / AUDIT_FILE).is_file()), None)


def _from_file(path: Path, given: Path, found: Found) -> None:
    folder = enclosing_audit(path)
    if folder is not None:
        found.folders.append(folder)
        return
    if path.parent.name == NC_DIR and path.suffix in YAML_SUFFIXES:
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
        found.unreadable.append(folder_problem(Path(exc.filename), exc))

    seen: set[str] = set()
    top = Path(os.path.realpath(root))
    # Linked folders are followed (an audit kept elsewhere and linked into the portfolio
    # must not be skipped in silence); each real folder is searched once, so a link
    # loop ends, and a link up to the given folder or above it (`ln -s .. up`) is not
    # followed out of it.
    for current, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(current)
        if real in seen or (current != str(root) and top.is_relative_to(real)):
            dirs.clear()
            continue
        seen.add(real)
        here = Path(current)
        if AUDIT_FILE in files:
            found.folders.append(here)
            dirs.clear()
            continue
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        if here.name == NC_DIR:
            found.orphans += [_orphan(here / f) for f in sorted(files) if f.endswith(YAML_SUFFIXES)]


def _orphan(path: Path) -> Diagnostic:
    """Why an NC file belongs to no audit. When the cause is one file of its folder (an
    ``audit.yml``, an ``audit.yaml`` that is a folder), the error is on that file: the same
    for every NC file of the folder, so it is said once."""
    folder = path.parent.parent
    if (folder / AUDIT_FILE).is_dir():
        message = t(
            "'audit.yaml' is a folder: it must be a file describing the audit "
            "(organisation, certifier, audit dates); the NC files of the folder '{folder}' "
            "belong to no audit until then",
            folder=folder.name,
        )
        return Diagnostic(folder / AUDIT_FILE, 1, 1, Severity.ERROR, "audit-absent", message)
    misnamed = _misnamed_audit_file(folder)
    if misnamed is not None:
        message = t(
            "qnc reads the audit from a file named audit.yaml: rename this file "
            "audit.yaml; the NC files of the folder '{folder}' belong to no audit until then",
            folder=folder.name,
        )
        return Diagnostic(folder / misnamed, 1, 1, Severity.ERROR, "audit-absent", message)
    message = t(
        "this NC file belongs to no audit: {folder} has no audit.yaml file; create it "
        "(organisation, certifier, audit dates)",
        folder=folder.name,
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


def is_audit_folder(path: Path) -> bool:
    """Whether ``path`` holds an audit.yaml file; never an exception."""
    try:
        return (path / AUDIT_FILE).is_file()
    except OSError:
        return False


def path_exists(path: Path) -> bool:
    """Whether ``path`` exists, for references and evidence; never an exception.

    Path.exists() raises below a folder that may not be entered: such a path is taken
    as present (qnc cannot tell, and must not call it missing). A name too long for
    the system cannot exist.
    """
    try:
        return path.exists()
    except PermissionError:
        return True
    except OSError:
        return False


def repository_of(folder: Path) -> Path:
    """The git work tree holding ``folder``, or the folder itself outside git."""
    return git_root(folder) or folder
