"""Values as YAML text: plain when qnc reads them back unchanged, quoted otherwise.

Accents are written as they are, never as ``\\u`` escapes; a text that would read as
a date, a number or a boolean is quoted so that it stays a text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from qnc.reading.document import YamlError, parse_yaml
from qnc.writing.edits import Value

_HERE = Path("<value>")


def render(value: Value, *, prefer: str | None = None, flow: bool = False) -> str:
    """The YAML text of ``value`` (a list of texts is written ``[a, b]``).

    ``prefer`` (``'`` or ``"``) keeps the quoting of the value being replaced; ``flow``
    says the text goes inside ``[…]`` or ``{…}``, where ``,`` and brackets end a value.
    """
    if isinstance(value, tuple):
        return "[" + ", ".join(render(item, flow=True) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    single = "'" + value.replace("'", "''") + "'"
    double = _double(value)
    first = {"'": [single], '"': [double]}.get(prefer or "", [])
    # French text is full of apostrophes: "l'équipe" reads better than 'l''équipe'.
    quoted = [double, single] if "'" in value and "\\" not in double else [single, double]
    # ruamel's C parser reads a tab inside a plain value, its pure-Python one refuses it.
    plain = [value] if "\t" not in value else []
    for text in [*first, *plain, *quoted]:
        if reads_back(text, value, flow=flow):
            return text
    raise AssertionError(f"no YAML text for {value!r}")  # double quotes escape everything


def as_read(value: Value | date) -> Any:
    """``value`` as qnc's reader gives it back: dates stay text (qnc checks them)."""
    if isinstance(value, tuple):
        return [as_read(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def reads_back(text: str, value: str, *, flow: bool = False) -> bool:
    """Whether qnc reads the YAML ``text`` as exactly ``value``, where it will stand."""
    documents = {f"[{text}]": [value], f"{{k: {text}}}": {"k": value}} if flow else {}
    documents[f"k: {text}\n"] = {"k": value}
    for document, expected in documents.items():
        try:
            data = parse_yaml(document.encode("utf-8"), _HERE).data
        except YamlError:
            return False
        if not same(data, expected):
            return False
    return True


def same(a: Any, b: Any) -> bool:
    """Equal data, types (``True`` is not ``1``) and key order included."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _double(value: str) -> str:
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
