"""An evidence file named on the command line, as an NC file cites it."""

from __future__ import annotations

import os
from pathlib import Path

from qnc.errors import QncError
from qnc.i18n import t
from qnc.model.folder import NcFile
from qnc.model.records import Action
from qnc.oserrors import reason
from qnc.reading.fingerprints import fingerprint
from qnc.writing.edits import Entries


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


def evidence_item(folder: Path, stored: str) -> Entries:
    """An evidence file cited with its fingerprint, as ``qnc empreinte`` prints it:
    ``chemin`` and ``empreinte``. An address has no file to fingerprint."""
    if stored.startswith(("http://", "https://")):
        raise QncError(
            t(
                "'{path}' is an address: qnc cannot fingerprint it; give it without "
                "--empreinte, or save the page as a file in the audit folder",
                path=stored,
            )
        )
    try:
        sealed = fingerprint(folder / stored)
    except OSError as exc:
        raise QncError(
            t("cannot read '{path}': {reason}", path=stored, reason=reason(exc))
        ) from exc
    return (("chemin", stored), ("empreinte", sealed))


def unsealed(entry: NcFile, action: Action, stored: str) -> None:
    """--empreinte for a file the action already cites: its fingerprint, if it has none,
    is to add under it by hand (qnc rewrites no item of a list)."""
    cited = next(e for e in action.evidence if e.path == stored)
    if cited.fingerprint is None:
        raise QncError(
            t(
                "{nc}: action {action} already cites '{path}', without a fingerprint: add "
                "'empreinte:' under it by hand, as 'qnc empreinte {path}' prints it",
                nc=entry.nc.id,
                action=action.id,
                path=stored,
            )
        )
