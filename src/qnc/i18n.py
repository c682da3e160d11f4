"""The one translation layer: every human sentence goes through a gettext catalog.

Message ids are English; ``locale/fr.po`` holds the French text, the default language.
Core code builds :class:`Msg` values (text + arguments) and stays language-free;
a :class:`Translator` turns them into sentences at the edge, so one report can be
rendered in either language.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple, TypeAlias, get_args

from qnc.po import find_entry, parse_po

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


class Msg(NamedTuple):
    """A sentence to translate later: an English msgid and its named arguments."""

    text: str
    args: tuple[tuple[str, object], ...] = ()
    plural: str | None = None
    quantity: int | None = None
    """The number that chooses the plural form."""


class Span(NamedTuple):
    """Two days as prose, without repeating what they share: ``du 24 au 26 novembre
    2026``, ``du 30 septembre au 2 octobre 2026``; two days in a row, ``les 14 et 15
    septembre 2026``."""

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
        """``du 24 au 26 novembre 2026`` / ``from 24 to 26 November 2026``; two days in a
        row, ``les 14 et 15 septembre 2026`` / ``on 14 and 15 September 2026``."""
        first, last = self.date(start), self.date(end)
        if start.year == end.year:  # both read "{day} {month} {year}": drop what repeats
            shared = f" {start.year}" if start.month != end.month else last[last.index(" ") :]
            if first.endswith(shared):
                first = first[: -len(shared)]
        if end - start == dt.timedelta(days=1):  # French: "les 14 et 15", not "du 14 au 15"
            return self._catalog.gettext("on {start} and {end}").format(start=first, end=last)
        return self._catalog.gettext("from {start} to {end}").format(start=first, end=last)

    def short_date(self, day: dt.date) -> str:
        """A date for narrow places (tables): ``15/04/2026`` in French; ISO ``2026-04-15``
        in English, where day first and month first would both be read."""
        if self.language == "en":
            return day.isoformat()
        return f"{day.day:02d}/{day.month:02d}/{day.year}"

    def _message(self, msg: Msg) -> str:
        if msg.plural is not None and msg.quantity is not None:
            template = self._catalog.ngettext(msg.text, msg.plural, msg.quantity)
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
    return Catalog((Path(__file__).parent / "locale" / f"{language}.po").read_text("utf-8"))


class Catalog(gettext.NullTranslations):
    """A .po catalog looked up as it is written: compiling it to the .mo format for
    ``gettext.GNUTranslations`` to parse again cost every run a few milliseconds, and
    parsing all of it costs more than most runs look up. The first :data:`_LOOKUPS`
    messages are each found in the text; past them, the whole catalog is parsed once.
    Plural forms follow French: the singular for 0 and 1 (``Plural-Forms`` of fr.po)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self._found: dict[str, str] = {}
        self._all: dict[str, str] | None = None

    def gettext(self, message: str) -> str:
        return self._lookup(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._lookup(f"{msgid1}\0{msgid2}")
        if forms is None:
            return msgid1 if n == 1 else msgid2
        return forms.split("\0")[int(n > 1)]

    def _lookup(self, key: str) -> str | None:
        if self._all is None and key not in self._found:
            found = find_entry(self._text, key)
            if found is None or len(self._found) >= _LOOKUPS:
                # Not found as written on one line (a msgid continued on the next, or none
                # at all), or many lookups: parse the whole catalog once.
                self._all = parse_po(self._text)
            else:
                self._found[key] = found
        if self._all is not None:
            return self._all.get(key)
        return self._found[key]


_LOOKUPS = 250
"""Distinct messages looked up one by one before the whole catalog is parsed: a clean
``qnc check`` needs two or three, a status table, a plan or the indicators' table one or
two hundred, each found in the text faster than parsing the catalog (about 12 M
instructions); a large portfolio, more, and the whole catalog is then parsed once."""
