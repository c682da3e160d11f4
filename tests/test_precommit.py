"""The pre-commit manifest: valid YAML with what pre-commit requires, and the right files."""

from __future__ import annotations

import re
import tomllib

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

REQUIRED = {"id", "name", "entry", "language"}


def hooks() -> list[dict[str, object]]:
    data = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert isinstance(data, list)
    return data


def qnc_check() -> dict[str, object]:
    (hook,) = [h for h in hooks() if h["id"] == "qnc-check"]
    return hook


def test_manifest_has_required_fields() -> None:
    """Every hook has the keys pre-commit requires, with text values."""
    for hook in hooks():
        assert hook.keys() >= REQUIRED
        assert all(isinstance(hook[key], str) and hook[key] for key in REQUIRED)


def test_qnc_check_hook_runs_the_installed_command() -> None:
    """The hook installs qnc with pip and runs `qnc check` once, without file names."""
    hook = qnc_check()
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert str(hook["entry"]).split() == ["qnc", "check"]
    assert "qnc" in scripts


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("audit.yaml", True),
        ("qualiopi/2026-09-audit-initial/audit.yaml", True),
        ("qualiopi/2026-09-audit-initial/nc/NC-01.yaml", True),
        ("client/a/nc/NC-12.yml", True),
        ("client/a/nc/archive/NC-01.yaml", True),  # misplaced: qnc check says so
        ("client/a/NC/NC-01.YAML", True),
        ("client/a/nc/NC-01.yaml.txt", True),
        ("client/a/notes.md", False),
        ("client/a/preuves/grille.pdf", False),
        ("client/a/yaml/readme.txt", False),
    ],
)
def test_files_pattern(path: str, matches: bool) -> None:
    """The hook runs when a YAML file changes, wherever it is: an NC file put in the wrong
    folder or saved as .yaml.txt must stop the commit too."""
    assert bool(re.search(str(qnc_check()["files"]), path)) is matches


def test_readme_shows_the_snippet() -> None:
    """The README shows the .pre-commit-config.yaml lines a user adds."""
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "      - id: qnc-check" in readme
    assert ".pre-commit-config.yaml" in readme
