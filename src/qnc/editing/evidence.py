"""An evidence file named on the command line, as an NC file cites it."""

from __future__ import annotations

import os
from pathlib import Path

from qnc.errors import QncError
from qnc.i18n import t


def evidence_path(folder: Path, given: str) -> str:
    """``given`` as the audit files cite evidence: relative to the audit ``folder``, with
    '/'. A web address is kept as it is. A path is taken from the current folder, or
    from the audit folder when it exists only there; it must exist inside the audit
    folder, so that it is versioned with it."""
    if given.startswith(("http://", "https://")):
        return given
    here = Path(os.path.abspath(given))
    there = Path(os.path.normpath(folder / given))
    path = here if here.exists() or not there.exists() else there
    if not Path(os.path.normpath(path)).is_relative_to(folder):
        raise QncError(
            t(
                "the evidence '{path}' is outside the audit folder '{folder}': copy "
                "it into the folder (for instance into preuves/), then name that copy",
                path=given,
                folder=str(folder),
            )
        )
    if not path.exists():
        raise QncError(
            t(
                "the evidence '{path}' does not exist: check the path (from the "
                "current folder or from the audit folder)",
                path=given,
            )
        )
    return Path(os.path.relpath(path, folder)).as_posix()
