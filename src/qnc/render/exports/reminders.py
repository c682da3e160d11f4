"""``qnc relances``: for each owner, what they owe, as text to paste in an e-mail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from qnc.i18n import Msg, Translator, t, tn
from qnc.render.diagnostics import visible
from qnc.render.phrases import days_left
from qnc.render.plan.escape import escape
from qnc.rules.reminders import Owed, Reminder


def reminders_text(
    reminders: Sequence[Reminder], tr: Translator, *, today: date, named: bool
) -> str:
    """Plain text: a heading per owner, late actions first, then those due soon.
    ``named`` (several audits): each action says its organisation."""
    return _render(reminders, tr, today=today, named=named, style=_TEXT)


def reminders_markdown(
    reminders: Sequence[Reminder], tr: Translator, *, today: date, named: bool
) -> str:
    """The same in Markdown: a section per owner (e-mail clients and tickets read it)."""
    return _render(reminders, tr, today=today, named=named, style=_MARKDOWN)


@dataclass(frozen=True)
class _Style:
    """Where the lines of each kind go, as format strings, and how user text is quoted."""

    title: str
    owner: str
    group: str
    item: str
    detail: str
    quote: Callable[[str], str]


def _plain(text: str) -> str:
    """User text on one line, without control characters a terminal would obey."""
    return visible(" ".join(text.split()))


_TEXT = _Style("{}\n", "\n{}\n", "\n{}\n", "- {}\n", "  {}\n", _plain)
_MARKDOWN = _Style(
    "# {}\n", "\n## {}\n", "\n### {}\n\n", "- **{}**\n", "  - {}\n", lambda s: escape(_plain(s))
)


_LATE, _SOON = t("Past their due date"), t("Due soon")


def _render(reminders: Sequence[Reminder], tr: Translator, *, today: date, named: bool,
            style: _Style) -> str:  # fmt: skip
    if not reminders:
        return tr(t("No action to chase on {day}.", day=today)) + "\n"
    out = style.title.format(tr(t("Reminders on {day}", day=today)))
    for reminder in reminders:
        count = len(reminder.late) + len(reminder.soon)
        heading = tn("{owner} ({n} action)", "{owner} ({n} actions)", count, owner=reminder.owner)
        out += style.owner.format(style.quote(tr(heading)))
        groups = ((_LATE, reminder.late), (_SOON, reminder.soon))
        for label, owed in groups:
            if owed:
                out += style.group.format(tr(label))
                out += "".join(_item(o, tr, named=named, style=style) for o in owed)
    return out


def _item(owed: Owed, tr: Translator, *, named: bool, style: _Style) -> str:
    action, item = owed.item.action, owed.item
    what = action.description or tr(t("action {id}", id=action.id))
    where: Msg = t("{nc}, action {id}", nc=owed.nc.file.nc.id, id=action.id)
    if named:
        organisation = owed.report.folder.audit.organisation.name
        where = t("{organisation}, {where}", organisation=organisation, where=where)
    when = t("due on {day} ({left})", day=action.due, left=days_left(item.days_left))
    lines = style.item.format(style.quote(what))
    lines += style.detail.format(style.quote(f"{tr(where)} — {tr(when)}"))
    if action.expected_evidence:
        expected = t("Expected evidence: {what}", what=action.expected_evidence)
        lines += style.detail.format(style.quote(tr(expected)))
    return lines
