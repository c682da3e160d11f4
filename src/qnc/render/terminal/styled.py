"""Styled lines for the terminal, without Rich: for the views whose import of Rich would
cost more than all the rest of the command (``qnc historique``, ``qnc status`` on one
audit).

Lines break as in the Rich views (:mod:`qnc.render.terminal.lines`); colours are ANSI
codes, written when Rich would write them (:func:`codes`); every text is made
:func:`~qnc.render.diagnostics.visible`, so nothing a file says reaches the terminal as
a control sequence.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TextIO

from qnc.render.diagnostics import visible
from qnc.render.terminal.lines import cell_len, cuts, divide

WEIGHTS = {"bold": "1", "dim": "2"}
"""The words of a style that are not colours, and their ANSI codes: all ``NO_COLOR``
keeps, as Rich does."""
COLOURS = {**WEIGHTS, "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
"""Every word of a style (as the Rich views write them) and its ANSI code."""


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

    def visible(self) -> Styled:
        """The same text, each control character shown as its escape."""
        return _from_parts((visible(text, lines=True), style) for text, style in self.parts)

    def slice(self, first: int, last: int) -> Styled:
        """The characters from ``first`` to ``last``, with their styles."""
        out = Styled()
        start = 0
        for text, style in self.parts:
            end = start + len(text)
            out.append(text[max(first - start, 0) : max(last - start, 0)], style)
            start = end
        return out

    def lines(self, width: int, *, fold: bool = True) -> list[Styled]:
        """The visible text as lines of at most ``width`` columns, tabs expanded: cut by
        :func:`~qnc.render.terminal.lines.cuts` (the rest of a cut line indented as its
        block), then a word still too long folded as Rich folds it (unless not ``fold``)."""
        out: list[Styled] = []
        for line in self.visible().split():
            line = _tabs_expanded(line)
            plain = line.plain
            indent, pieces = cuts(plain, width)
            if pieces == [(0, len(plain))]:
                out.extend(_folded(line, width) if fold else [line])
                continue
            for number, (first, last) in enumerate(pieces):
                piece = Styled(" " * indent if number else "")
                piece.extend(line.slice(first, last))
                out.extend(_folded(piece, width) if fold else [piece])
        return out

    def split(self) -> list[Styled]:
        """The text's lines, without their line breaks."""
        lines = [Styled()]
        for text, style in self.parts:
            first, *others = text.split("\n")
            lines[-1].append(first, style)
            lines.extend(Styled(other, style) for other in others)
        return lines

    def paint(self, codes: dict[str, str] | None) -> str:
        """The text, each part in the ANSI codes of its style's words that ``codes``
        knows (:data:`COLOURS`, :data:`WEIGHTS`); None: without any."""
        if codes is None:
            return self.plain
        out = []
        for text, style in self.parts:
            sequence = ";".join(codes[word] for word in style.split() if word in codes)
            out.append(f"\x1b[{sequence}m{text}\x1b[0m" if sequence else text)
        return "".join(out)

    def render(self, width: int, codes: dict[str, str] | None = None) -> str:
        """The text with each line cut to ``width`` columns, in ``codes`` (see
        :meth:`paint`)."""
        return "\n".join(line.paint(codes) for line in self.lines(width))


def _from_parts(parts: Iterable[tuple[str, str]]) -> Styled:
    out = Styled()
    for text, style in parts:
        out.append(text, style)
    return out


def _tabs_expanded(line: Styled) -> Styled:
    """``line`` with each tab turned into the spaces up to the next multiple of 8 columns."""
    if "\t" not in line.plain:
        return line
    out = Styled()
    column = 0
    for text, style in line.parts:
        first, *others = text.split("\t")
        expanded = first
        column += cell_len(first)
        for piece in others:
            spaces = 8 - column % 8
            expanded += " " * spaces + piece
            column += spaces + cell_len(piece)
        out.append(expanded, style)
    return out


def _folded(line: Styled, width: int) -> list[Styled]:
    """``line`` as it is when it fits ``width`` columns, else in the pieces Rich would
    cut it into (:func:`~qnc.render.terminal.lines.divide`)."""
    plain = line.plain
    if cell_len(plain) <= width:
        return [line]
    return [line.slice(first, last) for first, last in divide(plain, max(width, 1))]


def stacked(parts: Iterable[Styled]) -> Styled:
    """The blocks one under the other, each starting on a line of its own."""
    whole = Styled()
    for number, part in enumerate(parts):
        if number:
            whole.append("\n")
        whole.extend(part)
    return whole


def write(text: Styled, stream: TextIO | None = None) -> None:
    """``text`` on ``stream`` (stdout), cut to its width (:func:`columns`), then a line
    break; in colour as the Rich views are (:func:`codes`); its box lines in ASCII on a
    stream whose encoding has none (a cp1252 pipe on Windows), as Rich draws them there."""
    stream = stream or sys.stdout
    out = text.render(columns(stream), codes(stream)) + "\n"
    if not _encodes(stream, "─╭│"):
        out = out.translate(_ASCII_BOX)
    stream.write(out)
    stream.flush()


_ASCII_BOX = str.maketrans("─│╭╮╰╯", "-|++++")


def _encodes(stream: TextIO, characters: str) -> bool:
    try:
        characters.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def codes(stream: TextIO) -> dict[str, str] | None:
    """The ANSI codes ``stream`` takes, as Rich decides: none on a dumb terminal
    (``TERM=dumb``); else styles on a terminal or with ``FORCE_COLOR``; with ``NO_COLOR``,
    no colour but bold and dim. A Windows console is first asked to read them (as Rich
    does); if it cannot, none."""
    if os.environ.get("TERM", "") in ("dumb", "unknown"):
        return None
    terminal = stream.isatty() and (os.name != "nt" or _windows_reads_ansi(stream))
    if not terminal and not os.environ.get("FORCE_COLOR"):
        return None
    return WEIGHTS if "NO_COLOR" in os.environ else COLOURS


def _windows_reads_ansi(stream: TextIO) -> bool:
    """Turn on the reading of ANSI codes by the Windows console behind ``stream``
    (ENABLE_VIRTUAL_TERMINAL_PROCESSING); False when it has none or refuses."""
    import ctypes
    import msvcrt

    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        handle = msvcrt.get_osfhandle(stream.fileno())  # type: ignore[attr-defined]
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))
    except (AttributeError, OSError, ValueError):
        return False


def columns(stream: TextIO | None = None) -> int:
    """The width of ``stream`` (stdout): ``COLUMNS``, else the terminal's, else 120
    columns in a file or a pipe (as the Rich views)."""
    stream = stream or sys.stdout
    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    if not stream.isatty():
        return 120
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError):
        return 80
