"""The one translation layer: every human sentence goes through a gettext catalog.

Message ids are English; ``locale/fr.po`` holds the French text, the default language.
Core code builds :class:`Msg` values (text + arguments) and stays language-free;
a :class:`Translator` turns them into sentences at the edge, so one report can be
rendered in either language.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TypeAlias, get_args

Language: TypeAlias = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "fr"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Msg:
    """A sentence to translate later: an English msgid and its named arguments."""

    text: str
    args: tuple[tuple[str, object], ...] = ()
    plural: str | None = None
    count: int | None = None


@dataclass(frozen=True)
class Span:
    """Two days as prose, without repeating what they share: ``du 24 au 26 novembre
    2026``, ``du 30 septembre au 2 octobre 2026``."""

    start: dt.date
    end: dt.date


def t(text: str, /, **args: object) -> Msg:
    """Mark ``text`` for translation; ``{name}`` fields are filled from ``args``."""
    return Msg(text, tuple(args.items()))


def tn(singular: str, plural: str, count: int, /, **args: object) -> Msg:
    """Like :func:`t`, choosing the plural form by ``count`` (available as ``{n}``)."""
    return Msg(singular, (("n", count), *args.items()), plural, count)


class Translator:
    """Renders messages, dates and lists in one language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._catalog = _catalog(language)

    def __call__(self, value: object) -> str:
        if isinstance(value, Msg):
            return self._message(value)
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, Span):
            return self.span(value.start, value.end)
        if isinstance(value, list | tuple):
            return ", ".join(self(item) for item in value)
        return str(value)

    def text(self, msgid: str) -> str:
        """Translate a bare msgid (labels, headers)."""
        return self._catalog.gettext(msgid)

    def date(self, day: dt.date) -> str:
        """A date as prose: ``15 avril 2026`` / ``15 April 2026``."""
        month = self._catalog.gettext(_MONTHS[day.month - 1])
        # French writes the first of the month "1er": its own msgid lets a catalog say so.
        template = "1 {month} {year}" if day.day == 1 else "{day} {month} {year}"
        return self._catalog.gettext(template).format(day=day.day, month=month, year=day.year)

    def month(self, number: int) -> str:
        """The name of month ``number`` (1-12): ``septembre`` / ``September``."""
        return self._catalog.gettext(_MONTHS[number - 1])

    def span(self, start: dt.date, end: dt.date) -> str:
        """``du 24 au 26 novembre 2026`` / ``from 24 to 26 November 2026``."""
        first, last = self.date(start), self.date(end)
        if start.year == end.year:  # both read "{day} {month} {year}": drop what repeats
            shared = f" {start.year}" if start.month != end.month else last[last.index(" ") :]
            if first.endswith(shared):
                first = first[: -len(shared)]
        return self._catalog.gettext("from {start} to {end}").format(start=first, end=last)

    def short_date(self, day: dt.date) -> str:
        """A date for narrow places (tables): ``15/04/2026`` in French; ISO ``2026-04-15``
        in English, where day first and month first would both be read."""
        if self.language == "en":
            return day.isoformat()
        return f"{day.day:02d}/{day.month:02d}/{day.year}"

    def _message(self, msg: Msg) -> str:
        if msg.plural is not None and msg.count is not None:
            template = self._catalog.ngettext(msg.text, msg.plural, msg.count)
        else:
            template = self._catalog.gettext(msg.text)
        return template.format(**{name: self._argument(arg) for name, arg in msg.args})

    def _argument(self, value: object) -> object:
        return value if isinstance(value, int | float) else self(value)


@cache
def translator(language: Language) -> Translator:
    return Translator(language)


@cache
def _catalog(language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    po = (Path(__file__).parent / "locale" / f"{language}.po").read_text("utf-8")
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))


def parse_po(text: str) -> dict[str, str]:
    """Entries of a .po catalog as ``{msgid: msgstr}``; plural forms joined by NUL.

    Fuzzy and empty translations are skipped, as msgfmt does.
    """
    entries: dict[str, str] = {}
    for block in text.split("\n\n"):
        fields: dict[str, list[str]] = {}
        current: list[str] | None = None
        fuzzy = False
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if not line or line.startswith("#"):
                continue
            if line.startswith('"'):
                if current is None:
                    raise ValueError(f"orphan string in catalog: {line}")
                current.append(_unquote(line))
                continue
            keyword, _, rest = line.partition(" ")
            current = fields.setdefault(keyword, [])
            current.append(_unquote(rest))
        if "msgid" not in fields or fuzzy:
            continue
        msgid = "".join(fields["msgid"])
        if "msgid_plural" in fields:
            msgid += "\0" + "".join(fields["msgid_plural"])
            forms = sorted(k for k in fields if k.startswith("msgstr["))
            msgstr = "\0".join("".join(fields[k]) for k in forms)
        else:
            msgstr = "".join(fields.get("msgstr", []))
        if msgstr.strip("\0") or not msgid:
            entries[msgid] = msgstr
    return entries


_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", '"': '"', "\\": "\\"}
"""``\\b`` marks, in a help text, a paragraph Click must not rewrap (an example)."""
_ESCAPE = re.compile(r"\\(.)")


def _unquote(literal: str) -> str:
    """The text of a .po string literal such as ``"a \\"b\\"\\n"``."""
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"not a catalog string: {literal}")
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), literal[1:-1])


def compile_po(text: str) -> bytes:
    """Compile a .po catalog to the GNU .mo format in memory (what msgfmt writes)."""
    return _mo_bytes(sorted(parse_po(text).items()))


def _mo_bytes(items: Iterable[tuple[str, str]]) -> bytes:
    pairs = [(k.encode("utf-8"), v.encode("utf-8")) for k, v in items]
    header_size = 7 * 4
    table_size = len(pairs) * 8
    offset = header_size + 2 * table_size
    ids = b"".join(k + b"\0" for k, _ in pairs)
    strs = b"".join(v + b"\0" for _, v in pairs)
    id_table, str_table = [], []
    position = 0
    for key, _ in pairs:
        id_table += [len(key), offset + position]
        position += len(key) + 1
    position = 0
    for _, value in pairs:
        str_table += [len(value), offset + len(ids) + position]
        position += len(value) + 1
    header = struct.pack(
        "<7I", 0x950412DE, 0, len(pairs), header_size, header_size + table_size, 0, 0
    )
    tables = struct.pack(f"<{len(id_table)}I", *id_table)
    tables += struct.pack(f"<{len(str_table)}I", *str_table)
    return header + tables + ids + strs
