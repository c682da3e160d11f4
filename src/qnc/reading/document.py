"""A YAML file read into plain data, with the position of every key and value.

Files are composed into a node tree (:mod:`qnc.reading.parsing.parser`) and turned into plain
Python values by a small walker of our own (:mod:`qnc.reading.parsing.nodes`). One pass keeps
the line and column of every key and value, so every message points at its place
without parsing the file twice.

Only the core YAML types are built. Timestamps stay text: qnc checks dates itself,
to say precisely what is wrong with ``15/04/2026`` or ``2026-02-30``. Any other tag
(``!!python/object``…) is refused: qnc never builds objects from a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qnc.diagnostics import Loc
from qnc.i18n import t
from qnc.reading.parsing.nodes import walk
from qnc.reading.parsing.parser import compose
from qnc.reading.parsing.text import MAX_BYTES, YamlError, decode, fail, read_bytes

__all__ = ["MAX_BYTES", "Document", "YamlError", "parse_yaml", "read_yaml"]


class Document:
    """A parsed YAML file: plain data and the 1-based position of each key and value."""

    def __init__(self, data: Any, keys: dict[Loc, tuple[int, int]] | None = None,
                 values: dict[Loc, tuple[int, int]] | None = None) -> None:  # fmt: skip
        self.data = data
        self.keys = keys if keys is not None else {}
        self.values = values if values is not None else {}

    def position(self, loc: Loc, *, on_key: bool = False) -> tuple[int, int]:
        """Where ``loc`` is; the nearest enclosing value when it does not exist."""
        if on_key and loc in self.keys:
            return self.keys[loc]
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return self.values[loc[:end]]
        return (1, 1)

    def pinned(self, locs: Iterable[Loc]) -> Document:
        """A document that knows only where ``locs`` are: enough to place later problems
        about them once the data and the other positions are dropped."""
        keys = {loc: self.keys[loc] for loc in locs if loc in self.keys}
        return Document(None, keys, {loc: self.position(loc) for loc in locs})


def read_yaml(path: Path) -> Document:
    """Read and parse ``path``; raises :class:`YamlError` with every problem found."""
    return parse_yaml(read_bytes(path), path)


def parse_yaml(raw: bytes, path: Path, *, pure: bool = False) -> Document:
    """Parse ``raw``; ``pure`` forces ruamel's pure-Python parser and resolver (slower).

    Both paths must give the same document: ``tests/test_yamlio_paths.py`` holds them
    to it.
    """
    text = decode(raw, path)
    node = compose(text, path, pure=pure)
    if node is None:
        raise fail(
            path,
            1,
            1,
            "fichier-vide",
            t("the file is empty; it must hold the keys described in the documentation"),
        )
    data, keys, values, problems = walk(node, path)
    if problems:
        raise YamlError(problems)
    return Document(data, keys, values)
