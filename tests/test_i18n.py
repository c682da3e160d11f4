"""qnc.i18n: the gettext layer, its in-memory .po compiler, plurals, dates in prose."""

from __future__ import annotations

import gettext
import io
import struct
import sys
from datetime import date
from pathlib import Path

import pytest

from qnc.i18n import Catalog, Msg, t, tn, translator
from qnc.po import find_entry, parse_po

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "src" / "qnc" / "locale" / "fr.po"
FR = translator("fr")
EN = translator("en")

SAMPLE = r"""# A comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "hello"
msgstr "bonjour"

msgid "a long "
"message"
msgstr "un long "
"message \"cité\""

#, fuzzy
msgid "fuzzy"
msgstr "flou"

msgid "untranslated"
msgstr ""

msgid "{n} file"
msgid_plural "{n} files"
msgstr[0] "{n} fichier"
msgstr[1] "{n} fichiers"
"""


def test_catalog_parses() -> None:
    """fr.po parses; it has a header with French plural forms and many entries."""
    entries = parse_po(CATALOG.read_text("utf-8"))
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in entries[""]
    assert entries["error"] == "erreur"
    assert entries["{n} error\0{n} errors"] == "{n} erreur\0{n} erreurs"


def test_parse_po_entries() -> None:
    """Continued strings are joined, escapes read, fuzzy and empty entries skipped."""
    entries = parse_po(SAMPLE)
    assert sorted(entries) == ["", "a long message", "hello", "{n} file\0{n} files"]
    assert entries["a long message"] == 'un long message "cité"'
    assert entries["{n} file\0{n} files"] == "{n} fichier\0{n} fichiers"


def test_orphan_string_is_refused() -> None:
    """A quoted line with no keyword before it is a broken catalog."""
    with pytest.raises(ValueError, match="orphan string in catalog"):
        parse_po('"stray"\nmsgid "a"\nmsgstr "b"\n')


def test_catalog_looks_up_messages_and_plurals() -> None:
    """A parsed catalog gives each translation, French plural forms, and the msgid itself
    for what it lacks (fuzzy, untranslated)."""
    catalog = Catalog(SAMPLE)
    assert catalog.gettext("hello") == "bonjour"
    assert catalog.gettext("a long message") == 'un long message "cité"'
    assert catalog.gettext("fuzzy") == "fuzzy"
    assert catalog.gettext("untranslated") == "untranslated"
    assert [catalog.ngettext("{n} file", "{n} files", n) for n in (0, 1, 2)] == [
        "{n} fichier",
        "{n} fichier",
        "{n} fichiers",
    ]
    assert [catalog.ngettext("{n} dog", "{n} dogs", n) for n in (1, 2)] == ["{n} dog", "{n} dogs"]


def test_catalog_reads_like_gnu_gettext() -> None:
    """The real catalog gives what gettext.GNUTranslations gives once msgfmt compiled fr.po,
    plurals included (msgfmt's .mo format, written here by hand)."""
    text = CATALOG.read_text("utf-8")
    entries = parse_po(text)
    gnu = gettext.GNUTranslations(io.BytesIO(_mo(entries)))
    catalog = Catalog(text)  # the first lookups find their entry, the rest parse it all
    for msgid in entries:
        if msgid and "\0" not in msgid:
            assert catalog.gettext(msgid) == gnu.gettext(msgid)
        elif msgid:
            singular, plural = msgid.split("\0")
            for n in (0, 1, 2, 5):
                assert catalog.ngettext(singular, plural, n) == gnu.ngettext(singular, plural, n)


def test_an_entry_found_alone_is_the_entry_parsed() -> None:
    """What a lookup finds in fr.po, without parsing the rest, is what parsing it all
    gives, for every entry (fr.po writes each msgid on one line); fuzzy, untranslated and
    unknown messages have none, and make the catalog parse it all."""
    text = CATALOG.read_text("utf-8")
    entries = parse_po(text)
    assert {key: find_entry(text, key) for key in entries if key} == {
        key: value for key, value in entries.items() if key
    }
    for missing in ("fuzzy", "untranslated", "no such message", "{n} dog\0{n} dogs"):
        assert find_entry(SAMPLE, missing) is None
    assert find_entry(SAMPLE, "a long message") is None  # continued: found by parsing


def _mo(entries: dict[str, str]) -> bytes:
    """The GNU .mo bytes of ``entries`` (what msgfmt writes)."""
    pairs = sorted((k.encode(), v.encode()) for k, v in entries.items())
    start = 7 * 4 + 2 * len(pairs) * 8
    ids = b"".join(k + b"\0" for k, _ in pairs)
    strs = b"".join(v + b"\0" for _, v in pairs)
    table: list[int] = []
    offset = start
    for key, _ in pairs:
        table += [len(key), offset]
        offset += len(key) + 1
    for _, value in pairs:
        table += [len(value), offset]
        offset += len(value) + 1
    header = struct.pack("<7I", 0x950412DE, 0, len(pairs), 28, 28 + len(pairs) * 8, 0, 0)
    return header + struct.pack(f"<{len(table)}I", *table) + ids + strs


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fr", 0, "0 erreur"),
        ("fr", 1, "1 erreur"),
        ("fr", 2, "2 erreurs"),
        ("en", 0, "0 errors"),
        ("en", 1, "1 error"),
        ("en", 2, "2 errors"),
    ],
)
def test_plural_forms(language: str, count: int, expected: str) -> None:
    """French keeps 0 singular; English makes it plural."""
    assert translator(language)(tn("{n} error", "{n} errors", count)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", date(2026, 4, 15), "15 avril 2026"),
        ("fr", date(2026, 8, 3), "3 août 2026"),
        ("fr", date(2026, 12, 31), "31 décembre 2026"),
        ("en", date(2027, 2, 1), "1 February 2027"),
        ("en", date(2026, 4, 15), "15 April 2026"),
    ],
)
def test_dates_in_prose(language: str, day: date, expected: str) -> None:
    """Dates read as words, never as 2026-04-15."""
    assert translator(language).date(day) == expected  # type: ignore[arg-type]


def test_message_arguments_are_translated() -> None:
    """Dates and nested messages inside a message follow its language; numbers stay."""
    msg = t(
        "the audit ends ({end}) before it starts ({start})",
        end=date(2026, 3, 8),
        start=date(2026, 3, 9),
    )
    assert FR(msg) == "l'audit finit (8 mars 2026) avant de commencer (9 mars 2026)"
    assert EN(msg) == "the audit ends (8 March 2026) before it starts (9 March 2026)"
    nested = t("{checked}: no problem.", checked=tn("{n} file checked", "{n} files checked", 3))
    assert FR(nested) == "3 fichiers vérifiés : aucun problème."


def test_translator_renders_lists_and_plain_values() -> None:
    """Lists are joined with commas; other values are shown as text."""
    assert FR([t("error"), date(2026, 1, 1), "x", 3]) == "erreur, 1er janvier 2026, x, 3"


def test_unknown_msgid_falls_back_to_english() -> None:
    """A message missing from the catalog is shown in English rather than lost."""
    assert FR(Msg("not in the catalog {x}", (("x", 1),))) == "not in the catalog 1"


def test_translator_is_shared() -> None:
    """One translator per language, built once."""
    assert translator("fr") is FR


def test_every_message_has_a_french_translation() -> None:
    """Every msgid marked in the source has an entry in fr.po (scripts/messages.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from messages import missing_messages
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert missing_messages() == []


def test_catalog_has_no_stale_entry() -> None:
    """fr.po holds no entry that the code no longer uses (run scripts/messages.py --prune)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from messages import stale_messages
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert stale_messages() == []


@pytest.mark.parametrize(
    ("start", "end", "fr", "en"),
    [
        ((2026, 11, 24), (2026, 11, 26), "du 24 au 26 novembre 2026",
         "from 24 to 26 November 2026"),
        ((2026, 11, 1), (2026, 11, 3), "du 1er au 3 novembre 2026", "from 1 to 3 November 2026"),
        ((2026, 9, 30), (2026, 10, 2), "du 30 septembre au 2 octobre 2026",
         "from 30 September to 2 October 2026"),
        ((2026, 12, 30), (2027, 1, 2), "du 30 décembre 2026 au 2 janvier 2027",
         "from 30 December 2026 to 2 January 2027"),
        ((2026, 9, 14), (2026, 9, 15), "les 14 et 15 septembre 2026",
         "on 14 and 15 September 2026"),
        ((2026, 9, 30), (2026, 10, 1), "les 30 septembre et 1er octobre 2026",
         "on 30 September and 1 October 2026"),
        ((2026, 12, 31), (2027, 1, 1), "les 31 décembre 2026 et 1er janvier 2027",
         "on 31 December 2026 and 1 January 2027"),
    ],
)  # fmt: skip
def test_span_says_what_the_two_days_share_once(
    start: tuple[int, int, int], end: tuple[int, int, int], fr: str, en: str
) -> None:
    """An audit over several days reads 'du 24 au 26 novembre 2026', not the month twice;
    over two days in a row, 'les 14 et 15 septembre 2026'."""
    first, last = date(*start), date(*end)
    assert (translator("fr").span(first, last), translator("en").span(first, last)) == (fr, en)


def test_catalog_entries_are_whole_and_once() -> None:
    """Each msgid stands once, after a blank line: two entries glued together (as a merge
    of two branches can leave them) would hide one message from the catalog."""
    text = CATALOG.read_text("utf-8")
    msgids = [line for line in text.splitlines() if line.startswith("msgid ")]
    assert sorted({m for m in msgids if msgids.count(m) > 1}) == []
    glued = [
        block.splitlines()[0]
        for block in text.split("\n\n")
        if sum(line.startswith("msgid ") for line in block.splitlines()) > 1
    ]
    assert glued == []
