"""Rich consoles for stdout and stderr: colour only on a terminal and without NO_COLOR."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console for qnc's output; 120 columns when writing to a file or a pipe."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if width is None and not stream.isatty() and "COLUMNS" not in os.environ:
        width = 120
    return Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        width=width,
        no_color="NO_COLOR" in os.environ,
    )
