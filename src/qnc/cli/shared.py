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
    from qnc.folder import AuditFolder
    from qnc.report import AuditReport, Broken


@dataclass(frozen=True)
class Read:
    reports: list[AuditReport]
    tr: Translator
    warnings: int
    broken: list[Broken] = field(default_factory=list)
    """Audits left out for their errors (``partial`` only); the command then exits 1."""
    failed: bool = False
    """Some file has errors: the command shows what it can, then exits 1."""


def reports_or_exit(paths: Sequence[Path], *, today: date, lang: Lang | None,
                    partial: bool = False) -> Read:  # fmt: skip
    """Reports of every audit under ``paths``. With any error, print the diagnostics;
    then exit 1, unless ``partial`` and several audits were found: the audits without
    errors are then reported and the others listed as broken (a consultant's Monday
    view must not go blank for one typo)."""
    from qnc.inspection import inspect_paths
    from qnc.render.diagnostics import as_text, counts, summary
    from qnc.report import Broken

    inspection = inspect_paths(paths, today=today)
    tr = translator(language(lang, inspection.declared_language))
    found = inspection.diagnostics
    _, warnings = counts(found)
    if not inspection.has_errors:
        return Read(_reports([x.folder for x in inspection.loaded if x.folder], today), tr,
                    warnings)  # fmt: skip
    sys.stderr.write(as_text(found, tr))
    sys.stderr.write(summary(found, tr, inspection.files))
    sound = [
        x for x in inspection.loaded if x.folder and not any(d.is_error for d in x.diagnostics)
    ]
    if not partial or len(inspection.loaded) < 2 or not sound:
        sys.stderr.write(tr(t("Fix these errors first (qnc check lists them too).")) + "\n")
        raise typer.Exit(1)
    broken = [
        Broken(
            x.path,
            x.folder.audit.organisation.name if x.folder else None,
            sum(1 for d in x.diagnostics if d.is_error),
        )
        for x in inspection.loaded
        if all(x is not y for y in sound)
    ]
    if broken:
        message = tn(
            "{n} audit has errors: it is listed without a verdict until they are fixed.",
            "{n} audits have errors: they are listed without a verdict until they are fixed.",
            len(broken),
        )
        sys.stderr.write(tr(message) + "\n")
    reports = _reports([x.folder for x in sound if x.folder], today)
    return Read(reports, tr, warnings, broken, failed=True)


def _reports(folders: list[AuditFolder], today: date) -> list[AuditReport]:
    from qnc.report import build_report, carried_over

    carried = carried_over(folders)
    return [build_report(folder, today=today, carried=carried) for folder in folders]


def mention_warnings(warnings: int, tr: Translator) -> None:
    """Point at ``qnc check`` when the files have warnings (once the command succeeded)."""
    if warnings:
        message = tn(
            "{n} warning: run 'qnc check' to see it.",
            "{n} warnings: run 'qnc check' to see them.",
            warnings,
        )
        sys.stderr.write(tr(message) + "\n")
