"""Where a line of the terminal breaks: at the last ordinary space that fits, the rest
indented as the line's block (the labelled lines of an NC, a list item), and French
typography kept (never « alone at the end of a line, nor » : ; ! ? alone at the start of
one, nor a number apart from its word); how many columns a text takes, and how much of
a file's text the terminal shows.

Pure text, no Rich: the Rich views (:mod:`qnc.render.terminal.wrap`) and the plain ones
(:mod:`qnc.render.terminal.styled`) break their lines here, so both read alike.
"""

from __future__ import annotations

import re

from qnc.diagnostics import excerpt

_SPACES = re.compile(r" +")
_HANGING = re.compile(r" *(?:- |\d+\. )?")
"""What a wrapped line is indented by: its block's spaces and list marker."""
_GLUED_AFTER = re.compile(r"(?:^|[ (])(?:«|\d+)$")
"""A space that must not break after « or a number (``18 décembre``, ``28 jours``)."""
_GLUED_BEFORE = "»:;!?"

Piece = tuple[int, int]
"""Start and end of a piece of a line, as indexes into it."""


_NARROW = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf"
                     "\u2500-\u259f]*")  # fmt: skip
"""Text whose every character takes one column: Latin letters, French punctuation (« » …
— ’), currency signs, box lines. Most of what qnc writes; checked in one pass."""


def _narrow(text: str) -> bool:
    return text.isascii() or _NARROW.fullmatch(text) is not None


def cell_len(text: str) -> int:
    """The columns ``text`` takes in a terminal, as Rich counts them (wide East Asian
    characters and emoji two, combining marks none); Rich is imported only for a text
    with other characters than :data:`_NARROW`'s."""
    if _narrow(text):
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def prefix(text: str, width: int) -> str:
    """The longest start of ``text`` that takes at most ``width`` columns."""
    if _narrow(text):
        return text[: max(width, 0)]
    low, high = 0, len(text)  # cell_len(text[:low]) <= width < cell_len(text[:high + 1])
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if cell_len(text[:middle]) <= width else (low, middle - 1)
    return text[:low]


def cuts(line: str, width: int) -> tuple[int, list[Piece]]:
    """How ``line`` (without a line break) fits ``width`` columns: the indent of its
    continuation lines, and the pieces, each on its own line. A line that fits is one
    piece, as it is; a longer one loses its trailing spaces and breaks at its last
    breakable space that fits (a word longer than the room stays whole)."""
    if cell_len(line) <= width:
        return 0, [(0, len(line))]
    plain = line.rstrip()
    indent = len(_HANGING.match(plain).group())  # type: ignore[union-attr]
    words = _words(plain)
    pieces: list[Piece] = []
    start, end = words[0]
    for word_start, word_end in words[1:]:
        room = width - (indent if pieces else 0)
        if cell_len(plain[start:word_end]) <= room:
            end = word_end
            continue
        pieces.append((start, end))
        start, end = word_start, word_end
    pieces.append((start, end))
    return indent, pieces


def _words(plain: str) -> list[Piece]:
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


SHOWN = 200
"""Characters of a file's text the terminal shows at most: it is a summary, and a text
a thousand times longer (which aliases could make) must not flood it; the plan has it all."""


def shown(text: str) -> str:
    """``text`` cut past :data:`SHOWN` characters."""
    return excerpt(text, SHOWN)


_WORD = re.compile(r"\s*\S+\s*")


def divide(line: str, width: int) -> list[Piece]:
    """How Rich's own wrapping cuts ``line`` to ``width`` columns: at any space, a word
    longer than the width folded over several lines, the spaces that end a piece dropped
    where they pass the width. For what :func:`cuts` leaves too long (a word wider than
    the line), so that it reads as in the Rich views."""
    starts = [0]
    used = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - used >= length:
            used += cell_len(word)
        elif length > width:  # folded: pieces of the width, the last one carried on
            while cell_len(word) > width:
                piece = prefix(word, width) or word[0]
                if start:
                    starts.append(start)
                start += len(piece)
                word = word[len(piece) :]
            if start:
                starts.append(start)
            used = cell_len(word)
        elif used and start:
            starts.append(start)
            used = cell_len(word)
    ends = [*starts[1:], len(line)]
    return [
        (start, _stripped(line, start, end, width)) for start, end in zip(starts, ends, strict=True)
    ]


def _stripped(line: str, start: int, end: int, width: int) -> int:
    """``end`` less the trailing spaces of the piece past ``width`` characters."""
    excess = end - start - width
    if excess <= 0:
        return end
    spaces = len(line[start:end]) - len(line[start:end].rstrip())
    return end - min(spaces, excess)
