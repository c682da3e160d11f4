"""qnc.render.terminal.styled and lines: the plain views break, colour and clean their
lines as the Rich views do, without Rich."""

from __future__ import annotations

import io

import pytest
from rich.text import Text

from qnc.render.terminal import styled
from qnc.render.terminal.lines import cell_len, cuts
from qnc.render.terminal.styled import Styled
from qnc.render.terminal.wrap import wrapped
from tests.render.test_frames import rich_lines
from tests.render.test_wrap import BREAKS

LINES = [
    *(line for line, _, _ in BREAKS),
    "- NC-01 A1 — https://exemple.fr/un/tres/long/chemin/vers/la/preuve-envoyee.pdf — fin",
    "Organisme : 日本語の組織名がとても長い場合でも折り返されます",
    "tenue : oui, le 18\u00a0décembre 2026 à Mérignac",
]


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("width", [5, 8, 10, 14, 18, 30, 80])
def test_lines_print_as_the_rich_views_printed_them(line: str, width: int) -> None:
    """Cut by qnc's rules (:data:`BREAKS`), then a word still too long folded, tabs
    expanded: what Rich printed for the same text cut by qnc.render.terminal.wrap."""
    expected = [row.rstrip() for row in rich_lines(wrapped(Text(line), width), width)]
    assert [row.rstrip() for row in Styled(line).render(width).split("\n")] == expected


def test_cuts_of_a_line_that_fits_and_of_one_that_does_not() -> None:
    assert cuts("court  ", 10) == (0, [(0, 7)])
    assert cuts("- un deux  ", 6) == (2, [(0, 4), (5, 9)])


def test_wide_and_combining_characters_count_as_the_terminal_shows_them() -> None:
    assert cell_len("abc") == 3
    assert cell_len("e\u0301té") == 3  # é written as e + combining acute
    assert cell_len("日本") == 4


def test_colours_follow_the_words_across_a_break() -> None:
    text = Styled("- A1 — ")
    text.append("dans 5 jours", "bold yellow")
    assert text.render(12, styled.COLOURS) == (
        "- A1 — \x1b[1;33mdans\x1b[0m\n  \x1b[1;33m5 jours\x1b[0m"
    )
    assert text.render(12) == "- A1 — dans\n  5 jours"


def test_blank_lines_are_kept_and_control_characters_shown() -> None:
    """A control character is shown as its escape, which is measured and folded as text."""
    text = Styled("un\n\ndeux trois\n")
    text.append("\x1b[31mrouge\u202e", "red")
    assert text.render(5) == "un\n\ndeux\ntrois\n\\x1b[\n31mro\nuge\\u\n202e"
    assert text.render(30).endswith("\n\\x1b[31mrouge\\u202e")


def test_tabs_become_spaces_up_to_the_next_multiple_of_eight() -> None:
    """As Rich expands them, so that a box's border stays in line."""
    text = Styled("ab\tc", "bold")
    text.append("\td")
    assert text.render(40) == "ab      c       d"
    assert text.lines(40)[0].parts == [("ab      c", "bold"), ("       d", "")]


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("terminal", "env", "expected"),
    [
        (False, {}, "a b\n"),  # a pipe: 120 columns, no colour
        (False, {"FORCE_COLOR": "1"}, "\x1b[1;31ma b\x1b[0m\n"),
        (True, {"COLUMNS": "1", "NO_COLOR": "1"}, "\x1b[1ma\x1b[0m\n\x1b[1mb\x1b[0m\n"),
        (True, {"COLUMNS": "3"}, "\x1b[1;31ma b\x1b[0m\n"),
        (True, {"TERM": "dumb"}, "a b\n"),
        (True, {"TERM": "dumb", "FORCE_COLOR": "1"}, "a b\n"),  # Rich: dumb wins
        (False, {"FORCE_COLOR": ""}, "a b\n"),
    ],
)
def test_write_width_and_colour(monkeypatch: pytest.MonkeyPatch, terminal: bool,
                                env: dict[str, str], expected: str) -> None:  # fmt: skip
    for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = _Stream(terminal)
    styled.write(Styled("a b", "bold red"), stream)
    assert stream.getvalue() == expected


class _Cp1252(_Stream):
    encoding = "cp1252"


def test_box_lines_in_ascii_where_the_encoding_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cp1252 pipe (Windows) gets the box in ASCII, as Rich draws it there; the French
    letters and the ellipsis, which cp1252 has, stay."""
    monkeypatch.delenv("COLUMNS", raising=False)
    stream = _Cp1252(terminal=False)
    styled.write(Styled("╭─╮\n│ é… │\n╰─╯"), stream)
    assert stream.getvalue() == "+-+\n| é… |\n+-+\n"


@pytest.mark.parametrize(("reads", "expected"), [(True, styled.COLOURS), (False, None)])
def test_a_windows_console_is_coloured_only_if_it_reads_ansi(
    monkeypatch: pytest.MonkeyPatch, reads: bool, expected: dict[str, str] | None
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(styled.os, "name", "nt")
    monkeypatch.setattr(styled, "_windows_reads_ansi", lambda stream: reads)
    assert styled.codes(_Stream(terminal=True)) == expected
