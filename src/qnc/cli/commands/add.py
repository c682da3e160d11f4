"""``qnc add``: a new NC file."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from qnc.cli.options import Commit, Dossier, DryRun, LangOption, Today, h
from qnc.i18n import Msg, t


class Grade(StrEnum):
    minor = "mineure"
    major = "majeure"


HELP = (
    "Create the file of a new NC with the next free id (NC-01, NC-02…), printed. Without "
    "--exigence, the requirement is qnc's own summary of the indicator, said so in a "
    "comment: replace it with the words of the audit report. On a terminal, qnc asks for "
    "the options not given.\n\n"
    "\b\nExample:\n"
    "  qnc add --indicateur 11 --gravite majeure \\\n"
    '    --constat "Aucune évaluation des acquis en fin de formation."'
)


def add(
    ctx: typer.Context,
    indicator: Annotated[
        int | None,
        typer.Option(
            "--indicateur",
            metavar="N",
            help=h("The indicator (1 to 32, or 33)."),
            show_default=False,
        ),
    ] = None,
    grade: Annotated[
        Grade | None,
        typer.Option(
            "--gravite",
            help=h("mineure or majeure."),
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    finding: Annotated[
        str | None,
        typer.Option(
            "--constat", metavar=h("TEXT"), help=h("The auditor's finding."), show_default=False
        ),
    ] = None,
    requirement: Annotated[
        str | None,
        typer.Option(
            "--exigence",
            metavar=h("TEXT"),
            help=h("The requirement, as the audit report words it."),
            show_default=False,
        ),
    ] = None,
    folder: Dossier = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.recording import all_given, asked, record
    from qnc.editing.creation import add as create

    given = {"--indicateur": indicator, "--gravite": grade, "--constat": finding}
    all_given(given, {"--gravite": [g.value for g in Grade]})
    number = asked(indicator, "--indicateur", t("Indicator"), _number)
    chosen = asked(grade, "--gravite", t("Grade: mineure or majeure"), _grade)
    text = asked(finding, "--constat", t("Finding"), str)
    assert number is not None and chosen is not None and text is not None  # required
    record(
        ctx,
        lambda session, _day: create(
            session, indicator=number, grade=chosen.value, finding=text, requirement=requirement
        ),
        folder=folder,
        today=today,
        lang=lang,
        dry_run=dry_run,
        commit=commit,
    )


def _number(answer: str) -> int | Msg:
    return int(answer) if answer.isdigit() else t("write a number, such as 11")


def _grade(answer: str) -> Grade | Msg:
    try:
        return Grade(answer.lower())
    except ValueError:
        return t("write mineure or majeure")
