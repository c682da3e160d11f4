"""Termination signals while a file is written: the temporary file goes, as on Ctrl-C.

Ctrl-C raises KeyboardInterrupt, so the writer's cleanup runs; SIGTERM (``kill``, a CI
timeout) and SIGHUP (a closed terminal or SSH session) ended the process at once, and
left a hidden partial ``.plan.md.XXXX.tmp`` of up to megabytes beside the target.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):
    """A termination signal received while writing (not an Exception: nothing may catch
    it by accident)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def terminations_raise() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated`, so that cleanup
    runs; the previous handlers are back after it. A signal ignored (``nohup``) or
    handled by someone else is left alone, as is every signal outside the main thread,
    where Python cannot catch them."""
    installed = []
    for signum in _ENDING:
        with contextlib.suppress(ValueError):  # not the main thread
            if signal.getsignal(signum) is signal.SIG_DFL:
                signal.signal(signum, _raise)
                installed.append(signum)
    try:
        yield
    finally:
        for signum in installed:
            signal.signal(signum, signal.SIG_DFL)


def end_as(signal_received: Terminated) -> NoReturn:
    """End the process as the signal would have, now that the cleanup is done: its
    parent (a shell, CI) sees a process killed by that signal."""
    signum = signal_received.signum
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    raise SystemExit(128 + signum)  # the shell's status for it, should the signal wait
