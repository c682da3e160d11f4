"""When a fact may be written: once it has happened, and over a fact already recorded
only when the user asks to correct it (``--corriger``)."""

from __future__ import annotations

from datetime import date

from qnc.editing.session import Refused
from qnc.errors import QncError
from qnc.i18n import Msg, t
from qnc.model.folder import NcFile


class NothingToDo(QncError):
    """The fact is already recorded as asked: nothing to write, not an error."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message, exit_code=0)


def happened(entry: NcFile, day: date, today: date) -> None:
    """A fact is recorded once it has happened: a day after ``today`` is refused."""
    if day > today:
        raise Refused(
            t(
                "{nc}: {day} is after today ({today}): this fact has not happened yet; "
                "record it once it has, or give with --le the day it happened",
                nc=entry.nc.id,
                day=day,
                today=today,
            )
        )


def replaced(entry: NcFile, key: str, current: date | None, day: date, *, correct: bool) -> None:
    """Whether ``day`` may be written over ``current``, the day recorded at ``key``:
    nothing recorded yet, or another day with ``correct``. The same day is nothing to
    do; another day without ``correct`` is refused, and so is ``correct`` when nothing
    is recorded."""
    if current is None:
        if correct:
            raise not_recorded(entry, t("'{key}' is not recorded yet", key=key))
        return
    if current == day:
        raise nothing(t("'{key}' is already {day}", key=key, day=day))
    if not correct:
        raise recorded(entry, t("'{key}' is already {day}", key=key, day=current))


def recorded(entry: NcFile, already: Msg) -> Refused:
    return Refused(
        t(
            "{nc}: {already}; qnc does not replace a recorded fact unless asked: if it is "
            "wrong, run the command again with the right day (--le) and --corriger",
            nc=entry.nc.id,
            already=already,
        )
    )


def not_recorded(entry: NcFile, missing: Msg) -> Refused:
    return Refused(
        t(
            "{nc}: {missing}: nothing to correct; record the fact without --corriger",
            nc=entry.nc.id,
            missing=missing,
        )
    )


def nothing(already: Msg) -> NothingToDo:
    return NothingToDo(t("{already}: nothing to write", already=already))


def corrected(fact: Msg, old: object) -> Msg:
    """The sentence of a corrected fact: the new value, then the old one."""
    return t("{fact} (corrected: it was {old})", fact=fact, old=old)
