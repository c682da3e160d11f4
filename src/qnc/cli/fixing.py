"""``qnc check --fix``: each correction printed as file:line:column, then written, or
shown as a diff with ``--dry-run``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from qnc.i18n import Language, t, tn, translator


def fix_paths(
    paths: list[Path], *, today: date, lang: Language | None, dry_run: bool
) -> dict[Path, bytes]:
    """Correct the audit folders of ``paths``, or show the corrections (``dry_run``);
    the files corrected, with their new bytes (written or not)."""
    from qnc.editing.fixes import fix_folder
    from qnc.editing.session import Session, shown, write
    from qnc.reading.discovery import find_audits
    from qnc.render.diagnostics import visible

    fixed = []
    language = lang
    for folder in find_audits(paths).folders:
        session = Session(folder, today=today, lang=lang)
        language = language or session.language
        fixed += fix_folder(session)
    tr = translator(language or "fr")
    for one in fixed:
        for fix in sorted(one.fixes, key=lambda f: (f.line, f.column)):
            place = f"{shown(one.change.path)}:{fix.line}:{fix.column}"
            sys.stderr.write(visible(f"{place}: {tr(fix.message)}") + "\n")
    count = sum(len(f.fixes) for f in fixed)
    if dry_run:
        from qnc.cli.output import write_utf8
        from qnc.writing.edit import unified_diff

        for one in fixed:
            change = one.change
            diff = unified_diff(change.snapshot.raw or b"", change.new, shown(change.path))
            write_utf8(visible(diff, lines=True))  # a file's comments may hold anything
        summary = tn("{n} correction to make; nothing written (--dry-run)",
                     "{n} corrections to make; nothing written (--dry-run)", count)  # fmt: skip
        if not count:
            summary = t("no correction to make; nothing written (--dry-run)")
        sys.stderr.write(tr(summary) + "\n")
    else:
        write([f.change for f in fixed])
        if count:
            made = tn("{n} correction made", "{n} corrections made", count)
            sys.stderr.write(tr(made) + "\n")
    return {f.change.path: f.change.new for f in fixed}
