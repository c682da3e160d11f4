"""What an edit must mean: the same edit applied to the plain data of the file.

The text is changed by splicing (:mod:`qnc.writing.splice`); the data read back from
the new text must equal the data worked out here, or nothing is written.
"""

from __future__ import annotations

from typing import Any

from qnc.i18n import t
from qnc.writing.edits import Append, Edit, EditError, KeyPath, Match, RenameKey, SetValue, Step
from qnc.writing.scalars import as_read, same


def concrete(edit: Edit, data: Any) -> Edit:
    """``edit`` with each :class:`Match` replaced by the index of the one item it selects."""
    steps: list[Step] = []
    node = data
    for step in edit.path:
        if isinstance(step, Match):
            items = node if isinstance(node, list) else []
            hits = [
                i
                for i, item in enumerate(items)
                if isinstance(item, dict) and same(item.get(step.key), as_read(step.value))
            ]
            if len(hits) != 1:
                message = (
                    t(
                        "no item of '{list}' has {key}: {value}",
                        list=_name(steps),
                        key=step.key,
                        value=str(step.value),
                    )
                    if not hits
                    else t(
                        "several items of '{list}' have {key}: {value}",
                        list=_name(steps),
                        key=step.key,
                        value=str(step.value),
                    )
                )
                raise EditError(message)
            step = hits[0]
        steps.append(step)
        node = _child(node, step)
    path: KeyPath = tuple(steps)
    if isinstance(edit, SetValue):
        return SetValue(path, edit.value, edit.after)
    if isinstance(edit, Append):
        return Append(path, edit.item, edit.after)
    return RenameKey(path, edit.new)


def _name(steps: list[Step]) -> str:
    return str(steps[-1]) if steps else ""


def _child(node: Any, step: Step) -> Any:
    if isinstance(step, int):
        return node[step] if isinstance(node, list) and -len(node) <= step < len(node) else None
    return node.get(step) if isinstance(node, dict) else None


def apply_to_data(data: Any, edit: Edit) -> None:
    """Apply a concrete ``edit`` to plain ``data`` in place."""
    *parents, last = edit.path
    node = data
    after = () if isinstance(edit, RenameKey) else edit.after
    for step in parents:
        if isinstance(step, int):
            node = node[step]
            continue
        if node.get(step) is None:
            put(node, str(step), {}, after if step not in node else ())
        node = node[step]
    if isinstance(last, int):  # a list item replaced
        assert isinstance(edit, SetValue)
        node[last] = as_read(edit.value)
    elif isinstance(edit, SetValue):
        put(node, str(last), as_read(edit.value), edit.after)
    elif isinstance(edit, Append):
        item = (
            as_read(edit.item)
            if not isinstance(edit.item, tuple)
            else {k: as_read(v) for k, v in edit.item}
        )
        if node.get(last) is None:
            put(node, str(last), [item], edit.after)
        else:
            node[last].append(item)
    else:
        items = [(edit.new if k == last else k, v) for k, v in node.items()]
        node.clear()
        node.update(items)


def put(mapping: dict[str, Any], key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set ``key``; a new key goes after the first of ``after`` present, else last."""
    if key in mapping:
        mapping[key] = value
        return
    items = list(mapping.items())
    anchor = next((a for a in after if a in mapping), None)
    at = len(items) if anchor is None else list(mapping).index(anchor) + 1
    items.insert(at, (key, value))
    mapping.clear()
    mapping.update(items)


def difference(a: Any, b: Any) -> list[str | int]:
    """The key path of the first place where ``a`` and ``b`` differ (``[]``: the top)."""
    if isinstance(a, dict) and isinstance(b, dict) and list(a) == list(b):
        key = next(k for k in a if not same(a[k], b[k]))
        return [key, *difference(a[key], b[key])]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        index = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if not same(x, y))
        return [index, *difference(a[index], b[index])]
    return []
