"""Options shared by every command, declared once."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from qnc.cli.localized import run_language
from qnc.i18n import Language, Msg, t, translator


def h(msgid: str) -> str:
    """Mark a help text (an English msgid) for translation: Click's objects are translated
    into the language of the run when it starts (:mod:`qnc.cli.usage`)."""
    return msgid


def _keep(value: str) -> str:
    """Typer's parsing step: the text as given, checked by :func:`_checked_day`."""
    return value


def _checked_day(ctx: typer.Context, param: typer.CallbackParam, value: object) -> date | None:
    """The day of ``--today`` (or QNC_TODAY), or a usage error saying what to write."""
    if value is None or isinstance(value, date):
        return value
    problem = _date_problem(str(value))
    if problem is None:
        return date.fromisoformat(str(value))
    # Click adds "(env var: 'QNC_TODAY')" when the value came from there; usage.py says it.
    raise typer.BadParameter(translator(run_language())(problem))


def _date_problem(text: str) -> Msg | None:
    """What is wrong with ``text`` as an AAAA-MM-JJ date, or None when it is one."""
    from qnc.model.dates import ISO_SHAPE, near_miss

    parts = tuple(int(p) for p in text.split("-")) if ISO_SHAPE.fullmatch(text) else None
    parts = parts or near_miss(text)
    if parts is None:
        return t("'{value}' is not a date; write it as YYYY-MM-DD", value=text)
    try:
        day = date(*parts)
    except ValueError:
        return t("'{value}' is not a date that exists in the calendar", value=text)
    if ISO_SHAPE.fullmatch(text):
        return None
    return t("'{value}' is not in ISO form; write {iso}", value=text, iso=day.isoformat())


class Format(StrEnum):
    table = "table"
    json = "json"


def _day_option(help_text: str, name: str = "--today", envvar: str | None = "QNC_TODAY") -> Any:
    return typer.Option(
        name,
        envvar=envvar,
        parser=_keep,
        callback=_checked_day,
        metavar=h("YYYY-MM-DD"),
        help=help_text,
        show_default=False,
    )


def date_option(name: str, help_text: str) -> Any:
    """A date option (``--le``, ``--echeance``…), checked as ``--today`` is."""
    return _day_option(help_text, name, None)


def date_problem(text: str) -> Msg | None:
    """What is wrong with ``text`` as a date, or None: for answers to a prompt."""
    return _date_problem(text)


Today = Annotated[
    date | None, _day_option(h("Evaluate deadlines as on this day instead of today."))
]
GridDay = Annotated[
    date | None, _day_option(h("Choose the grid in force on this day instead of today."))
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        envvar="QNC_LANG",
        help=h("Language of messages and reports (default: 'langue' of audit.yaml, else fr)."),
        show_default=False,
        case_sensitive=False,
    ),
]
RootLang = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        # No envvar here: QNC_LANG is read by the command, where --lang can override it.
        help=h("Language of messages and reports (default: 'langue' of audit.yaml, else fr)."),
        show_default=False,
        case_sensitive=False,
    ),
]
"""``qnc --lang en COMMAND``: read by the command (:func:`chosen_language`)."""
Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar=h("PATHS"),
        help=h("Audit folders, files inside one, or folders holding several (default: here)."),
        show_default=False,
        # Typer refuses an unreadable path itself, in English and with status 2; qnc says
        # why in the user's language, with the status of a bad file (1).
        readable=False,
    ),
]


Dossier = Annotated[
    Path | None,
    typer.Option(
        "--dossier",
        metavar=h("PATH"),
        help=h("The audit folder (default: the current folder), as git -C."),
        show_default=False,
    ),
]
DryRun = Annotated[
    bool,
    typer.Option("--dry-run", help=h("Show the change as a diff; write nothing.")),
]
Commit = Annotated[
    bool,
    typer.Option(
        "--commit",
        help=h(
            "Record the change in git (only the files written), with a message that "
            "states the fact."
        ),
    ),
]
NcId = Annotated[str, typer.Argument(metavar=h("NC-ID"), help=h("The NC (its id)."))]
"""The NC a fact is about, as the edit commands take it first."""
On = Annotated[
    date | None, date_option("--le", h("The day of the fact (default: today, or --today)."))
]
Correct = Annotated[
    bool,
    typer.Option(
        "--corriger",
        help=h(
            "Replace the day already recorded, when it is wrong, with the day of --le "
            "(required); the old and new values are printed."
        ),
    ),
]


def today_or_now(today: date | None) -> date:
    return today if today is not None else date.today()


def paths_or_here(paths: list[Path] | None) -> list[Path]:
    return paths or [Path()]


def chosen_language(ctx: typer.Context, lang: Language | None) -> Language | None:
    """The language asked for: ``--lang`` after the command, else before it (``qnc --lang
    en status``), else QNC_LANG; None when none was (the audits' own ``langue`` then)."""
    source = ctx.get_parameter_source("lang")
    if lang is not None and getattr(source, "name", None) == "COMMANDLINE":
        return lang
    root: Language | None = ctx.find_root().params.get("lang")
    return root or lang
