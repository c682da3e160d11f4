"""How far one YAML file may reach once read: nesting, values, and text copied by aliases.

An alias (``*c``) repeats the whole value of its anchor (``&c``). The file limit
(:data:`qnc.reading.parsing.text.MAX_BYTES`) bounds what is written, not what aliases expand
to: a 200 kB file reusing a 100,000-character text 1,500 times is 300 million
characters, which every report would copy. So the parser's events are measured before
composing, with each anchor's size, and the first alias past a limit is reported at its
own line. No ruamel here: :mod:`qnc.reading.parsing.parser` hands the events over as tuples.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from qnc.diagnostics import excerpt
from qnc.i18n import Msg, t

MAX_DEPTH: Final = 64
"""Refuse lists and mappings nested deeper: an audit needs five levels; this bounds recursion."""

MAX_NODES: Final = 100_000
"""Refuse documents of more values (keys aside): an audit file holds a few hundred."""

MAX_EXPANDED: Final = 2_000_000
"""Refuse documents whose text, aliases expanded, is longer (in characters). Written out
in full, a file holds at most MAX_BYTES (1 MB) of text; aliases only spare typing a name
or a list again, so twice that leaves room for any real use while every report made
from one file stays within a few megabytes."""

TOO_DEEP = t(
    "lists and mappings are nested more than {limit} levels deep; an audit file needs "
    "a few: check the brackets and the indentation",
    limit=MAX_DEPTH,
)
TOO_MANY = t(
    "this file holds more than {thousands},000 values, far more than an audit file "
    "(a few hundred); check that it is the right file",
    thousands=MAX_NODES // 1000,
)

START_MAPPING, START_SEQUENCE, END, SCALAR, ALIAS = range(5)
Event = tuple[int, "str | None", int, Any]
"""(kind, anchor or alias name, length of a scalar's text, start mark)."""


class _Frame:
    """An open list or mapping: what it holds so far, for the anchor it may bear."""

    __slots__ = ("anchor", "chars", "height", "mapping", "nodes", "on_key")

    def __init__(self, anchor: str | None, mapping: bool) -> None:
        self.anchor, self.mapping = anchor, mapping
        self.nodes, self.chars, self.height = 1, 0, 1
        self.on_key = mapping  # a mapping's children alternate: key, value, key…


def first_excess(events: Iterable[Event]) -> tuple[int, int, Msg] | None:
    """The 1-based line and column of the first event past a limit, and why; or None."""
    sizes: dict[str, tuple[int, int, int]] = {}  # anchor: (values, characters, height)
    frames: list[_Frame] = []
    nodes = chars = 0
    for kind, name, length, mark in events:
        if kind == END:
            frame = frames.pop()
            size = (frame.nodes, frame.chars, frame.height)
            if frame.anchor is not None:
                sizes[frame.anchor] = size
            if frames:
                _add(frames[-1], size)
            continue
        if kind == ALIAS:
            if any(frame.anchor == name for frame in frames):
                return _at(mark, _self_reference(name))
            if str(name) not in sizes:
                continue  # an undefined alias: the composer says so
            size = sizes[str(name)]
            if len(frames) + size[2] > MAX_DEPTH:
                return _at(mark, TOO_DEEP)
        elif kind == SCALAR:
            size = (1, length, 0)
            if name is not None:
                sizes[name] = size
        else:
            if len(frames) >= MAX_DEPTH:
                return _at(mark, TOO_DEEP)
            size = (1, 0, 1)
        key = bool(frames) and frames[-1].on_key
        nodes += 0 if key else size[0]
        chars += size[1]
        if kind in (START_MAPPING, START_SEQUENCE):
            frames.append(_Frame(name, kind == START_MAPPING))  # counted in its parent at END
        elif frames:
            _add(frames[-1], size)
        if chars > MAX_EXPANDED:
            return _at(mark, _expanded(name))
        if nodes > MAX_NODES:
            return _at(mark, _many_through(name) if kind == ALIAS else TOO_MANY)
    return None


def _add(frame: _Frame, size: tuple[int, int, int]) -> None:
    """Count a child of ``frame``; the keys of a mapping are not values."""
    if not frame.on_key:
        frame.nodes += size[0]
    frame.chars += size[1]
    frame.height = max(frame.height, size[2] + 1)
    if frame.mapping:
        frame.on_key = not frame.on_key


def _at(mark: Any, message: Msg) -> tuple[int, int, Msg]:
    return mark.line + 1, mark.column + 1, message


def _self_reference(name: str | None) -> Msg:
    return t(
        "this alias (*{name}) repeats the list or mapping that holds it, which would "
        "repeat without end; write the values out instead",
        name=excerpt(str(name)),
    )


def _expanded(name: str | None) -> Msg:
    return t(
        "with this alias (*{name}), the file's text grows past {millions} million "
        "characters, far more than an audit file holds: each alias repeats the whole text "
        "of its anchor; write the values out, or use fewer aliases",
        name=excerpt(str(name)),
        millions=MAX_EXPANDED // 1_000_000,
    )


def _many_through(name: str | None) -> Msg:
    return t(
        "with this alias (*{name}), the file grows past {thousands},000 values, far more "
        "than an audit file holds: each alias repeats the whole list or mapping of its "
        "anchor; use fewer aliases",
        name=excerpt(str(name)),
        thousands=MAX_NODES // 1000,
    )
