"""What the tests of the commands that write share: the golden NC file, its variants
(CRLF, a BOM), and an audit folder holding it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.golden import GOLDEN

EDITS = GOLDEN / "edits"
VARIANTS = ["lf", "crlf", "bom", "crlf+bom"]
DAY = ("--today", "2026-06-20")
"""After the notification of the conftest audit (2026-03-12), before any deadline."""


def variant(text: str, name: str) -> bytes:
    """``text`` with the line breaks and byte order mark of the variant ``name``."""
    if "crlf" in name:
        text = text.replace("\n", "\r\n")
    return (("\ufeff" if "bom" in name else "") + text).encode("utf-8")


def golden_folder(write_audit: Callable[..., Path], before: str, kind: str = "lf") -> Path:
    """The conftest audit with nc/NC-02.yaml from the golden file ``before``, and the
    evidence files the NC cites."""
    text = (EDITS / before).read_text("utf-8")
    files = {"preuves/fiches.md": "fiches", "preuves/calendrier.pdf": "calendrier"}
    name = "NC-02.yaml" if before.startswith("NC-02") else "NC-03.yaml"
    return write_audit(ncs={name: variant(text, kind)}, files=files)
