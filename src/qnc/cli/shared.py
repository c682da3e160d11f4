"""What ``status`` and ``plan`` share: read the audits, or refuse as ``check`` would."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from qnc.cli.options import Lang, language
from qnc.i18n import Translator, t, tn, translator

if TYPE_CHECKING:
    from qnc.diagnostics import Diagnostic
    from qnc.inspection import Inspection
    from qnc.model.folder import AuditFolder
    from qnc.rules.report import AuditReport, Broken


@dataclass(frozen=True)
class Read:
    reports: list[AuditReport]
    tr: Translator
    warnings: int
    broken: list[Broken] = field(default_factory=list)
    """Audits (or folders) left out for their errors (``partial`` only): the command
    shows what it can, then exits 1."""


def reports_or_exit(paths: Sequence[Path], *, today: date, lang: Lang | None,
                    partial: bool = False) -> Read:  # fmt: skip
    """Reports of every audit under ``paths``. With any error, print the diagnostics;
    then exit 1, unless ``partial`` and several audits were found: the audits without
    errors are then reported and the others listed as broken (a consultant's Monday
    view must not go blank for one typo)."""
    from qnc.inspection import inspect_paths
    from qnc.render.diagnostics import as_text, counts, summary
    from qnc.rules.report import Broken

    inspection = inspect_paths(paths, today=today)
    tr = translator(language(lang, inspection.declared_language))
    found = inspection.diagnostics
    _, warnings = counts(found)
    if not inspection.has_errors:
        folders = [x.folder for x in inspection.loaded if x.folder]
        return Read(_reports(folders, inspection, today), tr, warnings)
    sys.stderr.write(as_text(found, tr))
    sys.stderr.write(summary(found, tr, inspection.files))
    sound = [x for x in inspection.loaded if x.folder and not x.has_errors]
    broken = [
        Broken(
            x.path,
            x.folder.audit.organisation.name if x.folder else None,
            sum(1 for d in x.diagnostics if d.is_error),
        )
        for x in inspection.loaded
        if all(x is not y for y in sound)
    ] + _stray(found, [x.path for x in inspection.loaded])
    if not partial or len(sound) + len(broken) < 2 or not sound:
        sys.stderr.write(tr(t("Fix these errors first (qnc check lists them too).")) + "\n")
        raise typer.Exit(1)
    message = tn(
        "{n} audit has errors: it is listed without a verdict until they are fixed.",
        "{n} audits have errors: they are listed without a verdict until they are fixed.",
        len(broken),
    )
    sys.stderr.write(tr(message) + "\n")
    # NCs taken over by a later audit count even when an NC file of that audit has errors
    # (not when its audit.yaml has: its notification date is then unknown).
    reports = _reports([x.folder for x in sound if x.folder], inspection, today)
    return Read(reports, tr, warnings, broken)


def _stray(found: Sequence[Diagnostic], audits: Sequence[Path]) -> list[Broken]:
    """Errors outside every audit read (NC files without audit.yaml, unreadable folders),
    one entry per folder they concern, so that a portfolio lists them too."""
    from qnc.model.folder import NC_DIR
    from qnc.rules.report import Broken

    counted: dict[Path, int] = {}
    for d in found:
        if not d.is_error or any(d.path.is_relative_to(audit) for audit in audits):
            continue
        folder = d.path.parent.parent if d.path.parent.name == NC_DIR else d.path.parent
        if d.code == "lecture":  # an unreadable folder is itself the place
            folder = d.path
        counted[folder] = counted.get(folder, 0) + 1
    return [Broken(folder, None, n) for folder, n in sorted(counted.items())]


def _reports(chosen: list[AuditFolder], inspection: Inspection,
             today: date) -> list[AuditReport]:  # fmt: skip
    """Reports of ``chosen``, closing the NCs that any audit read took over."""
    from qnc.rules.report import build_report

    return [build_report(f, today=today, carried=inspection.carried) for f in chosen]


def mention_warnings(warnings: int, tr: Translator) -> None:
    """Point at ``qnc check`` when the files have warnings (once the command succeeded)."""
    if warnings:
        message = tn(
            "{n} warning: run 'qnc check' to see it.",
            "{n} warnings: run 'qnc check' to see them.",
            warnings,
        )
        sys.stderr.write(tr(message) + "\n")
