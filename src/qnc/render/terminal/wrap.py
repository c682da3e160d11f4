"""Lines cut to the terminal's width before Rich sees them, for two things Rich's own
wrapping does not do: a wrapped line keeps the indent of its block (the labelled lines
of an NC, a list item), and French typography holds (never « alone at the end of a
line, nor » : ; ! ? alone at the start of one, nor a number apart from its word).

Only ordinary spaces break a line; Rich would also break at a non-breaking space, so
the glue is said here rather than in the text.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

from qnc.diagnostics import excerpt

SHOWN = 200
"""Characters of a file's text the terminal shows at most: it is a summary, and a text
a thousand times longer (which aliases could make) must not flood it; the plan has it all."""


def shown(text: str) -> str:
    """``text`` cut past :data:`SHOWN` characters."""
    return excerpt(text, SHOWN)


_SPACES = re.compile(r" +")
_HANGING = re.compile(r" *(?:- |\d+\. )?")
"""What a wrapped line is indented by: its block's spaces and list marker."""
_GLUED_AFTER = re.compile(r"(?:^|[ (])(?:«|\d+)$")
"""A space that must not break after « or a number (``18 décembre``, ``28 jours``)."""
_GLUED_BEFORE = "»:;!?"


def wrapped(text: Text, width: int) -> Text:
    """``text`` with each line longer than ``width`` cells cut at its last breakable
    space that fits, the rest indented as the line's block."""
    return Text("\n").join(_wrap_line(line, width) for line in text.split("\n", allow_blank=True))


def _wrap_line(line: Text, width: int) -> Text:
    if cell_len(line.plain) <= width:
        return line
    line = line.copy()
    line.rstrip()
    plain = line.plain
    indent = " " * len(_HANGING.match(plain).group())  # type: ignore[union-attr]
    words = _words(plain)
    parts: list[Text] = []
    start, end = words[0]
    for word_start, word_end in words[1:]:
        room = width - (len(indent) if parts else 0)
        if cell_len(plain[start:word_end]) <= room:
            end = word_end
            continue
        parts.append(line[start:end])
        start, end = word_start, word_end
    parts.append(line[start:end])
    return Text("\n").join([parts[0], *(Text(indent) + part for part in parts[1:])])


def _words(plain: str) -> list[tuple[int, int]]:
    """Start and end of each unbreakable run: text between the spaces a line may break at
    (not the indent, not the space after « or a number, nor before » : ; ! ?)."""
    breaks = [
        (m.start(), m.end())
        for m in _SPACES.finditer(plain)
        if m.start() > 0
        and not _GLUED_AFTER.search(plain, 0, m.start())
        and not (m.end() < len(plain) and plain[m.end()] in _GLUED_BEFORE)
    ]
    starts = [0, *(end for _, end in breaks)]
    ends = [*(start for start, _ in breaks), len(plain)]
    return list(zip(starts, ends, strict=True))
