"""Where things are in a YAML text: the exact character span of each node, where an
entry ends, where new lines go, and the indentation the file already uses.

Nodes come from ruamel's composer through :mod:`qnc.reading.parsing.parser` (the pure-Python
one: its marks are exact character indexes). Block collections' end marks point at
the next token, after trailing comments and blank lines, so their end is worked out
from their last entry instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qnc.i18n import t
from qnc.reading.parsing.nodes import walk
from qnc.reading.parsing.parser import compose
from qnc.reading.parsing.scalars import plain_value
from qnc.reading.parsing.text import YamlError
from qnc.writing.edits import EditError

Node = Any
"""A composed node: ``.id`` is "scalar", "sequence" or "mapping"; marks give its span."""

_BREAK = re.compile(r"\r\n|\r|\n")
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


@dataclass(frozen=True)
class Style:
    """The indentation a file uses, to write new lines the same way."""

    map_indent: int
    """Column of a child key minus its parent key's."""
    seq_offset: int
    """Column of a list's dash minus its key's (0 when the dash is flush with the key)."""
    item_offset: int
    """Column of an item's first key minus its dash's (``- id``: 2)."""


def parse(text: str, path: Path) -> tuple[Node, Any]:
    """The node tree of ``text`` (no BOM) and its data as qnc reads it."""
    root = compose(text, path, pure=True)
    if root is None or root.id != "mapping":
        raise EditError(t("the file must hold keys and values (key: value) at its top level"))
    seen: set[int] = set()
    for node in nodes(root):  # an alias is its anchor's node again: its marks lie
        if id(node) in seen:
            raise EditError(
                t("this file uses YAML aliases (*name): qnc cannot edit it; edit it by hand"),
                *position(node),
            )
        seen.add(id(node))
    data, _, _, problems = walk(root, path)
    if problems:
        raise YamlError(problems)
    return root, data


def nodes(node: Node) -> Iterator[Node]:
    yield node
    if node.id == "mapping":
        for key, value in node.value:
            yield from nodes(key)
            yield from nodes(value)
    elif node.id == "sequence":
        for item in node.value:
            yield from nodes(item)


def position(node: Node) -> tuple[int, int]:
    """1-based line and column of ``node``."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def entry(mapping: Node, key: str) -> tuple[Node, Node] | None:
    for k, v in mapping.value:
        if k.id == "scalar" and k.value == key:
            return k, v
    return None


def is_null(node: Node) -> bool:
    return node.id == "scalar" and node.style is None and plain_value(node.value) is None


def is_empty(node: Node) -> bool:
    """A null written as nothing (``key:``); its marks are not where a value would be."""
    return is_null(node) and node.value == ""


def end(text: str, node: Node) -> int:
    """Index just past the last character that belongs to ``node``."""
    if node.id == "scalar":
        if is_empty(node):
            raise EditError(t("an empty list item ('-' alone on its line)"), *position(node))
        start, stop = node.start_mark.index, node.end_mark.index
        header = _BLOCK_HEADER.match(text, start)
        if node.style in ("|", ">") and header:
            if "+" in header.group(0):  # kept trailing blank lines are part of the value
                return int(stop) if stop == len(text) else line_start(text, stop)
            while stop > header.end() and text[stop - 1] in " \t\r\n":
                stop -= 1
        return int(stop)
    if node.flow_style:
        return int(node.end_mark.index)
    if node.id == "mapping":
        return entry_end(text, *node.value[-1])
    return end(text, node.value[-1])


def entry_end(text: str, key: Node, value: Node) -> int:
    return colon(text, key) + 1 if is_empty(value) else end(text, value)


def colon(text: str, key: Node) -> int:
    """Index of the ':' after ``key``."""
    at = key.end_mark.index
    while at < len(text) and text[at] in " \t":
        at += 1
    if text[at : at + 1] != ":":
        raise EditError(
            t("this key is written in a form qnc cannot edit; write it as a plain word"),
            *position(key),
        )
    return int(at)


def line_start(text: str, at: int) -> int:
    return max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1


def line_end(text: str, at: int) -> int:
    found = _BREAK.search(text, at)
    return found.start() if found else len(text)


def next_line(text: str, end: int) -> int:
    """Start of the line after the one holding ``text[end - 1]`` (or the end of text)."""
    if end > 0 and (
        text[end - 1] == "\n" or (text[end - 1] == "\r" and text[end : end + 1] != "\n")
    ):
        return end
    found = _BREAK.search(text, end)
    return found.end() if found else len(text)


def past_deeper_comments(text: str, stop: int, column: int) -> int:
    """Past the comment lines after ``stop`` indented deeper than ``column``.

    They belong, to the eye, to the entry above (``    # fin de A1`` under an item);
    comments at ``column`` or left of it introduce what follows or close the file, and
    stay below a new line. Blank lines are crossed only to reach such a comment.
    """
    at = stop
    while at < len(text):
        found = _BREAK.search(text, at)
        following = found.end() if found else len(text)
        body = text[at:following].rstrip("\r\n")
        stripped = body.lstrip(" \t")
        if stripped and not (stripped.startswith("#") and len(body) - len(stripped) > column):
            break
        at = following
        if stripped:
            stop = following
    return stop


def break_before(text: str, at: int) -> str:
    for brk in ("\r\n", "\n", "\r"):
        if text.endswith(brk, 0, at):
            return brk
    return ""


def first_break(text: str) -> str:
    found = _BREAK.search(text)
    return found.group(0) if found else "\n"


def detect_style(root: Node) -> Style:
    """The indentation the file uses most, else that of qnc's own templates."""
    maps: Counter[int] = Counter()
    seqs: Counter[int] = Counter()
    items: Counter[int] = Counter()
    for node in nodes(root):
        if node.id == "mapping" and not node.flow_style:
            for key, value in node.value:
                if value.id != "scalar" and not value.flow_style:
                    shift = value.start_mark.column - key.start_mark.column
                    (maps if value.id == "mapping" else seqs)[shift] += 1
        elif node.id == "sequence" and not node.flow_style:
            for item in node.value:  # `-   x` tells the offset as well as `-   id: A1`
                if item.start_mark.line == node.start_mark.line and not is_empty(item):
                    items[item.start_mark.column - node.start_mark.column] += 1
    map_indent = maps.most_common(1)[0][0] if maps else 2
    seq_offset = seqs.most_common(1)[0][0] if seqs else map_indent
    return Style(map_indent, seq_offset, items.most_common(1)[0][0] if items else 2)
