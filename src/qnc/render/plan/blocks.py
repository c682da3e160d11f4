"""The plan as a list of blocks, every text already in the reader's language.

Built once from a report (:mod:`qnc.render.plan.content`), then written as Markdown
(:mod:`qnc.render.plan.markdown`) or as a Word document (:mod:`qnc.render.plan.word.document`):
both formats say the same things, in the same order.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from qnc.i18n import Language

if TYPE_CHECKING:
    from qnc.render.plan.timeline import Timeline


class Link(NamedTuple):
    label: str
    target: str
    """An http(s) address, or a path relative to the folder of the written file."""
    portable: bool = True
    """False for a file's path: a link only where the file is read beside its folder
    (Markdown); Word, whose document travels alone, shows the label as typed."""


Inline = str | Link


class Heading(NamedTuple):
    level: int
    """1: the document's title; 2: a section (an NC); 3: a part of a section."""
    text: str


class Paragraph(NamedTuple):
    parts: tuple[Inline, ...]
    label: str = ""
    """Shown first, in bold (``Verdict``), followed by a colon."""
    italic: bool = False


class UserText(NamedTuple):
    """Text as typed in a YAML file: a blank line separates paragraphs, a single line
    break flows into the paragraph."""

    text: str


class Bullets(NamedTuple):
    items: tuple[tuple[Inline, ...], ...]
    numbered: bool = False


class Table(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Column widths in centimetres on an A4 page (Word); they add up to 17."""
    keyed: bool = False
    """The first column names each row; ``headers`` is empty: no header row."""
    heights: tuple[float, ...] = ()
    """Least height of each row in centimetres (Word), 0 for none: room to write by hand."""


class Calendar(NamedTuple):
    timeline: Timeline
    caption: str
    """What the picture shows, also its text for screen readers."""
    legend: tuple[str, ...]
    """Sentences that read the calendar: what a bar spans, which starts are not known."""


Block = Heading | Paragraph | UserText | Bullets | Table | Calendar


class Document(NamedTuple):
    language: Language
    title: str
    organisation: str
    """The organisation's name, as the title holds it (Word keeps it on one line)."""
    header: str
    """The running head of every page (Word): the organisation, the plan and its date."""
    subject: str
    """What the document is about (the audit), for the document's properties."""
    day: date
    """The plan's date: also the document's creation date, so the same data give the
    same file."""
    comment: str
    """Where the document comes from, and not to edit it (a Markdown comment only: the
    Word document carries no such note in its properties)."""
    blocks: tuple[Block, ...]
