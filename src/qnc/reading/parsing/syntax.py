"""Plain words for what ruamel's parsers find wrong in a file (no ruamel import here).

ruamel's C and pure-Python parsers word problems differently and place some of them
differently: both are understood here, so a file gets the same message either way.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from qnc.i18n import Msg, t

# Characters YAML forbids (ruamel/yaml/reader.py, NON_PRINTABLE). Looked for here, as
# the C parser places them by byte and the pure one by character.
_FORBIDDEN = re.compile(
    r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]"
)
_FORBIDDEN_REPORTED = 20
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks, as both parsers count lines."""

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
    "a second document starts here ('---'): valid YAML, but not accepted in an audit file, "
    "which is read as one document: what follows would be lost; remove this line, or move "
    "what follows to a file of its own"
)
_TAB_BETWEEN = t(
    "a tab separates two parts of this line: YAML allows it, but audit files do not (editors "
    "show a tab at varying widths, which hides the indentation YAML reads); replace it "
    "with a space"
)
_DOCUMENT_END = t(
    "'...' ends the document here: YAML allows another document after it, but an audit "
    "file is read as one document: what follows would be lost; remove this line"
)
_REFUSED = (_SECOND_DOCUMENT, _TAB_BETWEEN, _DOCUMENT_END)
"""Valid YAML that audit files do not accept, on purpose: code yaml-non-accepte."""
_LIST_ON_KEY_LINE = t(
    "a list cannot start on the line of its key; put each '- ' item on a line of its own, indented"
)
_ESCAPE = t(
    "a backslash between double quotes starts an escape sequence; put the value in "
    "single quotes instead"
)
_BLANK_FIRST = t(
    "a blank line at the start of a text after '|' or '>' holds more spaces than the "
    "text's first line; remove those spaces"
)
_TEXT_AFTER = t("unexpected text after the data of the file; remove it, or indent it under its key")
_VALUE_EXPECTED = t(
    "a value is expected here; check the brackets, the commas and the ':' around it, or put "
    "the text in quotes"
)
_COLON = t(
    "a ':' is not allowed here; check the indentation of this line, or put the text in quotes"
)
_TAG = t(
    "this tag ('!…') is malformed, and audit files take no tags anyway; remove it, or put "
    "the value in quotes"
)
_DIRECTIVE = t(
    "a line starting with '%' is a YAML directive, and this one is malformed or repeated; "
    "remove it, or put the text in quotes"
)
_INDENTATION = (_KEY_ALIGNMENT, _LIST_ITEM, _COLON)
"""What a key that lost its indentation makes the parser say (at its line or the next)."""
# ruamel's C and pure-Python parsers word problems differently: the start of each
# wording is listed. The pure parser's "expected <block end>" is told by its context.
_PROBLEMS = {
    "mapping values are not allowed": _COLON,
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
    "found invalid Unicode character escape": _ESCAPE,
    "expected '<document start>'": _TEXT_AFTER,
    "did not find expected <document start>": _TEXT_AFTER,
    "did not find expected hexdecimal number": _ESCAPE,
    "expected escape sequence": _ESCAPE,
    "did not find expected node content": _VALUE_EXPECTED,
    "expected the node content": _VALUE_EXPECTED,
    "found unexpected ':'": _COLON,
    "mapping keys are not allowed": t(
        "a '?' here starts a key where none is allowed; put the text in quotes"
    ),
    "found unexpected document": t(
        "a line starting with '---' or '...' inside a text in quotes would end the document; "
        "indent that line, or change it"
    ),
    "found undefined tag handle": _TAG,
    "more indented follow up line": _BLANK_FIRST,
    "found duplicate": _DIRECTIVE,
    "duplicate tag handle": _DIRECTIVE,
    "found incompatible YAML document": _DIRECTIVE,
}
_CONTEXTS = {
    "more indented follow up line": _BLANK_FIRST,  # ruamel's pure parser says it here
    "while scanning a directive": _DIRECTIVE,
    "while parsing a tag": _TAG,  # the pure parser says "an tag"
    "while parsing an tag": _TAG,
    "while scanning an tag": _TAG,
    "while scanning a tag": _TAG,
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


def forbidden_characters(text: str, exc: Any) -> list[tuple[int, int, Msg]]:
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
        problems.append((line, column, message))
    return problems


def _position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``."""
    breaks = list(_BREAK.finditer(text, 0, index))
    return len(breaks) + 1, index - (breaks[-1].end() if breaks else 0) + 1


def directive_error(text: str) -> tuple[int, int, str, Msg]:
    """The first '%' directive of ``text``, for a version ruamel's pure parser refuses
    with an assertion rather than a syntax error (``%YAML 1.3``)."""
    lines = text.split("\n")
    line = next((n for n, row in enumerate(lines, start=1) if row.startswith("%")), 1)
    return line, 1, "syntaxe-yaml", _DIRECTIVE


def syntax_error(text: str, exc: Any) -> tuple[int, int, str, Msg]:
    """Line, column, code and plain words for one of ruamel's syntax errors."""
    problem, context = str(exc.problem or ""), str(exc.context or "")
    # The simple key that lacks its ':' is a better place than where the ':' was sought.
    lacks_colon = problem.startswith("could not find expected ':'") and exc.context_mark
    mark = exc.context_mark if lacks_colon else exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    lines = _BREAK.split(text)
    if line >= len(lines):  # the C parser's end of a file without a last line break
        line, column = len(lines) - 1, len(lines[-1])
    before = lines[line][:column] if line < len(lines) else ""
    culprit = lines[line][column : column + 1] if line < len(lines) else ""
    if before.strip() == "" and "\t" in before + culprit:
        message = t("a tab is used for indentation; YAML needs spaces")
        return line + 1, column + 1, "tabulation", message
    if culprit == "\t":
        return line + 1, column + 1, "yaml-non-accepte", _TAB_BETWEEN
    if culprit == "\ufeff":
        message = t(
            "an invisible byte order mark (U+FEFF) stands here, in the middle of the file "
            "(often left when two files are pasted together); delete it"
        )
        return line + 1, column + 1, "caractere-interdit", message
    text_line = lines[line] if line < len(lines) else ""
    if ":" in text_line and len(text_line.split(":", 1)[0].strip()) > _KEY_LIMIT:
        message = t(
            "this key is longer than {limit} characters, which YAML does not allow; shorten "
            "it, or indent the line if it continues the text above",
            limit=_KEY_LIMIT,
        )
        return line + 1, 1, "syntaxe-yaml", message
    if problem.startswith("found unknown escape") and before.endswith("\\"):
        column -= 1  # the pure parser points after the backslash, the C one at it
    message = _explain(problem, context, culprit, at_line_start=before.strip() == "")
    if message in _INDENTATION:
        from qnc.reading.parsing.indentation import misaligned_key

        misaligned = misaligned_key(lines, line)
        if misaligned is not None:
            return (*misaligned[:2], "cle-mal-indentee", misaligned[2])
    if _SINGLE_QUOTED.search(before) and culprit.strip():
        # constat: 'L'organisme …': the apostrophe closed the quotes.
        message = t(
            "an apostrophe ends a text in single quotes; write it twice ('') or put the "
            'whole value in double quotes (")'
        )
    if message is _TEXT_AFTER or (message is _SECOND_DOCUMENT and culprit != "-"):
        end = next((n for n in range(line - 1, -1, -1) if lines[n].rstrip() == "..."), None)
        if end is not None:  # a document end marker, then a second document
            return end + 1, 1, "yaml-non-accepte", _DOCUMENT_END
    code = "yaml-non-accepte" if message in _REFUSED else "syntaxe-yaml"
    return line + 1, column + 1, code, message


_KEY_LIMIT = 1024
"""YAML's limit on the length of a key written without '?' (spec 1.2, 7.4.2)."""
_SINGLE_QUOTED = re.compile(r"(?:^|[:\-\[,{])\s*'[^']*'$")


_AFTER_QUOTES = t(
    "unexpected text after a value in quotes or brackets; put the whole value in quotes"
)


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
        return _AFTER_QUOTES
    return message or t("invalid YAML syntax: {detail}", detail=problem or context)
