"""Styled lines for the terminal, without Rich: for the views that are lines of text
and no table (``qnc historique``), where importing Rich would cost more than all the
rest of the command.

Lines break as in the Rich views (:mod:`qnc.render.terminal.lines`); colours are ANSI
codes, only on a terminal and without ``NO_COLOR``; every text is made
:func:`~qnc.render.diagnostics.visible`, so nothing a file says reaches the terminal as
a control sequence.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from qnc.render.diagnostics import visible
from qnc.render.terminal.lines import cuts

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
"""The words of a style (as the Rich views write them) and their ANSI codes."""


class Styled:
    """Text made of parts, each with a style such as ``"bold red"`` (``""``: none)."""

    __slots__ = ("parts",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts: list[tuple[str, str]] = []
        self.append(text, style)

    def append(self, text: str, style: str = "") -> None:
        if text:
            self.parts.append((text, style))

    def extend(self, other: Styled) -> None:
        self.parts.extend(other.parts)

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def render(self, width: int, *, colour: bool) -> str:
        """The text with each line cut to ``width`` columns, coloured or not."""
        parts = [(visible(text, lines=True), style) for text, style in self.parts]
        styles: list[tuple[int, int, str]] = []  # start, end, style of each part
        position = 0
        for text, style in parts:
            styles.append((position, position + len(text), style))
            position += len(text)
        plain = "".join(text for text, _ in parts)
        out: list[str] = []
        start = 0
        for line in plain.split("\n"):
            indent, pieces = cuts(line, width)
            for number, (first, last) in enumerate(pieces):
                if number:
                    out.append("\n" + " " * indent)
                out.append(_painted(plain, styles, start + first, start + last, colour))
            out.append("\n")
            start += len(line) + 1
        return "".join(out)[:-1]


def _painted(plain: str, styles: list[tuple[int, int, str]], first: int, last: int,
             colour: bool) -> str:  # fmt: skip
    if not colour:
        return plain[first:last]
    out = []
    for start, end, style in styles:
        start, end = max(start, first), min(end, last)
        if start >= end:
            continue
        codes = ";".join(_CODES[word] for word in style.split())
        text = plain[start:end]
        out.append(f"\x1b[{codes}m{text}\x1b[0m" if codes else text)
    return "".join(out)


def write(text: Styled, stream: TextIO | None = None) -> None:
    """``text`` on ``stream`` (stdout), cut to the terminal's width (``COLUMNS``, else
    the terminal's, else 120 columns in a file or a pipe), then a line break."""
    stream = stream or sys.stdout
    terminal = stream.isatty()
    colour = terminal and "NO_COLOR" not in os.environ
    stream.write(text.render(_width(stream, terminal), colour=colour) + "\n")
    stream.flush()


def _width(stream: TextIO, terminal: bool) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not terminal:
        return 120
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError):
        return 80
