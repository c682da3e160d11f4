"""Apply edits to the bytes of a YAML file, changing only the lines of the fact.

Each edit is a splice of the text (:mod:`qnc.writing.splice`); the result is read back
with qnc's own reader and its data compared, types and key order included, with the
data the edits must give (:mod:`qnc.writing.intended`). Any other difference refuses
the whole change: nothing is written.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qnc.i18n import t
from qnc.reading.document import parse_yaml
from qnc.reading.parsing.text import decode
from qnc.writing.edits import Edit, EditError, dotted
from qnc.writing.intended import apply_to_data, concrete, difference
from qnc.writing.locate import break_before, detect_style, first_break, parse
from qnc.writing.scalars import same
from qnc.writing.splice import splice

_BOM = "\ufeff"


def apply_edits(raw: bytes, edits: Sequence[Edit], path: Path) -> bytes:
    """``raw`` with ``edits`` made; a BOM, line breaks and a missing final newline kept.

    Raises :class:`EditError`, or :class:`qnc.reading.parsing.text.YamlError` for a file qnc
    cannot read, with its diagnostics.
    """
    body = decode(raw, path)
    root, data = parse(body, path)
    style = detect_style(root)
    concrete_edits: list[Edit] = []
    for edit in edits:
        made = concrete(edit, data)
        body = splice(body, root, made, style)
        concrete_edits.append(made)
        root, data = parse(body, path)
    new = ((_BOM if raw.startswith(_BOM.encode()) else "") + body).encode("utf-8")
    result = parse_yaml(new, path).data
    original = parse_yaml(raw, path).data
    expected = _intended(original, concrete_edits)
    if not same(result, expected) and not _open_end_accepted(raw, path, result, concrete_edits):
        where = dotted(tuple(difference(result, expected)))
        raise EditError(
            t(
                "the change would also alter '{key}' (the file is laid out in a way qnc "
                "cannot edit safely); nothing written: edit it by hand",
                key=where or "/",
            )
        )
    return new


def _intended(data: Any, edits: Sequence[Edit]) -> Any:
    expected = copy.deepcopy(data)
    for edit in edits:
        apply_to_data(expected, edit)
    return expected


def _open_end_accepted(raw: bytes, path: Path, result: Any, edits: Sequence[Edit]) -> bool:
    """Whether the result is what was meant once the file ends with a line break.

    A file that ends with a ``|`` or ``>`` block and no final line break: any line
    written after that block gives its text the final line break it lacked (``x``
    becomes ``x\\n``). Nothing a user reads changes, so the edit is accepted; any
    other difference still refuses it.
    """
    text = decode(raw, path)
    if not text or break_before(text, len(text)):
        return False
    ended = raw + first_break(text).encode("utf-8")
    return same(result, _intended(parse_yaml(ended, path).data, edits))


def unified_diff(before: bytes, after: bytes, name: str) -> str:
    """The change as ``git diff`` shows it, for ``--dry-run``."""
    lines = difflib.unified_diff(
        before.decode("utf-8", "replace").splitlines(keepends=True),
        after.decode("utf-8", "replace").splitlines(keepends=True),
        f"a/{name}" if before else "/dev/null",
        f"b/{name}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
