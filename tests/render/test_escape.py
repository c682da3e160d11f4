"""Markdown escaping: hostile user text stays literal once a Markdown parser reads it."""

from __future__ import annotations

from typing import Any

import pytest

from qnc.render.plan.escape import cell, escape, link, paragraphs, table

markdown_it = pytest.importorskip("markdown_it")

HOSTILE = [
    "# x",
    "Titre\n---",
    "Autre\n===",
    "Titre\n- - -",
    "- a",
    "-a",
    "+ b",
    "= c",
    "1. b",
    "2) b",
    "* c",
    "<script>alert(1)</script>",
    "a | b",
    "**b**",
    "_i_",
    "[l](http://x)",
    "![i](http://x)",
    "`c`",
    "```\nbloc\n```",
    "~~~",
    "***",
    "___",
    "---",
    "===",
    "> quote",
    "&amp;",
    "AT&T &copy; &#65;",
    "a\\",
    "ligne\n\n    code indenté",
    "<http://x>",
    "~~barré~~",
]
TEXT_ONLY = {"text", "softbreak"}


def parse(markdown: str) -> list[Any]:
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return list(parser.parse(markdown))


def shown(tokens: list[Any]) -> list[str]:
    """The text each inline token shows, line breaks kept; fails on any markup."""
    texts = []
    for token in tokens:
        if token.type != "inline":
            continue
        children = token.children or []
        assert {c.type for c in children} <= TEXT_ONLY, [c.type for c in children]
        texts.append("".join("\n" if c.type == "softbreak" else c.content for c in children))
    return texts


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraphs_show_user_text_as_typed(text: str) -> None:
    """No heading, list, rule, quote, code, HTML, link or emphasis: only paragraphs of text."""
    tokens = parse(paragraphs(text))
    kinds = {t.type for t in tokens}
    assert kinds <= {"paragraph_open", "inline", "paragraph_close"}
    blocks = text.split("\n\n")
    assert shown(tokens) == ["\n".join(line.strip() for line in b.splitlines()) for b in blocks]


@pytest.mark.parametrize("text", HOSTILE)
def test_cell_keeps_the_table_whole(text: str) -> None:
    """A hostile cell stays one cell of one row, and shows the text on one line."""
    tokens = parse(table(["A", "B"], [[cell(text), "fin"]]))
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2
    assert shown(tokens) == ["A", "B", " ".join(text.split()), "fin"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titre\n---", "Titre\n\\---"),
        ("Autre\n===", "Autre\n\\==="),
        ("-a", "\\-a"),
        ("+x", "\\+x"),
        ("  = x", "\\= x"),
        ("> quote", "\\> quote"),
        ("a - b + c = d", "a - b + c = d"),
    ],
)
def test_escape_marks_line_starts(text: str, expected: str) -> None:
    """'-', '+' and '=' are escaped at the start of a line whatever follows, and only there."""
    assert escape(text) == expected


def test_escape_dollars() -> None:
    """'$' is escaped, so that no math renderer reads '$x$' as a formula."""
    assert escape("$x$") == "\\$x\\$"


def test_link_target_with_a_space() -> None:
    """A space in an evidence path becomes %20 inside the angle brackets."""
    assert link("a", "preuves/mon fichier.pdf") == "[a](<preuves/mon%20fichier.pdf>)"


@pytest.mark.parametrize("text", ["a\n  \nb", "a\n \n\t\nb", "a\n\n\n\nb"])
def test_blank_lines_holding_spaces_separate_paragraphs(text: str) -> None:
    """Blank lines, even of spaces or several in a row, make one paragraph break."""
    assert paragraphs(text) == "a\n\nb"
