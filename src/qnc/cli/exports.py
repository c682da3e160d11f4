"""What the export commands share: where each audit is, and writing bytes out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qnc.cli.options import h
from qnc.i18n import Translator, t

if TYPE_CHECKING:
    from qnc.inspection import Broken
    from qnc.rules.report import AuditReport
    from qnc.writing.stamps import Stamp

Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar=h("FILE"),
        help=h("Write to this file ('-': standard output)."),
        show_default=False,
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help=h("Replace the --out file even if qnc did not make it."))
]


def places(reports: Sequence[AuditReport], broken: Sequence[Broken] = ()) -> dict[Path, str]:
    """Each audit folder named as on every machine: its path in the git repository; an
    audit at the root of its repository, or outside git, by its organisation and folder."""
    named = {r.folder.path: _place(r.folder.path, r.folder.audit.organisation.name)
             for r in reports}  # fmt: skip
    named.update({b.path: _place(b.path, b.organisation) for b in broken})
    return named


def _place(folder: Path, organisation: str | None) -> str:
    from qnc.reading.discovery import repository_of

    relative = folder.relative_to(repository_of(folder)).as_posix()
    if relative != ".":
        return relative
    return f"{organisation}/{folder.name}" if organisation is not None else folder.name


def write_out(
    content: bytes,
    out: Path | None,
    *,
    reports: Sequence[AuditReport],
    broken: Sequence[Broken] = (),
    stamp: Stamp,
    force: bool,
    tr: Translator,
) -> None:
    """``content`` to the --out file (never over a file qnc did not make, nor over the
    audits' own files, those of the audits left out for their errors too), or to
    standard output."""
    if out is None or str(out) == "-":
        from qnc.cli.output import write_utf8

        write_utf8(content.decode("utf-8"))  # text formats only: the callers see to it
        return
    from qnc.render.diagnostics import display_path, visible
    from qnc.writing.atomic import write_atomically

    sources = [f for r in reports for f in (r.folder.audit_file, *(n.path for n in r.folder.ncs))]
    sources += [f for b in broken for f in _audit_files(b.path)]
    target = out.absolute()
    # As for the plan: cited evidence is never replaced, and in an audit folder only a
    # file qnc wrote, even with --force.
    evidence = [
        r.folder.path / item.path.replace("\\", "/")
        for r in reports
        for entry in r.folder.ncs
        for action in entry.nc.actions
        for item in action.evidence
        if item.path.strip() and not item.path.startswith(("http://", "https://"))
    ]
    folders = [*(r.folder.path for r in reports), *(b.path for b in broken)]
    folder = next((f for f in folders if _inside(target, f)), None)
    write_atomically(out, content, stamp=stamp, force=force, sources=[*sources, *evidence],
                     kept_in=folder)  # fmt: skip
    written = tr(t("Written to {path}", path=display_path(target)))
    sys.stderr.write(visible(written) + "\n")


def _audit_files(folder: Path) -> list[Path]:
    """The YAML files of an audit that could not be read whole: any may be its own."""
    from qnc.model.folder import AUDIT_FILE, NC_DIR

    try:
        return [folder / AUDIT_FILE, *(folder / NC_DIR).glob("*")]
    except OSError:
        return [folder / AUDIT_FILE]


def _inside(target: Path, folder: Path) -> bool:
    import os

    return Path(os.path.realpath(target)).is_relative_to(os.path.realpath(folder))
