"""``qnc init``: a new audit folder."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qnc.cli.options import Commit, DryRun, LangOption, Today, date_option, h
from qnc.i18n import Msg, t


class AuditType(StrEnum):
    initial = "initial"
    surveillance = "surveillance"
    renewal = "renouvellement"
    complementary = "complementaire"
    extension = "extension"


HELP = (
    "Create an audit folder: audit.yaml from a commented template, and the schemas that "
    "let an editor complete the files (audit.schema.json, nc.schema.json). With --git, "
    "also a git repository and its pre-commit configuration (qnc check before each "
    "commit). Never writes over a file. On a terminal, qnc asks for the options not given.\n\n"
    "\b\nExample:\n"
    '  qnc init 2026-09-audit-initial --nom "Formations Horizon" \\\n'
    '    --categories AF,CFA --certificateur "Certif Exemple" --type initial \\\n'
    "    --debut 2026-09-14 --notification 2026-09-18"
)


def _text(name: str, help_text: str) -> object:
    return typer.Option(name, metavar=h("TEXT"), help=help_text, show_default=False)


def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar=h("FOLDER"), help=h("The folder to create (default: here)."), show_default=False
        ),
    ] = Path(),
    name: Annotated[str | None, _text("--nom", h("The organisation's name."))] = None,
    siret: Annotated[str | None, _text("--siret", h("Its SIRET (14 digits)."))] = None,
    nda: Annotated[str | None, _text("--nda", h("Its activity declaration number."))] = None,
    categories: Annotated[
        str | None,
        typer.Option(
            "--categories",
            metavar="AF,CFA",
            help=h("Its categories of action: AF, BC, VAE, CFA, separated by commas."),
            show_default=False,
        ),
    ] = None,
    certifier: Annotated[str | None, _text("--certificateur", h("The certifier's name."))] = None,
    kind: Annotated[
        AuditType | None,
        typer.Option(
            "--type",
            help=h(
                "The audit: initial, surveillance, renouvellement, complementaire or extension."
            ),
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    start: Annotated[date | None, date_option("--debut", h("First day of the audit."))] = None,
    end: Annotated[date | None, date_option("--fin", h("Last day of the audit."))] = None,
    notification: Annotated[
        date | None, date_option("--notification", h("The day the NCs were notified."))
    ] = None,
    git: Annotated[
        bool,
        typer.Option("--git", help=h("Also run git init and write .pre-commit-config.yaml.")),
    ] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    import os

    from qnc.cli.commands.schema import schema_text
    from qnc.cli.options import chosen_language, date_problem, today_or_now
    from qnc.cli.recording import asked, finish
    from qnc.editing import git as repository
    from qnc.editing.creation import init as create
    from qnc.editing.session import Session
    from qnc.editing.templates import AUDIT_SCHEMA, NC_SCHEMA, AuditValues

    def day(answer: str) -> date | Msg:
        return date_problem(answer) or date.fromisoformat(answer)

    who = asked(name, "--nom", t("Organisation"), str)
    number = asked(siret, "--siret", t("SIRET"), str, required=False)
    declared = asked(nda, "--nda", t("Activity declaration number, NDA"), str, required=False)
    listed = asked(
        categories, "--categories", t("Categories: AF, BC, VAE, CFA, separated by commas"), str
    )
    by = asked(certifier, "--certificateur", t("Certifier"), str)
    audit = asked(kind, "--type", t("Audit type: initial, surveillance, renouvellement…"), _kind)
    first = asked(start, "--debut", t("First day of the audit, YYYY-MM-DD"), day)
    last = asked(end, "--fin", t("Last day of the audit, YYYY-MM-DD"), day, required=False)
    notified = asked(
        notification,
        "--notification",
        t("Day the NCs were notified, YYYY-MM-DD"),
        day,
        required=False,
    )
    assert who and listed and by and audit and first  # required: asked, or a usage error
    values = AuditValues(
        name=who,
        siret=number,
        nda=declared,
        categories=_categories(listed),
        certifier=by,
        type=audit.value,
        start=first,
        end=last,
        notification=notified,
    )
    path = Path(os.path.abspath(folder))
    if git:
        repository.refuse_inside(path)
    root = None if not commit else path if git else repository.repository(path)
    session = Session(path, today=today_or_now(today), lang=chosen_language(ctx, lang))
    schemas = {AUDIT_SCHEMA: schema_text("audit"), NC_SCHEMA: schema_text("nc")}
    recorded = create(session, values, schemas=schemas, hook=git)
    if git and not dry_run:
        repository.init(path)
    finish(recorded, language=session.language, dry_run=dry_run, root=root)


def _categories(text: str) -> tuple[str, ...]:
    """``af, CFA`` as ``(AF, CFA)``: categories are written in capitals."""
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _kind(answer: str) -> AuditType | Msg:
    try:
        return AuditType(answer.lower())
    except ValueError:
        return t("write one of: {kinds}", kinds=", ".join(k.value for k in AuditType))
