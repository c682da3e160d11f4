"""The one module that knows ruamel.yaml: compose YAML text into a node tree.

ruamel's C parser is used when ``ruamel.yaml.clib`` is installed (it is a declared
dependency), its pure-Python parser otherwise; plain scalars are resolved by
:mod:`qnc.reading.parsing.scalars` rather than by ruamel's Python resolver. Nesting and what
aliases expand to are bounded before composing (:mod:`qnc.reading.parsing.limits`): ruamel's
composers recurse once per level, and copy an anchor's value for every alias.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import t
from qnc.reading.parsing.limits import (
    ALIAS,
    END,
    MAX_DEPTH,
    SCALAR,
    START_MAPPING,
    START_SEQUENCE,
    Event,
    first_excess,
)
from qnc.reading.parsing.nodes import CORE
from qnc.reading.parsing.scalars import PLAIN
from qnc.reading.parsing.text import YamlError, fail


def compose(text: str, path: Path, *, pure: bool) -> Any:
    """The node tree of ``text``; ``pure`` forces ruamel's pure-Python parser.

    libyaml, behind the C parser, refuses some valid YAML that ruamel's own parser
    reads (a directive it does not know, an empty value in braces): a file the C parser
    refuses is read again with the pure one, and only a file both refuse is an error
    (:func:`_reach` says whose). The second reading costs only on broken files.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    fast = not pure and _c_loader() is not None
    try:
        return _compose(text, path, fast=fast)
    except ReaderError as exc:
        from qnc.reading.parsing.syntax import forbidden_characters  # only when a file is broken

        raise YamlError(
            [
                Diagnostic(path, line, column, Severity.ERROR, "caractere-interdit", message)
                for line, column, message in forbidden_characters(text, exc)
            ]
        ) from exc
    except MarkedYAMLError as exc:
        error = exc
        if fast:
            try:
                return _compose(text, path, fast=False)
            except MarkedYAMLError as second:
                error = max(exc, second, key=_reach)
            except (YAMLError, AssertionError):  # ruamel asserts on '%YAML 1.3'
                pass
        from qnc.reading.parsing.syntax import syntax_error

        raise fail(path, *syntax_error(text, error)) from exc
    except AssertionError as exc:  # ruamel's pure parser, on a '%YAML 1.3' directive
        from qnc.reading.parsing.syntax import directive_error

        raise fail(path, *directive_error(text)) from exc
    except YAMLError as exc:  # no other kind is known; a last resort, never a traceback
        raise fail(
            path, 1, 1, "syntaxe-yaml", t("invalid YAML syntax: {detail}", detail=str(exc))
        ) from exc


def _reach(error: Any) -> tuple[int, int]:
    """How far a parser read before ``error``. When both parsers fail, the one that read
    further took what the other refused (a tab between words for ruamel's, a directive
    for libyaml): its error is the file's. libyaml's refusal of an anchor defined again
    is never the file's error: YAML allows it."""
    if str(error.context or "").startswith("found duplicate anchor"):
        return (-1, -1)
    mark = error.problem_mark or error.context_mark
    return (mark.line, mark.column) if mark else (-1, -1)


def _compose(text: str, path: Path, *, fast: bool) -> Any:
    if _may_reach_far(text):
        excess = first_excess(_shapes(_events(text, fast=fast)))
        if excess is not None:
            raise fail(path, *excess[:2], "yaml-complexe", excess[2])
    if fast:
        return _c_loader()(text).get_single_node()
    from ruamel.yaml import YAML

    with warnings.catch_warnings():
        # An anchor defined again is valid YAML (an alias takes the latest); ruamel's
        # pure composer reads it, with a warning that must not reach the terminal.
        warnings.simplefilter("ignore")
        return YAML(typ="safe", pure=True).compose(text)


def _events(text: str, *, fast: bool) -> Iterator[Any]:
    """The parser events of ``text``, from the parser that composes it."""
    if not fast:
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = _c_loader()(text)
    while parser.check_event():
        yield parser.get_event()


def _may_reach_far(text: str) -> bool:
    """Whether ``text`` may nest past MAX_DEPTH or hold an alias, told without parsing it.

    An alias (``*a``) needs an anchor (``&a``). A flow collection opens with '[' or '{';
    a block one starts further right than its parent (counting the '- ', '? ' and ': '
    that nest on one line), but a list may share its mapping's column: two levels per
    column at most.
    """
    if "&" in text and "*" in text:
        return True
    indent = max((len(line) - len(line.lstrip(" \t?:-")) for line in text.splitlines()), default=0)
    return text.count("[") + text.count("{") + 2 * (indent + 1) > MAX_DEPTH


def _shapes(events: Iterator[Any]) -> Iterator[Event]:
    """The events as :mod:`qnc.reading.parsing.limits` measures them (it knows no ruamel)."""
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
    )

    for event in events:
        if isinstance(event, ScalarEvent):
            yield SCALAR, event.anchor, len(event.value), event.start_mark
        elif isinstance(event, AliasEvent):
            yield ALIAS, event.anchor, 0, event.start_mark
        elif isinstance(event, MappingStartEvent):
            yield START_MAPPING, event.anchor, 0, event.start_mark
        elif isinstance(event, SequenceStartEvent):
            yield START_SEQUENCE, event.anchor, 0, event.start_mark
        elif isinstance(event, CollectionEndEvent):
            yield END, None, 0, event.start_mark


@cache
def _c_loader() -> Any:
    """ruamel's C parser and composer, with our own resolver of plain scalars.

    ruamel's resolver runs in Python for every scalar and took a third of the time
    of ``qnc check`` on a portfolio; plain scalars are resolved by
    :mod:`qnc.reading.parsing.scalars` instead, with the YAML 1.2 core schema that
    ruamel applies by default.
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
