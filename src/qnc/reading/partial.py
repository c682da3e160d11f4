"""What can still be read of a file with schema errors: each value that is valid on its
own, converted as its record would convert it.

The checks of one value (an indicator against the grid, a date against the
notification) then run on a file whose other keys are wrong, so that one run of
``qnc check`` reports every problem, not the schema's first and the rest after a fix.
"""

from __future__ import annotations

import typing
from contextlib import suppress
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from qnc.reading.record_keys import record_in


def readable(model: type[BaseModel], data: object) -> dict[str, Any]:
    """``data`` (a file's mapping for ``model``) reduced to its valid values, in the same
    shape: keys as written, a section as a mapping, a list of records as a list (each
    item kept in its place, so that key paths still point at the file)."""
    if not isinstance(data, dict):
        return {}
    found: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data:
            continue
        value, record = data[key], record_in(field.annotation)
        if record is None:
            # a value refused is reported by the schema; the others are still read
            with suppress(ValidationError):
                found[key] = _adapter(model, name).validate_python(value)
        elif typing.get_origin(field.annotation) is tuple:
            kind = typing.get_args(field.annotation)[0]
            found[key] = [_item(record, kind, item) for item in _items(value)]
        else:
            found[key] = readable(record, value)
    return found


def _item(record: type[BaseModel], kind: Any, item: object) -> dict[str, Any]:
    """One item of a list of records: its valid values; an item written in a short form
    (an evidence path alone) as its record, when valid; else nothing, in its place."""
    if isinstance(item, dict):
        return readable(record, item)
    with suppress(ValidationError):
        value = _item_adapter(kind).validate_python(item)
        return dict(value.model_dump(by_alias=True)) if isinstance(value, BaseModel) else {}
    return {}


@cache
def _item_adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _items(value: object) -> list[object]:
    return value if isinstance(value, list) else []


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """The validation of one field alone (built only when a file has errors)."""
    return TypeAdapter(model.model_fields[name].rebuild_annotation())
