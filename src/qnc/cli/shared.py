"""What ``status`` and ``plan`` share: read the audits, or refuse as ``check`` would."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from qnc.cli.options import Lang, language
from qnc.i18n import Translator, t, tn, translator

if TYPE_CHECKING:
    from qnc.report import AuditReport


def reports_or_exit(
    paths: Sequence[Path], *, today: date, lang: Lang | None
) -> tuple[list[AuditReport], Translator, int]:
    """Reports of every audit under ``paths``, the translator, and how many warnings the
    files have (see :func:`mention_warnings`); with any error, print them and exit 1."""
    from qnc.inspection import inspect_paths
    from qnc.render.diagnostics import as_text, counts, summary
    from qnc.report import build_report

    inspection = inspect_paths(paths, today=today)
    tr = translator(language(lang, inspection.declared_language))
    found = inspection.diagnostics
    if inspection.has_errors:
        sys.stderr.write(as_text(found, tr))
        sys.stderr.write(summary(found, tr, inspection.files))
        sys.stderr.write(tr(t("Fix these errors first (qnc check lists them too).")) + "\n")
        raise typer.Exit(1)
    _, warnings = counts(found)
    reports = [build_report(x.folder, today=today) for x in inspection.loaded if x.folder]
    return reports, tr, warnings


def mention_warnings(warnings: int, tr: Translator) -> None:
    """Point at ``qnc check`` when the files have warnings (once the command succeeded)."""
    if warnings:
        message = tn(
            "{n} warning: run 'qnc check' to see it.",
            "{n} warnings: run 'qnc check' to see them.",
            warnings,
        )
        sys.stderr.write(tr(message) + "\n")
