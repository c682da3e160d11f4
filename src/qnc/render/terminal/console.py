"""Rich consoles for stdout and stderr: colour only on a terminal and without NO_COLOR."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console for qnc's output, as wide as the views qnc draws itself
    (:func:`~qnc.render.terminal.styled.columns`: 120 columns in a file or a pipe), so
    that both kinds line up in one output."""
    from qnc.render.terminal.styled import columns

    _Console = _console_class()
    stream = sys.stderr if stderr else sys.stdout
    if width is None:
        width = columns(stream)
    return _Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        width=width,
        no_color="NO_COLOR" in os.environ,
    )


def _console_class() -> type[Console]:
    from rich.console import Console
    from rich.segment import Segment

    from qnc.model.characters import CONTROL
    from qnc.render.diagnostics import visible

    class QncConsole(Console):
        def render(self, renderable: Any, options: Any = None) -> Iterator[Segment]:
            """Rich's segments, with the text of every one made :func:`visible`: nothing
            a file says may reach the terminal as a control sequence, whichever table or
            line it is shown in. Rich's own colours are added later, outside the text."""
            for segment in super().render(renderable, options):
                if segment.control is None and CONTROL.search(segment.text):
                    yield Segment(visible(segment.text, lines=True), segment.style)
                else:
                    yield segment

        def on_broken_pipe(self) -> None:
            """The reader left (``qnc status | head -1``): end as the command line does
            for any closed pipe, with status 141, not Rich's 1 (problems found)."""
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return QncConsole
