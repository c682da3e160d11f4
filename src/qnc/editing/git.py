"""Recording a change in git, when asked (``--commit``): only the files qnc wrote, with a
message that states the fact."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from qnc.errors import QncError
from qnc.i18n import Msg, t


def repository(folder: Path) -> Path:
    """The git work tree holding ``folder``; refused when there is none or no git.

    Asked before anything is written, so that a refusal leaves every file as it was.
    """
    place = next((p for p in (folder, *folder.parents) if p.is_dir()), folder)
    done = _git(["rev-parse", "--show-toplevel"], place, check=False)
    if done.returncode != 0:
        raise QncError(
            t(
                "'{folder}' is not in a git repository: leave out --commit, or "
                "create the repository first (git init)",
                folder=str(folder),
            )
        )
    return Path(done.stdout.strip())


def init(folder: Path) -> None:
    _git(["init", "--quiet", str(folder)], folder.parent, check=True)


def commit(root: Path, files: Sequence[Path], message: str) -> None:
    """Commit ``files`` alone (other staged changes stay staged, uncommitted)."""
    names = [str(f) for f in files]
    _git(["add", "--", *names], root, check=True)
    _git(["commit", "--quiet", "--message", message, "--", *names], root, check=True)


def untracked(root: Path, folder: Path) -> list[str]:
    """The files of ``folder`` git does not follow yet (and does not ignore), from
    ``root``: after a first ``--commit`` in a new repository, audit.yaml and the other NC
    files are still outside it."""
    done = _git(["ls-files", "--others", "--exclude-standard", "--", str(folder)], root,
                check=False)  # fmt: skip
    return done.stdout.splitlines() if done.returncode == 0 else []


def _git(args: list[str], cwd: Path, *, check: bool) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise QncError(_missing()) from exc
    if check and done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise QncError(
            t(
                "git {command} failed: {detail}",
                command=args[0],
                detail=" ".join(detail[-3:]) or str(done.returncode),
            )
        )
    return done


def _missing() -> Msg:
    return t(
        "git is not installed (or not found on the PATH): install it, or leave out "
        "--commit and --git"
    )


def refuse_inside(folder: Path) -> None:
    """``qnc init --git`` makes a repository: refused inside one (it would nest)."""
    place = next((p for p in (folder, *folder.parents) if p.is_dir()), folder)
    done = _git(["rev-parse", "--show-toplevel"], place, check=False)
    if done.returncode == 0:
        raise QncError(
            t(
                "'{folder}' is already in the git repository '{root}': leave out "
                "--git (its pre-commit configuration is described in qnc's README)",
                folder=str(folder),
                root=done.stdout.strip(),
            )
        )
