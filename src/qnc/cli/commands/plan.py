"""``qnc plan``: write the action plan to send to the certifier, or the working view."""

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
    "Write the action plan of one audit, to send to the certifier: identification, a "
    "summary table, and for each NC the finding, the root cause, the actions with their "
    "owner, due date and evidence, what was done and when, and a block to sign. With "
    "--interne, the working view instead: qnc's verdict, priorities, countdowns and a "
    "calendar. As Markdown on standard output, or in the file given with --out. The file "
    "is written in one step; a file that qnc did not generate, or that was edited since, "
    "is only replaced with --force."
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
    internal: Annotated[
        bool,
        typer.Option(
            "--interne",
            help=h(
                "The internal working view: adds qnc's verdict, the order of treatment with "
                "its reasons, countdowns and the calendar. Not for the certifier."
            ),
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help=h("Replace the --out file even if qnc did not make it.")),
    ] = False,
    today: Today = None,
    lang: LangOption = None,
) -> None:
    target = out.absolute() if out is not None and str(out) != "-" else None
    if target is not None and target.suffix.lower() in _NOT_MARKDOWN:
        raise QncError(
            t(
                "qnc plan writes Markdown, not a {suffix} document: write plan.md, then "
                "convert it, for instance 'pandoc plan.md -o {converted}'",
                suffix=target.suffix,
                # pandoc writes .docx, not the old .doc
                converted=target.with_suffix(
                    ".docx" if target.suffix.lower() == ".doc" else target.suffix
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
    from qnc.render.plan.content import View, plan_document

    report = reports[0]
    view = View.WORKING if internal else View.CERTIFIER
    links_from = target.parent if target else Path.cwd()
    document = plan_document(report, tr, view=view, links_from=links_from)
    from qnc.render.plan.markdown import MARKER, plan_markdown
    from qnc.writing.stamps import TextStamp, fingerprinted

    text = plan_markdown(document, tr)
    if target is None:
        from qnc.cli.output import write_utf8

        write_utf8(text)
        mention_warnings(inspection, tr)
        return
    from qnc.model.folder import NC_DIR
    from qnc.render.diagnostics import display_path, visible
    from qnc.writing.atomic import write_atomically

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
