"""Typer's own words (help headings, usage errors) in the user's language.

Typer prints a few English fragments of its own. The help text is translated by a
Context subclass; usage errors are caught once in ``main`` and reworded here, with
French sentences from the catalog.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import typer
import typer.core
from typer.core import TyperCommand, TyperGroup

from qnc.cli.options import help_language
from qnc.i18n import Msg, t, translator

_HELP_WORDS = (
    (re.compile(r"^(?P<heading>[A-Za-zÀ-ÿ]+):$", re.M), t("{heading}:")),
    (re.compile(r"^Usage: ", re.M), t("Usage: ")),
    (re.compile(r"Show this message and exit\."), t("Show this message and exit.")),
)
# Typer looks these up through gettext before wrapping the help text, so they are
# translated where Typer asks for them rather than found again in the wrapped text.
_TYPER_WORDS = {
    msg.text: msg
    for msg in (
        t("Options"), t("Arguments"), t("Commands"), t("default: {default}"),
        t("env var: {var}"), t("required"), t("(dynamic)"),
    )
}  # fmt: skip


def _typer_gettext(message: str) -> str:
    known = _TYPER_WORDS.get(message)
    return translator(help_language()).text(known.text) if known else message


if hasattr(typer.core, "_"):
    typer.core._ = _typer_gettext
_ERRORS = (
    (re.compile(r"No such option: (?P<x>\S+)(?P<rest>.*)"), t("unknown option: {x}{rest}")),
    (re.compile(r"No such command '?(?P<x>[^'.]+)'?\.?"), t("unknown command: {x}")),
    (
        re.compile(
            r"Invalid value for (?P<x>'[^']*')(?: \(env var: '[^']*'\))?: (?P<rest>.*)", re.S
        ),
        t("invalid value for {x}: {rest}"),
    ),
    (re.compile(r"Missing argument '?(?P<x>[^'.]+)'?\.?"), t("missing argument: {x}")),
    (re.compile(r"Missing option '?(?P<x>[^'.]+)'?\.?"), t("missing option: {x}")),
    (
        re.compile(r"Option '?(?P<x>[^' ]+)'? requires an argument\.?"),
        t("the option {x} needs a value"),
    ),
    (
        re.compile(r"Got unexpected extra arguments? \((?P<x>.*)\)"),
        t("unexpected extra arguments: {x}"),
    ),
    (
        re.compile(r"(?:Value error, )?'(?P<x>[^']*)' is not one of (?P<rest>[^.]*)\.?"),
        t("'{x}' is not one of {rest}"),
    ),
)


def _localize(text: str, patterns: tuple[tuple[re.Pattern[str], Msg], ...]) -> str:
    tr = translator(help_language())
    for pattern, replacement in patterns:

        def reword(match: re.Match[str], template: Msg = replacement) -> str:
            return tr(Msg(template.text, tuple(match.groupdict().items())))

        text = pattern.sub(reword, text)
    return text


class LocalizedContext(typer.Context):
    def get_help(self) -> str:
        return _localize(super().get_help(), _HELP_WORDS)

    def get_usage(self) -> str:
        return _localize(super().get_usage(), _HELP_WORDS)


class Command(TyperCommand):
    context_class = LocalizedContext


class Group(TyperGroup):
    context_class = LocalizedContext


UsageError: type[Exception] = typer.BadParameter.__mro__[1]


def report_usage_error(error: Any) -> int:
    """Print a usage error as Typer would, in the user's language; exit status 2."""
    tr = translator(help_language())
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
        sys.stdout.write(ctx.get_help() + "\n")
        return 0
    if ctx is not None:
        sys.stderr.write(ctx.get_usage() + "\n")
        help_hint = tr(t("Try '{command} --help' for help.", command=ctx.command_path))
        sys.stderr.write(help_hint + "\n")
    message = _localize(error.format_message(), _ERRORS)
    sys.stderr.write("\n" + tr(t("Error: {message}", message=message)) + "\n")
    return 2
