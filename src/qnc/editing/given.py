"""The problems of a file qnc would create, said in terms of the options that gave its
values: the file does not exist, so ``nc/NC-02.yaml:6:10`` would point at nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from qnc.diagnostics import Diagnostic, Loc
from qnc.editing.session import Change, Refused, Session
from qnc.i18n import Msg, t
from qnc.reading.document import parse_yaml

Options = Mapping[Loc, str]
"""The key path each option writes: ``{("gravite",): "--gravite"}``."""


def check_given(session: Session, changes: Sequence[Change], options: Options) -> list[Diagnostic]:
    """:meth:`Session.check`, a refusal about a new file worded with ``options``."""
    try:
        return session.check(changes)
    except Refused as refused:
        raise _reworded(refused, changes, options) from None


def _reworded(refused: Refused, changes: Sequence[Change], options: Options) -> Refused:
    new = {c.path: c.new for c in changes if c.snapshot.raw is None}
    said: list[Msg] = []
    kept: list[Diagnostic] = []
    for diagnostic in refused.diagnostics:
        option = _option(diagnostic, new, options) if diagnostic.path in new else None
        if option is None:
            kept.append(diagnostic)
        else:
            said.append(_said(diagnostic, option))
    if not said:
        return refused
    if len(said) == 1 and not kept:
        return Refused(t("{problems}; nothing written", problems=said[0]))
    return Refused(t("the options given would give these errors; nothing written"), kept, said)


def _option(diagnostic: Diagnostic, new: Mapping[Path, bytes], options: Options) -> str | None:
    """The option that gave the value ``diagnostic`` is about, found by its place."""
    document = parse_yaml(new[diagnostic.path], diagnostic.path)
    place = (diagnostic.line, diagnostic.column)
    locs = [loc for loc, at in (*document.values.items(), *document.keys.items()) if at == place]
    locs += [loc for loc, at in document.values.items() if at[0] == diagnostic.line]
    for loc in locs:
        for end in range(len(loc), 0, -1):
            if loc[:end] in options:
                return options[loc[:end]]
    return None


def _said(diagnostic: Diagnostic, option: str) -> Msg:
    args = dict(diagnostic.message.args)
    if diagnostic.code == "indicateur-majeur":  # its own words say what to write in a file
        return t("indicator {number} only gives major NCs: use --gravite majeure", **args)
    return t("{option}: {problem}", option=option, problem=diagnostic.message)
