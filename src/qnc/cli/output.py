"""Writing machine-readable output."""

from __future__ import annotations

import sys


def write_utf8(text: str) -> None:
    """``text`` on stdout as UTF-8 whatever the stream's encoding (a cp1252 pipe on
    Windows, PYTHONIOENCODING=ascii): JSON and Markdown readers expect UTF-8."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes underneath: its own encoding it is
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
