"""YAML scalars to Python values, as the YAML 1.2 core schema says (no ruamel here).

Dates stay text: qnc checks them itself, to explain what is wrong with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

PLAIN = "tag:qnc:plain"
"""The tag our loader gives a plain (unquoted, untagged) scalar, resolved here."""

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# The YAML 1.2 patterns of ruamel's resolver (ruamel/yaml/resolver.py), so that both
# paths read a file alike; tests/test_yamlio_paths.py compares them.
_INT = re.compile(r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
    r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN)"
)


def plain_value(text: str) -> Any:
    """The value of an unquoted scalar: null, boolean, number, or else the text itself."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _FLOAT.fullmatch(text):
        return _float(text)
    if _INT.fullmatch(text):
        return _int(text)
    return text


def _int(text: str) -> int | str:
    digits = text.lstrip("+-")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return text  # 0123…: an identifier (NDA, SIRET), whose leading zero must stay
    try:
        return int(text.replace("_", ""), 0)
    except ValueError:
        return text


def _float(text: str) -> float | str:
    special = {".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}
    try:
        return float(special.get(text.lower(), text.replace("_", "")))
    except ValueError:
        return text


TAGGED: dict[str, Callable[[str], Any]] = {
    "str": str,
    "timestamp": str,
    "int": _int,
    "float": _float,
    "bool": lambda text: text.lower() == "true",
    "null": lambda text: None,
    "merge": str,  # a !!merge value is text; a "<<" key is refused by qnc.reading.parsing.nodes
    "value": str,
}
"""Values of scalars with an explicit core tag (``!!str 12``), by tag name."""
