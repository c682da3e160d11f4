"""Composed YAML nodes to plain Python values, with the position of every key and value.

Only the core YAML types are built; any other tag (``!!python/object``…) is refused,
so qnc never builds objects from a file.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from qnc.diagnostics import Diagnostic, Loc, Severity, excerpt
from qnc.i18n import Msg, t
from qnc.reading.parsing.limits import MAX_DEPTH, MAX_NODES, TOO_DEEP, TOO_MANY
from qnc.reading.parsing.scalars import PLAIN, TAGGED, plain_value

CORE = "tag:yaml.org,2002:"


def walk(
    node: Any, path: Path
) -> tuple[Any, dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]], list[Diagnostic]]:
    """The data of ``node``, the positions of its keys and values, and its problems."""
    walker = _Walker(path)
    data = None
    with contextlib.suppress(_TooComplex):
        data = walker.value(node, ())
    return data, walker.keys, walker.values, walker.problems


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
        # Aliases were measured before composing (qnc.reading.parsing.limits): past this point,
        # a file without any. Both checks stay, so that nothing here can recurse for ever.
        if self._count > MAX_NODES:
            self._problem(node, "yaml-complexe", TOO_MANY)
            raise _TooComplex
        if id(node) in self._open:
            self._problem(
                node,
                "yaml-complexe",
                t("this document refers to itself or expands too far through aliases"),
            )
            raise _TooComplex
        if len(loc) >= MAX_DEPTH and node.id != "scalar":  # deep through aliases
            self._problem(node, "yaml-complexe", TOO_DEEP)
            raise _TooComplex
        self.values.setdefault(loc, _pos(node))
        kind = node.id
        if kind == "scalar":
            return self._scalar(node)
        if _tag(node) not in (CORE + "map", CORE + "seq"):
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
                self._problem(key_node, "yaml-non-accepte", _COLLECTION_KEY)
                continue
            key = key_node.value
            if key == "<<" and _tag(key_node) in (PLAIN, CORE + "merge"):
                self._problem(key_node, "yaml-non-accepte", _MERGE_KEY)
                continue
            if key in result:
                first = self.keys[(*loc, key)]
                self._problem(
                    key_node,
                    "cle-dupliquee",
                    t(
                        "duplicate key '{key}' (already on line {line}); keep only one",
                        key=excerpt(key),
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
        if not tag.startswith(CORE) or tag[len(CORE) :] not in TAGGED:
            self._forbidden_tag(node)
            return None
        return TAGGED[tag[len(CORE) :]](text)

    def _forbidden_tag(self, node: Any) -> None:
        self._problem(
            node,
            "tag-interdit",
            t(
                "the tag '{tag}' is valid YAML, but not accepted in an audit file: a tag asks "
                "a program to build something else than text, numbers and lists; write a "
                "plain value",
                tag=_short_tag(node.tag),
            ),
        )

    def _problem(self, node: Any, code: str, message: Msg) -> None:
        line, column = _pos(node)
        self.problems.append(Diagnostic(self.path, line, column, Severity.ERROR, code, message))


_COLLECTION_KEY = t(
    "a list or a mapping used as a key: valid YAML, but not accepted in an audit file, whose "
    "keys are plain words; write the key as text"
)
_MERGE_KEY = t(
    "'<<' merges the keys of another mapping here: valid YAML 1.1, but not accepted in an "
    "audit file (YAML 1.2, which qnc reads, has no merge keys, and each file must say "
    "everything where it is read); write the keys out"
)


def _tag(node: Any) -> str:
    """The node's full tag; read from the raw field when it holds it (``.tag`` is slow)."""
    raw = node.ctag
    return raw.suffix if raw.handle is None else node.tag  # type: ignore[no-any-return]


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag


def _pos(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
