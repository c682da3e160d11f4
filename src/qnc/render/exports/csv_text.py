"""``qnc export --format csv``: the actions table for Excel as French users open it.

A ``;`` separator (``,`` in English), UTF-8 with a BOM (without it Excel reads UTF-8 as
Windows-1252), dates as ``15/04/2026`` (ISO in English), and text that Excel would take
for a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) prefixed with
``'``, so that opening the file never runs what someone typed in a YAML file.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Literal

from qnc.i18n import LANGUAGES, Translator, translator
from qnc.render.exports.rows import Cell, Sheet

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(sheet: Sheet, tr: Translator) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=_separator(tr), lineterminator="\r\n")
    writer.writerow([neutralised(h) for h in sheet.headers])
    writer.writerows([_cell(value, tr) for value in row] for row in sheet.rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def neutralised(text: str) -> str:
    """Text that Excel shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: Cell, tr: Translator) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return tr.short_date(value)
    if isinstance(value, int):
        return str(value)
    return neutralised(value)


def _separator(tr: Translator) -> str:
    return ";" if tr.language == "fr" else ","


class CsvStamp:
    """A CSV qnc exported starts with qnc's header row, in one of its languages. A CSV
    has no room for a fingerprint: one that starts so is taken as qnc's, edited or not.
    A :class:`qnc.writing.stamps.Stamp`."""

    def state(self, content: bytes) -> Literal["same", "foreign"]:
        from qnc.render.exports.rows import action_sheet

        first = content.removeprefix(BOM.encode()).split(b"\n", 1)[0].rstrip(b"\r")
        for language in LANGUAGES:
            tr = translator(language)
            empty = csv_bytes(action_sheet([], tr), tr).removeprefix(BOM.encode())
            if first == empty.rstrip(b"\r\n"):
                return "same"
        return "foreign"
