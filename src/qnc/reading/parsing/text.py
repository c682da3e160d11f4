"""The text of a YAML file: a regular file of a bounded size, decoded as UTF-8.

Whatever the path holds (a pipe, a device, a file growing while read, UTF-16 or
Latin-1 text), the answer is a diagnostic, never a traceback or a hang.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import Msg, t
from qnc.oserrors import FILE_ERRORS, read_error

MAX_BYTES = 1_000_000
"""Refuse larger files: a real audit file is a few kilobytes; this bounds time and memory."""

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


class YamlError(Exception):
    """A file that cannot be read as YAML data; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics)
        self.diagnostics = diagnostics


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, a regular file of at most MAX_BYTES bytes."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise fail(path, 1, 1, "lecture", _not_a_file(status.st_mode))
        if status.st_size > MAX_BYTES:
            raise fail(path, 1, 1, "fichier-trop-gros", _too_large(status.st_size))
        # Non-blocking: a file swapped for a pipe since stat() must not hang qnc.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as stream:
            raw = stream.read(status.st_size + 1)
            if len(raw) > status.st_size:  # more than announced: /proc, or a file growing
                raw += stream.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        raise fail(path, 1, 1, "lecture", read_error(exc, path)) from exc
    if len(raw) > MAX_BYTES:
        raise fail(path, 1, 1, "fichier-trop-gros", _too_large(None))
    return raw


def _too_large(size: int | None) -> Msg:
    if size is None:
        return t(
            "file too large (over {limit} kB); an audit file is a few kB", limit=MAX_BYTES // 1000
        )
    return t(
        "file too large ({size} kB, limit {limit} kB); an audit file is a few kB",
        size=size // 1000,
        limit=MAX_BYTES // 1000,
    )


def _not_a_file(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return FILE_ERRORS[errno.EISDIR]
    return t(
        "this is not an ordinary file (it is a pipe, a device or a socket); "
        "replace it by a YAML file"
    )


def decode(raw: bytes, path: Path) -> str:
    """``raw`` as text: UTF-8, with or without a byte order mark."""
    if _looks_utf32(raw):
        raise fail(path, 1, 1, "encodage", t("the file looks saved in UTF-32; save it as UTF-8"))
    if _looks_utf16(raw):
        raise fail(path, 1, 1, "encodage", t("the file looks saved in UTF-16; save it as UTF-8"))
    bom = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        start = bom + exc.start
        line = raw.count(b"\n", 0, start) + 1
        line_start = max(raw.rfind(b"\n", 0, start) + 1, bom)
        column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
        raise fail(
            path,
            line,
            column,
            "encodage",
            t(
                "the file is not UTF-8 text (byte 0x{byte:02X}); save it as UTF-8",
                byte=raw[start],
            ),
        ) from exc
    return text


def _looks_utf32(raw: bytes) -> bool:
    """UTF-32 text starts with a BOM, or has three NULs in every four bytes (it would
    also pass for UTF-16, whose BOM starts UTF-32's little-endian one)."""
    if raw.startswith(_UTF32_BOMS):
        return True
    phases = (raw[i::4] for i in range(4))
    return b"\x00\x00\x00" in raw and sum(2 * p.count(0) > len(p) for p in phases) >= 3


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 text (Notepad's "Unicode") starts with a BOM, or has a NUL every other byte."""
    if raw.startswith(_UTF16_BOMS):
        return True
    return b"\x00" in raw and any(2 * half.count(0) > len(half) for half in (raw[::2], raw[1::2]))


def fail(path: Path, line: int, column: int, code: str, message: Msg) -> YamlError:
    return YamlError([Diagnostic(path, line, column, Severity.ERROR, code, message)])
