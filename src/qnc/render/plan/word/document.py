"""The plan as a Word document (DOCX), built with python-docx: A4, Word tables, French
typography, the organisation in the page header and page numbers in the footer.

The same document always gives the same bytes: fixed dates inside, fixed zip entries.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

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
from qnc.render.plan.word.ooxml import (
    add_field,
    add_hyperlink,
    add_unbroken,
    current_word,
    fix_properties,
    keep_row_together,
    keep_with_next,
    repeat_as_header,
    reproducible,
    set_font,
    set_language,
    shade,
)
from qnc.render.plan.word.typography import NBSP, apostrophes, french_typography

MARKER = "qnc:plan"
"""The ``dc:identifier`` of every plan qnc writes: how it knows a document is its own."""
TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less 2 × 2 cm margins
CELL_STYLE = "qnc table text"
LANGUAGES = {"fr": "fr-FR", "en": "en-GB"}
FONT = "Calibri"  # on every Word since 2007; LibreOffice shows its metric twin Carlito
PLACEHOLDER = "\x00"
ONE_TITLE_LINE = 32
"""Characters of the title style that fit on one line of the page, about."""
KEPT_TOGETHER_ROWS = 8
"""A table of at most this many rows (its header row included) is kept on one page."""


def plan_docx(document: Document, tr: Translator) -> bytes:
    """The whole plan as DOCX bytes."""
    base: Callable[[str], str] = french_typography if document.language == "fr" else str

    def typo(text: str) -> str:
        # The records refuse control characters; a folder's name may still hold one
        # (and XML could not hold most of them: python-docx would fail).
        return visible(apostrophes(base(text)), lines=True)

    doc = docx.Document()
    _page(doc, document, tr, typo)
    set_language(doc, LANGUAGES[document.language])
    set_font(doc, FONT)
    current_word(doc)
    _cell_style(doc)
    add_unbroken(doc.add_heading(level=0), _title(document, typo))
    for block in document.blocks:
        _block(doc, block, tr, typo)
    fix_properties(doc, title=typo(document.title), subject=typo(document.subject),
                   day=document.day, identifier=MARKER)  # fmt: skip
    out = io.BytesIO()
    doc.save(out)
    return reproducible(out.getvalue())


def _title(document: Document, typo: Callable[[str], str]) -> str:
    """The title with the organisation's name on one line when it fits on one, so that
    it is never cut (Atelier Formation | Sud-Ouest); its hyphens never break either."""
    name = typo(document.organisation)
    title = typo(document.title)
    if len(name) > ONE_TITLE_LINE:
        return title
    return title.replace(name, name.replace(" ", NBSP))


def _page(doc: WordDocument, document: Document, tr: Translator,
          typo: Callable[[str], str]) -> None:  # fmt: skip
    section = doc.sections[0]
    # python-docx's template is US Letter: French readers print on A4.
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    section.header.paragraphs[0].text = typo(document.header)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # One sentence for translators; the fields go where its placeholders are.
    words = tr(t("Page {page} of {total}", page=PLACEHOLDER, total=PLACEHOLDER))
    before, between, after = words.split(PLACEHOLDER)
    footer.add_run(before)
    add_field(footer, "PAGE")
    footer.add_run(between)
    add_field(footer, "NUMPAGES")
    if after:
        footer.add_run(after)


def _cell_style(doc: WordDocument) -> None:
    style = doc.styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0


def _block(doc: WordDocument, block: Block, tr: Translator, typo: Callable[[str], str]) -> None:
    if isinstance(block, Heading):
        doc.add_heading(typo(block.text), level=block.level - 1)
    elif isinstance(block, Paragraph):
        paragraph = doc.add_paragraph()
        if block.label:
            paragraph.add_run(typo(tr(t("{label}: ", label=block.label)))).bold = True
        _inline(paragraph, block.parts, typo, italic=block.italic)
    elif isinstance(block, UserText):
        for text in _paragraphs(block.text):
            doc.add_paragraph(typo(text))
    elif isinstance(block, Bullets):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            _inline(doc.add_paragraph(style=style), item, typo)
    elif isinstance(block, Table):
        _table(doc, block, typo)
    else:
        _calendar(doc, block, tr, typo)


def _inline(paragraph: WordParagraph, parts: tuple[Inline, ...],
            typo: Callable[[str], str], *, italic: bool = False) -> None:  # fmt: skip
    for part in parts:
        if isinstance(part, Link) and part.portable:
            add_hyperlink(paragraph, visible(part.label), visible(part.target))
        elif isinstance(part, Link):  # a file's name, as typed: the certifier matches it
            paragraph.add_run(visible(part.label))
        else:
            paragraph.add_run(typo(part)).italic = italic or None


def _table(doc: WordDocument, table: Table, typo: Callable[[str], str]) -> None:
    header = not table.keyed
    rows = ((table.headers,) if header else ()) + table.rows
    grid = doc.add_table(rows=len(rows), cols=len(table.widths), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for index, width in enumerate(table.widths):
        grid.columns[index].width = Cm(width)  # w:gridCol, read by LibreOffice
    for row_index, (row, values) in enumerate(zip(grid.rows, rows, strict=True)):
        keep_row_together(row)
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Cm(table.widths[index])  # w:tcW, read by Word
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles[CELL_STYLE]
            run = paragraph.add_run(typo(value))
            if (header and row_index == 0) or (table.keyed and index == 0):
                run.bold = True
                shade(cell, "E7EEF7")
        if header and row_index == 0:
            repeat_as_header(row)
    for row, height in zip(grid.rows[len(rows) - len(table.rows) :], table.heights, strict=False):
        if height:
            row.height = Cm(height)  # at least: Word grows it for longer text
    if len(rows) <= KEPT_TOGETHER_ROWS:
        # Each row kept with the next: Word moves a short table to the next page whole.
        for row in grid.rows[:-1]:
            for cell in row.cells:
                keep_with_next(cell.paragraphs)
    doc.add_paragraph()  # Word glues two tables that follow each other into one


def _calendar(doc: WordDocument, block: Calendar, tr: Translator,
              typo: Callable[[str], str]) -> None:  # fmt: skip
    from qnc.render.plan.word.picture import timeline_png  # Pillow: only for the working view

    doc.add_picture(io.BytesIO(timeline_png(block.timeline, tr)), width=Cm(TEXT_WIDTH_CM))
    picture = doc.inline_shapes[-1]
    picture._inline.docPr.set("descr", typo(block.caption))  # read by screen readers
    doc.add_paragraph(typo(block.caption), style="Caption")
    for sentence in block.legend:
        doc.add_paragraph(typo(sentence))


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; other line breaks flow, as in the Markdown plan."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip()) if block]
