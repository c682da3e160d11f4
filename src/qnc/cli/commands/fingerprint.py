"""``qnc empreinte``: the fingerprint of evidence files, to record beside their path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from qnc.cli.options import LangOption, Today, h

HELP = (
    "Print the fingerprint (SHA-256) of evidence files, as lines to paste under "
    "'preuves:' in an NC file. qnc check then reports any change to the file. Paths are "
    "written relative to the audit folder holding the file.\n\n"
    "Example: qnc empreinte 2026-09-audit-initial/preuves/grille.pdf"
)


def fingerprint(
    files: Annotated[
        list[Path],
        typer.Argument(metavar=h("FILES"), help=h("The evidence files."), show_default=False),
    ],
    # Accepted like on every command; a fingerprint depends on neither.
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.output import write_utf8
    from qnc.render.exports.evidence import evidence_items

    write_utf8(evidence_items([(_written(path), _fingerprint(path)) for path in files]))


def _fingerprint(path: Path) -> str:
    from qnc.errors import QncError
    from qnc.i18n import t
    from qnc.oserrors import reason
    from qnc.reading.fingerprints import fingerprint as of

    if path.is_dir():
        raise QncError(t("'{path}' is a folder; give the evidence files it holds", path=str(path)))
    try:
        return of(path)
    except FileNotFoundError:
        raise QncError(t("'{path}' does not exist", path=str(path))) from None
    except OSError as exc:
        raise QncError(
            t("cannot read '{path}': {reason}", path=str(path), reason=reason(exc))
        ) from exc


def _written(path: Path) -> str:
    """The path as ``preuves:`` holds it: from the audit folder holding the file, with '/'."""
    from qnc.reading.discovery import enclosing_audit

    absolute = Path(os.path.normpath(path.absolute()))
    folder = enclosing_audit(absolute)
    shown = os.path.relpath(absolute, folder) if folder is not None else str(path)
    return shown.replace(os.sep, "/")
