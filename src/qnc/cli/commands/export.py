"""``qnc export``: the actions and NCs as a spreadsheet (CSV or Excel workbook)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from qnc.cli.exports import Force, Out
from qnc.cli.options import (
    LangOption,
    Paths,
    Today,
    h,
)
from qnc.cli.reports import mention_warnings, read
from qnc.errors import QncError
from qnc.i18n import t

if TYPE_CHECKING:
    from qnc.writing.stamps import Stamp

HELP = (
    "Export the actions, one row each with the columns of their NC (organisation, "
    "indicator, grade, finding, owner, due date, status, evidence, regulatory due date…), "
    "for Excel or LibreOffice. csv: ';' separator, UTF-8, dates as 15/04/2026. xlsx: a "
    "workbook with real dates, filters, and a second sheet with the NCs (needs --out). "
    "Without --format, the extension of --out chooses. Audits with errors come first, one "
    "row each: their actions are missing.\n\n"
    "Example: qnc export qualiopi/ --out suivi.xlsx"
)


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


def export(
    ctx: typer.Context,
    paths: Paths = None,
    output: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            help=h("Output: csv or xlsx (default: the extension of --out, else csv)."),
            show_default=False,
        ),
    ] = None,
    out: Out = None,
    force: Force = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    chosen = _format(output, out)
    if chosen is ExportFormat.xlsx and (out is None or str(out) == "-"):
        raise QncError(t("an Excel workbook is a file: give its name with --out, for "
                         "instance --out suivi.xlsx"))  # fmt: skip
    from qnc.cli.exports import write_out
    from qnc.render.exports.rows import action_sheet, nc_sheet
    from qnc.rules.report import by_urgency

    day, inspection, tr, reports, broken = read(ctx, paths, today, lang)
    ordered = by_urgency(reports)
    if chosen is ExportFormat.xlsx:
        from qnc.render.exports.workbook import MARKER, workbook_bytes
        from qnc.writing.stamps import PackageStamp

        sheets = [action_sheet(ordered, tr, broken), nc_sheet(ordered, tr, broken)]
        title = tr(t("Qualiopi non-conformities on {day}", day=day))
        package = PackageStamp(MARKER)
        stamp: Stamp = package
        content = package.mark(workbook_bytes(sheets, tr, title=title))
    else:
        from qnc.render.exports.csv_text import CsvStamp, csv_bytes

        stamp, content = CsvStamp(), csv_bytes(action_sheet(ordered, tr, broken), tr)
    write_out(content, out, reports=reports, broken=broken, stamp=stamp, force=force, tr=tr)
    mention_warnings(inspection, tr)
    if broken:
        raise typer.Exit(1)


def _format(output: ExportFormat | None, out: object) -> ExportFormat:
    """--format, else the extension of --out (suivi.xlsx), else csv; a contradiction
    (--format csv --out suivi.xlsx) is refused rather than guessed."""
    suffix = str(out).rpartition(".")[2].lower() if out is not None and "." in str(out) else ""
    implied = next((f for f in ExportFormat if f.value == suffix), None)
    if output is not None and implied is not None and output is not implied:
        raise QncError(t("--format {format} does not match the file name '{path}'; give "
                         "the same on both", format=output.value, path=str(out)))  # fmt: skip
    return output or implied or ExportFormat.csv
