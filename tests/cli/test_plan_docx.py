"""`qnc plan --out plan.docx`: a Word document, read back with python-docx."""

from __future__ import annotations

import builtins
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.shape import WD_INLINE_SHAPE
from docx.oxml.ns import qn
from PIL import Image

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
MID_WAY = "2026-11-20"
# What Markdown would leave behind: bold, headings, table pipes, links, escapes, comments.
MARKDOWN = re.compile(r"\*\*|(^|\n)#{1,6} |\| |\]\(|\\[\\`*_#|\[\]<>-]|<!--|```")


def write(run_main, out: Path, *options: str) -> Document:
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY, *options)
    assert (result.exit_code, result.stdout) == (0, ""), result.stderr
    return docx.Document(str(out))


@pytest.fixture
def certifier(run_main, tmp_path: Path) -> Document:
    return write(run_main, tmp_path / "plan.docx")


def all_text(doc: Document) -> Iterator[str]:
    yield from (p.text for p in doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            yield from (cell.text for cell in row.cells)
    for section in doc.sections:
        yield from (p.text for p in section.header.paragraphs)
        yield from (p.text for p in section.footer.paragraphs)


def headings(doc: Document) -> list[tuple[str, str]]:
    styled = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
    return [(style, text) for style, text in styled if style.startswith(("Title", "Heading"))]


def test_headings_by_style(certifier: Document) -> None:
    """Title, one Heading 1 per NC in the report's order, Heading 2 for their parts;
    French no-break spaces before the colon, typographic apostrophes."""
    found = headings(certifier)
    assert found[:4] == [
        ("Title", "Plan d’actions — Atelier\u00a0Formation\u00a0Sud-Ouest"),
        ("Heading 1", "Synthèse"),
        ("Heading 1", "NC-01 — critère 3 — indicateur 11\u00a0: Évaluation de l’atteinte des "
                      "objectifs (majeure)"),
        ("Heading 2", "Constat"),
    ]  # fmt: skip
    assert [text[:5] for style, text in found if style == "Heading 1"] == [
        "Synth", "NC-01", "NC-02", "NC-03", "NC-04", "Signa",
    ]  # fmt: skip
    assert ("Heading 2", "Vérification de l’efficacité") in found


def test_title_keeps_the_organisations_name_on_one_line(certifier: Document) -> None:
    """Word never cuts the organisation's name in the title: no-break spaces between its
    words (it fits on a line) and a non-breaking hyphen (w:noBreakHyphen), which reads
    and copies as '-'."""
    title = certifier.paragraphs[0]
    assert [child.tag.split("}")[1] for child in title.runs[0]._r] == ["t", "noBreakHyphen", "t"]
    assert title.runs[0]._r[0].text == "Plan d’actions — Atelier\u00a0Formation\u00a0Sud"


def test_tables_are_word_tables(certifier: Document) -> None:
    """Identification, summary, actions and steps are Word tables; the header row of a
    table repeats on each page, the identification block has none. Dates are short in
    the tables."""
    identification, summary, actions, steps = certifier.tables[:4]
    assert [c.text for c in identification.rows[2].cells] == [
        "Certificateur",
        "Certiqual Atlantique — audit réalisé par Sophie Lambert",
    ]
    assert [c.text for c in summary.rows[0].cells] == [
        "NC", "Indicateur", "Gravité", "Échéance réglementaire", "État",
    ]  # fmt: skip
    assert [c.text for c in summary.rows[4].cells] == [
        "NC-04",
        "19 — Mise à disposition des ressources pédagogiques",
        "mineure",
        "18/03/2027",
        "plan envoyé le 22/10/2026, après l’échéance\u00a0; A1 et A2 à faire\u00a0; actions à "
        "réaliser au plus tard le 18/03/2027",
    ]
    assert summary.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert identification.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None
    assert [c.text for c in actions.rows[1].cells][-2:] == [
        "grille validée par la direction pédagogique et courriel de diffusion",
        "faite le 27/10/2026",
    ]
    assert [c.text for c in steps.rows[1].cells] == [
        "corrections faites, preuves envoyées", "18/12/2026",
        "3 mois après la notification — arrêté du 6 juin 2019, art. 5", "—",
    ]  # fmt: skip


def test_page_a4_header_and_numbers(certifier: Document) -> None:
    """A4 portrait; the organisation, the plan and its date in the header; 'Page X sur Y'
    from Word's fields."""
    section = certifier.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert section.header.paragraphs[0].text == (
        "Atelier Formation Sud-Ouest — plan d’actions du 20 novembre 2026"
    )
    footer = section.footer.paragraphs[0]
    assert footer.text == "Page 1 sur 1"  # cached field results: Word lays out the real ones
    assert [i.text for i in footer._p.iter(qn("w:instrText"))] == [" PAGE ", " NUMPAGES "]


def test_french_language_and_typography(certifier: Document) -> None:
    """fr-FR for spelling; a no-break space before : ; ! ? and inside « », everywhere."""
    lang = certifier.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang is not None and lang.get(qn("w:val")) == "fr-FR"
    assert certifier.core_properties.language == "fr-FR"
    text = "\n".join(all_text(certifier))
    assert not re.search(r" [:;!?»]|« ", text)
    assert "«\u00a0à l’oral\u00a0»" in text
    assert "'" not in text  # apostrophes are typographic, user text included


def test_no_markdown_left(certifier: Document) -> None:
    """No '**', '#', '|', '[..](..)', escapes or comments anywhere in the text."""
    for text in all_text(certifier):
        assert not MARKDOWN.search(text), text


def test_signatory_and_blanks(certifier: Document) -> None:
    """The last table: signatory from audit.yaml, the date and signature left blank, with
    room to write them by hand (rows at least 1.2 and 3.5 cm high)."""
    table = certifier.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Nom", "Isabelle Roux"], ["Fonction", "Directrice"], ["Fait à", "Bordeaux"],
        ["Le", ""], ["Signature", ""],
    ]  # fmt: skip
    heights = [round(row.height.cm, 1) if row.height is not None else None for row in table.rows]
    assert heights == [None, None, None, 1.2, 3.5]


def test_evidence_by_name_not_by_link(run_main, tmp_path: Path) -> None:
    """The document travels alone: each evidence file is named, as attached, with the
    start of its recorded fingerprint, and no link leads to a path that would break."""
    (tmp_path / "envoi").mkdir()
    doc = write(run_main, tmp_path / "envoi" / "plan.docx")
    assert [link.address for p in doc.paragraphs for link in p.hyperlinks] == []
    assert not any(rel.reltype.endswith("/hyperlink") for rel in doc.part.rels.values())
    items = [p.text for p in doc.paragraphs if p.style is not None and
             p.style.name == "List Bullet"]  # fmt: skip
    assert items == [
        "A1\u00a0: grille-evaluation-acquis.md — joint au plan, empreinte SHA-256 "
        "e52f4b5facf62ce0…",
        "A1\u00a0: courriel-diffusion-grille.md — joint au plan, empreinte SHA-256 "
        "9e58c0e9499ddac3…",
        "A1\u00a0: captures-fiches-formation.pdf — joint au plan, empreinte SHA-256 "
        "e58c2dafde48140f…",
        "A1\u00a0: procedure-prevention-abandons.md — joint au plan",
    ]


def test_core_properties_are_neutral(certifier: Document) -> None:
    """The document's properties hold its title, subject, language, day and qnc's
    identifier; no author, no note about how it was made."""
    core = certifier.core_properties
    assert (core.title, core.subject, core.language) == (
        "Plan d’actions — Atelier Formation Sud-Ouest",
        "Plan d’actions à la suite de l’audit initial les 14 et 15 septembre 2026",
        "fr-FR",
    )
    assert re.fullmatch(r"qnc:plan sha256:[0-9a-f]{16}", core.identifier)
    said = (core.author, core.last_modified_by, core.comments, core.keywords, core.category)
    assert said == ("", "", "", "", "")


def test_small_tables_are_kept_on_one_page(certifier: Document) -> None:
    """Every row of a short table is kept with the next, so Word moves it whole to the
    next page rather than cutting it; the last row ends the chain."""
    for table in certifier.tables:
        kept = [p.paragraph_format.keep_with_next for row in table.rows for c in row.cells
                for p in c.paragraphs]  # fmt: skip
        last = len(table.rows[-1].cells)
        assert kept == [True] * (len(kept) - last) + [None] * last


def test_long_tables_may_run_onto_the_next_page(tmp_path: Path) -> None:
    """A table of more than 8 rows is left to Word's own page breaks."""
    from qnc.i18n import translator
    from qnc.render.plan.blocks import Document as Plan
    from qnc.render.plan.blocks import Table
    from qnc.render.plan.word.document import plan_docx

    rows = tuple((f"A{n}", "x") for n in range(1, 10))
    table = Table(("Action", "Type"), rows, (8.5, 8.5))
    plan = Plan("fr", "Plan", "Org", "Org", "Sujet", date(2026, 11, 20), "", (table,))
    out = tmp_path / "long.docx"
    out.write_bytes(plan_docx(plan, translator("fr")))
    (grid,) = docx.Document(str(out)).tables
    assert {p.paragraph_format.keep_with_next for r in grid.rows for c in r.cells
            for p in c.paragraphs} == {None}  # fmt: skip


def test_certifier_document_has_no_picture_nor_verdict(certifier: Document) -> None:
    text = "\n".join(all_text(certifier))
    assert len(certifier.inline_shapes) == 0
    assert "Verdict" not in text and "Rang" not in text and "dans 14 jours" not in text


def test_working_view_embeds_the_calendar(run_main, tmp_path: Path) -> None:
    """--interne: the calendar is a PNG picture 17 cm wide, with its text for screen
    readers, a caption and the legend; the header says the document is internal."""
    doc = write(run_main, tmp_path / "interne.docx", "--interne")
    (shape,) = doc.inline_shapes
    assert shape.type == WD_INLINE_SHAPE.PICTURE
    assert round(shape.width.cm, 1) == 17.0
    part = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed]
    with Image.open(io.BytesIO(part.blob)) as picture:
        assert (picture.format, picture.width) == ("PNG", 1800)
    caption = "Actions et échéances réglementaires, situation au 20 novembre 2026."
    assert shape._inline.docPr.get("descr") == caption
    texts = [p.text for p in doc.paragraphs]
    assert caption in texts
    assert any(t.startswith("Débuts non renseignés (barres depuis la notification") for t in texts)
    assert doc.sections[0].header.paragraphs[0].text == (
        "Atelier Formation Sud-Ouest — plan d’actions du 20 novembre 2026 — document interne"
    )
    assert any(t.startswith("bloquée — 1 NC majeure ouverte") for t in
               (p.text.removeprefix("Verdict\u00a0: ") for p in doc.paragraphs))  # fmt: skip


def test_english_document(run_main, tmp_path: Path) -> None:
    """--lang en: English words, en-GB, ISO dates in tables, no French spaces."""
    doc = write(run_main, tmp_path / "plan.docx", "--lang", "en")
    assert headings(doc)[1] == ("Heading 1", "Summary")
    assert doc.sections[0].footer.paragraphs[0].text == "Page 1 of 1"
    assert doc.core_properties.language == "en-GB"
    assert not re.search("\u00a0[:;!?»]|«\u00a0", "".join(all_text(doc)))


def test_same_data_same_bytes(run_main, tmp_path: Path) -> None:
    """Written twice (days apart in real time), the document is byte for byte the same:
    fixed zip dates, properties dated by the plan's day."""
    first = (tmp_path / "a.docx", tmp_path / "b.docx")
    for out in first:
        write(run_main, out, "--interne")
    assert first[0].read_bytes() == first[1].read_bytes()
    package = zipfile.ZipFile(first[0])
    assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = docx.Document(str(first[0])).core_properties
    assert (core.created.date().isoformat(), core.revision) == (MID_WAY, 1)


def test_own_document_is_replaced_but_not_once_edited(run_main, tmp_path: Path) -> None:
    """qnc replaces a document it wrote; once edited and saved (here by python-docx, as
    Word would), it is kept until --force."""
    out = tmp_path / "plan.docx"
    write(run_main, out)
    write(run_main, out, "--today", "2026-11-21")
    doc = docx.Document(str(out))
    assert doc.paragraphs[1].text.startswith("Version du 21 novembre 2026, ")
    doc.add_paragraph("Madame, veuillez trouver notre plan.")
    doc.save(str(out))
    edited = out.read_bytes()
    refused = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY)
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"qnc: « {out} » a été produit par qnc, puis modifié ; qnc ne le remplace pas, pour "
        "ne pas perdre ces modifications : choisissez un autre nom, ou ajoutez --force pour "
        "le remplacer\n",
    )
    assert out.read_bytes() == edited
    forced = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY, "--force")
    assert forced.exit_code == 0


def test_word_document_not_made_by_qnc_needs_force(run_main, tmp_path: Path) -> None:
    """A user's own plan.docx is never replaced without --force."""
    out = tmp_path / "plan.docx"
    mine = docx.Document()
    mine.add_paragraph("Notre plan, écrit à la main")
    mine.save(str(out))
    before = out.read_bytes()
    refused = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY)
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"qnc: « {out} » existe et n'a pas été produit par qnc ; choisissez un autre nom, "
        "ou ajoutez --force pour le remplacer\n",
    )
    assert out.read_bytes() == before


def test_format_option_writes_word(run_main, tmp_path: Path) -> None:
    """--format docx with a file name without extension gives a Word document."""
    out = tmp_path / "plan"
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--format", "docx",
                      "--today", MID_WAY)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize(("module", "package"), [("docx", "python-docx"), ("PIL", "pillow")])
def test_missing_library_is_a_clear_message(run_main, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch, module: str,
                                            package: str) -> None:  # fmt: skip
    """A broken install without python-docx (or Pillow, for the calendar): a message that
    says what to do, exit 1, nothing written."""
    real_import = builtins.__import__

    def refuse(name: str, *args: object, **kwargs: object) -> object:
        if name == module or name.startswith(module + "."):
            raise ModuleNotFoundError(f"No module named '{module}'", name=module)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", refuse)
    for name in [m for m in sys.modules if m.startswith("qnc.render.plan.")]:
        monkeypatch.delitem(sys.modules, name)  # imported again, through `refuse`
    out = tmp_path / "plan.docx"
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY, "--interne")
    assert (result.exit_code, result.stderr) == (
        1,
        f"qnc: écrire un document Word demande le paquet Python « {package} », qui n'est pas "
        "installé : réinstallez qnc (pip install --force-reinstall qnc)\n",
    )
    assert not out.exists()
