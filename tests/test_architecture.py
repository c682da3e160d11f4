"""The layout is the pipeline: each package imports only the stages below it, and the
core stays pure (style.md §2, §3, §7).

    files -> reading -> model -> checks / rules -> inspection -> render -> cli
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "qnc"
MODULES = sorted(
    ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    for path in PACKAGE.rglob("*.py")
    if path.name != "__main__.py"
)

# What each stage may import from qnc, by the first part of the module name. A stage
# never imports one above it; `cli` is the top and may import everything.
_BASE = {"i18n", "po", "__init__"}
ALLOWED: dict[str, set[str]] = {
    "__init__": set(),
    "po": set(),
    "i18n": {"po"},
    "errors": {"i18n"},
    "oserrors": {"i18n"},
    "codes": {"i18n"},
    "diagnostics": _BASE | {"codes", "model"},
    "model": _BASE | {"model"},
    "reading": _BASE | {"codes", "diagnostics", "errors", "oserrors", "model", "reading"},
    "rules": _BASE | {"model", "rules"},
    "checks": _BASE | {"codes", "diagnostics", "model", "rules", "checks"},
    "writing": _BASE
    | {"codes", "diagnostics", "errors", "oserrors", "model", "reading", "writing"},
    "inspection": _BASE
    | {"codes", "diagnostics", "errors", "model", "reading", "rules", "checks", "inspection"},
    "editing": _BASE
    | {"codes", "diagnostics", "errors", "oserrors", "model", "reading", "rules", "checks"}
    | {"inspection", "writing", "editing"},
    "render": _BASE | {"diagnostics", "model", "rules", "inspection", "render"},
    "cli": {name for name in MODULES if "." not in name} | {m.split(".")[0] for m in MODULES},
}
# Pure stages: no command line, no terminal, no clock, no environment.
PURE = ("i18n", "errors", "codes", "diagnostics", "model", "rules", "checks")

FORBIDDEN_IMPORTS = ("typer", "rich", "click", "qnc.cli", "qnc.render")
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
}
ENVIRONMENT = {("os", "environ"), ("os", "getenv"), ("os", "putenv")}


def _source(module: str) -> str:
    path = PACKAGE.joinpath(*module.split("."))
    file = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    return file.read_text("utf-8")


def qnc_imports(source: str) -> set[str]:
    """The qnc modules ``source`` imports (absolute imports), without the ``qnc.`` prefix."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {"__init__" if m == "qnc" else m.removeprefix("qnc.") for m in found
            if m == "qnc" or m.startswith("qnc.")}  # fmt: skip


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


def test_every_module_belongs_to_a_stage() -> None:
    """A new module or package gets its place in ALLOWED before it lands."""
    assert {m.split(".")[0] for m in MODULES} <= set(ALLOWED)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_only_stages_below(module: str) -> None:
    """Data flows one way: no module imports a stage above its own."""
    allowed = ALLOWED[module.split(".")[0]]
    wrong = {m for m in qnc_imports(_source(module)) if m.split(".")[0] not in allowed}
    assert wrong == set()


@pytest.mark.parametrize("module", [m for m in MODULES if m.split(".")[0] in PURE])
def test_core_module_is_pure(module: str) -> None:
    """A core module imports no CLI or terminal library and reads neither clock nor environment."""
    assert violations(_source(module)) == []


def test_core_does_not_load_typer_or_rich() -> None:
    """Importing every core module, transitively, loads neither typer, rich nor click."""
    core = [m for m in MODULES if m.split(".")[0] in (*PURE, "reading", "inspection")]
    code = (
        "import sys\n"
        + "".join(f"import qnc.{name.removesuffix('.__init__')}\n" for name in core)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    assert done.stdout == "[]\n"


def test_only_the_parser_imports_ruamel() -> None:
    """One YAML module owns ruamel.yaml."""
    importers = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if (isinstance(node, ast.Import) and any(a.name.startswith("ruamel") for a in node.names))
        or (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ruamel"))
    )
    assert set(importers) == {"reading/parsing/parser.py"}


MODULES_PER_PACKAGE = 12
"""A package holds about ten modules: past that, a sub-package names what they share."""
ONE_PER_COMMAND = {"cli/commands"}
"""Holds one module per command, as many as qnc has commands."""
LINES_PER_MODULE = 270
"""About 250 lines at most: a longer module does more than one job."""


def test_packages_stay_small() -> None:
    sizes = {
        package.relative_to(PACKAGE).as_posix(): len(
            [p for p in package.glob("*.py") if p.name != "__init__.py"]
        )
        for package in [PACKAGE, *(d for d in PACKAGE.rglob("*") if (d / "__init__.py").exists())]
    }
    assert sizes["rules"] > 1  # the walk sees the packages
    large = {name: n for name, n in sizes.items()
             if n > MODULES_PER_PACKAGE and name not in ONE_PER_COMMAND}  # fmt: skip
    assert large == {}


def test_modules_stay_short() -> None:
    lengths = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(lengths) == len(MODULES) + 1  # every module, and __main__.py
    assert {name: n for name, n in lengths.items() if n > LINES_PER_MODULE} == {}
