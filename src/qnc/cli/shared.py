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
) -> tuple[list[AuditReport], Translator]:
    """Reports of every audit under ``paths``; with any error, print them and exit 1."""
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
    if warnings:
        sys.stderr.write(
            tr(
                tn(
                    "{n} warning: run 'qnc check' to see it.",
                    "{n} warnings: run 'qnc check' to see them.",
                    warnings,
                )
            )
            + "\n"
        )
    reports = [build_report(x.folder, today=today) for x in inspection.loaded if x.folder]
    return reports, tr
