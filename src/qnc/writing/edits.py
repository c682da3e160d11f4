"""The changes qnc makes to a hand-written YAML file, as values: set a value, append to
a list, rename a key. :mod:`qnc.writing.edit` applies them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qnc.i18n import Msg

Scalar = str | bool | int | date
"""A value qnc writes: dates in ISO form, text quoted only when it must be."""
Owners = tuple[str, ...]
"""A list of texts written on one line (``[Marie Dupont, Paul Martin]``)."""
Value = Scalar | Owners
Entries = tuple[tuple[str, Value], ...]
"""The keys and values of a new list item, in their order (an action)."""


@dataclass(frozen=True)
class Match:
    """A step of a key path: the one list item whose ``key`` is ``value`` (``id: A1``)."""

    key: str
    value: Scalar


Step = str | int | Match
KeyPath = tuple[Step, ...]


@dataclass(frozen=True)
class SetValue:
    """Set the value at ``path`` (a key, or a list item's index); missing or empty
    mappings on the way are created."""

    path: KeyPath
    value: Value
    after: tuple[str, ...] = ()
    """A new key goes after the first of these keys present (nearest first), else last."""


@dataclass(frozen=True)
class Append:
    """Append a value, or with :data:`Entries` a mapping, to the list at ``path``."""

    path: KeyPath
    item: Scalar | Entries
    after: tuple[str, ...] = ()
    """Where the list's key goes when the list is absent."""


@dataclass(frozen=True)
class RenameKey:
    """Rename the key at ``path`` to ``new``, keeping its value and comments."""

    path: KeyPath
    new: str


Edit = SetValue | Append | RenameKey


class EditError(Exception):
    """An edit that cannot be made safely: nothing is written. ``line`` and ``column``
    (1-based) place it in the file when it concerns one place."""

    def __init__(self, message: Msg, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message.text)
        self.message = message
        self.line = line
        self.column = column


def dotted(path: tuple[str | int | Match, ...]) -> str:
    """A key path as users read it: ``actions[2].fait_le`` (list items counted from 1)."""
    text = ""
    for step in path:
        if isinstance(step, Match):
            text += f"[{step.key}={step.value}]"
        elif isinstance(step, int):
            text += f"[{step + 1}]"
        else:
            text += f".{step}" if text else step
    return text
