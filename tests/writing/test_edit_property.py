"""Property test: random NC files in random layouts, a random edit: the data read back
is what the edit means, and the only lines that change are the fact's, in one hunk.

``QNC_EXAMPLES=5000 pytest tests/writing/test_edit_property.py`` for a long run.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from qnc.reading.document import parse_yaml
from qnc.writing.edit import apply_edits, unified_diff
from qnc.writing.edits import Append, Edit, Match, RenameKey, SetValue

D = dt.date
BOM = "\ufeff"


def apply(text: str, edits: list[Edit]) -> str:
    return apply_edits(text.encode("utf-8"), edits, Path("NC-01.yaml")).decode("utf-8")


def _load(text: str) -> Any:
    return parse_yaml(text.encode("utf-8"), Path("NC-01.yaml")).data


def _as_read(value: Any) -> Any:
    """Plain data as qnc reads it: dates are text."""
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


WORDS = st.lists(
    st.text(alphabet="abcdeéèàçôÉ", min_size=1, max_size=5), min_size=1, max_size=3
).map(" ".join)
FREE_TEXT = st.text(alphabet="aéà :#'\"-,[]{}!&*%@`\\\n\t«»0123456789", min_size=0, max_size=15)
DATES = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@dataclass
class Doc:
    text: str
    data: dict[str, Any]
    newline: str


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    """A small NC file in a random layout, with comments and blank lines in odd places."""
    ind = draw(st.sampled_from([2, 4]))
    seq = draw(st.sampled_from([0, ind]))
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    data: dict[str, Any] = {"id": "NC-01"}
    # (line, a comment may go beside it, comment lines may follow up to this indent)
    lines: list[tuple[str, bool, int]] = [("id: NC-01", True, 9)]

    def scalar_line(col: int, key: str, value: Any) -> None:
        if isinstance(value, str) and draw(st.booleans()):
            text = "'" + value.replace("'", "''") + "'"
        else:
            text = value.isoformat() if isinstance(value, dt.date) else str(value)
        lines.append((f"{' ' * col}{key}: {text}", True, 9))

    if draw(st.booleans()):
        data["indicateur"] = draw(st.integers(1, 32))
        scalar_line(0, "indicateur", data["indicateur"])
    data["gravite"] = draw(WORDS)
    scalar_line(0, "gravite", data["gravite"])
    if draw(st.booleans()):
        words = draw(st.lists(WORDS, min_size=1, max_size=3))
        lines.append(("constat: |", True, 0))
        lines.extend((f"{' ' * ind}{w}", False, 0) for w in words[:-1])
        lines.append((f"{' ' * ind}{words[-1]}", False, ind))  # deeper would be content
        data["constat"] = "\n".join(words) + "\n"
    shape = draw(st.sampled_from(["absent", "block", "block", "flow", "null"]))
    if shape == "flow":
        data["actions"] = []
        lines.append(("actions: []", True, 9))
    elif shape == "null":
        data["actions"] = None
        lines.append(("actions:", True, 9))
    elif shape == "block":
        data["actions"] = []
        lines.append(("actions:", True, 9))
        for n in range(draw(st.integers(1, 3))):
            dash, col = " " * seq, seq + 2
            item: dict[str, Any] = {"id": f"A{n + 1}", "echeance": draw(DATES)}
            lines.append((f"{dash}- id: A{n + 1}", True, 9))
            scalar_line(col, "echeance", item["echeance"])
            if draw(st.booleans()):
                item["fait_le"] = draw(DATES)
                scalar_line(col, "fait_le", item["fait_le"])
            proofs = draw(st.sampled_from(["none", "block", "flow"]))
            if proofs != "none":
                item["preuves"] = draw(st.lists(WORDS, min_size=1, max_size=2))
                if proofs == "flow":
                    flow = f"{' ' * col}preuves: [{', '.join(item['preuves'])}]"
                    lines.append((flow, True, 9))
                else:
                    lines.append((f"{' ' * col}preuves:", True, 9))
                    for proof in item["preuves"]:
                        lines.append((f"{' ' * (col + seq)}- {proof}", True, 9))
            data["actions"].append(item)
    if draw(st.booleans()):
        data["plan_envoye_le"] = draw(DATES)
        scalar_line(0, "plan_envoye_le", data["plan_envoye_le"])
    if draw(st.booleans()):
        data["efficacite"] = {"verifiee_le": draw(DATES)}
        lines.append(("efficacite:", True, 9))
        scalar_line(ind, "verifiee_le", data["efficacite"]["verifiee_le"])
    out: list[str] = []
    if draw(st.booleans()):
        out.append("# en-tête : fichier suivi à la main")
    for line, beside, below in lines:
        if beside and draw(st.booleans()):
            line += " " * draw(st.integers(1, 3)) + "# à côté"
        out.append(line)
        while below and draw(st.integers(0, 3)) == 0:
            extra = draw(st.sampled_from(["", "# note", "#"]))
            out.append(" " * draw(st.integers(0, below - 1)) * bool(extra) + extra)
    # A `|` scalar that ends the file without a newline has no final "\n" (its own test).
    ends_in_block = "constat" in data and list(data)[-1] == "constat" and out[-1] == lines[-1][0]
    text = nl.join(out) + (nl if ends_in_block or draw(st.booleans()) else "")
    if draw(st.booleans()):
        text = BOM + text
    return Doc(text, data, nl)


@st.composite
def operations(draw: st.DrawFn, doc: Doc) -> tuple[Edit, dict[str, Any], tuple[int, int]]:
    """An edit, the data it must give, and the (removed, added) lines of its one hunk."""
    data = copy.deepcopy(doc.data)
    actions = data.get("actions") or []
    kinds = ["top_new", "top_replace", "rename", "nested", "add_action"]
    kinds += ["item_key", "append_proof"] * 3 if actions else []
    kind = draw(st.sampled_from(kinds))
    event(kind)
    value: Any = draw(st.one_of(DATES, FREE_TEXT, st.integers(0, 99)))
    if kind == "top_new":
        key = draw(st.sampled_from(["preuves_envoyees_le", "levee_le", "origine"]))
        after = tuple(draw(st.lists(st.sampled_from(list(data)), max_size=2)))
        _put(data, key, value, after)
        return SetValue((key,), value, after), data, (0, 1)
    if kind == "top_replace":
        key = draw(
            st.sampled_from(["id", "gravite", *[k for k in ["plan_envoye_le"] if k in data]])
        )
        data[key] = value
        return SetValue((key,), value), data, (1, 1)
    if kind == "rename":
        key = draw(st.sampled_from(list(data)))
        renamed = {("nouvelle_cle" if k == key else k): v for k, v in data.items()}
        return RenameKey((key,), "nouvelle_cle"), renamed, (1, 1)
    if kind == "nested":
        if "efficacite" in data:
            data["efficacite"]["resultat"] = value
            return SetValue(("efficacite", "resultat"), value), data, (0, 1)
        _put(data, "efficacite", {"resultat": value}, ("plan_envoye_le",))
        return SetValue(("efficacite", "resultat"), value, ("plan_envoye_le",)), data, (0, 2)
    if kind == "add_action":
        entries = (("id", "A9"), ("description", value), ("echeance", draw(DATES)))
        item = dict(entries)
        if "actions" not in data:
            _put(data, "actions", [item], ("gravite",))
            return Append(("actions",), entries, ("gravite",)), data, (0, 4)
        if not data["actions"]:  # `actions: []` becomes `actions:`, `actions:` stays
            hunk = (0, 3) if data["actions"] is None else (1, 4)
            data["actions"] = [item]
            return Append(("actions",), entries), data, hunk
        data["actions"].append(item)
        return Append(("actions",), entries), data, (0, 3)
    index = draw(st.integers(0, len(actions) - 1))
    action = actions[index]
    if kind == "item_key":
        replacing = "fait_le" in action
        _put(action, "fait_le", value, ("echeance",))
        edit = SetValue(("actions", Match("id", action["id"]), "fait_le"), value, ("echeance",))
        return edit, data, (1, 1) if replacing else (0, 1)
    proof = draw(FREE_TEXT)
    shape = (
        "absent" if "preuves" not in action else "flow" if "[" in _line_of(doc, action) else "block"
    )
    action.setdefault("preuves", []).append(proof)
    hunk = {"absent": (0, 2), "flow": (1, 1), "block": (0, 1)}[shape]
    return Append(("actions", index, "preuves"), proof), data, hunk


def _line_of(doc: Doc, action: dict[str, Any]) -> str:
    """The `preuves:` line of ``action`` in ``doc`` (ids are unique)."""
    lines = doc.text.split(doc.newline)
    start = next(i for i, line in enumerate(lines) if f"- id: {action['id']}" in line)
    return next(line for line in lines[start:] if "preuves:" in line)


def _put(mapping: dict[str, Any], key: str, value: Any, after: tuple[str, ...]) -> None:
    if key in mapping:
        mapping[key] = value
        return
    anchor = next((a for a in after if a in mapping), None)
    items = list(mapping.items())
    at = len(items) if anchor is None else list(mapping).index(anchor) + 1
    items.insert(at, (key, value))
    mapping.clear()
    mapping.update(items)


def _strict(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_strict(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_strict(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@settings(
    max_examples=int(os.environ.get("QNC_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(st.data())
def test_property_only_the_facts_lines_change(data: st.DataObject) -> None:
    """Any edit of any layout: the data meant, one hunk of the expected size, the rest
    identical, BOM, line breaks and final newline kept."""
    doc = data.draw(documents())
    assert _strict(_load(doc.text), _as_read(doc.data))  # generator sanity
    edit, expected, (removed, added) = data.draw(operations(doc))
    after = apply(doc.text, [edit])
    assert _strict(_load(after), _as_read(expected))
    assert after.startswith(BOM) == doc.text.startswith(BOM)
    assert after.endswith(doc.newline) == doc.text.endswith(doc.newline)
    assert ("\r\n" in after) == (doc.newline == "\r\n") and "\\u" not in after
    if after.count("\n") > 0 and doc.newline == "\r\n":
        assert after.count("\n") == after.count("\r\n")  # no bare LF added to a CRLF file
    old = (doc.text + doc.newline).splitlines(keepends=True)  # no final EOL: same diff
    new = (after + doc.newline).splitlines(keepends=True)
    changes = [
        op
        for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if not changes:  # a value replaced by itself
        assert after == doc.text and (removed, added) == (1, 1)
        return
    i1, i2 = min(op[1] for op in changes), max(op[2] for op in changes)
    j1, j2 = min(op[3] for op in changes), max(op[4] for op in changes)
    assert (i2 - i1, j2 - j1) == (removed, added), unified_diff(
        doc.text.encode(), after.encode(), "f"
    )
    assert old[:i1] == new[:j1] and old[i2:] == new[j2:]
