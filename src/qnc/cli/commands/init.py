"""``qnc init``: a new audit folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from qnc.cli.options import Commit, DryRun, LangOption, Today, date_option, h
from qnc.i18n import Language, Msg, t

if TYPE_CHECKING:
    from qnc.editing.templates import AuditValues

_AUDIT_TYPES = ["initial", "surveillance", "renouvellement", "complementaire", "extension"]

T = TypeVar("T")


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


def _text(name: str, help_text: str, metavar: str | None = None) -> object:
    return typer.Option(name, metavar=metavar or h("TEXT"), help=help_text, show_default=False)


def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar=h("FOLDER"), help=h("The folder to create (default: here)."), show_default=False
        ),
    ] = Path(),
    name: Annotated[str | None, _text("--nom", h("The organisation's name."), h("NAME"))] = None,
    siret: Annotated[
        str | None, _text("--siret", h("Its SIRET (14 digits, spaces allowed)."))
    ] = None,
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
    certifier: Annotated[
        str | None, _text("--certificateur", h("The certifier's name."), h("NAME"))
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="<initial|surveillance|renouvellement|complementaire|extension>",
            help=h("The audit type ('audit de surveillance' is understood too)."),
            show_default=False,
            autocompletion=lambda: _AUDIT_TYPES,
        ),
    ] = None,
    start: Annotated[date | None, date_option("--debut", h("First day of the audit."))] = None,
    end: Annotated[date | None, date_option("--fin", h("Last day of the audit."))] = None,
    notification: Annotated[
        date | None, date_option("--notification", h("The day the NCs were notified."))
    ] = None,
    auditor: Annotated[str | None, _text("--auditeur", h("The auditor's name."), h("NAME"))] = None,
    previous: Annotated[
        str | None,
        typer.Option(
            "--precedent",
            metavar=h("FOLDER"),
            help=h("The folder of the previous audit of the organisation (from here)."),
            show_default=False,
        ),
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
    from qnc.cli.options import chosen_language, today_or_now
    from qnc.cli.recording import finish
    from qnc.editing import git as repository
    from qnc.editing.creation import init as create
    from qnc.editing.schemas import schema_root
    from qnc.editing.session import Session

    path = Path(os.path.abspath(folder))
    values = _values(
        path, name=name, siret=siret, nda=nda, categories=categories, certifier=certifier,
        kind=kind, start=start, end=end, notification=notification, auditor=auditor,
        previous=previous,
    )  # fmt: skip
    if git:
        repository.refuse_inside(path)
    root = None if not commit else path if git else repository.repository(path)
    session = Session(path, today=today_or_now(today), lang=chosen_language(ctx, lang))
    schemas = {"audit": schema_text("audit"), "nc": schema_text("nc")}
    shared = schema_root(path, own_repository=git)
    recorded = create(session, values, schemas=schemas, schema_root=shared, hook=git)
    if git and not dry_run:
        repository.init(path)
    finish(recorded, language=session.language, dry_run=dry_run, root=root)
    if not dry_run:
        _next_steps(folder, here=path == Path(os.path.abspath(".")), git=git,
                    language=session.language)  # fmt: skip


def _values(path: Path, **given: Any) -> AuditValues:
    """What audit.yaml will hold: the options given, and on a terminal the answers to
    the questions for the others, the values it needs first, each checked as typed."""
    from qnc.cli.options import date_problem
    from qnc.cli.recording import all_given, asked
    from qnc.editing import answers
    from qnc.editing.templates import AuditValues
    from qnc.model.records import AuditType

    def day(answer: str) -> date | Msg:
        return date_problem(answer) or date.fromisoformat(answer)

    def after(start: date, problem: Callable[[date], Msg]) -> Callable[[str], date | Msg]:
        later = answers.not_before(start, problem)

        def convert(answer: str) -> date | Msg:
            given = day(answer)
            return given if isinstance(given, Msg) else later(given)

        return convert

    required = {"--nom": given["name"], "--categories": given["categories"],
                "--certificateur": given["certifier"], "--type": given["kind"],
                "--debut": given["start"]}  # fmt: skip
    all_given(required, {"--type": _AUDIT_TYPES})
    # The options given are checked before any question is asked.
    listed = _checked(given["categories"], answers.categories, "--categories")
    number = _checked(given["siret"], answers.siret, "--siret")
    declared = _checked(given["nda"], answers.nda, "--nda")
    kind = _checked(given["kind"], answers.audit_type, "--type")
    previous = _checked(given["previous"], lambda a: answers.previous(path, a), "--precedent")
    who = asked(given["name"], "--nom", t("Organisation"), str)
    listed = asked(listed, "--categories", t("Categories: AF, BC, VAE, CFA, separated by commas"),
                   answers.categories)  # fmt: skip
    by = asked(given["certifier"], "--certificateur", t("Certifier"), str)
    audit = asked(kind, "--type", t("Audit type: initial, surveillance, renewal, "
                  "complementary or extension"), answers.audit_type)  # fmt: skip
    first = asked(given["start"], "--debut", t("First day of the audit, YYYY-MM-DD"), day)
    assert who and listed and by and audit and first  # required: asked, or a usage error
    notified = asked(given["notification"], "--notification",
                     t("Day the NCs were notified, YYYY-MM-DD"),
                     after(first, _notified_before(first)), required=False)  # fmt: skip
    last = asked(given["end"], "--fin", t("Last day of the audit, YYYY-MM-DD"),
                 after(first, _ends_before(first)), required=False)  # fmt: skip
    number = asked(number, "--siret", t("SIRET"), answers.siret, required=False)
    declared = asked(declared, "--nda", t("Activity declaration number, NDA"), answers.nda,
                     required=False)  # fmt: skip
    auditor = asked(given["auditor"], "--auditeur", t("Auditor"), str, required=False)
    if previous is None and audit is not AuditType.INITIAL:
        previous = asked(None, "--precedent", t("Folder of the previous audit"),
                         lambda a: answers.previous(path, a), required=False)  # fmt: skip
    return AuditValues(
        name=who, siret=number, nda=declared, categories=listed, certifier=by,
        type=audit.value, start=first, end=last, notification=notified, auditor=auditor,
        previous=previous,
    )  # fmt: skip


def _next_steps(folder: Path, *, here: bool, git: bool, language: Language) -> None:
    """What to do now: the NCs of the report to add, from the new folder; with --git, the
    repository made and how its pre-commit hook is turned on."""
    import re
    import sys

    from qnc.i18n import translator
    from qnc.render.diagnostics import visible

    steps = []
    if git:
        steps.append(t("Git repository created, with its pre-commit configuration "
                       "(.pre-commit-config.yaml): so that qnc check runs before each "
                       "commit, run pip install pre-commit, then pre-commit install in "
                       "it"))  # fmt: skip
    add = t('qnc add --indicateur N --gravite mineure --constat "…" (or --gravite majeure)')
    if here:
        steps.append(t("Next, for each NC of the audit report: {add}", add=add))
    else:
        name = str(folder)  # as typed; quoted when a shell would split it
        if not re.fullmatch(r"[\w.,:/\\+@=-]+", name):
            name = '"' + name.replace('"', '\\"') + '"'
        steps.append(t("Next: cd {folder}, then, for each NC of the audit report: {add}",
                       folder=name, add=add))  # fmt: skip
    tr = translator(language)
    sys.stdout.write("".join(visible(tr(step)) + "\n" for step in steps))


def _checked(value: str | None, convert: Callable[[str], T | Msg], option: str) -> T | None:
    """An option's value as it will be written, or a refusal that names the option."""
    if value is None:
        return None
    converted = convert(value)
    if isinstance(converted, Msg):
        from qnc.errors import QncError

        problem = t("{option}: {problem}", option=option, problem=converted)
        raise QncError(t("{problems}; nothing written", problems=problem))
    return converted


def _notified_before(start: date) -> Callable[[date], Msg]:
    return lambda day: t(
        "the notification ({date}) comes before the audit starts ({start})", date=day, start=start
    )


def _ends_before(start: date) -> Callable[[date], Msg]:
    return lambda day: t("the audit ends ({end}) before it starts ({start})", end=day, start=start)
