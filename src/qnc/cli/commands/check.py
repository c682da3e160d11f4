"""``qnc check``: validate audit folders, as a pre-commit hook would."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qnc.cli.options import (
    LangOption,
    Paths,
    Today,
    chosen_language,
    h,
    paths_or_here,
    today_or_now,
)
from qnc.i18n import translator

HELP = (
    "Check audit files: YAML syntax, keys, values, dates, indicators, consistency. "
    "Prints every problem as file:line:column. Exit status 0 when no error, "
    "1 when errors are found (or warnings with --strict), 2 on a usage error. "
    "With --fix, first corrects what has one right answer (a value's case, a date "
    "written day first, a misspelt key), each change printed; nothing else is touched.\n\n"
    "\b\nExample:\n  qnc check --fix --dry-run"
)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def check(
    ctx: typer.Context,
    paths: Paths = None,
    strict: Annotated[
        bool, typer.Option("--strict", help=h("Treat warnings as errors (exit status 1)."))
    ] = False,
    output: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            help=h("Output: text, json or github (annotations)."),
            case_sensitive=False,
        ),
    ] = CheckFormat.text,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=h(
                "Correct what has one right answer: 'Mineure' becomes 'mineure', "
                "05/11/2026 becomes 2026-11-05, 'plan_envoye' becomes 'plan_envoye_le'."
            ),
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help=h(
                "With --fix: show the corrections as a diff, then the problems that would "
                "remain; write nothing."
            ),
        ),
    ] = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.inspection import inspect
    from qnc.render import diagnostics as render

    if dry_run and not fix:
        from qnc.cli.localized import UsageError, run_language
        from qnc.i18n import t

        raise UsageError(translator(run_language())(t("--dry-run goes with --fix")), ctx)
    pending: dict[Path, bytes] = {}
    if fix:
        from qnc.cli.fixing import fix_paths

        day, language = today_or_now(today), chosen_language(ctx, lang)
        pending = fix_paths(paths_or_here(paths), today=day, lang=language, dry_run=dry_run)
    # --dry-run: what would remain once the corrections are made, the diff alone on stdout.
    inspection = inspect(
        paths_or_here(paths),
        today=today_or_now(today),
        lang=chosen_language(ctx, lang),
        pending=pending if dry_run else None,
    )
    tr = translator(inspection.language)
    found = inspection.diagnostics
    if output is CheckFormat.json:
        from qnc.cli.output import write_utf8

        write_utf8(render.as_json(found, tr, inspection.files))
    elif output is CheckFormat.github:
        sys.stdout.write(render.as_github(found, tr))
        sys.stdout.write(render.summary(found, tr, inspection.files))
    else:
        sys.stderr.write(render.as_text(found, tr))
        summary = render.summary(found, tr, inspection.files)
        (sys.stderr if dry_run else sys.stdout).write(summary)
    errors, warnings = render.counts(found)
    if errors or (strict and warnings):
        raise typer.Exit(1)
