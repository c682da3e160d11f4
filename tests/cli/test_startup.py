"""Start-up stays light: each command imports only what it uses (python -X importtime)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

EXAMPLE = str(EXAMPLES / "2026-09-audit-initial")


def imported(*args: str) -> set[str]:
    """The modules a whole `qnc` process imports, as `python -X importtime` lists them."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "qnc", *args, "--today", "2026-11-20"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.rpartition("|")[2].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


WORD = ("docx", "lxml", "PIL")
"""The Word document's libraries: only `qnc plan --out plan.docx` loads them."""


def loaded(modules: set[str], *packages: str) -> set[str]:
    return {m for m in modules if m.split(".")[0] in packages}


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_check_does_not_import_rich_nor_the_reports(output: str) -> None:
    """qnc check, run on every commit, loads neither Rich nor the status/plan machinery."""
    modules = imported("check", EXAMPLE, "--format", output)
    assert "qnc.reading.loader" in modules  # the probe sees qnc's own modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not loaded(modules, *WORD)
    assert not modules & {
        "qnc.rules.report",
        "qnc.rules.priority",
        "qnc.rules.verdict",
        "qnc.render.plan.markdown",
    }


def test_status_json_imports_neither_rich_nor_markdown() -> None:
    """status --format json needs no terminal rendering and no Markdown."""
    modules = imported("status", EXAMPLE, "--format", "json")
    assert "qnc.rules.report" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not loaded(modules, *WORD)
    assert not modules & {
        "qnc.render.plan.markdown",
        "qnc.render.plan.escape",
        "qnc.render.plan.gantt",
    }


def test_status_of_one_audit_loads_neither_rich_nor_the_plan() -> None:
    """The status of one audit is drawn by qnc (a box, a table, lines): no Rich, and not
    the Markdown plan renderer."""
    modules = imported("status", EXAMPLE)
    assert "qnc.render.terminal.frames" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not loaded(modules, *WORD)
    assert not modules & {
        "qnc.render.plan.markdown",
        "qnc.render.plan.escape",
        "qnc.render.plan.gantt",
    }


def test_history_json_imports_neither_rich_nor_markdown() -> None:
    """historique --format json needs no terminal rendering and no Markdown."""
    modules = imported("historique", EXAMPLE, "--format", "json")
    assert "qnc.rules.cycle.history" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not modules & {"qnc.render.plan.markdown", "qnc.render.terminal.status"}


def test_history_in_the_terminal_loads_no_rich() -> None:
    """The history is lines of text: written without Rich, the plan or the status views."""
    modules = imported("historique", EXAMPLE)
    assert "qnc.render.terminal.styled" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not modules & {"qnc.render.plan.markdown", "qnc.render.terminal.status"}


READS = {
    "check": ["check", EXAMPLE],
    "status": ["status", EXAMPLE, "--format", "json"],
    "history": ["historique", EXAMPLE, "--format", "json"],
    "plan": ["plan", EXAMPLE],
    "indicators": ["indicateurs", "--format", "json"],
    "schema": ["schema", "audit"],
    "reminders": ["relances", EXAMPLE],
    "calendar": ["calendar", EXAMPLE],
    "export": ["export", EXAMPLE],
    "fingerprint": ["empreinte", str(EXAMPLES / "2026-09-audit-initial" / "audit.yaml")],
}
"""One run of each command that only reads, by its module in ``qnc.cli.commands``."""


@pytest.mark.parametrize("module", list(READS))
def test_a_run_builds_only_its_command(module: str) -> None:
    """Each command is imported and built only when it runs: the others cost nothing."""
    commands = {m for m in imported(*READS[module]) if m.startswith("qnc.cli.commands.")}
    assert commands == {f"qnc.cli.commands.{module}"}


def test_every_command_has_a_start_up_test() -> None:
    """A new command is not forgotten here: each one is run by a test of this module."""
    from qnc.cli.commands import COMMANDS

    assert set(COMMANDS.values()) == set(READS) | set(EDITS)
    assert not set(READS) & set(EDITS) - {"check"}


def test_markdown_plan_loads_no_word_library() -> None:
    """The Markdown plan, even the working view with its calendar, needs neither
    python-docx nor Pillow."""
    modules = imported("plan", EXAMPLE, "--interne")
    assert "qnc.render.plan.markdown" in modules
    assert not loaded(modules, *WORD)


def test_word_plan_loads_pillow_only_for_the_calendar(tmp_path: Path) -> None:
    """The certifier's Word document loads python-docx, not Pillow; the working view,
    which draws the calendar, loads both."""
    certifier = imported("plan", EXAMPLE, "--out", str(tmp_path / "plan.docx"))
    assert "docx" in certifier and not loaded(certifier, "PIL")
    working = imported("plan", EXAMPLE, "--interne", "--out", str(tmp_path / "interne.docx"))
    assert {"docx", "PIL"} <= working


EDITS = {
    "done": ["done", "NC-02", "A2", "--dossier", EXAMPLE, "--dry-run"],
    "sent": ["sent", "NC-02", "--preuves", "--dossier", EXAMPLE, "--dry-run"],
    "verify": ["verify", "NC-02", "--resultat", "efficace", "--dossier", EXAMPLE, "--dry-run"],
    # NC-02 of the example is lifted at the 2028 surveillance audit; NC-04 never is.
    "lift": ["lift", "NC-04", "--dossier", EXAMPLE, "--dry-run"],
    "add": ["add", "--indicateur", "17", "--gravite", "mineure", "--constat", "x",
            "--dossier", EXAMPLE, "--dry-run"],
    "add_action": ["add-action", "NC-02", "--description", "x", "--responsable", "y",
                   "--echeance", "2026-12-01", "--dossier", EXAMPLE, "--dry-run"],
    "init": ["init", "/nonexistent/qnc-startup-test", "--nom", "x", "--categories", "AF",
             "--certificateur", "y", "--type", "initial", "--debut", "2026-09-14",
             "--dry-run"],
    "check": ["check", "--fix", "--dry-run", EXAMPLE],
}  # fmt: skip


@pytest.mark.parametrize("module", list(EDITS))
def test_edit_commands_load_neither_rich_nor_the_reports(module: str) -> None:
    """The commands that write a fact (--dry-run here) build only themselves and load
    neither Rich nor the status and plan machinery."""
    modules = imported(*EDITS[module])
    assert "qnc.writing.edit" in modules or module == "init"
    assert {m for m in modules if m.startswith("qnc.cli.commands.")} == {
        f"qnc.cli.commands.{module}",
        *(["qnc.cli.commands.schema"] if module == "init" else []),
    }
    assert not loaded(modules, "rich", *WORD)
    assert not modules & {"qnc.rules.report", "qnc.rules.priority", "qnc.rules.verdict",
                          "qnc.render.plan.markdown"}  # fmt: skip


EXPORT_LIBRARIES = {"icalendar", "openpyxl"}


def _libraries(modules: set[str]) -> set[str]:
    return {m.partition(".")[0] for m in modules} & EXPORT_LIBRARIES


@pytest.mark.parametrize(
    "command", [("check",), ("status",), ("status", "--format", "json"), ("relances",)]
)
def test_daily_commands_load_no_export_library(command: tuple[str, ...]) -> None:
    """check (every commit), status and relances load neither icalendar nor openpyxl."""
    modules = imported(command[0], EXAMPLE, *command[1:])
    assert "qnc.inspection" in modules
    assert _libraries(modules) == set()


@pytest.mark.parametrize(
    ("command", "library"),
    [(("calendar",), {"icalendar"}), (("export",), set())],
)
def test_each_export_loads_only_its_library(command: tuple[str, ...], library: set[str]) -> None:
    """calendar loads icalendar and not openpyxl; a CSV export loads neither."""
    assert _libraries(imported(command[0], EXAMPLE, *command[1:])) == library


def test_xlsx_export_loads_openpyxl_and_nothing_of_the_other_formats(tmp_path: Path) -> None:
    """export --out *.xlsx loads openpyxl (which brings Pillow), but not icalendar, the Word
    writer nor Rich."""
    modules = imported("export", EXAMPLE, "--out", str(tmp_path / "suivi.xlsx"))
    assert _libraries(modules) == {"openpyxl"}
    assert not loaded(modules, "docx", "rich")
    assert "qnc.render.plan.markdown" not in modules


@pytest.mark.parametrize(
    ("command", "rich"),
    [
        (("schema", "audit"), False),
        (("empreinte", str(EXAMPLES / "2026-09-audit-initial" / "audit.yaml")), False),
        (("indicateurs",), True),
        (("indicateurs", "--format", "json"), False),
    ],
)
def test_reference_commands_read_no_audit(command: tuple[str, ...], rich: bool) -> None:
    """schema, empreinte and indicateurs read no audit folder: neither the inspection nor
    the YAML reader is loaded; only the indicators' table loads Rich."""
    modules = imported(*command)
    assert "qnc.cli.app" in modules
    assert not modules & {"qnc.inspection", "qnc.reading.loader", "ruamel.yaml"}
    assert bool(loaded(modules, "rich")) is rich
    assert not _libraries(modules) and not loaded(modules, *WORD)


def test_the_console_entry_runs_without_the_cyclic_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """qnc's run makes no cycles worth collecting, and collections cost its start-up
    about 4 %: the console entry turns the collector off before importing anything."""
    import gc

    import qnc.cli
    import qnc.cli.app

    seen: list[bool] = []
    monkeypatch.setattr(qnc.cli.app, "main", lambda: seen.append(gc.isenabled()))
    try:
        qnc.cli.main()
    finally:
        gc.enable()
    assert seen == [False]
