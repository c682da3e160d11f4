"""The core stays pure: no CLI or terminal library, no clock, no environment (style.md §3, §7)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "qnc"
CORE = [
    "models",
    "referential",
    "durations",
    "dates",
    "clocks",
    "checks",
    "diagnostics",
    "i18n",
    "folder",
    "labels",
    "validation",
    "scalars",
    "natural",
    "priority",
    "verdict",
    "report",
]
CORE_MODULES = CORE

FORBIDDEN_IMPORTS = ("typer", "rich", "click", "qnc.cli", "qnc.render")
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
}
ENVIRONMENT = {("os", "environ"), ("os", "getenv"), ("os", "putenv")}


def violations(source: str) -> list[str]:
    """Forbidden imports, clock reads and environment reads found in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        for module in modules:
            if any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN_IMPORTS):
                found.append(f"line {node.lineno}: imports {module}")
        if isinstance(node, ast.Attribute):
            owner = node.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.attr) in CLOCK_CALLS:
                found.append(f"line {node.lineno}: reads the clock ({name}.{node.attr})")
            if (name, node.attr) in ENVIRONMENT:
                found.append(f"line {node.lineno}: reads the environment ({name}.{node.attr})")
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import typer\n", ["line 1: imports typer"]),
        ("from rich.table import Table\n", ["line 1: imports rich.table"]),
        ("from qnc.cli.options import h\n", ["line 1: imports qnc.cli.options"]),
        ("from datetime import date\nx = date.today()\n", ["line 2: reads the clock (date.today)"]),
        (
            "import datetime\nx = datetime.datetime.now()\n",
            ["line 2: reads the clock (datetime.now)"],
        ),
        (
            "import os\nx = os.environ.get('QNC_LANG')\n",
            ["line 2: reads the environment (os.environ)"],
        ),
        ("from datetime import date\nx = date(2026, 1, 1)\nimport richer\n", []),
    ],
)
def test_scanner_finds_violations(source: str, expected: list[str]) -> None:
    """The scanner itself catches each kind of violation, and nothing else."""
    assert violations(source) == expected


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_is_pure(module: str) -> None:
    """A core module imports no CLI or terminal library and reads neither clock nor environment."""
    assert violations((PACKAGE / f"{module}.py").read_text("utf-8")) == []


def test_core_does_not_load_typer_or_rich() -> None:
    """Importing every core module, transitively, loads neither typer, rich nor click."""
    code = (
        "import sys\n"
        + "".join(f"import qnc.{name}\n" for name in CORE_MODULES)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    assert done.stdout == "[]\n"


def test_only_yamlio_imports_ruamel() -> None:
    """One YAML module owns ruamel.yaml."""
    importers = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if (isinstance(node, ast.Import) and any(a.name.startswith("ruamel") for a in node.names))
        or (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ruamel"))
    )
    assert set(importers) == {"yamlio.py"}
