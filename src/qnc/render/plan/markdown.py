"""The plan as Markdown: GitHub and GitLab show it, pandoc converts it."""

from __future__ import annotations

from qnc.i18n import Translator, t
from qnc.render.diagnostics import visible
from qnc.render.plan.blocks import (
    Block,
    Bullets,
    Calendar,
    Document,
    Heading,
    Inline,
    Link,
    Paragraph,
    Table,
    UserText,
)
from qnc.render.plan.escape import cell, escape, link, paragraphs, table

MARKER = "<!-- qnc:plan"
"""First characters of every plan qnc writes: how it knows a file is its own."""


def plan_markdown(document: Document, tr: Translator) -> str:
    comment = document.comment.replace("--", "—")  # '--' would end the comment early
    head = f"{MARKER} {comment} -->\n\n# {escape(document.title)}\n"
    text = "\n".join([head, *(_block(block, tr) for block in document.blocks)])
    # The records refuse control characters; a folder's name may still hold one.
    return visible(text, lines=True)


def _block(block: Block, tr: Translator) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}\n"
    if isinstance(block, Paragraph):
        text = _inline(block.parts)
        if block.italic:
            text = f"*{text}*"
        if block.label:
            label = tr(t("{label}: ", label=block.label)).rstrip()
            text = f"**{escape(label)}** {text}"
        return text + "\n"
    if isinstance(block, UserText):
        return paragraphs(block.text) + "\n"
    if isinstance(block, Bullets):
        lines = (
            f"{f'{number}.' if block.numbered else '-'} {_inline(item)}"
            for number, item in enumerate(block.items, start=1)
        )
        return "\n".join(lines) + "\n"
    if isinstance(block, Table):
        rows = [[cell(c) for c in row] for row in block.rows]
        # A pipe table needs a header row: a keyed table's first row is its own.
        return table(rows[0], rows[1:]) if block.keyed else table(block.headers, rows)
    return _calendar(block, tr)


def _inline(parts: tuple[Inline, ...]) -> str:
    return "".join(_part(p, first=i == 0) for i, p in enumerate(parts))


def _part(part: Inline, *, first: bool) -> str:
    if isinstance(part, Link):
        return link(part.label, part.target)
    # escape() drops the blanks a line starts with; after a link, a space is a word's.
    kept = "" if first else part[: len(part) - len(part.lstrip(" "))]
    return kept + escape(part)


def _calendar(block: Calendar, tr: Translator) -> str:
    from qnc.render.plan.gantt import gantt  # the working view only: its patterns cost

    legend = "\n\n".join(escape(sentence) for sentence in block.legend)
    return f"{gantt(block.timeline, tr)}\n{legend}\n"
