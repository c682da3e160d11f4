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

import contextlib
import errno
import itertools
import os
import re
import stat
from collections.abc import Iterator
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

MAX_DEPTH = 64
"""Refuse lists and mappings nested deeper: an audit needs five levels; this bounds recursion."""

_CORE = "tag:yaml.org,2002:"
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters YAML forbids (ruamel/yaml/reader.py, NON_PRINTABLE). Looked for here, as
# the C parser places them by byte and the pure one by character.
_FORBIDDEN = re.compile(
    r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]"
)
_FORBIDDEN_REPORTED = 20
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks, as both parsers count lines."""

_TOO_DEEP = t(
    "lists and mappings are nested more than {limit} levels deep; an audit file needs "
    "a few: check the brackets and the indentation",
    limit=MAX_DEPTH,
)
_KEY_ALIGNMENT = t(
    "this line is not aligned with the keys above it; indent it exactly like the other "
    "keys of its level"
)
_LIST_ITEM = t(
    "a list item starting with '- ' is expected here; check the indentation of this line"
)
_UNCLOSED_LIST = t(
    "a list in brackets is not closed, or lacks a comma between two items; "
    "check the closing ']' and the commas"
)
_UNCLOSED_MAPPING = t(
    "a mapping in braces is not closed, or lacks a comma between two entries; "
    "check the closing brace and the commas"
)
_SECOND_DOCUMENT = t(
    "a second document starts here, but a file holds only one; remove this '---' line"
)
_LIST_ON_KEY_LINE = t(
    "a list cannot start on the line of its key; put each '- ' item on a line of its own, indented"
)
_ESCAPE = t(
    "a backslash between double quotes starts an escape sequence; put the value in "
    "single quotes instead"
)
# ruamel's C and pure-Python parsers word problems differently: the start of each
# wording is listed. The pure parser's "expected <block end>" is told by its context.
_PROBLEMS = {
    "mapping values are not allowed": t(
        "a ':' is not allowed here; check the indentation of this line, or put the text in quotes"
    ),
    "found unexpected end of stream": t("the file ends too early; is a quote or bracket unclosed?"),
    "found undefined alias": t("this alias (*name) refers to no anchor (&name)"),
    "did not find expected key": _KEY_ALIGNMENT,
    "did not find expected '-' indicator": _LIST_ITEM,
    "could not find expected ':'": t(
        "this line has no ':' where a key is expected; write 'key: value', or indent the "
        "line if it continues the text above"
    ),
    "did not find expected ',' or ']'": _UNCLOSED_LIST,
    "expected ',' or ']'": _UNCLOSED_LIST,
    "did not find expected ',' or '}'": _UNCLOSED_MAPPING,
    "expected ',' or '}'": _UNCLOSED_MAPPING,
    "but found another document": _SECOND_DOCUMENT,
    "found another document": _SECOND_DOCUMENT,
    "block sequence entries are not allowed": _LIST_ON_KEY_LINE,
    "sequence entries are not allowed": _LIST_ON_KEY_LINE,
    "found unknown escape character": _ESCAPE,
    "did not find expected hexdecimal number": _ESCAPE,
    "expected escape sequence": _ESCAPE,
}
_CONTEXTS = {
    "while parsing a block mapping": _KEY_ALIGNMENT,
    "while parsing a block collection": _LIST_ITEM,
    "while scanning a block scalar": t(
        "after '|' or '>', the text starts on the next line, indented; or put the value in quotes"
    ),
}
_CANNOT_START = {
    "found character": "",  # the character itself, read from the text
    "while scanning an alias": "*",
    "while scanning an anchor": "&",
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
        return _FILE_ERRORS[errno.EISDIR]
    return t(
        "this is not an ordinary file (it is a pipe, a device or a socket); "
        "replace it by a YAML file"
    )


def read_error(exc: OSError, path: Path) -> Msg:
    """Why the file ``path`` cannot be read, in words of the catalog (``strerror`` is English)."""
    if exc.errno == errno.ENOENT and path.is_symlink():
        return t(
            "this symbolic link points to a file that does not exist; "
            "fix the link or replace it by the file"
        )
    known = _FILE_ERRORS.get(exc.errno) if exc.errno is not None else None
    return known or t("cannot read the file: {reason}", reason=exc.strerror or str(exc))


def folder_error(exc: OSError) -> Msg:
    """Why a folder cannot be listed, in words of the catalog."""
    known = _FOLDER_ERRORS.get(exc.errno) if exc.errno is not None else None
    return known or t("cannot read the folder: {reason}", reason=exc.strerror or str(exc))


_DENIED = t("cannot read the file: permission denied; check its access rights")
_FILE_ERRORS = {
    errno.ENOENT: t("cannot read the file: it no longer exists; run qnc again"),
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EISDIR: t("this is a folder, not a YAML file; rename it without the .yaml extension"),
    errno.ENOTDIR: t("cannot read the file: part of its path is a file, not a folder"),
    errno.ELOOP: t("cannot read the file: its symbolic links form a loop; fix the link"),
}
_FOLDER_DENIED = t("cannot read the folder: permission denied; check its access rights")
_FOLDER_ERRORS = {
    errno.ENOENT: t("cannot read the folder: it no longer exists; run qnc again"),
    errno.EACCES: _FOLDER_DENIED,
    errno.EPERM: _FOLDER_DENIED,
    errno.ELOOP: t("cannot read the folder: its symbolic links form a loop; fix the link"),
}


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
    walker = _Walker(path)
    data = None
    with contextlib.suppress(_TooComplex):
        data = walker.value(node, ())
    if walker.problems:
        raise YamlError(walker.problems)
    return Document(data, walker.keys, walker.values)


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
                raise _fail(path, mark.line + 1, mark.column + 1, "yaml-complexe", _TOO_DEEP)
        loader = None if pure else _c_loader()
        if loader is None:  # without ruamel.yaml.clib: the pure-Python parser, same result
            return YAML(typ="safe", pure=True).compose(text)
        return loader(text).get_single_node()
    except ReaderError as exc:
        raise _forbidden_characters(text, path, exc) from exc
    except MarkedYAMLError as exc:
        raise _syntax_error(text, path, exc) from exc
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


def _forbidden_characters(text: str, path: Path, exc: Any) -> YamlError:
    """One problem per forbidden character (the first ones), at its line and column."""
    found = [
        (match.start(), ord(match.group()))
        for match in itertools.islice(_FORBIDDEN.finditer(text), _FORBIDDEN_REPORTED)
    ] or [(min(exc.position, len(text)), int(exc.character))]
    problems = []
    for index, code in found:
        line, column = _position(text, index)
        message = t(
            "the character U+{code:04X} is not allowed in a YAML file; delete it "
            "(it often comes from text pasted from Word)",
            code=code,
        )
        problems.append(
            Diagnostic(path, line, column, Severity.ERROR, "caractere-interdit", message)
        )
    return YamlError(problems)


def _position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``."""
    breaks = list(_BREAK.finditer(text, 0, index))
    return len(breaks) + 1, index - (breaks[-1].end() if breaks else 0) + 1


def _syntax_error(text: str, path: Path, exc: Any) -> YamlError:
    problem, context = str(exc.problem or ""), str(exc.context or "")
    # The simple key that lacks its ':' is a better place than where the ':' was sought.
    lacks_colon = problem.startswith("could not find expected ':'") and exc.context_mark
    mark = exc.context_mark if lacks_colon else exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    lines = text.splitlines()
    before = lines[line][:column] if line < len(lines) else ""
    culprit = lines[line][column : column + 1] if line < len(lines) else ""
    if culprit == "\t" or (before.strip() == "" and "\t" in before + culprit):
        message = t("a tab is used for indentation; YAML needs spaces")
        return _fail(path, line + 1, column + 1, "tabulation", message)
    if problem.startswith("found unknown escape") and before.endswith("\\"):
        column -= 1  # the pure parser points after the backslash, the C one at it
    message = _explain(problem, context, culprit, at_line_start=before.strip() == "")
    return _fail(path, line + 1, column + 1, "syntaxe-yaml", message)


def _explain(problem: str, context: str, culprit: str, *, at_line_start: bool) -> Msg:
    """Plain words for ruamel's ``problem`` (and its ``context``)."""
    for start, char in _CANNOT_START.items():
        if problem.startswith(start) or context.startswith(start):
            return t(
                "a value cannot start with '{char}'; put the value in quotes", char=char or culprit
            )
    message = next((m for start, m in _PROBLEMS.items() if problem.startswith(start)), None)
    message = message or next((m for s, m in _CONTEXTS.items() if context.startswith(s)), None)
    if message is _KEY_ALIGNMENT and not at_line_start:
        return t(
            "unexpected text after a value in quotes or brackets; put the whole value in quotes"
        )
    return message or t("invalid YAML syntax: {detail}", detail=problem or context)


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
    """Stops the walk at the first self-reference, or past MAX_NODES or MAX_DEPTH: one message."""


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
        if len(loc) >= MAX_DEPTH and node.id != "scalar":  # deep through aliases
            self._problem(node, "yaml-complexe", _TOO_DEEP)
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
