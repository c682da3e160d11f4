"""Lines cut to the terminal's width before Rich sees them, for two things Rich's own
wrapping does not do: a wrapped line keeps the indent of its block, and French
typography holds (see :mod:`qnc.render.terminal.lines`, which decides the breaks).

Only ordinary spaces break a line; Rich would also break at a non-breaking space, so
the glue is said here rather than in the text.
"""

from __future__ import annotations

from rich.text import Text

from qnc.render.terminal.lines import cuts


def wrapped(text: Text, width: int) -> Text:
    """``text`` with each line longer than ``width`` cells cut at its last breakable
    space that fits, the rest indented as the line's block."""
    return Text("\n").join(_wrap_line(line, width) for line in text.split("\n", allow_blank=True))


def _wrap_line(line: Text, width: int) -> Text:
    indent, pieces = cuts(line.plain, width)
    if len(pieces) == 1 and pieces[0] == (0, len(line.plain)):
        return line
    parts = [line[start:end] for start, end in pieces]
    return Text("\n").join([parts[0], *(Text(" " * indent) + part for part in parts[1:])])
