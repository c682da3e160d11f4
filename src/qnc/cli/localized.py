"""The language of a run, and Click's objects in it.

The root group reads the language its command line asks for (``--lang`` wherever it
stands, else QNC_LANG, else French) before Click parses anything, so that ``--help``
and usage errors speak it too. Help texts are English msgids (:func:`qnc.cli.options.h`),
translated on the objects Typer builds for the run; Typer's and Click's own English
fragments are translated where they are asked for or found.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from typing import Any

import typer
import typer.core
from typer.core import TyperArgument, TyperCommand, TyperGroup

from qnc.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language, Msg, Translator, t, translator

_RUN: ContextVar[tuple[Language, tuple[str, ...]]] = ContextVar(
    "qnc_run", default=(DEFAULT_LANGUAGE, ())
)


def run_language() -> Language:
    """The language of this run's help, usage errors and messages before any audit is read."""
    return _RUN.get()[0]


def run_args() -> tuple[str, ...]:
    """The command line of this run, as the root group received it."""
    return _RUN.get()[1]


def requested_language(args: Sequence[str], environ: Mapping[str, str]) -> Language:
    """The language ``args`` ask for with ``--lang``, else QNC_LANG, else French."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if (typed := _language(value)) is not None:
            return typed
    return _language(environ.get("QNC_LANG")) or DEFAULT_LANGUAGE


def _language(value: str | None) -> Language | None:
    """``value`` as a language qnc speaks (``EN`` reads ``en``), or None."""
    return next((lang for lang in LANGUAGES if value and value.lower() == lang), None)


# Patterns as text, compiled by the re module's cache when help is first shown.
_HELP_WORDS = (
    (r"(?m)^(?P<heading>[A-Za-zÀ-ÿ]+):$", t("{heading}:")),
    (r"(?m)^Usage: ", t("Usage: ")),
    (r"Show this message and exit\.", t("Show this message and exit.")),
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


# The help of Typer's own --install-completion and --show-completion options: their
# Click objects are translated with the others when the run starts (_translate below).
_COMPLETION_HELP = (
    t("Install completion for the current shell."),
    t("Show completion for the current shell, to copy it or customize the installation."),
)


def _typer_gettext(message: str) -> str:
    known = _TYPER_WORDS.get(message)
    return translator(run_language()).text(known.text) if known else message


if hasattr(typer.core, "_"):
    typer.core._ = _typer_gettext


def _localize(text: str, patterns: tuple[tuple[str, Msg], ...]) -> str:
    tr = translator(run_language())
    for pattern, replacement in patterns:

        def reword(match: re.Match[str], template: Msg = replacement) -> str:
            return tr(Msg(template.text, tuple(match.groupdict().items())))

        text = re.sub(pattern, reword, text)
    return text


class LocalizedContext(typer.Context):
    def get_help(self) -> str:
        return _localize(super().get_help(), _HELP_WORDS)

    def get_usage(self) -> str:
        return _localize(super().get_usage(), _HELP_WORDS)


class _NamedArgument(TyperArgument):
    """An argument whose help shows its metavar alone (CHEMINS), not ``<list[Path]>``."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.metavar else super().display_type_rich(ctx)

    def _usage_display_name(self) -> str:
        """A required argument as its metavar alone (``ID-NC``), as Click and git write
        it: Typer's braces (``{ID-NC}``) read as something to type."""
        name: str = super()._usage_display_name()
        if self.required and name.startswith("{"):
            name = name[1:].replace("}", "", 1)
        return name


UsageError: type[Exception] = typer.BadParameter.__mro__[1]
"""Click's usage error, from whichever copy of Click Typer uses."""


class ReaderLeft(Exception):
    """The reader of the output closed the pipe (``qnc status | head -1``)."""


class _ReaderAware:
    """Click ends a closed pipe with status 1 (problems found, for qnc): raise past it,
    whether the output is the command's or --help's (printed while parsing)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except BrokenPipeError as exc:
            raise ReaderLeft from exc

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except BrokenPipeError as exc:
            raise ReaderLeft from exc


class Command(_ReaderAware, TyperCommand):
    context_class = LocalizedContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Typer builds the arguments itself and prints their Python type next to the
        # metavar; this class only changes what --help shows, not how values are parsed.
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _NamedArgument


class Group(_ReaderAware, TyperGroup):
    context_class = LocalizedContext

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        if parent is None:  # the root: the run starts here
            language = requested_language(args, os.environ)
            _RUN.set((language, tuple(args)))
            translate(self, translator(language))
        return super().make_context(info_name, args, parent, **extra)


def translate(command: Any, tr: Translator) -> None:
    """The help texts and metavars of ``command`` and its parameters, from English msgids
    into the language of ``tr`` (subcommands are translated as they are built)."""
    for owner in (command, *command.params):
        for name in ("help", "short_help", "metavar", "subcommand_metavar"):
            text = getattr(owner, name, None)
            if isinstance(text, str) and text:
                setattr(owner, name, tr.text(text))
