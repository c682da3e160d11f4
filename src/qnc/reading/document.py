"""The one module that knows ruamel.yaml: read a YAML file into plain data + positions.

Files are composed into a node tree by ruamel's parser (the C one when
``ruamel.yaml.clib`` is installed) and turned into plain Python values by a small
walker of our own. One pass keeps the line and column of every key and value, so
every message points at its place without parsing the file twice.

Only the core YAML types are built. Timestamps stay text: qnc checks dates itself,
to say precisely what is wrong with ``15/04/2026`` or ``2026-02-30``. Any other tag
(``!!python/object``…) is refused: qnc never builds objects from a file.

Whatever the path holds (a pipe, a control character pasted from Word, UTF-16 text,
brackets nested a thousand deep), the answer is a diagnostic: never a traceback, a
hang or a crash.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from qnc.diagnostics import Diagnostic, Loc, Severity
from qnc.i18n import Msg, t
from qnc.oserrors import FILE_ERRORS, read_error
from qnc.reading.nodes import CORE, MAX_DEPTH, TOO_DEEP, walk
from qnc.reading.scalars import PLAIN

MAX_BYTES = 1_000_000
"""Refuse larger files: a real audit file is a few kilobytes; this bounds time and memory."""

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Document:
    """A parsed YAML file: plain data and the 1-based position of each key and value."""

    data: Any
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)

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


class YamlError(Exception):
    """A file that cannot be read as YAML data; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics)
        self.diagnostics = diagnostics


def read_yaml(path: Path) -> Document:
    """Read and parse ``path``; raises :class:`YamlError` with every problem found."""
    return parse_yaml(_read_bytes(path), path)


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, a regular file of at most MAX_BYTES bytes."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise _fail(path, 1, 1, "lecture", _not_a_file(status.st_mode))
        if status.st_size > MAX_BYTES:
            raise _fail(path, 1, 1, "fichier-trop-gros", _too_large(status.st_size))
        # Non-blocking: a file swapped for a pipe since stat() must not hang qnc.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as stream:
            raw = stream.read(status.st_size + 1)
            if len(raw) > status.st_size:  # more than announced: /proc, or a file growing
                raw += stream.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        raise _fail(path, 1, 1, "lecture", read_error(exc, path)) from exc
    if len(raw) > MAX_BYTES:
        raise _fail(path, 1, 1, "fichier-trop-gros", _too_large(None))
    return raw


def _too_large(size: int | None) -> Msg:
    if size is None:
        return t(
            "file too large (over {limit} kB); an audit file is a few kB", limit=MAX_BYTES // 1000
        )
    return t(
        "file too large ({size} kB, limit {limit} kB); an audit file is a few kB",
        size=size // 1000,
        limit=MAX_BYTES // 1000,
    )


def _not_a_file(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return FILE_ERRORS[errno.EISDIR]
    return t(
        "this is not an ordinary file (it is a pipe, a device or a socket); "
        "replace it by a YAML file"
    )


def parse_yaml(raw: bytes, path: Path, *, pure: bool = False) -> Document:
    """Parse ``raw``; ``pure`` forces ruamel's pure-Python parser and resolver (slower).

    Both paths must give the same document: ``tests/test_yamlio_paths.py`` holds them
    to it.
    """
    if _looks_utf16(raw):
        raise _fail(path, 1, 1, "encodage", t("the file looks saved in UTF-16; save it as UTF-8"))
    bom = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        start = bom + exc.start
        line = raw.count(b"\n", 0, start) + 1
        line_start = max(raw.rfind(b"\n", 0, start) + 1, bom)
        column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
        raise _fail(
            path,
            line,
            column,
            "encodage",
            t(
                "the file is not UTF-8 text (byte 0x{byte:02X}); save it as UTF-8",
                byte=raw[start],
            ),
        ) from exc
    node = _compose(text, path, pure=pure)
    if node is None:
        raise _fail(
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


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 text (Notepad's "Unicode") starts with a BOM, or has a NUL every other byte."""
    if raw.startswith(_UTF16_BOMS):
        return True
    return b"\x00" in raw and any(2 * half.count(0) > len(half) for half in (raw[::2], raw[1::2]))


def _compose(text: str, path: Path, *, pure: bool) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        if _may_nest_too_deep(text):
            mark = _too_deep(_events(text, pure=pure))
            if mark is not None:
                raise _fail(path, mark.line + 1, mark.column + 1, "yaml-complexe", TOO_DEEP)
        loader = None if pure else _c_loader()
        if loader is None:  # without ruamel.yaml.clib: the pure-Python parser, same result
            return YAML(typ="safe", pure=True).compose(text)
        return loader(text).get_single_node()
    except ReaderError as exc:
        from qnc.reading.syntax import forbidden_characters  # only when a file is broken

        raise YamlError(
            [
                Diagnostic(path, line, column, Severity.ERROR, "caractere-interdit", message)
                for line, column, message in forbidden_characters(text, exc)
            ]
        ) from exc
    except MarkedYAMLError as exc:
        from qnc.reading.syntax import syntax_error

        raise _fail(path, *syntax_error(text, exc)) from exc
    except YAMLError as exc:  # no other kind is known; a last resort, never a traceback
        raise _fail(
            path, 1, 1, "syntaxe-yaml", t("invalid YAML syntax: {detail}", detail=str(exc))
        ) from exc


def _events(text: str, *, pure: bool) -> Iterator[Any]:
    """The parser events of ``text``, from the parser that composes it."""
    from ruamel.yaml import YAML

    loader = None if pure else _c_loader()
    if loader is None:
        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = loader(text)
    while parser.check_event():
        yield parser.get_event()


def _may_nest_too_deep(text: str) -> bool:
    """Whether ``text`` may nest past MAX_DEPTH, told without parsing it.

    A flow collection opens with '[' or '{'; a block one starts further right than its
    parent (counting the '- ', '? ' and ': ' that nest on one line), but a list may share
    its mapping's column: two levels per column at most.
    """
    indent = max((len(line) - len(line.lstrip(" \t?:-")) for line in text.splitlines()), default=0)
    return text.count("[") + text.count("{") + 2 * (indent + 1) > MAX_DEPTH


def _too_deep(events: Iterator[Any]) -> Any:
    """The mark of the first collection nested past MAX_DEPTH, or None.

    The composers of ruamel recurse once per level (the C one can crash the
    interpreter); its parsers do not, so the events are counted before composing.
    """
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = 0
    for event in events:
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return None


@cache
def _c_loader() -> Any:
    """ruamel's C parser and composer, with our own resolver of plain scalars.

    ruamel's resolver runs in Python for every scalar and took a third of the time
    of ``qnc check`` on a portfolio; plain scalars are resolved by :mod:`qnc.reading.scalars`
    instead, with the YAML 1.2 core schema that ruamel applies by default.
    """
    from ruamel.yaml.main import CParser  # type: ignore[attr-defined]
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if CParser is None:
        return None
    kinds = {MappingNode: CORE + "map", SequenceNode: CORE + "seq"}

    class Loader(CParser):  # type: ignore[misc]
        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return PLAIN if implicit[0] else CORE + "str"
            return kinds[kind]

    return Loader


def _fail(path: Path, line: int, column: int, code: str, message: Msg) -> YamlError:
    return YamlError([Diagnostic(path, line, column, Severity.ERROR, code, message)])
