"""Characters a file's text may not carry: in one place for the records, which refuse
them, and for every output, which escapes them (:func:`qnc.render.diagnostics.visible`).

YAML forbids control characters written raw, but a double-quoted value writes any of
them as an escape (``"\\e[2J"`` clears a terminal, ``"\\e]0;…\\a"`` retitles it,
``"\\u202e"`` shows the rest of a line backwards: "Trojan Source").
"""

from __future__ import annotations

import re
import unicodedata

CONTROL_CHARACTERS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
)
CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
"""What a text field may not hold: C0 controls but tab and line feed (a carriage return
rewrites a line), DEL, C1 controls, line and paragraph separators, and the bidirectional
marks, embeddings, overrides and isolates, which make a terminal or an editor show text
in another order than it is."""

_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})
_BLANK = frozenset(
    "\u034f\u115f\u1160\u180b\u180c\u180d\u180e\u180f\u2800\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
"""Letters, marks and symbols that show as nothing (Hangul fillers, the braille blank,
the combining grapheme joiner, variation selectors): Unicode's categories do not say
it."""


def control_in(text: str) -> str | None:
    """The first character of ``text`` that :data:`CONTROL` refuses, or None."""
    found = CONTROL.search(text)
    return found.group() if found else None


def invisible_in(text: str, *, controls: bool = True) -> str | None:
    """The first character of ``text`` that shows as nothing or as an ordinary space:
    zero-width and format characters (U+200B, U+FEFF…), unassigned code points, every
    space but U+0020, blank letters and marks (U+3164, U+2800…), and controls unless
    ``controls`` is false (messages show them escaped). Two ids written with and
    without one look the same."""
    return next((char for char in text if _invisible(char, controls)), None)


def _invisible(char: str, controls: bool) -> bool:
    category = unicodedata.category(char)
    if category == "Cc":
        return controls
    return category in _INVISIBLE or (category == "Zs" and char != " ") or char in _BLANK


def code_point(char: str) -> str:
    """``U+200B``: how messages name a character that cannot be shown."""
    return f"U+{ord(char):04X}"
