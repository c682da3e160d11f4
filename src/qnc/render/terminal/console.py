"""Rich consoles for stdout and stderr: colour only on a terminal and without NO_COLOR."""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console for qnc's output; 120 columns when writing to a file or a pipe."""
    _Console = _console_class()
    stream = sys.stderr if stderr else sys.stdout
    if width is None and not stream.isatty() and "COLUMNS" not in os.environ:
        width = 120
    return _Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        width=width,
        no_color="NO_COLOR" in os.environ,
    )


def _console_class() -> type[Console]:
    from rich.console import Console

    class QncConsole(Console):
        def on_broken_pipe(self) -> None:
            """The reader left (``qnc status | head -1``): end as the command line does
            for any closed pipe, with status 141, not Rich's 1 (problems found)."""
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return QncConsole
