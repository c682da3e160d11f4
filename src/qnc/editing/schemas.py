"""Where the JSON schemas of the files live: once per repository, not in every audit
folder (a repository of 20 clients held 42 copies).

``qnc init`` writes them at the root of the repository that holds the new folder (the
new folder itself with ``--git``), or beside the new folder outside git; the first line
of audit.yaml and of each NC file points at them with a path relative to that file.
A schema file already there is refreshed only if qnc wrote it and nobody edited it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from qnc.editing.session import Change, Session, shown
from qnc.i18n import Msg, t
from qnc.reading.links import git_root
from qnc.writing.stamps import schema_stamp

AUDIT_SCHEMA = "audit.schema.json"
NC_SCHEMA = "nc.schema.json"
SCHEMAS = {"audit": AUDIT_SCHEMA, "nc": NC_SCHEMA}
"""The schema of each kind of file, by ``qnc schema``'s name for it."""


def schema_root(folder: Path, *, own_repository: bool) -> Path:
    """Where ``qnc init`` writes the schemas for the new audit ``folder``."""
    if own_repository:
        return folder
    return git_root(folder) or folder.parent


def schema_changes(
    session: Session, root: Path, texts: Mapping[str, str]
) -> tuple[list[Change], list[Msg]]:
    """The schema files to write at ``root`` (``texts`` by kind: missing, or qnc's own
    and out of date), and a note for each left as it is though it differs."""
    changes: list[Change] = []
    notes: list[Msg] = []
    for kind, text in texts.items():
        change = session.rewrite(root / SCHEMAS[kind], text)
        current = change.snapshot.raw
        if current is None:
            changes.append(change)
        elif current == change.new:
            continue
        elif schema_stamp(kind).state(current) == "same":
            changes.append(change)
        else:
            notes.append(
                t(
                    "'{file}' was not written by qnc, or was edited since: left as it is "
                    "(qnc schema {kind} prints the current one)",
                    file=shown(change.path),
                    kind=kind,
                )
            )
    return changes, notes


def modeline(file: Path, schema: Path) -> str:
    """The first line that points an editor at ``schema`` from ``file``."""
    relative = Path(os.path.relpath(schema, file.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def nearest_schema(folder: Path, name: str) -> Path | None:
    """The schema ``name`` for the audit ``folder``: in the folder (as earlier versions
    wrote it), else in a folder above it, up to the root of its repository (or to its
    parent outside git)."""
    top = git_root(folder) or folder.parent
    for place in (folder, *folder.parents):
        if (place / name).is_file():
            return place / name
        if place == top:
            break
    return None
