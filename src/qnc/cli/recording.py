"""What every command that writes a fact shares: questions asked on a terminal only, the
change shown (``--dry-run``) or written, the new warnings, and ``--commit``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

import typer

from qnc.cli.localized import UsageError, run_language
from qnc.editing.facts import Recorded
from qnc.editing.session import Session, shown, write
from qnc.errors import QncError
from qnc.i18n import Language, Msg, Translator, t, tn, translator

T = TypeVar("T")


def asked(
    value: T | None,
    option: str,
    question: Msg,
    convert: Callable[[str], T | Msg],
    *,
    required: bool = True,
) -> T | None:
    """``value`` if given; else, on a terminal, the answer to ``question`` (named after
    ``option``, which a script gives instead); else a usage error when ``required``.
    ``convert`` turns an answer into a value, or a message saying what is wrong."""
    if value is not None:
        return value
    tr = translator(run_language())
    if not _on_terminal():
        if required:
            raise UsageError(tr(t("missing option: {x}", x=option)))
        return None
    if required:
        prompt = t("{question} ({option}): ", question=question, option=option)
    else:
        prompt = t("{question} ({option}, optional: Enter to skip): ", question=question,
                   option=option)  # fmt: skip
    while True:
        answer = typer.prompt(tr(prompt), default="", show_default=False, prompt_suffix="")
        answer = answer.strip()
        if not answer:
            if required:
                continue
            return None
        converted = convert(answer)
        if not isinstance(converted, Msg):
            return converted
        from qnc.render.diagnostics import visible  # the answer is quoted back

        typer.echo(visible(tr(converted)), err=True)


def all_given(given: Mapping[str, object], choices: Mapping[str, Sequence[str]]) -> None:
    """Not on a terminal, where nothing is asked: a usage error that names at once every
    required option of ``given`` (option: value) left out, with its values when
    ``choices`` lists them, so that a script is fixed in one go."""
    absent = [option for option, value in given.items() if value is None]
    if not absent or _on_terminal():
        return
    from qnc.cli.usage import option_values

    named = [option_values(o, choices[o]) if o in choices else o for o in absent]
    if len(named) == 1:
        message = t("missing option: {x}", x=named[0])
    else:
        message = t("missing options: {x}", x=tuple(named))
    raise UsageError(translator(run_language())(message))


def _on_terminal() -> bool:
    return sys.stdin.isatty()


def commit_root(folder: Path, commit: bool) -> Path | None:
    """The repository ``--commit`` records in, found before anything is written."""
    if not commit:
        return None
    from qnc.editing.git import repository

    return repository(folder)


def finish(recorded: Recorded, *, language: Language, dry_run: bool, root: Path | None) -> None:
    """Show the change, or write it and say the fact; warn; commit when asked."""
    from qnc.render.diagnostics import as_text, visible

    tr = translator(language)
    if dry_run:
        from qnc.cli.output import write_utf8
        from qnc.writing.edit import unified_diff

        for change in recorded.changes:
            diff = unified_diff(change.snapshot.raw or b"", change.new, shown(change.path))
            write_utf8(visible(diff, lines=True))  # a file's comments may hold anything
        sys.stderr.write(as_text(recorded.warnings, tr))
        _notes(recorded, tr)
        sys.stderr.write(tr(t("nothing written (--dry-run)")) + "\n")
        return
    write(recorded.changes)
    sys.stdout.write(visible(tr(recorded.fact)) + "\n")
    sys.stderr.write(as_text(recorded.warnings, tr))
    _notes(recorded, tr)
    if root is not None:
        from qnc.editing.git import commit

        try:
            commit(root, [c.path for c in recorded.changes], tr(_subject(recorded)))
        except QncError as exc:
            raise QncError(
                t("the change is written, but not recorded in git: {reason}", reason=exc.message)
            ) from exc
        _untracked(root, recorded, tr)


def _untracked(root: Path, recorded: Recorded, tr: Translator) -> None:
    """Say which files of the audit folder the commit could not hold: git does not
    follow them yet (a new repository's first commit)."""
    from qnc.editing.git import untracked
    from qnc.render.diagnostics import visible

    changed = recorded.changes[0].path
    audit = changed.parent.parent if changed.parent.name == "nc" else changed.parent
    left = untracked(root, audit)
    if left:
        message = tn(
            "{n} file of the audit folder is not followed by git yet ({files}): add it with "
            "git add, then git commit",
            "{n} files of the audit folder are not followed by git yet ({files}): add them "
            "with git add, then git commit",
            len(left),
            files=", ".join(left[:3]) + (", …" if len(left) > 3 else ""),
        )
        sys.stderr.write(visible(tr(message)) + "\n")


def _subject(recorded: Recorded) -> Msg:
    """The commit message: the fact, after whose audit it is (a repository may hold the
    audits of many organisations)."""
    if recorded.organisation is None:
        return recorded.fact
    return t("{organisation} — {fact}", organisation=recorded.organisation, fact=recorded.fact)


def _notes(recorded: Recorded, tr: Translator) -> None:
    from qnc.render.diagnostics import visible

    for note in recorded.notes:
        sys.stderr.write(visible(tr(note)) + "\n")


def correction_day(ctx: typer.Context, on: date | None, correct: bool) -> None:
    """``--corriger`` replaces a recorded day with the one given: ``--le`` is required."""
    if correct and on is None:
        tr = translator(run_language())
        raise UsageError(tr(t("--corriger needs --le, the right day of the fact")), ctx)


def record(
    ctx: typer.Context,
    make: Callable[[Session, date], Recorded],
    *,
    folder: Path | None,
    today: date | None,
    lang: Language | None,
    dry_run: bool,
    commit: bool,
) -> None:
    """The audit folder read as on ``today``, the change ``make`` builds from it (given
    the day of the run), then :func:`finish`."""
    from qnc.cli.options import chosen_language, today_or_now
    from qnc.editing.session import audit_folder

    day = today_or_now(today)
    path = audit_folder(folder)
    root = commit_root(path, commit)
    session = Session(path, today=day, lang=chosen_language(ctx, lang))
    finish(make(session, day), language=session.language, dry_run=dry_run, root=root)
