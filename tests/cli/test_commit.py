"""--commit: the change recorded in git, only the files written, with a message that
states the fact; refused cleanly, before anything is written, without a repository or
without git. qnc init --git: a repository with its pre-commit configuration."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.edits import DAY, golden_folder

Run = Callable[..., Any]
WriteAudit = Callable[..., Path]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Commits made by the tests: a fixed identity, no user or system configuration."""
    for key, value in {
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
    }.items():  # fmt: skip
        monkeypatch.setenv(key, value)


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def _repository(folder: Path) -> None:
    git(folder, "init", "--quiet")
    git(folder, "add", ".")
    git(folder, "commit", "--quiet", "-m", "audit")


def test_commit_records_only_the_files_written(run_main: Run, write_audit: WriteAudit) -> None:
    """The commit holds the NC file alone, with the organisation and the fact as message
    (a repository may hold many clients' audits); another change the user had staged
    stays staged, uncommitted."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    _repository(folder)
    (folder / "audit.yaml").write_text((folder / "audit.yaml").read_text() + "# note\n")
    git(folder, "add", "audit.yaml")
    result = run_main("done", "NC-02", "A2", "--le", "2026-06-10", "--commit", *DAY, cwd=folder)
    assert (result.exit_code, result.stderr) == (0, "")
    assert git(folder, "log", "-1", "--format=%s") == (
        "Formations du Littoral — NC-02 : action A2 faite le 10 juin 2026\n"
    )
    assert git(folder, "show", "--name-only", "--format=") == "nc/NC-02.yaml\n"
    assert git(folder, "diff", "--cached", "--name-only") == "audit.yaml\n"


def test_commit_message_in_english(run_main: Run, write_audit: WriteAudit) -> None:
    """With --lang en, the commit message is English."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    _repository(folder)
    run_main("lift", "NC-02", "--le", "2026-06-19", "--commit", "--lang", "en", *DAY, cwd=folder)
    assert git(folder, "log", "-1", "--format=%s") == (
        "Formations du Littoral — NC-02: lifted on 19 June 2026\n"
    )


def test_commit_outside_a_repository_is_refused_before_writing(
    run_main: Run, write_audit: WriteAudit
) -> None:
    """Not in a git repository: exit 1, the reason, and the file as it was."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    before = (folder / "nc" / "NC-02.yaml").read_bytes()
    result = run_main("lift", "NC-02", "--commit", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: « " + str(folder) + " » n'est dans aucun dépôt git : retirez --commit, ou créez "
        "d'abord le dépôt (git init)\n"
    )
    assert (folder / "nc" / "NC-02.yaml").read_bytes() == before


def test_commit_without_git_is_refused_before_writing(
    run_main: Run, write_audit: WriteAudit
) -> None:
    """git not installed: exit 1, said in French, nothing written."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    before = (folder / "nc" / "NC-02.yaml").read_bytes()
    result = run_main("lift", "NC-02", "--commit", *DAY, cwd=folder, env={"PATH": ""})
    assert (result.exit_code, result.stderr) == (1, (
        "qnc: git n'est pas installé (ou introuvable dans le PATH) : installez-le, ou retirez "
        "--commit et --git\n"))  # fmt: skip
    assert (folder / "nc" / "NC-02.yaml").read_bytes() == before


def test_init_git_makes_a_repository_with_its_hook(run_main: Run, tmp_path: Path) -> None:
    """--git: git init, and a pre-commit configuration whose hook runs qnc check on the
    same files as the hook qnc publishes; with --commit, the first commit."""
    result = run_main("init", "audit", "--nom", "Horizon", "--categories", "AF",
                      "--certificateur", "Certif", "--type", "initial", "--debut",
                      "2026-09-14", "--git", "--commit", *DAY)  # fmt: skip
    assert (result.exit_code, result.stdout) == (0, (
        "Horizon : dossier d'audit créé (audit initial du 14 septembre 2026)\n"
        "Dépôt git créé, avec sa configuration pre-commit (.pre-commit-config.yaml) : pour "
        "que qnc check vérifie chaque commit, lancez-y pip install pre-commit, puis "
        "pre-commit install\n"
        "Ensuite : cd audit, puis, pour chaque NC du rapport d'audit : qnc add --indicateur N "
        '--gravite mineure --constat "…" (ou --gravite majeure)\n'
    )), result.stderr  # fmt: skip
    folder = tmp_path / "audit"
    assert git(folder, "log", "--format=%s") == (
        "Horizon : dossier d'audit créé (audit initial du 14 septembre 2026)\n"
    )
    assert git(folder, "show", "--name-only", "--format=").split() == [
        ".pre-commit-config.yaml", "audit.schema.json", "audit.yaml", "nc.schema.json"]  # fmt: skip
    config = (folder / ".pre-commit-config.yaml").read_text("utf-8")
    published = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    runs = next(line for line in published.splitlines() if line.startswith("  always_run: "))
    assert f"      {runs}\n" in config
    assert "        language: system\n" in config and "        entry: qnc check\n" in config


def test_init_git_inside_a_repository_is_refused(run_main: Run, tmp_path: Path) -> None:
    """A repository inside a repository would hide the audit from the outer one."""
    git(tmp_path, "init", "--quiet")
    result = run_main("init", "audit", "--nom", "Horizon", "--categories", "AF",
                      "--certificateur", "Certif", "--type", "initial", "--debut",
                      "2026-09-14", "--git", *DAY)  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith(f"qnc: « {tmp_path / 'audit'} » est déjà dans le dépôt git")
    assert not (tmp_path / "audit").exists()


def test_a_first_commit_says_what_git_does_not_follow_yet(run_main: Run, tmp_path: Path) -> None:
    """A repository made by init --git without --commit: the first fact recorded with
    --commit holds its own file only, and says which files of the audit folder git does
    not follow yet, and how to add them."""
    made = run_main("init", "audit", "--nom", "Horizon", "--categories", "AF",
                    "--certificateur", "Certif", "--type", "initial", "--debut",
                    "2026-09-14", "--git", *DAY)  # fmt: skip
    assert made.exit_code == 0, made.stderr
    folder = tmp_path / "audit"
    result = run_main("add", "--indicateur", "12", "--gravite", "mineure", "--constat", "x",
                      "--commit", *DAY, cwd=folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert git(folder, "show", "--name-only", "--format=") == "nc/NC-01.yaml\n"
    untracked = (
        "4 fichiers du dossier d'audit ne sont pas encore suivis par git "
        "(.pre-commit-config.yaml, audit.schema.json, audit.yaml, …) : ajoutez-les avec "
        "git add, puis git commit"
    )
    assert result.stderr.splitlines()[-1] == untracked
    again = run_main("add", "--indicateur", "17", "--gravite", "mineure", "--constat", "y",
                     "--commit", *DAY, cwd=folder)  # fmt: skip
    assert again.stderr.splitlines()[-1] == untracked  # said again, until added
    git(folder, "add", ".")
    git(folder, "commit", "--quiet", "-m", "audit")
    last = run_main("add", "--indicateur", "1", "--gravite", "mineure", "--constat", "z",
                    "--commit", *DAY, cwd=folder)  # fmt: skip
    assert "suivi" not in last.stderr
