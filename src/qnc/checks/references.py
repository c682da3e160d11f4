"""Paths that audit files name: the previous audit, the same NC before, evidence files.

Pure: whether a path exists is asked of the ``exists`` function of the context.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from qnc.checks.context import Context
from qnc.diagnostics import Loc, Problem, error, warning
from qnc.i18n import t


def reference(
    base: Path, target: str, file: Path, loc: Loc, ctx: Context, *, expected: str = ""
) -> Iterator[Problem]:
    """``target`` must exist; ``expected`` names a file it must hold (an audit folder)."""
    path = Path(os.path.normpath(base / target))
    if expected and path == Path(os.path.normpath(base)):
        yield error(file, loc, "reference-introuvable", t(
            "'{target}' is this audit's own folder; name the folder of the previous audit",
            target=target))  # fmt: skip
    elif ctx.exists(path / expected):
        return
    elif expected and ctx.exists(path):
        yield error(file, loc, "reference-introuvable", t(
            "'{target}' is not an audit folder: it holds no {file}", target=target,
            file=expected))  # fmt: skip
    else:
        yield error(file, loc, "reference-introuvable", t(
            "'{target}' does not exist (the path is relative to the audit folder)",
            target=target))  # fmt: skip


def evidence(base: Path, target: str, file: Path, loc: Loc, ctx: Context) -> Iterator[Problem]:
    if target.startswith(("http://", "https://")):
        return
    if not target.strip():
        yield warning(
            file,
            loc,
            "preuve-introuvable",
            t("an evidence path is empty; write the path of the file, or remove the line"),
        )
        return
    if "\\" in target:
        fixed = target.replace("\\", "/")
        yield warning(
            file,
            loc,
            "preuve-chemin",
            t(
                "the evidence path '{target}' is written with '\\' (Windows); write it with "
                "'/', which works everywhere and in the plan's links: {fixed}",
                target=target,
                fixed=fixed,
            ),
        )
        target = fixed
    path = Path(os.path.normpath(base / target))
    if not path.is_relative_to(ctx.repository):
        yield warning(
            file,
            loc,
            "preuve-hors-depot",
            t(
                "the evidence '{target}' lies outside the repository; copy it into the audit "
                "folder so that it is versioned with it",
                target=target,
            ),
        )
    elif not ctx.exists(path):
        yield warning(
            file,
            loc,
            "preuve-introuvable",
            t(
                "the evidence '{target}' does not exist (the path is relative to the audit folder)",
                target=target,
            ),
        )
