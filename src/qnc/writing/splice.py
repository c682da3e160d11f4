"""One edit as a splice of the text: a value's span replaced, a key's span renamed, or
whole lines inserted at a line start. Every other character stays as it was, by
construction: comments, blank lines, quotes, indentation, line breaks.

Where new lines go: after the entry they follow (its beside comment stays on its line),
past the comments indented deeper than the new line (they belong to that entry), but
above a comment at the new line's column or left of it (it introduces what follows, or
closes the file). New lines use the file's indentation and the line break used there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qnc.i18n import t
from qnc.writing import locate as at
from qnc.writing.edits import (
    Append,
    Edit,
    EditError,
    Entries,
    KeyPath,
    RenameKey,
    Scalar,
    SetValue,
    dotted,
)
from qnc.writing.locate import Node, Style
from qnc.writing.scalars import render

_COMMENT_ONLY = re.compile(r"[ \t]*(#.*)?")


def splice(text: str, root: Node, edit: Edit, style: Style) -> str:
    """``text`` with the concrete ``edit`` made (its Match steps already indexes)."""
    *parents, last = edit.path
    node = root
    for i, step in enumerate(parents):
        if isinstance(step, int):
            node = _item(node, step, edit)
            continue
        mapping = _mapping(node, edit.path[:i])
        found = at.entry(mapping, str(step))
        if found is None or at.is_null(found[1]):
            if isinstance(edit, RenameKey):
                raise EditError(t("there is no key '{key}' to rename", key=dotted(edit.path)))
            keys = [str(s) for s in edit.path[i:]]
            if found is None:
                return _insert_entry(text, mapping, keys, edit, style)
            return _fill_null(text, mapping, *found, keys[1:], edit, style)
        node = found[1]
    if isinstance(last, int):
        assert isinstance(edit, SetValue)
        return _replace(text, _item(node, last, edit), edit, flow=bool(node.flow_style))
    assert isinstance(last, str)  # Match steps were made indexes
    mapping = _mapping(node, tuple(parents))
    found = at.entry(mapping, last)
    if isinstance(edit, RenameKey):
        if found is None or at.entry(mapping, edit.new) is not None:
            raise EditError(
                t(
                    "cannot rename '{key}' to '{new}': '{new}' is already there",
                    key=dotted(edit.path),
                    new=edit.new,
                )
            )
        return _splice(text, found[0].start_mark.index, found[0].end_mark.index, edit.new)
    if found is None:
        return _insert_entry(text, mapping, [last], edit, style)
    key, value = found
    if isinstance(edit, SetValue):
        return _replace(text, value, edit, flow=bool(mapping.flow_style), key=key)
    if at.is_null(value):
        return _fill_null(text, mapping, key, value, [], edit, style)
    if value.id == "sequence":
        return _append_item(text, key, value, edit, style)
    raise EditError(t("'{key}' should be a list", key=dotted(edit.path)), *at.position(value))


def _item(node: Node, index: int, edit: Edit) -> Node:
    if node.id != "sequence" or not -len(node.value) <= index < len(node.value):
        raise EditError(t("'{key}' is not in the file", key=dotted(edit.path)))
    return node.value[index]


def _mapping(node: Node, path: KeyPath) -> Node:
    if node.id != "mapping":
        raise EditError(
            t("'{key}' should hold keys and values (key: value)", key=dotted(path) or "/"),
            *at.position(node),
        )
    return node


def _lines(keys: Sequence[str], edit: Edit, column: int, style: Style) -> list[str]:
    """New lines for ``keys[0]: {keys[1]: … the edit's value}``, the first at ``column``."""
    lines = []
    for key in keys[:-1]:
        lines.append(" " * column + key + ":")
        column += style.map_indent
    if isinstance(edit, SetValue):
        return [*lines, f"{' ' * column}{keys[-1]}: {render(edit.value)}"]
    assert isinstance(edit, Append)
    items = _item_lines(edit.item, column + style.seq_offset, style.item_offset)
    return [*lines, f"{' ' * column}{keys[-1]}:", *items]


def _item_lines(item: Scalar | Entries, dash: int, offset: int) -> list[str]:
    if not isinstance(item, tuple):
        return [f"{' ' * dash}- {render(item)}"]
    lines = []
    for n, (key, value) in enumerate(item):
        prefix = " " * dash + "-" + " " * (max(offset, 2) - 1) if n == 0 else " " * (dash + offset)
        lines.append(f"{prefix}{key}: {render(value)}")
    return lines


def _insert_entry(text: str, mapping: Node, keys: list[str], edit: Edit, style: Style) -> str:
    """Add ``keys[0]`` to ``mapping`` after the first ``edit.after`` key present, else last."""
    after = () if isinstance(edit, RenameKey) else edit.after
    anchor = next((e for a in after if (e := at.entry(mapping, a)) is not None), None)
    if mapping.flow_style:
        if not isinstance(edit, SetValue) or len(keys) != 1:
            raise EditError(_FLOW_MAPPING, *at.position(mapping))
        new = f"{keys[0]}: {render(edit.value, flow=True)}"
        if not mapping.value:
            return _splice(text, mapping.start_mark.index + 1, mapping.end_mark.index - 1, new)
        end = at.entry_end(text, *(anchor or mapping.value[-1]))
        return _splice(text, end, end, ", " + new)
    column = mapping.start_mark.column
    stop = at.next_line(text, at.entry_end(text, *(anchor or mapping.value[-1])))
    stop = at.past_deeper_comments(text, stop, column)
    return _insert_lines(text, stop, _lines(keys, edit, column, style))


def _fill_null(
    text: str, mapping: Node, key: Node, value: Node, keys: list[str], edit: Edit, style: Style
) -> str:
    """Write under a key whose value is null (``key:``, ``key: ~``), keeping its comment."""
    if mapping.flow_style:
        raise EditError(_FLOW_MAPPING, *at.position(mapping))
    column = key.start_mark.column
    if keys:
        lines = _lines(keys, edit, column + style.map_indent, style)
    else:
        assert isinstance(edit, Append)
        lines = _item_lines(edit.item, column + style.seq_offset, style.item_offset)
    return _open_below(text, key, value, lines)


def _open_below(text: str, key: Node, value: Node, lines: list[str]) -> str:
    """Drop the value written after ``key:`` (``~``, ``[]``) and put ``lines`` below it."""
    colon = at.colon(text, key)
    end = colon + 1 if at.is_empty(value) else value.end_mark.index
    if not _COMMENT_ONLY.fullmatch(text[end : at.line_end(text, end)]):
        raise EditError(
            t("unexpected text after the value of '{key}'", key=key.value), *at.position(key)
        )
    text = _insert_lines(text, at.next_line(text, end), lines)
    return _splice(text, colon + 1, end, "")


def _append_item(text: str, key: Node, seq: Node, edit: Append, style: Style) -> str:
    item = edit.item
    if seq.flow_style:
        if isinstance(item, tuple):
            if seq.value:
                raise EditError(
                    t(
                        "'{key}' is written on one line between brackets […]: write "
                        "its items as lines starting with '- ', then run the command "
                        "again",
                        key=key.value,
                    ),
                    *at.position(seq),
                )
            column = key.start_mark.column + style.seq_offset
            return _open_below(text, key, seq, _item_lines(item, column, style.item_offset))
        new = render(item, flow=True)
        if not seq.value:
            return _splice(text, seq.start_mark.index + 1, seq.end_mark.index - 1, new)
        end = at.end(text, seq.value[-1])
        return _splice(text, end, end, ", " + new)
    dash = seq.start_mark.column
    maps = [i for i in seq.value if i.id == "mapping" and not i.flow_style]
    offset = maps[0].start_mark.column - dash if maps else style.item_offset
    stop = at.past_deeper_comments(text, at.next_line(text, at.end(text, seq)), dash)
    return _insert_lines(text, stop, _item_lines(item, dash, offset))


def _replace(text: str, node: Node, edit: SetValue, *, flow: bool, key: Node | None = None) -> str:
    if node.id != "scalar":
        raise EditError(
            t("'{key}' holds a list or keys, not a single value", key=dotted(edit.path)),
            *at.position(node),
        )
    if at.is_empty(node):
        assert key is not None  # an empty list item is refused by at.end
        colon = at.colon(text, key)
        return _splice(text, colon + 1, colon + 1, " " + render(edit.value, flow=flow))
    start, end = node.start_mark.index, node.end_mark.index
    if text[start] in "!&*":
        raise EditError(
            t(
                "the value of '{key}' starts with a YAML tag or anchor (! or &): "
                "qnc cannot edit it; edit it by hand",
                key=dotted(edit.path),
            ),
            *at.position(node),
        )
    if node.style in ("|", ">"):
        stop = at.next_line(text, at.end(text, node))
        header = text[start : at.line_end(text, start)]
        comment = re.search(r"[ \t]+#.*", header)
        new = render(edit.value) + (comment.group(0) if comment else "")
        return _splice(text, start, stop, new + at.break_before(text, stop))
    prefer = node.style if node.style in ("'", '"') else None
    return _splice(text, start, end, render(edit.value, prefer=prefer, flow=flow))


def _insert_lines(text: str, where: int, lines: list[str]) -> str:
    """Insert whole lines at the line start ``where``, with the line break used there."""
    newline = at.break_before(text, where) or at.first_break(text)
    if where == len(text) and text and not at.break_before(text, where):  # no final newline
        return text + newline + newline.join(lines)
    return text[:where] + "".join(line + newline for line in lines) + text[where:]


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


_FLOW_MAPPING = t(
    "these keys are written on one line between braces {…}: write them as indented lines, "
    "then run the command again"
)
