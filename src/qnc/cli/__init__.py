"""The command line. ``main`` is the console entry point."""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
import types
from pathlib import Path


def main() -> None:
    """Run qnc; Ctrl-C while it is still starting ends quietly too (exit status 130)."""
    # A run lasts a second or so and makes no reference cycles worth reclaiming (5,000 NC
    # files take the same memory either way), while importing Typer and Pydantic and
    # building the models triggers collection after collection: about 4 % of qnc check's
    # start-up and 18 % of a 5,000-file run. The cyclic collector stays off for the run.
    gc.disable()
    _usable_streams()
    _without_pydantic_plugins()
    try:
        from qnc.cli.app import main as run
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    run()


def _without_pydantic_plugins() -> None:
    """Pydantic looks for plugins each time it builds a model, through a module that
    imports ``importlib.metadata`` at its top (about 13 ms, a sixth of qnc check's start-up
    beyond what Typer, Pydantic and ruamel.yaml cost anyway); PYDANTIC_DISABLE_PLUGINS is
    read only after that import. qnc uses no Pydantic plugin, so the console command stands
    in for that module with one that finds none. Importing qnc as a library changes
    nothing."""
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]
    sys.modules.setdefault("pydantic.plugin._loader", loader)


def _usable_streams() -> None:
    """Streams qnc can rely on: a closed stderr (``qnc check 2>&-``) writes to nowhere
    (the exit status still tells), a closed stdout fails when written to, and a character
    the stream's encoding lacks (an ASCII or cp1252 pipe) is written as an escape such as
    ``\\xe9`` instead of a traceback."""
    if sys.stdout is None:  # `qnc status >&-`: writing there fails, as it would in C
        sys.stdout = _Closed()
    elif hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    elif hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")


class _Closed(io.TextIOBase):
    """A closed standard output: a command that writes there fails (exit 1, with a message
    on stderr), one that writes nothing there (``qnc plan --out plan.md``) runs."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False
