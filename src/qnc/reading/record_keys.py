"""The keys a record accepts at a place of a file, and the key a typo was meant to be."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

from qnc.diagnostics import Loc


def free_keys(model: type[BaseModel], data: object, loc: Loc) -> list[str]:
    """Keys accepted at ``loc`` that the file does not already use there."""
    data = value_at(data, loc)
    used = set(data) if isinstance(data, dict) else set()
    return [key for key in keys_at(model, loc) if key not in used]


def nearest(word: str, choices: list[str]) -> list[str]:
    """The choice nearest to ``word``, ignoring case (``af`` finds ``AF``)."""
    lowered = {choice.lower(): choice for choice in choices}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return [lowered[f] for f in found]


def emptied_section(model: type[BaseModel], loc: Loc, data: object) -> str | None:
    """The section just above an unknown key that would accept it: the key was meant to
    be indented under it (``certificateur:`` then ``nom:`` at the start of the line)."""
    parent = value_at(data, loc[:-1])
    if not isinstance(parent, dict) or loc[-1] not in parent:
        return None
    known = set(keys_at(model, loc[:-1]))
    keys = list(parent)
    for above in reversed(keys[: keys.index(loc[-1])]):
        if above not in known:
            continue  # another key that lost its indentation
        section = parent[above]
        fits = loc[-1] in keys_at(model, (*loc[:-1], above))
        if fits and (section is None or (isinstance(section, dict) and loc[-1] not in section)):
            return str(above)
        return None
    return None


def value_at(data: object, loc: Loc) -> object:
    for step in loc:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def keys_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The YAML keys accepted by the record found at ``loc`` inside ``model``."""
    current: type[BaseModel] | None = model
    for step in loc:
        if current is None or isinstance(step, int):
            continue
        field = next((f for f in current.model_fields.values() if f.alias == step), None)
        if field is None:
            field = current.model_fields.get(step)
        current = record_in(field.annotation) if field else None
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def record_in(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds, alone, optional or as the items of a tuple."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = record_in(arg)
            if found:
                return found
    return None
