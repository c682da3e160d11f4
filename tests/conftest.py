"""Shared fixtures: audit folders built in tmp_path, and the CLI run in-process."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

# A developer's QNC_LANG or QNC_TODAY must not change what these tests see.
os.environ.pop("QNC_LANG", None)
os.environ.pop("QNC_TODAY", None)

from typer.testing import CliRunner

from qnc.cli import localized
from qnc.cli.app import app, main
from qnc.i18n import DEFAULT_LANGUAGE, translator
from qnc.inspection import inspect

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# A minimal valid audit. Line numbers matter: tests point at them.
AUDIT = """\
organisme:
  nom: Formations du Littoral
  categories: [AF]
certificateur:
  nom: Certif Exemple
audit:
  type: initial
  debut: 2026-03-09
  fin: 2026-03-10
  notification: 2026-03-12
"""
# A minimal valid minor NC (indicator 12 applies to every category), lines 1-4;
# tests append lines from line 5 on.
NC = """\
id: NC-01
indicateur: 12
gravite: mineure
constat: Absences non suivies.
"""
QUIET_DAY = date(2026, 3, 20)
"""A day when the minimal audit above has no deadline passed and no fact in the future."""


@pytest.fixture(autouse=True)
def _one_run_per_test() -> Iterator[None]:
    """The language of a run lasts as long as the process in real use: here, one test."""
    token = localized._RUN.set((DEFAULT_LANGUAGE, ()))
    yield
    localized._RUN.reset(token)


@pytest.fixture
def audit_text() -> str:
    """The minimal valid audit.yaml (10 lines)."""
    return AUDIT


@pytest.fixture
def nc_text() -> str:
    """The minimal valid nc/NC-01.yaml (4 lines)."""
    return NC


WriteAudit = Callable[..., Path]


@pytest.fixture
def write_audit(tmp_path: Path) -> WriteAudit:
    """``write_audit(audit_yaml, ncs, name=..., files=...)`` builds an audit folder in tmp_path.

    ``audit_yaml`` None leaves audit.yaml out; ``ncs`` maps nc/ file names to their
    text or bytes; ``files`` adds other files (evidence) by path relative to the folder.
    """

    def write(
        audit_yaml: str | bytes | None = AUDIT,
        ncs: Mapping[str, str | bytes] | None = None,
        *,
        name: str = "audit",
        files: Mapping[str, str] | None = None,
    ) -> Path:
        folder = tmp_path / name
        (folder / "nc").mkdir(parents=True)
        if audit_yaml is not None:
            _write(folder / "audit.yaml", audit_yaml)
        for file_name, content in (ncs if ncs is not None else {"NC-01.yaml": NC}).items():
            _write(folder / "nc" / file_name, content)
        for relative, content in (files or {}).items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(content, "utf-8")
        return folder

    return write


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


@dataclass(frozen=True)
class Found:
    """A diagnostic as a test compares it: file relative to the audit, French message."""

    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str


@pytest.fixture
def diagnose() -> Callable[..., list[Found]]:
    """``diagnose(folder, today=..., lang="fr")``: every diagnostic of the whole pipeline."""

    def run(folder: Path, *, today: date = QUIET_DAY, lang: str = "fr") -> list[Found]:
        tr = translator(lang)  # type: ignore[arg-type]
        return [
            Found(
                d.path.relative_to(folder).as_posix()
                if d.path.is_relative_to(folder)
                else str(d.path),
                d.line,
                d.column,
                d.severity.value,
                d.code,
                tr(d.message),
            )
            for d in inspect([folder], today=today).diagnostics
        ]

    return run


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


_CLEAN_ENV: dict[str, str | None] = {
    "QNC_LANG": None,
    # Tests never depend on the real date: without --today, commands run on this day.
    "QNC_TODAY": "2026-11-20",
    # On GitHub Actions, annotation paths would start from the workspace.
    "GITHUB_WORKSPACE": None,
    "NO_COLOR": None,
    # A developer's or a CI's terminal settings must not change rendered text.
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "CLICOLOR_FORCE": None,
    "COLUMNS": None,
    "LINES": None,
}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Outcome]:
    """``run(*args, env=..., cwd=...)``: the Typer app in-process, from tmp_path by default.

    CliRunner keeps stdout and stderr apart. A QncError escapes ``app`` (``main``
    catches it); it is re-raised here so that no test mistakes it for an exit status.
    """

    def invoke(
        *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
    ) -> Outcome:
        monkeypatch.chdir(cwd or tmp_path)
        result = CliRunner().invoke(app, list(args), env={**_CLEAN_ENV, **(env or {})})
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def run_main(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Outcome]:
    """``run_main(*args)``: the console entry point ``qnc.cli.app.main`` with patched argv.

    Unlike ``run``, this covers what ``main`` adds around the app: the QncError handler
    (``qnc: …`` on stderr, exit 1) and usage errors in the user's language (exit 2).
    """

    def invoke(
        *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
    ) -> Outcome:
        monkeypatch.chdir(cwd or tmp_path)
        for key, value in {**_CLEAN_ENV, **(env or {})}.items():
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "argv", ["qnc", *args])
        capsys.readouterr()
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        else:
            code = 0
        out, err = capsys.readouterr()
        return Outcome(code, out, err)

    return invoke
