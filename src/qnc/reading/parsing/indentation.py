"""A key that lost its indentation, found from the text where the parser stopped.

A key moved to column 0, or given 3 spaces where its neighbours have 4, breaks the
YAML: the parser stops at the next line (``a ':' is not allowed here``) or asks for a
list item (``'-' expected``), which tempts a user to add a '-'. The line to fix is the
key's own, and how far to move it is told by the keys around it: the key above, and
the key below when there is one, at one column; or the key above alone when both keys
belong to one record (``description`` and ``responsable`` are keys of an action).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from qnc.i18n import Msg, t, tn

if TYPE_CHECKING:
    from pydantic import BaseModel

_KEY_LINE = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\W\d][\w-]*) *:(?:[ \t](?P<value>.*))?$"
)
_BLOCK = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")
"""The value of a key whose text follows on the lines below (``|``, ``>-``…)."""


class _Line(NamedTuple):
    number: int
    """0-based."""
    column: int
    """Where the key starts (after any '- '), 0-based."""
    key: str | None
    """None for a line that is not ``key: value``."""
    dashes: bool


def misaligned_key(lines: list[str], error_line: int) -> tuple[int, int, Msg] | None:
    """The 1-based line and column of the key that lost its indentation, and what to do,
    for a syntax error found at ``error_line`` (0-based); None when no key is clearly
    the cause: the error is then explained as the parser found it."""
    content = _content(lines)
    index = next((i for i, line in enumerate(content) if line.number >= error_line), None)
    if index is None:
        return None
    # The line before the error first: a key at column 0 breaks the line below it.
    for at in (index - 1, index):
        if at < 1 or content[at].number > error_line:
            continue
        found = _misaligned(content, at)
        if found is not None:
            return found
    return None


def _misaligned(content: list[_Line], at: int) -> tuple[int, int, Msg] | None:
    line, above = content[at], content[at - 1]
    below = content[at + 1] if at + 1 < len(content) else None
    if line.key is None or line.dashes or above.key is None or line.column == above.column:
        return None
    framed = below is not None and below.key is not None and below.column == above.column
    if not (_siblings(above.key, line.key) or (framed and line.column < above.column)):
        return None
    shift = above.column - line.column
    if shift > 0:
        advice = tn("add {n} space at the start of the line",
                    "add {n} spaces at the start of the line", shift)  # fmt: skip
    else:
        advice = tn("remove {n} space at the start of the line",
                    "remove {n} spaces at the start of the line", -shift)  # fmt: skip
    message = t(
        "the key '{key}' is not indented like the keys around it (column {expected}): it "
        "starts in column {found}; {advice}",
        key=line.key,
        expected=above.column + 1,
        found=line.column + 1,
        advice=advice,
    )
    return line.number + 1, line.column + 1, message


def _content(lines: list[str]) -> list[_Line]:
    """The lines that hold something, each as a key line or not; blank lines, comments
    and the text of ``|`` and ``>`` blocks left out."""
    found: list[_Line] = []
    block_at: int | None = None  # the indentation a block's text must exceed
    for number, text in enumerate(lines):
        stripped = text.strip()
        indent = len(text) - len(text.lstrip(" "))
        if block_at is not None and (not stripped or indent > block_at):
            continue
        block_at = None
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_LINE.match(text)
        if match is None:
            found.append(_Line(number, indent, None, False))
            continue
        column = len(match["indent"]) + len(match["dashes"])
        found.append(_Line(number, column, match["key"], bool(match["dashes"])))
        if _BLOCK.match(match["value"] or ""):
            block_at = column
    return found


def _siblings(first: str, second: str) -> bool:
    """Whether the two keys belong to one record of audit files."""
    return any(first in keys and second in keys for keys in _records())


@cache
def _records() -> tuple[frozenset[str], ...]:
    """The keys of each record of audit.yaml and of an NC file."""
    from qnc.model.records import Audit, NonConformity
    from qnc.reading.record_keys import record_in

    found: list[frozenset[str]] = []
    pending: list[type[BaseModel]] = [Audit, NonConformity]
    while pending:
        model = pending.pop()
        found.append(frozenset(f.alias or name for name, f in model.model_fields.items()))
        pending += [r for f in model.model_fields.values() if (r := record_in(f.annotation))]
    return tuple(found)
