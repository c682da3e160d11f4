"""The one module that knows ruamel.yaml: read a YAML file into plain data + positions.

Files are composed into a node tree by ruamel's parser (the C one when
``ruamel.yaml.clib`` is installed) and turned into plain Python values by a small
walker of our own. One pass keeps the line and column of every key and value, so
every message points at its place without parsing the file twice.

Only the core YAML types are built. Timestamps stay text: qnc checks dates itself,
to say precisely what is wrong with ``15/04/2026`` or ``2026-02-30``. Any other tag
(``!!python/object``…) is refused: qnc never builds objects from a file.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from qnc.diagnostics import Diagnostic, Loc, Severity
from qnc.i18n import Msg, t
from qnc.scalars import PLAIN, TAGGED, plain_value

MAX_BYTES = 1_000_000
"""Refuse larger files: a real audit file is a few kilobytes; this bounds time and memory."""

MAX_NODES = 100_000
"""Refuse documents that expand past this many nodes (alias bombs)."""

_CORE = "tag:yaml.org,2002:"
_BOM = b"\xef\xbb\xbf"
# ruamel's C and pure-Python parsers word some problems differently: match the start.
_MESSAGES = {
    "mapping values are not allowed": t(
        "a ':' is not allowed here; check the indentation of this line, or put the text in quotes"
    ),
    "found unexpected end of stream": t("the file ends too early; is a quote or bracket unclosed?"),
    "found undefined alias": t("this alias (*name) refers to no anchor (&name)"),
}


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


class YamlError(Exception):
    """A file that cannot be read as YAML data; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics)
        self.diagnostics = diagnostics


def read_yaml(path: Path) -> Document:
    """Read and parse ``path``; raises :class:`YamlError` with every problem found."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(
                path,
                1,
                1,
                "fichier-trop-gros",
                t(
                    "file too large ({size} kB, limit {limit} kB); an audit file is a few kB",
                    size=size // 1000,
                    limit=MAX_BYTES // 1000,
                ),
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(
            path,
            1,
            1,
            "lecture",
            t("cannot read the file: {reason}", reason=exc.strerror or str(exc)),
        ) from exc
    return parse_yaml(raw, path)


def parse_yaml(raw: bytes, path: Path, *, pure: bool = False) -> Document:
    """Parse ``raw``; ``pure`` forces ruamel's pure-Python parser and resolver (slower).

    Both paths must give the same document: ``tests/test_yamlio_paths.py`` holds them
    to it.
    """
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
    walker = _Walker(path)
    data = None
    with contextlib.suppress(_TooComplex):
        data = walker.value(node, ())
    if walker.problems:
        raise YamlError(walker.problems)
    return Document(data, walker.keys, walker.values)


def _compose(text: str, path: Path, *, pure: bool) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        loader = None if pure else _c_loader()
        if loader is None:  # without ruamel.yaml.clib: the pure-Python parser, same result
            return YAML(typ="safe", pure=True).compose(text)
        return loader(text).get_single_node()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        lines = text.splitlines()
        culprit = lines[line][column : column + 1] if line < len(lines) else ""
        if culprit == "\t" or (
            line < len(lines)
            and lines[line][:column].strip() == ""
            and "\t" in lines[line][: column + 1]
        ):
            message = t("a tab is used for indentation; YAML needs spaces")
            code = "tabulation"
        else:
            problem = str(exc.problem or exc.context or "")
            message = next(
                (msg for start, msg in _MESSAGES.items() if problem.startswith(start)),
                t("invalid YAML syntax: {detail}", detail=problem),
            )
            code = "syntaxe-yaml"
        raise _fail(path, line + 1, column + 1, code, message) from exc


@cache
def _c_loader() -> Any:
    """ruamel's C parser and composer, with our own resolver of plain scalars.

    ruamel's resolver runs in Python for every scalar and took a third of the time
    of ``qnc check`` on a portfolio; plain scalars are resolved by :mod:`qnc.scalars`
    instead, with the YAML 1.2 core schema that ruamel applies by default.
    """
    from ruamel.yaml.main import CParser  # type: ignore[attr-defined]
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if CParser is None:
        return None
    kinds = {MappingNode: _CORE + "map", SequenceNode: _CORE + "seq"}

    class Loader(CParser):  # type: ignore[misc]
        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return PLAIN if implicit[0] else _CORE + "str"
            return kinds[kind]

    return Loader


class _TooComplex(Exception):
    """Stops the walk at the first self-reference or past MAX_NODES: one message is enough."""


class _Walker:
    """Turns composed nodes into dicts, lists and scalars, noting positions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: dict[Loc, tuple[int, int]] = {}
        self.values: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Diagnostic] = []
        self._count = 0
        self._open: set[int] = set()

    def value(self, node: Any, loc: Loc) -> Any:
        self._count += 1
        if self._count > MAX_NODES or id(node) in self._open:
            self._problem(
                node,
                "yaml-complexe",
                t("this document refers to itself or expands too far through aliases"),
            )
            raise _TooComplex
        self.values.setdefault(loc, _pos(node))
        kind = node.id
        if kind == "scalar":
            return self._scalar(node)
        if _tag(node) not in (_CORE + "map", _CORE + "seq"):
            self._forbidden_tag(node)
            return None
        self._open.add(id(node))
        try:
            if kind == "sequence":
                return [self.value(item, (*loc, i)) for i, item in enumerate(node.value)]
            return self._mapping(node, loc)
        finally:
            self._open.discard(id(node))

    def _mapping(self, node: Any, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                self._problem(key_node, "syntaxe-yaml", t("a key must be plain text"))
                continue
            key = key_node.value
            if key in result:
                first = self.keys[(*loc, key)]
                self._problem(
                    key_node,
                    "cle-dupliquee",
                    t(
                        "duplicate key '{key}' (already on line {line}); keep only one",
                        key=key,
                        line=first[0],
                    ),
                )
                continue
            self.keys[(*loc, key)] = _pos(key_node)
            result[key] = self.value(value_node, (*loc, key))
        return result

    def _scalar(self, node: Any) -> Any:
        tag, text = _tag(node), node.value
        if tag == PLAIN:
            return plain_value(text)
        if not tag.startswith(_CORE) or tag[len(_CORE) :] not in TAGGED:
            self._forbidden_tag(node)
            return None
        return TAGGED[tag[len(_CORE) :]](text)

    def _forbidden_tag(self, node: Any) -> None:
        self._problem(
            node,
            "tag-interdit",
            t(
                "the tag '{tag}' is not allowed; write a plain value",
                tag=_short_tag(node.tag),
            ),
        )

    def _problem(self, node: Any, code: str, message: Msg) -> None:
        line, column = _pos(node)
        self.problems.append(Diagnostic(self.path, line, column, Severity.ERROR, code, message))


def _tag(node: Any) -> str:
    """The node's full tag; read from the raw field when it holds it (``.tag`` is slow)."""
    raw = node.ctag
    return raw.suffix if raw.handle is None else node.tag  # type: ignore[no-any-return]


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _pos(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _fail(path: Path, line: int, column: int, code: str, message: Msg) -> YamlError:
    return YamlError([Diagnostic(path, line, column, Severity.ERROR, code, message)])
