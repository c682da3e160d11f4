"""Dates as people type them: the ISO form qnc wants, and near misses it can correct.

Pure and light (no Pydantic): the models and the ``--today`` option share it.
"""

from __future__ import annotations

import re

ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Patterns for near misses, compiled by the re module's cache on first use: they only
# serve dates written wrong, so a run with none does not pay for them.
_DAY_FIRST = r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*"
_YEAR_FIRST = r"\s*(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2}))\s*"
_IN_WORDS = r"\s*(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?\s+(\d{4})\s*"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "janv", "january", "jan"),
            ("février", "fevrier", "févr", "fevr", "february", "feb"),
            ("mars", "march", "mar"),
            ("avril", "avr", "april", "apr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "juil", "july", "jul"),
            ("août", "aout", "august", "aug"),
            ("septembre", "sept", "september", "sep"),
            ("octobre", "oct", "october"),
            ("novembre", "nov", "november"),
            ("décembre", "decembre", "déc", "dec", "december"),
        ),
        start=1,
    )
    for name in names
}
"""Month names in French and English, full or abbreviated."""


def near_miss(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written almost in ISO form: ``15/04/2026``,
    ``2026-4-15``, ``2026/04/15``, ``20260415``, ``12 mars 2026``, ``1er août 2026``.
    None when ``text`` has none of these shapes. The day may not exist (30/02/2026)."""
    if day_first := re.fullmatch(_DAY_FIRST, text):
        day, month, year = (int(g) for g in day_first.groups())
        return year, month, day
    if year_first := re.fullmatch(_YEAR_FIRST, text):
        year_text, month_text, day_text = (g for g in year_first.groups() if g is not None)
        return int(year_text), int(month_text), int(day_text)
    words = re.fullmatch(_IN_WORDS, text)
    if words and words[2].lower() in _MONTHS:
        return int(words[3]), _MONTHS[words[2].lower()], int(words[1])
    return None
