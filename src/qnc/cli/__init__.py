"""The command line. ``main`` is the console entry point."""

from __future__ import annotations

import sys


def main() -> None:
    """Run qnc; Ctrl-C while it is still starting ends quietly too (exit status 130)."""
    try:
        from qnc.cli.app import main as run
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    run()
