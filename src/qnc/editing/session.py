"""One edit of an audit folder: the folder as it is, the changes made to its files, and
the rules of ``qnc check`` run on the folder as the changes would leave it.

qnc writes only into files ``qnc check`` accepts, and only a change that gives no new
error: a refusal lists the same diagnostics ``qnc check`` would print.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qnc.diagnostics import Diagnostic
from qnc.errors import QncError
from qnc.i18n import Language, Msg, t, translator
from qnc.inspection import inspect_pending
from qnc.model.folder import AUDIT_FILE, AuditFolder, NcFile
from qnc.reading.parsing.text import YamlError
from qnc.writing.edit import apply_edits
from qnc.writing.edits import Edit, EditError
from qnc.writing.replace import Snapshot, read_snapshot, write_snapshot


class Refused(QncError):
    """Nothing written: ``message`` says why, ``diagnostics`` where (as qnc check says)."""

    def __init__(
        self, message: Msg, diagnostics: Sequence[Diagnostic] = (), details: Sequence[Msg] = ()
    ) -> None:
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)
        self.details = tuple(details)
        """Problems that have no place in a file, each printed on a line of its own."""


@dataclass(frozen=True)
class Change:
    """A file as qnc read it, and the bytes it will hold."""

    snapshot: Snapshot
    new: bytes

    @property
    def path(self) -> Path:
        return self.snapshot.path


def shown(path: Path) -> str:
    """``path`` as users read it: from the current folder when below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def audit_folder(given: Path | None) -> Path:
    """The audit folder an edit command works on: ``--dossier``, else the current one."""
    folder = Path(os.path.abspath(given or Path()))
    if not (folder / AUDIT_FILE).is_file():
        raise QncError(
            t(
                "'{folder}' holds no audit.yaml: run the command in an audit folder, "
                "or name one with --dossier",
                folder=str(given or Path()),
            )
        )
    return folder


class Session:
    """The audit ``folder`` as read on ``today``, before any change."""

    def __init__(self, folder: Path, *, today: date, lang: Language | None = None) -> None:
        self.folder = folder
        self.today = today
        self.state = inspect_pending(folder, {}, today=today, lang=lang)

    @property
    def language(self) -> Language:
        return self.state.language

    def audit(self) -> AuditFolder:
        """The audit's records; refused while audit.yaml has errors."""
        self.refuse_errors(self.folder / AUDIT_FILE)
        folder = self.state.audits[0].folder
        assert folder is not None  # no error in audit.yaml
        return folder

    def nc(self, nc_id: str) -> NcFile:
        """The NC ``nc_id`` (case aside); refused when it has errors or is not there."""
        ncs = self.audit().ncs
        found = [n for n in ncs if n.nc.id == nc_id] or [
            n for n in ncs if n.nc.id.casefold() == nc_id.casefold()
        ]
        if len(found) == 1:
            self.refuse_errors(found[0].path)
            return found[0]
        broken = self.folder / "nc" / f"{nc_id}.yaml"
        self.refuse_errors(broken)
        raise QncError(
            t(
                "there is no NC '{id}' in '{folder}' (NCs: {ids})",
                id=nc_id,
                folder=shown(self.folder),
                ids=", ".join(n.nc.id for n in ncs) or "—",
            )
        )

    def refuse_errors(self, path: Path) -> None:
        """Refuse to write into ``path`` while ``qnc check`` finds errors in it."""
        errors = [d for d in self.state.diagnostics if d.is_error and d.path == path]
        if errors:
            raise Refused(
                t(
                    "'{file}' has errors: correct them first (qnc check --fix corrects some); "
                    "nothing written",
                    file=shown(path),
                ),
                errors,
            )

    def edit(self, path: Path, edits: Sequence[Edit]) -> Change:
        """``path`` with ``edits`` made, not yet written."""
        snapshot = _snapshot(path)
        if snapshot.raw is None:  # deleted since the inspection read it
            raise Refused(t("'{file}' cannot be read; nothing written", file=shown(path)))
        return Change(snapshot, _applied(snapshot, edits))

    def create(self, path: Path, text: str) -> Change:
        """A new file; refused when ``path`` exists."""
        snapshot = _snapshot(path)
        if snapshot.raw is not None or os.path.lexists(path):
            raise QncError(
                t("'{path}' already exists: qnc does not write over it", path=shown(path))
            )
        return Change(snapshot, text.encode("utf-8"))

    def rewrite(self, path: Path, text: str) -> Change:
        """``path`` as read now, to hold ``text`` whole (a file qnc wrote: a schema)."""
        return Change(_snapshot(path), text.encode("utf-8"))

    def check(self, changes: Sequence[Change]) -> list[Diagnostic]:
        """The new warnings the changes give; refused when they give a new error."""
        after = inspect_pending(
            self.folder, {c.path: c.new for c in changes}, today=self.today
        ).diagnostics
        known = {_key(d) for d in self.state.diagnostics}
        new = [d for d in after if _key(d) not in known]
        errors = [d for d in new if d.is_error]
        if errors:
            raise Refused(t("the change would give these errors; nothing written"), errors)
        return new


def write(changes: Sequence[Change]) -> None:
    for change in changes:
        write_snapshot(change.snapshot, change.new)


def _snapshot(path: Path) -> Snapshot:
    try:
        return read_snapshot(path, name=shown(path))
    except YamlError as exc:
        raise Refused(
            t("'{file}' cannot be read; nothing written", file=shown(path)), exc.diagnostics
        ) from exc


def _applied(snapshot: Snapshot, edits: Sequence[Edit]) -> bytes:
    assert snapshot.raw is not None
    try:
        return apply_edits(snapshot.raw, edits, snapshot.path)
    except YamlError as exc:
        raise Refused(
            t(
                "'{file}' has errors: correct them first; nothing written",
                file=shown(snapshot.path),
            ),
            exc.diagnostics,
        ) from exc
    except EditError as exc:
        where = f"{shown(snapshot.path)}:{exc.line}:{exc.column}: " if exc.line else ""
        raise Refused(t("{where}{problem}", where=where, problem=exc.message)) from exc


def _key(diagnostic: Diagnostic) -> tuple[Path, str, str]:
    """A diagnostic without its position: lines move when lines are added above it."""
    return diagnostic.path, diagnostic.code, translator("en")(diagnostic.message)
