"""``qnc export --format xlsx``: the actions and the NCs as an Excel workbook (openpyxl).

Real dates (shown ``15/04/2026`` in French), a frozen header row with filters, column
widths fitted to their text; the rows of audits left out for their errors in red. Text
is stored as text, never as a formula. The workbook's identifier (a core property, which
Excel and LibreOffice keep) is :data:`MARKER`, for :class:`qnc.writing.stamps.PackageStamp`:
qnc then replaces a workbook it exported only while nobody saved it since, as for the
Word plan. ``openpyxl`` is imported only here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from qnc.i18n import Translator
from qnc.render.exports.rows import Cell, Sheet

MARKER = "qnc:export"
AUTHOR = "qnc"
_MAX_WIDTH, _MIN_WIDTH = 60, 8


def workbook_bytes(sheets: Sequence[Sheet], tr: Translator, *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    blank = workbook.active
    if blank is not None:
        workbook.remove(blank)
    date_format = "DD/MM/YYYY" if tr.language == "fr" else "YYYY-MM-DD"
    for sheet in sheets:
        page = workbook.create_sheet(_sheet_name(sheet.title))
        page.append(list(sheet.headers))
        for cell in page[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append(list(row))
        for number, cells in enumerate(page.iter_rows(min_row=2)):
            for cell in cells:
                if number < sheet.alerts:  # an audit left out: not to be missed
                    cell.font = Font(bold=True, color="C00000")
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # '=1+1' typed in a YAML file stays text
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                elif isinstance(cell.value, date):
                    cell.number_format = date_format
        for index, width in enumerate(_widths(sheet), start=1):
            page.column_dimensions[page.cell(1, index).column_letter].width = width
        page.freeze_panes = "A2"
        page.auto_filter.ref = page.dimensions
    properties = workbook.properties
    properties.creator = properties.lastModifiedBy = AUTHOR
    properties.title = title
    properties.identifier = MARKER
    buffer = io.BytesIO()
    workbook.save(buffer)  # openpyxl stamps the time of saving itself
    return buffer.getvalue()


def _sheet_name(title: str) -> str:
    """Excel refuses sheet names over 31 characters or with []:*?/\\."""
    return "".join(" " if c in "[]:*?/\\" else c for c in title)[:31]


def _widths(sheet: Sheet) -> list[float]:
    columns = zip(sheet.headers, *sheet.rows, strict=True) if sheet.rows else (
        (h,) for h in sheet.headers)  # fmt: skip
    return [
        min(_MAX_WIDTH, max(_MIN_WIDTH, *(_length(v) + 2 for v in column))) for column in columns
    ]


def _length(value: Cell) -> int:
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0) if value else 0
