"""Rich consoles for stdout and stderr: colour only on a terminal and without NO_COLOR."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    from rich.console import Console

    return Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        width=width,
        no_color="NO_COLOR" in os.environ,
    )
