"""Options shared by every command, declared once."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qnc.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language, translator


def help_language() -> Language:
    """The language of ``--help`` texts, known before Typer parses anything."""
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    env = os.environ.get("QNC_LANG")
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def h(msgid: str) -> str:
    """A help text in the help language."""
    return translator(help_language()).text(msgid)


def _parse_today(value: str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(h("expected a date written YYYY-MM-DD, e.g. 2026-04-15")) from None


class Lang(StrEnum):
    fr = "fr"
    en = "en"


class Format(StrEnum):
    table = "table"
    json = "json"


Today = Annotated[
    date | None,
    typer.Option(
        "--today",
        envvar="QNC_TODAY",
        parser=_parse_today,
        metavar="AAAA-MM-JJ",
        help=h("Evaluate deadlines as on this day instead of today."),
        show_default=False,
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="QNC_LANG",
        help=h("Language of messages and reports (default: 'langue' of audit.yaml, else fr)."),
        show_default=False,
        case_sensitive=False,
    ),
]
Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="CHEMINS",
        help=h("Audit folders, files inside one, or folders holding several (default: here)."),
        show_default=False,
    ),
]


def today_or_now(today: date | None) -> date:
    return today if today is not None else date.today()


def paths_or_here(paths: list[Path] | None) -> list[Path]:
    return paths or [Path()]


def language(option: Lang | None, declared: Language | None = None) -> Language:
    """``--lang`` / QNC_LANG first, then ``langue`` of audit.yaml, then French."""
    if option is not None:
        return option.value
    return declared or DEFAULT_LANGUAGE
