"""The few WordprocessingML pieces python-docx has no API for (fields, language, links…).

Each is a handful of elements from ECMA-376 Part 1; kept here so that
:mod:`qnc.render.plan.word.document` reads as plain python-docx.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import UTC, date, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A complex field (``PAGE``, ``NUMPAGES``): Word and LibreOffice fill it when laid out.

    ``placeholder`` is the cached result a reader that does not lay out pages shows.
    """
    run = paragraph.add_run()
    for kind in ("begin", None, "separate", placeholder, "end"):
        element = OxmlElement("w:fldChar") if kind in ("begin", "separate", "end") else None
        if element is not None:
            element.set(qn("w:fldCharType"), str(kind))
            run._r.append(element)
        elif kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            text = OxmlElement("w:t")
            text.text = kind
            run._r.append(text)


def repeat_as_header(row: _Row) -> None:
    """The row is repeated at the top of each page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def keep_row_together(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def keep_with_next(paragraphs: Iterable[Paragraph]) -> None:
    """On the same page as what follows: in a table, the next row."""
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True


def add_unbroken(paragraph: Paragraph, text: str) -> None:
    """``text`` with its hyphens as Word's non-breaking hyphens (``w:noBreakHyphen``,
    which readers show and copy as a plain hyphen): a name is not cut at its hyphen."""
    run = paragraph.add_run()
    for index, piece in enumerate(text.split("-")):
        if index:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            element = OxmlElement("w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = piece
            run._r.append(element)


def shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def set_language(document: Document, tag: str) -> None:
    """``tag`` (``fr-FR``) for spelling, hyphenation and Word's own typography checks."""
    styles = document.styles.element
    r_pr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr is not None:
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
        theme.attrib.pop(qn("w:eastAsia"), None)
    document.core_properties.language = tag


def set_font(document: Document, name: str) -> None:
    """``name`` for the whole document, headings included.

    The default template points every style at theme fonts but ships no theme part, and a
    theme attribute wins over a named font (ECMA-376 17.3.2.26): both must be replaced.
    """
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
        for attribute in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{attribute}"), name)


def current_word(document: Document) -> None:
    """Word 2013+ layout: the template says Word 2010, shown as « Mode de compatibilité »."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def add_hyperlink(paragraph: Paragraph, text: str, target: str) -> None:
    """A link Word opens on Ctrl+click; a relative ``target`` is read from the file's folder."""
    r_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")  # the default template has no Hyperlink style
    colour.set(qn("w:val"), "0563C1")
    r_pr.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    r_pr.append(underline)
    run.append(r_pr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def fix_properties(document: Document, *, title: str, subject: str, day: date,
                   identifier: str) -> None:  # fmt: skip
    """Core properties from the input alone, so the same plan gives the same bytes; only
    neutral ones, since the document is sent: title, subject, language (set with the
    styles), its day, and the identifier by which qnc knows its own file."""
    props = document.core_properties
    when = datetime(day.year, day.month, day.day, tzinfo=UTC)
    props.created = props.modified = when
    props.title = title
    props.subject = subject
    props.author = props.last_modified_by = ""  # the template says "python-docx"
    props.identifier = identifier  # how qnc knows the file is its own (writing.stamps)
    props.comments = ""  # the template says "generated by python-docx"
    props.revision = 1
    # The template's thumbnail is a blank page from python-docx: no preview beats a wrong one.
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]


_EPOCH = (1980, 1, 1, 0, 0, 0)


def reproducible(blob: bytes) -> bytes:
    """The same package with fixed zip timestamps (python-docx stamps each entry with now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
