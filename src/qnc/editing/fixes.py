"""``qnc check --fix``: the mistakes that have one right answer, found from the same
validation errors ``qnc check`` reports, and the edits that correct them.

One right answer: an accepted value written in another case (``Mineure``), a date
written day first or almost in ISO form (``05/11/2026``, ``2026-4-5``), an unknown key
with one single close known key (``plan_envoye`` for ``plan_envoye_le``). Anything
else is left for a person to decide.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from qnc.diagnostics import Loc
from qnc.editing.colons import quote_colon
from qnc.editing.session import Change, Session
from qnc.i18n import Msg, t
from qnc.model.folder import AUDIT_FILE
from qnc.model.records import Audit, NonConformity
from qnc.reading.document import Document, YamlError, parse_yaml
from qnc.reading.layout import read_layout
from qnc.reading.record_keys import emptied_section, free_keys
from qnc.writing.edit import apply_edits
from qnc.writing.edits import Edit, EditError, RenameKey, SetValue
from qnc.writing.replace import read_snapshot

_QUOTED = re.compile(r"'([^']*)'")
CLOSE = 0.8
"""How alike a misspelt key and a known key must be (difflib's ratio) to be one answer."""
ROUNDS = 4
"""A renamed key may reveal a value to fix (``plan_envoye: 05/11/2026``)."""


@dataclass(frozen=True)
class Fix:
    """One correction: where (1-based), what it says, and the edit that makes it."""

    line: int
    column: int
    message: Msg
    edit: Edit | None
    """``None`` for a line quoted in a file that did not read (:mod:`.colons`)."""


def fixed(raw: bytes, path: Path) -> tuple[bytes, list[Fix]]:
    """``raw`` with every mistake that has one right answer corrected, and the fixes."""
    done: list[Fix] = []
    raw = _quote_colons(raw, path, done)
    for _ in range(ROUNDS):
        try:
            found = fixes(parse_yaml(raw, path), path)
        except YamlError:
            break  # what qnc check reports about the file says why
        made = 0
        for fix in found:
            if fix.edit is None:
                continue
            try:
                raw = apply_edits(raw, [fix.edit], path)
            except EditError:
                continue  # a value qnc cannot edit safely (an anchor…): left as it is
            done.append(fix)
            made += 1
        if not made:
            break
    return raw, done


def _quote_colons(raw: bytes, path: Path, done: list[Fix]) -> bytes:
    """``raw`` with each text line that holds a ': ' quoted, one error at a time."""
    for _ in range(raw.count(b"\n") + 1):
        try:
            parse_yaml(raw, path)
        except YamlError as exc:
            quoted = quote_colon(raw, path, exc)
            if quoted is None:
                break
            raw, line, column, message = quoted
            done.append(Fix(line, column, message, None))
        else:
            break
    return raw


def fixes(document: Document, path: Path) -> list[Fix]:
    """The fixes of one round, from the validation errors of the file's record."""
    model: type[BaseModel] = Audit if path.name == AUDIT_FILE else NonConformity
    if not isinstance(document.data, dict):
        return []
    try:
        model.model_validate(document.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        return []
    found = []
    for err in errors:
        loc: Loc = tuple(err["loc"])
        fix = _fix(model, document, loc, err["type"], err["input"], dict(err.get("ctx") or {}))
        if fix is not None:
            found.append(fix)
    return found


def _fix(
    model: type[BaseModel], document: Document, loc: Loc, kind: str, value: Any, ctx: dict[str, Any]
) -> Fix | None:
    if kind in ("enum", "literal_error") and isinstance(value, str):
        accepted = _QUOTED.findall(str(ctx.get("expected", "")))
        same = [a for a in accepted if a.casefold() == value.strip().casefold()]
        if len(same) == 1 and same[0] != value:
            return _value(document, loc, value, same[0])
    elif kind == "qnc_date_french":
        return _value(document, loc, value, date.fromisoformat(str(ctx["iso"])))
    elif kind == "extra_forbidden" and emptied_section(model, loc, document.data) is None:
        key = str(loc[-1])
        free = free_keys(model, document.data, loc[:-1])
        close = difflib.get_close_matches(key.casefold(), free, n=2, cutoff=CLOSE)
        if len(close) == 1:
            line, column = document.position(loc, on_key=True)
            where = place(loc[:-1], document.data)
            message = t("fixed: the key '{key}' becomes '{new}'", key=key, new=close[0])
            if where:
                message = t("fixed: {where}: the key '{key}' becomes '{new}'", where=where,
                            key=key, new=close[0])  # fmt: skip
            return Fix(line, column, message, RenameKey(loc, close[0]))
    return None


def _value(document: Document, loc: Loc, old: Any, new: str | date) -> Fix:
    line, column = document.position(loc)
    message = t(
        "fixed: {where}: '{old}' → '{new}'",
        where=place(loc, document.data),
        old=str(old),
        new=new.isoformat() if isinstance(new, date) else new,
    )
    return Fix(line, column, message, SetValue(loc, new))


def place(loc: Loc, data: Any) -> tuple[str | Msg, ...]:
    """Where a value is, as users read it: ``gravite``, ``audit, debut``, ``action A2,
    echeance`` (an action by its id), ``organisme, categories 1`` (items from 1)."""
    parts: list[str | Msg] = []
    for step in loc:
        item = _child(data, step)
        if isinstance(step, int) and parts == ["actions"]:
            known = item.get("id") if isinstance(item, dict) else None
            parts[-1] = t("action {id}", id=known if isinstance(known, str) else step + 1)
        elif isinstance(step, int):
            parts[-1] = f"{parts[-1]} {step + 1}" if parts else str(step + 1)
        else:
            parts.append(str(step))
        data = item
    return tuple(parts)


def _child(data: Any, step: str | int) -> Any:
    if isinstance(data, dict):
        return data.get(step)
    if isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
        return data[step]
    return None


@dataclass(frozen=True)
class Fixed:
    """A file corrected: the change, and each fix with its place."""

    change: Change
    fixes: tuple[Fix, ...]


def fix_folder(session: Session) -> list[Fixed]:
    """Every file of the audit folder with its mistakes that have one right answer
    corrected; refused if that would give a new error (it cannot, by design)."""
    files = [session.folder / AUDIT_FILE, *read_layout(session.folder).nc_files]
    found = []
    for path in files:
        try:
            snapshot = read_snapshot(path)
        except YamlError:
            continue  # unreadable: qnc check says why
        if snapshot.raw is None:
            continue
        new, done = fixed(snapshot.raw, path)
        if done:
            found.append(Fixed(Change(snapshot, new), tuple(done)))
    session.check([f.change for f in found])
    return found
