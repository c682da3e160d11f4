"""``qnc add-action``: a new action of an NC."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from qnc.cli.options import Commit, Dossier, DryRun, LangOption, NcId, Today, date_option, h
from qnc.i18n import t


class Kind(StrEnum):
    correction = "correction"
    corrective = "corrective"
    preventive = "preventive"


HELP = (
    "Add an action to an NC, with the next free id (A1, A2…), printed. On a terminal, "
    "qnc asks for the options not given.\n\n"
    "\b\nExample:\n"
    '  qnc add-action NC-02 --description "Former les formateurs" \\\n'
    '    --responsable "Marie Dupont" --echeance 2026-12-15'
)


def add_action(
    ctx: typer.Context,
    nc: NcId,
    description: Annotated[
        str | None,
        typer.Option(
            "--description", metavar=h("TEXT"), help=h("What will be done."), show_default=False
        ),
    ] = None,
    owners: Annotated[
        list[str] | None,
        typer.Option(
            "--responsable",
            metavar=h("NAME"),
            help=h("Who does it (repeat for several people)."),
            show_default=False,
        ),
    ] = None,
    due: Annotated[date | None, date_option("--echeance", h("The day it is due."))] = None,
    start: Annotated[
        date | None, date_option("--debut", h("The day work on it begins (optional)."))
    ] = None,
    kind: Annotated[
        Kind | None,
        typer.Option(
            "--type",
            help=h("correction, corrective (default) or preventive."),
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    expected: Annotated[
        str | None,
        typer.Option(
            "--preuve-attendue",
            metavar=h("TEXT"),
            help=h("The evidence that will show it is done."),
            show_default=False,
        ),
    ] = None,
    folder: Dossier = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.options import date_problem
    from qnc.cli.recording import all_given, asked, record
    from qnc.editing import facts
    from qnc.writing.edits import Value

    all_given(
        {"--description": description, "--responsable": owners or None, "--echeance": due}, {}
    )
    text = asked(description, "--description", t("Description"), str)
    names = owners or [asked(None, "--responsable", t("Owner"), str) or ""]
    day = asked(
        due,
        "--echeance",
        t("Due date, YYYY-MM-DD"),
        lambda a: date_problem(a) or date.fromisoformat(a),
    )
    assert text is not None and day is not None  # required
    fields: dict[str, Value] = {
        "description": text,
        "echeance": day,
        "responsable": names[0] if len(names) == 1 else tuple(names),
    }
    if kind is not None:
        fields["type"] = kind.value
    if start is not None:
        fields["debut"] = start
    if expected is not None:
        fields["preuve_attendue"] = expected
    record(
        ctx,
        lambda session, _day: facts.add_action(session, nc, fields=fields),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )
