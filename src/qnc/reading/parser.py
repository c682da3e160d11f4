"""The one module that knows ruamel.yaml: compose YAML text into a node tree.

ruamel's C parser is used when ``ruamel.yaml.clib`` is installed (it is a declared
dependency), its pure-Python parser otherwise; plain scalars are resolved by
:mod:`qnc.reading.scalars` rather than by ruamel's Python resolver. Nesting is
bounded before composing, since ruamel's composers recurse once per level.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import t
from qnc.reading.nodes import CORE, MAX_DEPTH, TOO_DEEP
from qnc.reading.scalars import PLAIN
from qnc.reading.text import YamlError, fail


def compose(text: str, path: Path, *, pure: bool) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        if _may_nest_too_deep(text):
            mark = _too_deep(_events(text, pure=pure))
            if mark is not None:
                raise fail(path, mark.line + 1, mark.column + 1, "yaml-complexe", TOO_DEEP)
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

        raise fail(path, *syntax_error(text, exc)) from exc
    except YAMLError as exc:  # no other kind is known; a last resort, never a traceback
        raise fail(
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
