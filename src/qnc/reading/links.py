"""Symbolic links in an audit folder: followed inside the audit's repository, never out.

An NC file linked to ``/etc/shadow`` would be read, and its lines quoted in error
messages that end up in CI logs. A file is read only where it really lies inside the
git work tree of its audit, or, outside git, inside the folder the user gave.
"""

from __future__ import annotations

import os
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import t


def git_root(folder: Path) -> Path | None:
    """The git work tree holding ``folder``, or None outside git."""
    return next((p for p in (folder, *folder.parents) if (p / ".git").exists()), None)


class Boundary:
    """Where the files of one audit folder may really lie."""

    def __init__(self, folder: Path, given: Path) -> None:
        real = Path(os.path.realpath(folder))
        # As named, and as reached: an audit kept elsewhere and linked into a portfolio
        # reads its files where it really is.
        self._roots = {
            os.path.realpath(git_root(folder) or given),
            os.path.realpath(git_root(real) or real),
        }
        self._linked: dict[Path, bool] = {}

    def leaves(self, file: Path) -> bool:
        """Whether ``file`` (directly in the audit folder or its nc/) really lies outside,
        through a link: its own, or its folder's."""
        if not file.is_symlink() and not self._is_link(file.parent):
            return False
        real = os.path.realpath(file)
        return not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep)
                       for root in self._roots)  # fmt: skip

    def _is_link(self, folder: Path) -> bool:
        if folder not in self._linked:
            self._linked[folder] = folder.is_symlink()
        return self._linked[folder]


def left(path: Path) -> Diagnostic:
    """The error for a file that a link takes out of the boundary; the target is not named,
    so that a message never tells where a link leads."""
    message = t(
        "this file is, through a symbolic link, outside the repository (or outside the "
        "folder given, without git): qnc does not follow it, so that nothing from elsewhere "
        "is read or quoted; put the file itself here"
    )
    return Diagnostic(path, 1, 1, Severity.ERROR, "lien-externe", message)
