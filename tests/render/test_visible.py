"""No output of qnc carries a control character, whatever brings it: a folder or file
name, a value the records refused, a word typed on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qnc.model.characters import CONTROL
from qnc.render.diagnostics import json_text, visible
from tests.conftest import NC

Run = Callable[..., Any]
WriteAudit = Callable[..., Path]
TODAY = ("--today", "2026-03-20")
HOSTILE_NAME = "client\x1b[2J\x1b]0;titre\x07\u202ex"
"""A folder name that clears the screen, retitles the window and reverses the line."""


def test_visible_escapes_every_refused_character() -> None:
    """One message line: every control, tab and line break becomes an escape."""
    assert visible("a\x1b[2J\tb\nc\x9b\u202e\u2066\u200f") == (
        "a\\x1b[2J\\x09b\\x0ac\\x9b\\u202e\\u2066\\u200f"
    )


def test_visible_keeps_the_lines_of_a_document() -> None:
    """A document or a table keeps its tabs and line breaks, nothing else."""
    assert visible("a\tb\nc\x1b\r", lines=True) == "a\tb\nc\\x1b\\x0d"


def test_json_text_escapes_what_json_dumps_leaves() -> None:
    """json.dumps escapes C0 only; C1, DEL and bidirectional characters are escaped too."""
    text = json_text({"chemin": "a\x1b\x9b\x7f\u202e\u200e"})
    assert CONTROL.search(text) is None
    assert json.loads(text) == {"chemin": "a\x1b\x9b\x7f\u202e\u200e"}


def no_control(*texts: str) -> bool:
    """No refused character, a CRLF line end aside (iCalendar and CSV for Excel use it)."""
    return all(CONTROL.search(text.replace("\r\n", "\n")) is None for text in texts)


@pytest.fixture
def hostile_portfolio(write_audit: WriteAudit, tmp_path: Path) -> Path:
    """Two audits, one in a folder named to attack the terminal, with an NC file named so."""
    folder = write_audit(name=f"portefeuille/{HOSTILE_NAME}")
    (folder / "nc" / "NC-02\x1b[31m.yaml").write_text(
        NC.replace("NC-01", "NC-02").replace("12", "17"), "utf-8"
    )
    write_audit(name="portefeuille/autre")
    return tmp_path / "portefeuille"


@pytest.mark.parametrize(
    "args",
    [
        ["status", "portefeuille"],
        ["status", "portefeuille", "--detail", "--explain"],
        ["status", "portefeuille", "--format", "json"],
        ["status", f"portefeuille/{HOSTILE_NAME}"],
        ["status", f"portefeuille/{HOSTILE_NAME}", "--format", "json"],
        ["plan", f"portefeuille/{HOSTILE_NAME}"],
        ["check", "portefeuille"],
        ["check", "portefeuille", "--format", "json"],
        ["check", "portefeuille", "--format", "github"],
        ["relances", "portefeuille"],
        ["calendar", "portefeuille"],
        ["export", "portefeuille"],
        ["historique", "portefeuille"],
    ],
)
def test_hostile_names_never_reach_the_output(
    run_main: Run, hostile_portfolio: Path, args: list[str]
) -> None:
    """Folder and file names are shown escaped in tables, lists, JSON and the plan."""
    result = run_main(*args, *TODAY)
    assert result.exit_code == 0, result.stderr
    assert no_control(result.stdout, result.stderr)
    if args[0] in ("status", "plan", "check", "export", "historique"):  # they name folders
        assert "client\\x1b[2J" in result.stdout + result.stderr or "client\\u001b[2J" in (
            result.stdout
        )


@pytest.mark.parametrize("width", ["80", "200"])
def test_status_escapes_in_the_table_and_the_list(
    run_main: Run, hostile_portfolio: Path, width: str
) -> None:
    """The wide table and the narrow list of one audit show the folder's name escaped,
    every character of it (the bell too)."""
    result = run_main("status", f"portefeuille/{HOSTILE_NAME}", *TODAY, env={"COLUMNS": width})
    assert no_control(result.stdout)
    assert "client\\x1b[2J\\x1b]0;titre\\x07\\u202ex" in result.stdout


def test_usage_error_quotes_what_was_typed_escaped(run_main: Run) -> None:
    """`--format $'\\e[2J'` is quoted back escaped, as every other message is."""
    result = run_main("status", "--format", "\x1b[2J")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Erreur : valeur invalide pour --format : « \\x1b[2J » ne fait pas partie de : "
        "table, json\n"
    )


def test_dry_run_diff_shows_a_comment_escaped(run_main: Run, write_audit: WriteAudit) -> None:
    """A comment may hold any character YAML allows, a right-to-left override included:
    the diff of --dry-run shows it escaped (the file itself is not touched)."""
    text = NC + "# relu par \u202eelleim\n"
    folder = write_audit(ncs={"NC-01.yaml": text})
    result = run_main("sent", "NC-01", "--plan", "--dry-run", "--dossier", str(folder), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert no_control(result.stdout, result.stderr)
    assert " # relu par \\u202eelleim\n" in result.stdout
    assert (folder / "nc" / "NC-01.yaml").read_text("utf-8") == text


def test_workbook_holds_no_control_character(run_main: Run, hostile_portfolio: Path) -> None:
    """The XLSX export names each NC file: escaped, where openpyxl would refuse the raw
    character (a traceback) and Excel would show it."""
    openpyxl = pytest.importorskip("openpyxl")
    out = hostile_portfolio.parent / "actions.xlsx"
    result = run_main("export", "portefeuille", "--out", str(out), *TODAY)
    assert result.exit_code == 0, result.stderr
    cells = [
        str(cell.value)
        for sheet in openpyxl.load_workbook(out).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert no_control(*cells)
    assert any("client\\x1b[2J" in cell for cell in cells)
