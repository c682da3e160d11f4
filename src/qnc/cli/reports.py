"""What the commands that read share: the audits inspected and their reports, or a
refusal as ``check`` would give, with the same diagnostics."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import typer

from qnc.i18n import Language, Translator, t, tn, translator

if TYPE_CHECKING:
    from qnc.inspection import Broken, Inspection
    from qnc.rules.report import AuditReport


class Read(NamedTuple):
    """What a command that reads works from: the day, the inspection, the translator of
    its language, the reports of the sound audits and the audits left out."""

    day: date
    inspection: Inspection
    tr: Translator
    reports: list[AuditReport]
    broken: list[Broken]


def read(ctx: typer.Context, paths: list[Path] | None, today: date | None,
         lang: Language | None) -> Read:  # fmt: skip
    """The audits under ``paths`` (default: here) inspected as on ``today`` (default: the
    real day), in the run's language; their reports, or the errors and an exit as
    :func:`reports_or_exit` says, a portfolio with some sound audits going on."""
    from qnc.cli.options import chosen_language, paths_or_here, today_or_now
    from qnc.inspection import inspect

    day = today_or_now(today)
    inspection = inspect(paths_or_here(paths), today=day, lang=chosen_language(ctx, lang))
    tr = translator(inspection.language)
    reports, broken = reports_or_exit(inspection, tr, partial=True)
    return Read(day, inspection, tr, reports, broken)


def reports_or_exit(
    inspection: Inspection, tr: Translator, *, partial: bool = False
) -> tuple[list[AuditReport], list[Broken]]:
    """The reports of the audits inspected, and the audits left out for their errors.

    With any error, the errors are printed and the warnings counted; then the command
    ends with status 1, unless ``partial`` and several audits were found: those without
    errors are then reported and the others listed as broken (a consultant's Monday view
    must not go blank for one typo), and the command ends with status 1 after showing
    them, each naming them in its own output.
    """
    if not inspection.has_errors:
        return inspection.reports(), []
    from qnc.render.diagnostics import as_text, summary

    # The errors alone: among every warning of every client they would be lost; the
    # warnings are counted, and 'qnc check' lists them.
    sys.stderr.write(as_text([d for d in inspection.diagnostics if d.is_error], tr))
    sys.stderr.write(summary(inspection.diagnostics, tr, inspection.files, warnings_shown=False))
    broken = inspection.broken()
    sound = inspection.sound
    if not partial or len(sound) + len(broken) < 2 or not sound:
        sys.stderr.write(tr(t("Fix these errors first (qnc check lists them too).")) + "\n")
        raise typer.Exit(1)
    message = tn(
        "{n} audit has errors: it is listed without a verdict until they are fixed.",
        "{n} audits have errors: they are listed without a verdict until they are fixed.",
        len(broken),
    )
    sys.stderr.write(tr(message) + "\n")
    return inspection.reports(), broken


def mention_warnings(inspection: Inspection, tr: Translator) -> None:
    """Point at ``qnc check`` when the files have warnings, once the output is written (so
    that in a terminal the sentence reads under it); not when :func:`reports_or_exit`
    printed the errors, the count of warnings with them. Facts dated after the day of the
    run are told apart: with ``--today`` in the past they are expected (the files hold
    what happened since), and they only do not count yet."""
    if not inspection.warnings or inspection.has_errors:
        return
    sys.stdout.flush()
    future = sum(1 for d in inspection.diagnostics if d.code == "date-future")
    if future:
        message = tn(
            "{n} fact is dated after {day}: it does not count yet ('qnc check' shows it).",
            "{n} facts are dated after {day}: they do not count yet ('qnc check' shows them).",
            future,
            day=inspection.today,
        )
        sys.stderr.write(tr(message) + "\n")
    if inspection.warnings > future:
        message = tn(
            "{n} warning: run 'qnc check' to see it.",
            "{n} warnings: run 'qnc check' to see them.",
            inspection.warnings - future,
        )
        sys.stderr.write(tr(message) + "\n")
