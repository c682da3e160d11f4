"""Natural order of names: NC-2 before NC-10, as people count."""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting NC-2 before NC-10 (numbers compared as numbers)."""
    parts = _DIGITS.split(name)
    return tuple((0, int(p)) if p.isdigit() else (1, p.lower()) for p in parts if p)


_NUMBERED = re.compile(r"(.*?)(\d+)")


def next_id(taken: Iterable[str], *, first: str) -> str:
    """The id after the last of ``taken`` in natural order, numbered like it: NC-09 is
    followed by NC-10, A2 by A3; ``first`` when none ends with a number. Ids shaped like
    ``first`` are preferred to others. A gap is not filled (NC-01, NC-03: NC-04): the
    missing id may still be cited in a commit message or a letter to the certifier."""
    numbered = [m for name in taken if (m := _NUMBERED.fullmatch(name))]
    if not numbered:
        return first
    shape = _NUMBERED.fullmatch(first)
    usual = [m for m in numbered if shape and m.group(1).lower() == shape.group(1).lower()]
    numbered = usual or numbered
    last = max(numbered, key=lambda m: natural_key(m.group(0)))
    prefix, digits = last.groups()
    return f"{prefix}{int(digits) + 1:0{len(digits)}d}"
