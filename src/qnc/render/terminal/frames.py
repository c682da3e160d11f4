"""A box and a table drawn in :class:`~qnc.render.terminal.styled.Styled` lines, in the
layout of Rich's ``Panel(expand=False)`` and of its ``box.SIMPLE_HEAD`` table without
edges: for ``qnc status`` on one audit, whose import of Rich would cost more than the
rest of the command. Each line they make fits the width they are given, so writing them
cuts nothing. (Rich also colours the padding of a cell and, on a stream without box
characters, draws its table with ``|``; here the padding is plain and the rule becomes
``-``, see :func:`~qnc.render.terminal.styled.write`.)
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from qnc.render.terminal.lines import cell_len, prefix
from qnc.render.terminal.styled import Styled

GAP = 2
"""Columns between two columns of a table."""
_EDGES = 4
"""Columns a box takes around its text: a border and a space on each side."""


def boxed(body: Styled, width: int) -> Styled:
    """``body`` in a box with round corners, no wider than ``width`` nor than its
    longest line needs; a word too long for the box goes on over the next lines."""
    room = max(width - _EDGES, 1)
    # As wide as the longest line cut at the room, before a word too long is folded.
    inner = min(room, max(cell_len(line.plain) for line in body.lines(room, fold=False)))
    lines = body.lines(room)
    out = Styled(f"╭{'─' * (inner + 2)}╮\n")
    for line in lines:
        out.append("│ ")
        out.extend(line)
        out.append(" " * (inner - cell_len(line.plain)) + " │\n")
    out.append(f"╰{'─' * (inner + 2)}╯")
    return out


def table(title: str, names: Sequence[str], rows: Sequence[Sequence[Styled]],
          widths: Sequence[int], *, right: Collection[int] = ()) -> Styled:  # fmt: skip
    """A title in bold, the columns' names in bold over a rule, then a line per row:
    columns :data:`GAP` apart, each cell cut with '…' to its width, the columns of
    ``right`` aligned right. The cells are given as shown (:meth:`Styled.visible`), the
    text their ``widths`` were measured on."""
    total = sum(widths) + GAP * (len(widths) - 1)
    out = Styled(title, "bold")
    out.append(" " * (total - cell_len(title)) + "\n")
    out.extend(_row([Styled(name, "bold") for name in names], widths, right))
    out.append("\n" + "─" * total)
    for row in rows:
        out.append("\n")
        out.extend(_row(row, widths, right))
    return out


def _row(cells: Sequence[Styled], widths: Sequence[int], right: Collection[int]) -> Styled:
    out = Styled()
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        if i:
            out.append(" " * GAP)
        text = fitted(cell, width, right=i in right)
        padding = " " * (width - cell_len(text.plain))
        if i in right:
            out.append(padding)
        out.extend(text)
        if i not in right:
            out.append(padding)
    return out


def fitted(cell: Styled, width: int, *, right: bool = False) -> Styled:
    """``cell`` cut to ``width`` columns, its last one an ellipsis; aligned ``right``,
    without its trailing spaces first."""
    plain = cell.plain
    if right:
        plain = plain.rstrip()
        cell = cell.slice(0, len(plain))
    if cell_len(plain) <= width:
        return cell
    kept = prefix(plain, width - 1)
    out = cell.slice(0, len(kept))
    style = out.parts[-1][1] if out.parts else ""
    out.append(" " * (width - 1 - cell_len(kept)) + "…", style)
    return out
