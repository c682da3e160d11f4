"""``qnc plan``: write the action plan to send to the certifier."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from qnc.cli.options import LangOption, Today, chosen_language, h, today_or_now
from qnc.cli.reports import mention_warnings, reports_or_exit
from qnc.errors import QncError
from qnc.i18n import t, translator

HELP = (
    "Write the action plan of one audit as Markdown, ready to send to the certifier: "
    "summary, timeline, and for each NC the finding, the actions and the regulatory due "
    "dates. On standard output, or in the file given with --out (written in one step; "
    "a file that qnc did not generate is only replaced with --force)."
)


def plan(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar=h("PATH"), help=h("The audit folder (default: here)."), show_default=False
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar=h("FILE"),
            help=h("Write the plan to this file ('-': standard output, the default)."),
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=h("Replace the --out file even if qnc did not make it."))
    ] = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    if out is not None and out.suffix.lower() in _NOT_MARKDOWN:
        raise QncError(
            t(
                "qnc plan writes Markdown, not a {suffix} document: write plan.md, then "
                "convert it, for instance 'pandoc plan.md -o {converted}'",
                suffix=out.suffix,
                # pandoc writes .docx, not the old .doc
                converted=out.with_suffix(
                    ".docx" if out.suffix.lower() == ".doc" else out.suffix
                ).name,
            )
        )
    from qnc.inspection import inspect

    inspection = inspect(
        [path or Path()], today=today_or_now(today), lang=chosen_language(ctx, lang)
    )
    tr = translator(inspection.language)
    reports, _ = reports_or_exit(inspection, tr)
    if len(reports) != 1:
        from qnc.render.diagnostics import display_path

        names = ", ".join(display_path(r.folder.path) for r in reports)
        raise QncError(t("{count} audits found ({names}): give the folder of one audit",
                         count=len(reports), names=names))  # fmt: skip
    from qnc.render.plan.markdown import MARKER, plan_markdown

    report = reports[0]
    target = out.absolute() if out is not None and str(out) != "-" else None
    text = plan_markdown(report, tr, links_from=target.parent if target else Path.cwd())
    if target is None:
        from qnc.cli.output import write_utf8

        write_utf8(text)
        mention_warnings(inspection, tr)
        return
    from qnc.model.folder import NC_DIR
    from qnc.render.diagnostics import display_path, visible
    from qnc.writing.atomic import write_atomically
    from qnc.writing.stamps import TextStamp, fingerprinted

    folder = report.folder
    nc_dir = folder.path / NC_DIR
    if target.parent.resolve() == nc_dir.resolve() and not target.exists():
        raise QncError(
            t("'{path}' is in the nc/ folder, where every file is read as an NC; "
              "write the plan elsewhere", path=str(out))
        )  # fmt: skip
    sources = [folder.audit_file, *(n.path for n in folder.ncs), *nc_dir.glob("*")]
    write_atomically(
        target, fingerprinted(text), stamp=TextStamp(MARKER), force=force, sources=sources
    )
    written = tr(t("Action plan written to {path}", path=display_path(target)))
    sys.stderr.write(visible(written) + "\n")
    mention_warnings(inspection, tr)


_NOT_MARKDOWN = {".docx", ".doc", ".odt", ".rtf", ".pdf", ".xlsx", ".html", ".htm"}
