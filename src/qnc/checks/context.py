"""What the checks know of the world: the day, and the file system through two functions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple


class Context(NamedTuple):
    today: date
    exists: Callable[[Path], bool]
    """Whether a path exists: the checks never touch the disk themselves."""
    repository: Path
    """Evidence must stay inside this folder (the git work tree holding the audit)."""
    fingerprint: Callable[[Path], str | None] = lambda path: None
    """The ``sha256:…`` fingerprint of a file, or None when it cannot be read."""
