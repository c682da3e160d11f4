"""The pre-commit manifest: valid YAML with what pre-commit requires, run on every commit."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, ROOT

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


def test_hook_runs_on_every_commit() -> None:
    """The hook runs whatever the commit changes, without a `files` pattern: a changed
    evidence file (a PDF) or a commit that only deletes one must be checked too."""
    hook = qnc_check()
    assert hook["always_run"] is True
    assert "files" not in hook


def test_readme_shows_the_snippet() -> None:
    """The README shows the .pre-commit-config.yaml lines a user adds."""
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "      - id: qnc-check" in readme
    assert ".pre-commit-config.yaml" in readme


def local_snippet() -> str:
    """The README's `repo: local` block, as a user copies it."""
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (block,) = [b for b in blocks if "repo: local" in b]
    return block


def test_local_snippet_is_the_published_hook() -> None:
    """The `repo: local` hook of the README runs what the manifest runs, as often."""
    (repo,) = YAML(typ="safe").load(local_snippet())["repos"]
    (hook,) = repo["hooks"]
    published = qnc_check()
    assert (hook["language"], repo["repo"]) == ("system", "local")
    for key in ("id", "entry", "pass_filenames", "always_run"):
        assert hook[key] == published[key], key


def _pre_commit() -> list[str]:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    found = shutil.which("pre-commit")
    if found is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    return [found]


def test_local_hook_blocks_a_commit_with_an_error(tmp_path: Path) -> None:
    """A real pre-commit run in a new git repository with the README's `repo: local`
    snippet: a commit with an invalid NC file is refused with its file and line; once
    fixed, it goes through. A commit that only changes a fingerprinted proof, or only
    deletes it, is refused too. Nothing is downloaded (language: system)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = _pre_commit()
    repo, home = tmp_path / "audits", tmp_path / "home"
    home.mkdir()
    # Nothing of an enclosing git run (GIT_DIR when the tests run from a hook or a
    # rebase) may point the commands below at another repository.
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        # The installed qnc first on PATH; no user or system git settings (hooksPath…).
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Qualité",
        "GIT_AUTHOR_EMAIL": "qualite@example.org",
        "GIT_COMMITTER_NAME": "Qualité",
        "GIT_COMMITTER_EMAIL": "qualite@example.org",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "QNC_TODAY": "2026-11-20",
        "QNC_LANG": "fr",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True,
                              timeout=120, check=False)  # fmt: skip

    shutil.copytree(EXAMPLES / "invalides" / "valeur-enum", repo)
    assert run("git", "init", "-q").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(local_snippet(), "utf-8")
    installed = run(*pre_commit, "install")
    assert installed.returncode == 0, installed.stderr
    run("git", "add", "-A")
    refused = run("git", "commit", "-q", "-m", "NC-01")
    assert refused.returncode == 1
    said = refused.stdout + refused.stderr  # git passes the hook's output on stderr
    assert "nc/NC-01.yaml:3:10: erreur: « majeur » n'est pas accepté" in said
    assert run("git", "rev-parse", "HEAD").returncode != 0  # nothing was committed
    nc = repo / "nc" / "NC-01.yaml"
    nc.write_text(nc.read_text("utf-8").replace("gravite: majeur\n", "gravite: majeure\n"))
    run("git", "add", "-A")
    accepted = run("git", "commit", "-q", "-m", "NC-01")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "qnc check (suivi Qualiopi)" in accepted.stdout + accepted.stderr
    # A fingerprinted proof: changing or deleting only that file is refused too.
    proof = repo / "preuves" / "procedure.pdf"
    proof.parent.mkdir()
    proof.write_bytes(b"%PDF-1.4 procedure v1")
    digest = hashlib.sha256(proof.read_bytes()).hexdigest()
    cited = (f"    fait_le: 2026-04-08\n    preuves:\n      - chemin: preuves/procedure.pdf\n"
             f"        empreinte: sha256:{digest}\n")  # fmt: skip
    nc.write_text(nc.read_text("utf-8").replace("    fait_le: 2026-04-08\n", cited), "utf-8")
    run("git", "add", "-A")
    assert run("git", "commit", "-q", "-m", "Preuve").returncode == 0
    proof.write_bytes(b"%PDF-1.4 procedure v2")
    run("git", "add", "-A")
    changed = run("git", "commit", "-q", "-m", "Preuve modifiee")
    assert changed.returncode == 1
    assert "[preuve-modifiee]" in changed.stdout + changed.stderr
    run("git", "checkout", "--", ".")
    run("git", "reset", "-q")
    proof.write_bytes(b"%PDF-1.4 procedure v1")
    assert run("git", "status", "--porcelain").stdout == ""
    run("git", "rm", "-q", "preuves/procedure.pdf")
    deleted = run("git", "commit", "-q", "-m", "Preuve supprimee")
    assert deleted.returncode == 1
    assert "[preuve-introuvable]" in deleted.stdout + deleted.stderr
