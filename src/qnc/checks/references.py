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
from qnc.model.records import EvidenceFile


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


def evidence(
    base: Path, item: EvidenceFile, file: Path, loc: Loc, ctx: Context
) -> Iterator[Problem]:
    """An evidence path must name a file of the repository; its ``empreinte``, when
    given, must still be the file's. ``loc`` is the list item (a path, or a mapping)."""
    target, at_path = item.path, (*loc, "chemin")  # a plain path: placed on the item
    if target.startswith(("http://", "https://")):
        if item.fingerprint is not None:
            yield warning(file, (*loc, "empreinte"), "empreinte-adresse", t(
                "qnc cannot check the fingerprint of an address ('{target}'); keep a copy "
                "of the file in the audit folder and give its path instead",
                target=target))  # fmt: skip
        return
    if not target.strip():
        yield warning(
            file,
            at_path,
            "preuve-vide",
            t("an evidence path is empty; write the path of the file, or remove the line"),
        )
        return
    if "\\" in target:
        fixed = target.replace("\\", "/")
        yield warning(
            file,
            at_path,
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
            at_path,
            "preuve-hors-depot",
            t(
                "the evidence '{target}' lies outside the repository; copy it into the audit "
                "folder so that it is versioned with it",
                target=target,
            ),
        )
    elif not ctx.exists(path):
        yield error(
            file,
            at_path,
            "preuve-introuvable",
            t(
                "the evidence '{target}' does not exist (the path is relative to the audit folder)",
                target=target,
            ),
        )
        return
    if item.fingerprint is not None:
        yield from _fingerprint(path, target, item.fingerprint, file, (*loc, "empreinte"), ctx)


def _fingerprint(
    path: Path, target: str, recorded: str, file: Path, loc: Loc, ctx: Context
) -> Iterator[Problem]:
    found = ctx.fingerprint(path)
    if found is None or found == recorded:  # unreadable (a folder…): qnc cannot tell
        return
    yield error(file, loc, "preuve-modifiee", t(
        "the evidence '{target}' changed since its fingerprint was recorded: it is now "
        "{found}; put back the file that was sent, or, if the change is meant, write this "
        "new fingerprint ('qnc empreinte' prints it)", target=target, found=found))  # fmt: skip
