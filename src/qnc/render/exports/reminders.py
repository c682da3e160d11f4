"""``qnc relances``: for each owner, what they owe, as text to paste in an e-mail; for a
portfolio, one section per client, then per owner (one e-mail per client)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from qnc.i18n import Msg, Translator, t, tn
from qnc.render.broken import BROKEN_TITLE, broken_line
from qnc.render.diagnostics import visible
from qnc.render.phrases import audit_title, days_left
from qnc.render.plan.escape import escape
from qnc.rules.reminders import Client, Owed, Reminder

if TYPE_CHECKING:
    from qnc.inspection import Broken


def reminders_text(reminders: Sequence[Reminder] | Sequence[Client], tr: Translator, *,
                   today: date, named: bool, broken: Sequence[Broken] = ()) -> str:  # fmt: skip
    """Plain text: a heading per owner (under a heading per client, given
    :class:`Client` values), late actions first, then those due soon. ``named`` (several
    audits by owner): each action says its organisation. The audits left out for their
    errors come first: a client missing from the list must not go unnoticed."""
    return _render(reminders, tr, today=today, named=named, style=_TEXT, broken=broken)


def reminders_markdown(reminders: Sequence[Reminder] | Sequence[Client], tr: Translator, *,
                       today: date, named: bool, broken: Sequence[Broken] = ()) -> str:  # fmt: skip
    """The same in Markdown: a section per owner (e-mail clients and tickets read it)."""
    return _render(reminders, tr, today=today, named=named, style=_MARKDOWN, broken=broken)


@dataclass(frozen=True)
class _Style:
    """How each kind of line is written, and how user text is quoted. ``heading`` writes
    a heading at a depth (0: a client, or an owner when grouped by owner alone); ``last``
    is the heading the items follow. ``client`` writes a client's name."""

    title: str
    heading: Callable[[str, int, bool], str]
    client: Callable[[str], str]
    item: str
    detail: str
    quote: Callable[[str], str]


def _plain(text: str) -> str:
    """User text on one line, without control characters a terminal would obey."""
    return visible(" ".join(text.split()))


def _text_heading(text: str, depth: int, last: bool) -> str:
    return f"\n{text}\n"


def _underlined(text: str) -> str:
    """A client's name: each e-mail starts there."""
    return f"\n{text}\n{'=' * len(text)}\n"


def _markdown_heading(text: str, depth: int, last: bool) -> str:
    return f"\n{'#' * (depth + 2)} {text}\n" + ("\n" if last else "")


_TEXT = _Style("{}\n", _text_heading, _underlined, "- {}\n", "  {}\n", _plain)
_MARKDOWN = _Style("# {}\n", _markdown_heading, lambda s: _markdown_heading(s, 0, False),
                   "- **{}**\n", "  - {}\n", lambda s: escape(_plain(s)))  # fmt: skip


_LATE, _SOON = t("Past their due date"), t("Due soon")


def _render(reminders: Sequence[Reminder] | Sequence[Client], tr: Translator, *, today: date,
            named: bool, style: _Style, broken: Sequence[Broken]) -> str:  # fmt: skip
    if not reminders:
        out = tr(t("No action to chase on {day}.", day=today)) + "\n"
        return out + _left_out(broken, tr, style)
    out = style.title.format(tr(t("Reminders on {day}", day=today)))
    out += _left_out(broken, tr, style)
    for entry in reminders:
        if isinstance(entry, Client):
            out += style.client(style.quote(entry.organisation))
            several = entry.audits > 1  # then each action says its audit
            out += "".join(_owner(r, tr, style, 1, audit=several) for r in entry.reminders)
        else:
            out += _owner(entry, tr, style, 0, named=named)
    return out


def _left_out(broken: Sequence[Broken], tr: Translator, style: _Style) -> str:
    """The audits with errors, whose actions are missing from the list."""
    if not broken:
        return ""
    out = style.heading(tr(BROKEN_TITLE), 0, True)
    return out + "".join(f"- {style.quote(broken_line(b, tr))}\n" for b in broken)


def _owner(reminder: Reminder, tr: Translator, style: _Style, depth: int, *,
           named: bool = False, audit: bool = False) -> str:  # fmt: skip
    count = len(reminder.late) + len(reminder.soon)
    heading = tn("{owner} ({n} action)", "{owner} ({n} actions)", count, owner=reminder.owner)
    out = style.heading(style.quote(tr(heading)), depth, False)
    for label, owed in ((_LATE, reminder.late), (_SOON, reminder.soon)):
        if owed:
            out += style.heading(tr(label), depth + 1, True)
            out += "".join(_item(o, tr, named=named, audit=audit, style=style) for o in owed)
    return out


def _item(owed: Owed, tr: Translator, *, named: bool, audit: bool, style: _Style) -> str:
    action, item = owed.item.action, owed.item
    what = action.description or tr(t("action {id}", id=action.id))
    where: Msg = t("{nc}, action {id}", nc=owed.nc.file.nc.id, id=action.id)
    if named:
        organisation = owed.report.folder.audit.organisation.name
        where = t("{organisation}, {where}", organisation=organisation, where=where)
    elif audit:
        where = t("{organisation}, {where}", organisation=audit_title(owed.report), where=where)
    when = t("due on {day} ({left})", day=action.due, left=days_left(item.days_left))
    lines = style.item.format(style.quote(what))
    lines += style.detail.format(style.quote(f"{tr(where)} — {tr(when)}"))
    if action.expected_evidence:
        expected = t("Expected evidence: {what}", what=action.expected_evidence)
        lines += style.detail.format(style.quote(tr(expected)))
    return lines
