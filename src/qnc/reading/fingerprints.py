"""The fingerprint of an evidence file: the SHA-256 of its bytes, as ``empreinte`` records it."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

PREFIX = "sha256:"
_CHUNK = 1 << 20


def fingerprint(path: Path) -> str:
    """``sha256:`` and the hexadecimal digest of the file ``path``.

    Raises OSError when it cannot be read, and IsADirectoryError for anything but a
    regular file (a pipe would never end)."""
    # Non-blocking, so that a pipe named as evidence cannot hang qnc.
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise IsADirectoryError(f"not a regular file: {path}")
        digest = hashlib.sha256()
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return PREFIX + digest.hexdigest()


def fingerprint_or_none(path: Path) -> str | None:
    """The fingerprint of ``path``, or None when it cannot be read (the checks then
    cannot tell whether it changed, and say nothing)."""
    try:
        return fingerprint(path)
    except OSError:
        return None
