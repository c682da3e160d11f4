"""The ``qnc`` command: parses options, calls the core, prints. Nothing more."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any

import typer

from qnc import __version__
from qnc.cli.commands import COMMANDS
from qnc.cli.localized import Command, Group, ReaderLeft, UsageError, run_language, translate
from qnc.cli.options import RootLang, h
from qnc.errors import QncError
from qnc.i18n import t, translator


class _Qnc(Group):
    """The ``qnc`` group: each command is built when it is asked for (a run builds and
    imports only the command it runs; ``--help`` builds them all)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)


class _Commands(MutableMapping[str, Any]):
    """The commands of :data:`qnc.cli.commands.COMMANDS`, built on first use."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built and name in COMMANDS:
            self._built[name] = build_command(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


def build_command(name: str) -> Any:
    """The Click command ``name``: its module imported, its options built by Typer, its
    help texts translated into the language of the run."""
    # __import__ rather than importlib.import_module: it goes through the import machinery
    # that `python -X importtime` reports, which tests/cli/test_startup.py reads.
    module = __import__(f"qnc.cli.commands.{COMMANDS[name]}", fromlist=["HELP"])
    single = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False,
                         add_completion=False)  # fmt: skip
    single.command(name, help=module.HELP, cls=Command)(getattr(module, COMMANDS[name]))
    command = typer.main.get_command(single)
    translate(command, translator(run_language()))
    return command


app = typer.Typer(
    name="qnc",
    cls=_Qnc,
    help=h("Follow-up of Qualiopi audit non-conformities kept as YAML files."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    subcommand_metavar=h("COMMAND [ARGS]..."),
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qnc {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help=h("Show the version and exit."),
        ),
    ] = False,
    lang: RootLang = None,
) -> None:
    """Follow-up of Qualiopi audit non-conformities kept as YAML files."""
    # `qnc --lang en status`: the command reads the root's --lang (options.chosen_language).


def main() -> None:
    """Console entry point: user mistakes end with a message, never a traceback."""
    try:
        code = app(standalone_mode=False, prog_name="qnc")
        sys.stdout.flush()  # a closed pipe shows here, not as a warning at exit
    except ReaderLeft:
        code = _output_failed(BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)))
    except UsageError as exc:
        from qnc.cli.usage import report_usage_error  # only on a usage error

        try:
            code = report_usage_error(exc)
        except BrokenPipeError as broken:  # `qnc | true`: the help had no reader
            code = _output_failed(broken)
    except QncError as exc:
        from qnc.render.diagnostics import as_text, visible

        tr = translator(run_language())
        sys.stderr.write(as_text(getattr(exc, "diagnostics", ()), tr))  # why, where: as check
        for detail in getattr(exc, "details", ()):
            sys.stderr.write(f"{visible(tr(detail))}\n")
        sys.stderr.write(f"qnc: {visible(tr(exc.message))}\n")
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        code = 130
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            raise
        code = _output_failed(exc)
    sys.exit(code if isinstance(code, int) else 0)


# Writing the output can fail: a closed pipe (qnc status | head), a full disk.
_OUTPUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF}


def _output_failed(exc: OSError) -> int:
    """Say why the output could not be written; a reader that left needs no message.

    A reader that left (``qnc status | head -1``) gives 141, the status of a program
    stopped by SIGPIPE, as git and most Unix tools give: not 1, which means problems
    found in the files."""
    with contextlib.suppress(OSError):  # nothing more may reach the broken stream
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if exc.errno == errno.EPIPE:
        return 128 + 13
    from qnc.oserrors import reason

    message = t("cannot write the output: {reason}", reason=reason(exc))
    sys.stderr.write(f"qnc: {translator(run_language())(message)}\n")
    return 1
