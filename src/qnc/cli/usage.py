"""Usage errors in the user's language: Click's English sentences reworded with the
catalog's, printed as Typer would print them (exit status 2)."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from qnc.cli.localized import run_args, run_language
from qnc.i18n import Msg, t, tn, translator


def _values(text: str) -> list[str]:
    """``'a', 'b'`` as Click writes values (with ``repr``) back to ``['a', 'b']``."""
    try:
        values = ast.literal_eval(f"[{text}]")
    except (SyntaxError, ValueError):
        return [text]
    return [str(v) for v in values] if isinstance(values, list) else [text]


def _quoted(text: str) -> tuple[Msg, ...]:
    """Values Click quoted in English, quoted the catalog's way (« a », « b »)."""
    return tuple(t("'{x}'", x=value) for value in _values(text))


def _bare(text: str) -> str:
    """Option or argument names that Click quoted, without their quotes: --today, CHEMIN."""
    return " / ".join(name for part in text.split(" / ") for name in _values(part))


def _choices(match: re.Match[str]) -> list[str]:
    """The values of ``Choose from:\\n\\ta,\\n\\tb`` as Click lists them."""
    return [choice.strip() for choice in match["choices"].split(",")]


def either(values: Sequence[str]) -> Msg | str:
    """``a, b or c``: the values to choose from, as a sentence lists them."""
    if len(values) == 1:
        return values[0]
    return t("{values} or {last}", values=tuple(values[:-1]), last=values[-1])


def option_values(option: str, values: Sequence[str]) -> Msg:
    """``--resultat (efficace or inefficace)``: an option named with what it takes."""
    return t("{option} ({values})", option=option, values=either(values))


def _extra(match: re.Match[str]) -> Msg:
    args = tuple(t("'{x}'", x=arg) for arg in match["x"].split(" "))
    return tn(
        "unexpected extra argument: {args}",
        "unexpected extra arguments: {args}",
        len(args),
        args=args,
    )


def _invalid(match: re.Match[str]) -> Msg:
    option = _bare(match["x"])
    message = t("invalid value for {x}: {rest}", x=option, rest=reworded(match["rest"]))
    typed = any(a == option or a.startswith(f"{option}=") for a in run_args())
    if match["env"] and not typed:  # QNC_LANG=en_US: say where the value comes from
        return t("{problem} (value of the environment variable {name})", problem=message,
                 name=match["env"])  # fmt: skip
    return message


_QUOTED = r"(?P<x>'[^']*'|\"[^\"]*\")"
_OPTION = r"(?P<x>\S+)"
# Click's usage errors, each whole, and the catalog message that says the same.
_ERRORS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Msg]], ...] = tuple(
    (re.compile(pattern, re.S), build)
    for pattern, build in (
        (r"Got unexpected extra argument(?:s|\(s\))? \((?P<x>.*)\)", _extra),
        (rf"No such option: {_OPTION}", lambda m: t("unknown option: {x}", x=m["x"])),
        (
            rf"No such option: {_OPTION} \(Possible options: (?P<near>[^)]*)\)",
            lambda m: t("unknown option: {x} (possible options: {near})", x=m["x"], near=m["near"]),
        ),
        (
            rf"No such option: {_OPTION}\.? Did you mean (?P<near>.*)\?",
            lambda m: t("unknown option: {x}; did you mean {near}?", x=m["x"], near=m["near"]),
        ),
        (
            rf"No such command {_QUOTED}\.",
            lambda m: t("unknown command: {x}", x=_quoted(m["x"])),
        ),
        (
            rf"No such command {_QUOTED}\. Did you mean (?P<near>.*)\?",
            lambda m: t(
                "unknown command: {x}; did you mean {near}?",
                x=_quoted(m["x"]),
                near=_quoted(m["near"]),
            ),
        ),
        (r"Missing command\.", lambda m: t("missing command")),
        (r"Missing argument (?P<x>.*?)\.", lambda m: t("missing argument: {x}", x=_bare(m["x"]))),
        (
            r"Missing argument (?P<x>.*?)\. Choose from:\s*(?P<choices>.*)",
            lambda m: t(
                "missing argument: {x} (possible values: {choices})",
                x=_bare(m["x"]),
                choices=", ".join(_choices(m)),
            ),
        ),
        (r"Missing option (?P<x>.*?)\.", lambda m: t("missing option: {x}", x=_bare(m["x"]))),
        (
            r"Missing option (?P<x>.*?)\. Choose from:\s*(?P<choices>.*)",
            lambda m: t("missing option: {x}", x=option_values(_bare(m["x"]), _choices(m))),
        ),
        (
            rf"Option {_QUOTED} requires an argument\.",
            lambda m: t("the option {x} needs a value", x=_bare(m["x"])),
        ),
        (
            rf"Option {_QUOTED} does not take a value\.",
            lambda m: t("the option {x} takes no value", x=_bare(m["x"])),
        ),
        (
            r"Invalid value for (?P<x>.*?)(?: \(env var: '(?P<env>[^']*)'\))?: (?P<rest>.*)",
            _invalid,
        ),
        (r"Invalid value: (?P<rest>.*)", lambda m: t("invalid value: {rest}", rest=m["rest"])),
        (
            rf"(?:Value error, )?{_QUOTED} is not one of (?P<choices>.*?)\.?",
            lambda m: t(
                "'{x}' is not one of: {choices}",
                x=_values(m["x"])[0],
                choices=", ".join(_values(m["choices"])),
            ),
        ),
    )
)


def reworded(text: str) -> Msg | str:
    """Click's English ``text`` as a catalog message; unknown texts stay as they are."""
    for pattern, build in _ERRORS:
        match = pattern.fullmatch(text)
        if match:
            return build(match)
    return text


def report_usage_error(error: Any) -> int:
    """Print a usage error as Typer would, in the user's language; exit status 2."""
    tr = translator(run_language())
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
        sys.stdout.write(ctx.get_help() + "\n")
        return 0
    if ctx is not None:
        sys.stderr.write(ctx.get_usage() + "\n")
        help_hint = tr(t("Try '{command} --help' for help.", command=ctx.command_path))
        sys.stderr.write(help_hint + "\n")
    from qnc.render.diagnostics import visible  # what was typed is quoted: `--format $'\e[2J'`

    problem = _not_converted(error)
    if problem is not None:  # Typer converts with Pydantic, whose messages are English
        error.message = tr(problem)
    message = visible(tr(reworded(error.format_message())))
    sys.stderr.write("\n" + tr(t("Error: {message}", message=message)) + "\n")
    option = getattr(error, "option_name", None)
    if ctx is not None and ctx.parent is None and option:
        command = _command_taking(ctx, option)
        if command is not None:  # `qnc --today 2026-04-20 status`: it goes after status
            hint = t("options go after the command: qnc {command} {option} …",
                     command=command, option=option)  # fmt: skip
            sys.stderr.write(tr(hint) + "\n")
    return 2


def _not_converted(error: Any) -> Msg | None:
    """What the value of an option is not, when Pydantic refused it (``--indicateur abc``);
    None for any other error."""
    cause = error.__cause__
    if cause is None or type(cause).__name__ != "ValidationError":
        return None
    found = cause.errors()
    kind, value = (str(found[0]["type"]), str(found[0]["input"])) if found else ("", "")
    if kind.startswith("int_"):
        return t("'{value}' is not a whole number", value=value)
    if kind.startswith(("date_", "datetime_")):
        from qnc.cli.options import date_problem

        return date_problem(value) or t("'{value}' is not a date; write it as YYYY-MM-DD",
                                        value=value)  # fmt: skip
    return None


def _command_taking(ctx: Any, option: str) -> str | None:
    """The command ``option`` belongs to: the one typed if it takes it, else the first
    that does (status first); None when no command takes it."""
    commands = getattr(ctx.command, "commands", {})
    taking = sorted(
        (name for name, command in commands.items()
         if any(option in param.opts for param in command.params)),
        key=lambda name: name != "status",
    )  # fmt: skip
    typed = next((a for a in run_args() if a in commands), None)
    if typed is not None:
        return typed if typed in taking else None
    return taking[0] if taking else None
