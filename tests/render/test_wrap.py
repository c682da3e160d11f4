"""qnc.render.terminal.wrap: lines cut at the width, indented as their block, in French."""

from __future__ import annotations

import pytest
from rich.text import Text

from qnc.render.terminal.wrap import wrapped

BREAKS = [
    ("   Étape : une deux trois", 18, ["   Étape : une", "   deux trois"]),
    ("- NC-01 A1 — Marie Dupont", 14, ["- NC-01 A1 —", "  Marie Dupont"]),
    ("12. un deux trois quatre", 15, ["12. un deux", "    trois", "    quatre"]),
    ("voir « qnc check » ici", 8, ["voir", "« qnc", "check »", "ici"]),
    ("tenue : oui", 7, ["tenue :", "oui"]),
    ("le 18 décembre 2026", 10, ["le", "18 décembre", "2026"]),
    ("court", 80, ["court"]),
    ("un mot-interminable", 5, ["un", "mot-interminable"]),
]  # fmt: skip
"""(line, width, lines it breaks into): the Rich views and the plain ones alike."""


@pytest.mark.parametrize(("line", "width", "lines"), BREAKS)
def test_breaks_and_indents(line: str, width: int, lines: list[str]) -> None:
    """Only a plain space breaks, never after « or a number nor before » or ':'; a word
    longer than the width stays whole (Rich folds it)."""
    assert wrapped(Text(line), width).plain.split("\n") == lines


def test_styles_follow_the_words() -> None:
    """A coloured part keeps its colour on the line it moves to."""
    text = Text("- A1 — ")
    text.append("dans 5 jours", "yellow")
    out = wrapped(text, 12)
    assert out.plain == "- A1 — dans\n  5 jours"
    assert [(out.plain[s.start : s.end], str(s.style)) for s in out.spans] == [
        ("dans", "yellow"),
        ("5 jours", "yellow"),
    ]


def test_short_lines_and_blank_lines_are_kept() -> None:
    text = Text("un\n\ndeux trois")
    assert wrapped(text, 5).plain == "un\n\ndeux\ntrois"
