"""Field types of the records: dates, durations, identifiers and numbers as users write
them, each checked with a message that says what is wrong (``qnc_*`` error kinds, worded
by :mod:`qnc.reading.schema_errors`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from qnc.model.characters import code_point, control_in, invisible_in
from qnc.model.dates import ISO_SHAPE, near_miss
from qnc.model.durations import Duration, Unit, parse_duration
from qnc.model.referential import GRIDS, Category

_LA_POSTE = "356000000"
FIRST_YEAR, LAST_YEAR = 2000, 2099
"""Dates outside these years are typing mistakes (Qualiopi began in 2019); bounding them
also keeps every due date computable."""
MAX_DURATION = {Unit.DAYS: 3660, Unit.WEEKS: 520, Unit.MONTHS: 120, Unit.YEARS: 10}
"""No certifier rule runs past ten years."""


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    text = _text(value).strip()
    if ISO_SHAPE.fullmatch(text):
        return _in_range(_calendar_date(text, *(int(part) for part in text.split("-"))))
    parts = near_miss(text)
    if parts is None:
        raise PydanticCustomError("qnc_date", "not a date", {"value": text})
    iso = _in_range(_calendar_date(text, *parts)).isoformat()
    raise PydanticCustomError("qnc_date_french", "not ISO", {"value": text, "iso": iso})


def _in_range(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PydanticCustomError(
            "qnc_date_range", "out of range", {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return day


def _calendar_date(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("qnc_date_impossible", "no such date", {"value": text}) from None


def _duration(value: Any) -> Any:
    if isinstance(value, Duration):
        return value
    duration = parse_duration(str(value)) if isinstance(value, str) else None
    if duration is None:
        raise PydanticCustomError("qnc_duration", "not a duration", {"value": _text(value)})
    if duration.amount > MAX_DURATION[duration.unit]:
        raise PydanticCustomError("qnc_duration_range", "too long", {"value": value})
    return duration


def _text(value: Any) -> str:
    return "null" if value is None else str(value)


def none_as_empty(value: Any) -> Any:
    """``actions:`` with nothing under it (or every line commented out) means no action."""
    return () if value is None else value


def one_or_many(value: Any) -> Any:
    """One item written alone (``responsable: Marie Dupont``) is a list of one; nothing
    written stays nothing, to be said so."""
    return value if value is None or isinstance(value, list | tuple) else [value]


def none_as_default(value: Any) -> Any:
    return {} if value is None else value


def digits(length: int, code: str, luhn: bool) -> Any:
    def check(value: Any) -> Any:
        text = str(value).replace(" ", "")
        # isdigit() alone takes '²' (then int() fails) and other scripts' digits
        digits = text.isascii() and text.isdigit()
        if not (digits and len(text) == length) or (luhn and not _luhn_ok(text)):
            raise PydanticCustomError(code, "bad number", {"value": str(value)})
        return text

    return check


def _luhn_ok(digits: str) -> bool:
    if digits.startswith(_LA_POSTE) and len(digits) == 14:
        # La Poste's establishments share one SIREN; their SIRET digits add up to a
        # multiple of 5 instead of passing the Luhn check (INSEE rule).
        return sum(int(c) for c in digits) % 5 == 0
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def whole_number(value: Any) -> Any:
    # YAML true/false would silently become 1/0, and 1e1 would become 10
    if isinstance(value, bool | float):
        raise PydanticCustomError("qnc_number", "not a number", {"value": str(value).lower()})
    return value


def bool_or_categories(value: Any) -> Any:
    """``nouvel_entrant``: true, false, or the categories the organisation is new in."""
    if isinstance(value, bool):
        return value
    names = [str(c) for c in Category]
    if isinstance(value, list) and value and all(v in names for v in value):
        return tuple(Category(v) for v in value)
    shown = (", ".join(map(str, value)) or "[]") if isinstance(value, list) else _text(value)
    raise PydanticCustomError("qnc_new_entrant", "not a flag", {"value": shown})


FINGERPRINT_PATTERN = r"^(sha256:)?[0-9a-fA-F]{64}$"
_FINGERPRINT = re.compile(FINGERPRINT_PATTERN)


def _fingerprint(value: Any) -> Any:
    """``sha256:`` and 64 hexadecimal digits, as ``qnc empreinte`` prints; the bare digits
    of ``sha256sum`` are taken too."""
    text = _text(value).strip()
    if not _FINGERPRINT.fullmatch(text):
        raise PydanticCustomError("qnc_fingerprint", "not a fingerprint", {"value": text})
    return "sha256:" + text.removeprefix("sha256:").lower()


def evidence_item(value: Any) -> Any:
    """An evidence item is a path, or a mapping with the path and its fingerprint; a
    ``-`` line left empty is an empty path (which the checks point at)."""
    if isinstance(value, dict):
        return value
    return {"chemin": "" if value is None else value}


def grid_id(value: Any) -> Any:
    if not isinstance(value, str) or value not in GRIDS:
        raise PydanticCustomError("qnc_grid", "unknown grid", {"value": str(value)})
    return value


DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    # In the files, a date is text written YYYY-MM-DD (YAML 1.2 has no date type).
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
DURATION_PATTERN = r"^\s*[0-9]{1,4}\s*(jours?|days?|semaines?|weeks?|mois|months?|ans?|years?)\s*$"
DurationField = Annotated[
    Duration,
    BeforeValidator(_duration),
    # In the files (and so in the JSON schema), a duration is text such as "3 mois".
    WithJsonSchema({"type": "string", "pattern": DURATION_PATTERN}),
]


def _plain_text(value: str) -> str:
    """Text of a file, without a character that would take over a terminal or reorder
    what is shown (:data:`qnc.model.characters.CONTROL`)."""
    found = control_in(value)
    if found is not None:
        raise PydanticCustomError("qnc_control", "control character", {"code": code_point(found)})
    return value


def _identifier(value: str) -> str:
    """An id as compared: NFC, so that an 'é' typed as one character or as 'e' and an
    accent is one id; without an invisible character, which would make two ids that look
    the same."""
    import unicodedata

    found = invisible_in(value)
    if found is not None:
        raise PydanticCustomError(
            "qnc_invisible", "invisible character", {"code": code_point(found)}
        )
    return unicodedata.normalize("NFC", value)


PlainText = Annotated[str, AfterValidator(_plain_text)]
"""Every text of the records: what a file says reaches terminals and documents."""
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_plain_text)]
"""Text that may not be empty."""
Identifier = Annotated[str, StringConstraints(min_length=1), AfterValidator(_identifier)]
"""The id of an NC or an action."""
_TEXT_SCHEMA = {"type": "string", "minLength": 1}
Owners = Annotated[
    tuple[Text, ...],
    BeforeValidator(one_or_many),
    Field(min_length=1),
    # In the files, one owner is text and several a list: both forms for editors.
    WithJsonSchema({"anyOf": [_TEXT_SCHEMA, {"type": "array", "items": _TEXT_SCHEMA,
                                             "minItems": 1}]}),
]  # fmt: skip
NewEntrant = Annotated[
    bool | tuple[Category, ...],
    BeforeValidator(bool_or_categories),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "boolean"},
                {"type": "array", "items": {"enum": [str(c) for c in Category]}, "minItems": 1},
            ]
        }
    ),
]
Fingerprint = Annotated[
    str,
    BeforeValidator(_fingerprint),
    WithJsonSchema({"type": "string", "pattern": FINGERPRINT_PATTERN}),
]
