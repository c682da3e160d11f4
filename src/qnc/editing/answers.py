"""The values ``qnc init`` is given, each checked as it is typed: a wrong answer to a
question is asked again at once, not refused once every question is answered. Each
function returns the value as it will be written, or what is wrong with it."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pydantic_core import PydanticCustomError

from qnc.i18n import Msg, t
from qnc.model.fields import digits
from qnc.model.folder import AUDIT_FILE
from qnc.model.records import AuditType
from qnc.model.referential import Category

_SPACES = str.maketrans("", "", " \t\u00a0\u202f\u2007\u2009")
"""Spaces people type between groups of digits (832 145 601 00015), Word's included."""


def siret(answer: str) -> str | Msg:
    """14 digits whose Luhn key is right, written without spaces."""
    return _number(answer, 14, "qnc_siret", luhn=True) or t(
        "'{value}' is not a valid SIRET: 14 digits whose Luhn key is right", value=answer
    )


def nda(answer: str) -> str | Msg:
    """The activity declaration number: 11 digits, written without spaces."""
    return _number(answer, 11, "qnc_nda", luhn=False) or t(
        "'{value}' is not a valid NDA: 11 digits", value=answer
    )


def _number(answer: str, length: int, code: str, *, luhn: bool) -> str | None:
    try:
        number: str = digits(length, code, luhn)(answer.translate(_SPACES))
    except PydanticCustomError:
        return None
    return number


def categories(answer: str) -> tuple[str, ...] | Msg:
    """``af, CFA`` as ``(AF, CFA)``: categories are written in capitals."""
    found = tuple(part.strip().upper() for part in answer.split(",") if part.strip())
    known = [c.value for c in Category]
    wrong = [c for c in found if c not in known]
    if wrong or not found:
        return t(
            "'{value}' is not a category; write one or several of {known}, separated by commas",
            value=", ".join(wrong) or answer,
            known=", ".join(known),
        )
    return found


_AUDIT_WORDS = {
    **{kind.value: kind for kind in AuditType},
    "renewal": AuditType.RENEWAL,
    "complementary": AuditType.COMPLEMENTARY,
}
"""The words of each audit type: the value written, and its English name."""


def audit_type(answer: str) -> AuditType | Msg:
    """The audit type as written in audit.yaml, from its value in any case or from its
    name in words: « audit de surveillance », « Audit initial », « complémentaire »."""
    words = unicodedata.normalize("NFKD", answer.casefold())
    words = "".join(c for c in words if not unicodedata.combining(c)).replace("\u2019", "'")
    words = " ".join(words.split()).removesuffix(" audit")
    words = words.removeprefix("audit ").removeprefix("de ").removeprefix("d'").strip()
    return _AUDIT_WORDS.get(words) or t(
        "'{value}' is not an audit type; write initial, surveillance, renouvellement, "
        "complementaire or extension ('audit de surveillance' is understood too)",
        value=answer,
    )


def not_before(start: date, problem: Callable[[date], Msg]) -> Callable[[date], date | Msg]:
    """A day of the audit that cannot come before its first day ``start``."""
    return lambda day: problem(day) if day < start else day


def previous(folder: Path, answer: str) -> str | Msg:
    """The folder of the previous audit, as ``precedent`` cites it: relative to the new
    audit ``folder``, with '/'. Taken from the current folder, or from the new one when
    it is found only there; it must hold an audit.yaml."""
    here = Path(os.path.abspath(answer))
    there = Path(os.path.normpath(folder / answer))
    found = next((p for p in (here, there) if (p / AUDIT_FILE).is_file()), None)
    if found is None:
        return t(
            "'{path}' holds no audit.yaml: give the folder of the previous audit (from the "
            "current folder)",
            path=answer,
        )
    return Path(os.path.relpath(found, folder)).as_posix()
