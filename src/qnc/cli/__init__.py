"""The command line. ``main`` is the console entry point."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    """Run qnc; Ctrl-C while it is still starting ends quietly too (exit status 130)."""
    if sys.stdout is None and sys.stderr is not None:  # `qnc plan >&-`: nowhere to write
        sys.stderr.write("qnc: standard output is closed / la sortie standard est fermée\n")
        sys.exit(1)
    _usable_streams()
    try:
        from qnc.cli.app import main as run
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    run()


def _usable_streams() -> None:
    """Output that can always be written: a closed stderr (``qnc check 2>&-``) writes to
    nowhere instead of failing (the exit status still tells), and a character the
    stream's encoding lacks (an ASCII or cp1252 pipe) is written as an escape such as
    ``\\xe9`` instead of a traceback."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
