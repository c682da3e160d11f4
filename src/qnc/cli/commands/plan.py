"""``qnc plan``: write the action plan to send to the certifier, or the working view."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qnc.cli.options import LangOption, Today, chosen_language, h, today_or_now
from qnc.cli.reports import mention_warnings, reports_or_exit
from qnc.errors import QncError
from qnc.i18n import Translator, t, translator

if TYPE_CHECKING:
    from qnc.render.plan.blocks import Document
    from qnc.rules.report import AuditReport
    from qnc.writing.stamps import Stamp

HELP = (
    "Write the action plan of one audit, to send to the certifier: identification, a "
    "summary table, and for each NC the finding, the root cause, the actions with their "
    "owner, due date and evidence, what was done and when, and a block to sign. With "
    "--interne, the working view instead: qnc's verdict, priorities, countdowns and a "
    "calendar. As Markdown on standard output, or in the file given with --out; a name "
    "ending in .docx gives a Word document. The file is written in one step; a file that "
    "qnc did not generate, or that was edited since, is only replaced with --force."
)


class PlanFormat(StrEnum):
    md = "md"
    docx = "docx"


def plan(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar=h("PATH"),
            help=h("The audit folder (default: here)."),
            show_default=False,
            readable=False,  # said by qnc, in French, with status 1 (options.Paths)
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar=h("FILE"),
            help=h("Write the plan to this file ('-': standard output, the default)."),
            readable=False,  # an unreadable file is qnc's to judge (writing.atomic)
        ),
    ] = None,
    file_format: Annotated[
        PlanFormat | None,
        typer.Option(
            "--format",
            help=h("md (Markdown) or docx (Word); by default from the --out file name."),
            show_default=False,
            case_sensitive=False,
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
    chosen = _format(file_format, out if target is not None else None)
    from qnc.inspection import inspect

    inspection = inspect(
        [path or Path()], today=today_or_now(today), lang=chosen_language(ctx, lang)
    )
    tr = translator(inspection.language)
    reports, _ = reports_or_exit(inspection, tr)
    report = _one(reports, tr)
    from qnc.render.plan.content import View, plan_document

    view = View.WORKING if internal else View.CERTIFIER
    links_from = target.parent if target else Path.cwd()
    document = plan_document(report, tr, view=view, links_from=links_from)
    if chosen is PlanFormat.docx:
        assert target is not None  # _format asks for --out
        content, stamp = _word(document, tr)
    else:
        from qnc.render.plan.markdown import MARKER, plan_markdown
        from qnc.writing.stamps import TextStamp, fingerprinted

        text = plan_markdown(document, tr)
        if target is None:
            from qnc.cli.output import write_utf8

            write_utf8(text)
            mention_warnings(inspection, tr)
            return
        content, stamp = fingerprinted(text).encode("utf-8"), TextStamp(MARKER)
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
    cited = [item.path for entry in folder.ncs for action in entry.nc.actions
             for item in action.evidence]  # fmt: skip
    evidence = {  # wherever it lies: a plan never replaces evidence, even with --force
        folder.path / name.replace("\\", "/")
        for name in cited
        if name.strip() and not name.startswith(("http://", "https://"))
    }
    write_atomically(target, content, stamp=stamp, force=force,
                     sources=[*sources, *evidence], kept_in=folder.path)  # fmt: skip
    written = tr(t("Action plan written to {path}", path=display_path(target)))
    sys.stderr.write(visible(written) + "\n")
    mention_warnings(inspection, tr)


def _one(reports: list[AuditReport], tr: Translator) -> AuditReport:
    """The audit to plan: the only one, or the current audit of the one organisation the
    folder holds (said on stderr); several organisations are refused."""
    if len(reports) == 1:
        return reports[0]
    from qnc.render.diagnostics import display_path, visible
    from qnc.rules.cycle.history import current_audit

    chosen = current_audit(reports)
    if chosen is None:
        names = ", ".join(display_path(r.folder.path) for r in reports)
        raise QncError(t("{count} audits of several organisations found ({names}): give "
                         "the folder of one audit", count=len(reports), names=names))  # fmt: skip
    from qnc.render.phrases import audit_title

    said = t("{count} audits of {organisation} found: the plan is that of its current audit, "
             "the {audit} ({folder})", count=len(reports),
             organisation=chosen.folder.audit.organisation.name, audit=audit_title(chosen),
             folder=display_path(chosen.folder.path))  # fmt: skip
    sys.stderr.write(visible(tr(said)) + "\n")
    return chosen


def _format(asked: PlanFormat | None, out: Path | None) -> PlanFormat:
    """The format asked for, else the one the file name says; refused before any reading
    when the two disagree, or when the name is that of a format qnc does not write."""
    suffix = out.suffix.lower() if out is not None else ""
    if suffix in _OTHER_DOCUMENTS:
        assert out is not None
        raise QncError(
            t(
                "qnc plan writes Markdown (.md) or Word (.docx), not a {suffix} document: "
                "write {converted}, then convert it with Word or LibreOffice",
                suffix=out.suffix,
                converted=out.with_suffix(".docx").name,
            )
        )
    named = PlanFormat.docx if suffix == ".docx" else PlanFormat.md
    chosen = asked or named
    clash = (asked is PlanFormat.docx and suffix not in ("", ".docx")) or (
        asked is PlanFormat.md and suffix == ".docx"
    )
    if clash:
        assert out is not None and asked is not None
        raise QncError(
            t(
                "--format {format} does not match the file name '{path}': name the file "
                "{suggested}, or leave --format out",
                format=asked.value,
                path=str(out),
                suggested=out.with_suffix(".docx" if asked is PlanFormat.docx else ".md").name,
            )
        )
    if chosen is PlanFormat.docx and out is None:
        raise QncError(t("a Word document is written to a file: add --out plan.docx"))
    return chosen


def _word(document: Document, tr: Translator) -> tuple[bytes, Stamp]:
    """The Word document and how to recognise it later; a clear message when a library it
    needs is missing (a broken install: both are dependencies of qnc)."""
    try:
        from qnc.render.plan.word.document import MARKER, plan_docx

        content = plan_docx(document, tr)
    except ImportError as exc:
        package = _PACKAGES.get((exc.name or "").split(".")[0], exc.name or "python-docx")
        raise QncError(
            t(
                "writing a Word document needs the Python package '{package}', which is not "
                "installed: reinstall qnc (pip install --force-reinstall qnc)",
                package=package,
            )
        ) from exc
    from qnc.writing.stamps import PackageStamp

    stamp = PackageStamp(MARKER)
    return stamp.mark(content), stamp


_PACKAGES = {"docx": "python-docx", "PIL": "pillow", "lxml": "lxml"}

_OTHER_DOCUMENTS = {".doc", ".odt", ".rtf", ".pdf", ".xlsx", ".html", ".htm"}
