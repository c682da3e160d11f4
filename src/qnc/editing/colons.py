"""``qnc check --fix``: a text written after its key with a ': ' inside
(``constat: Le livret : absent``) is not YAML; put in quotes, it is the text meant.

Only a one-line text of a key that holds free text is quoted, when what comes before
its ': ' is not a key of qnc's files (else the line may be a key that lost its
indentation, which a person must place)."""

from __future__ import annotations

import re
from pathlib import Path

from qnc.i18n import Msg, t
from qnc.reading.document import YamlError, parse_yaml

TEXT_KEYS = frozenset({
    "nom", "contact", "auditeur", "fonction", "lieu", "constat", "exigence",
    "analyse_causes", "correction", "description", "responsable", "preuve_attendue",
    "methode", "resultat",
})  # fmt: skip
"""The keys whose value is free text, where a ': ' is part of the sentence."""
_LINE = re.compile(
    r"(?P<lead>\ufeff?(?P<indent> *)(?:- +)?)(?P<key>[a-z_]+):(?P<gap> +)"
    r"(?P<value>[^-'\"|>\[{&*!%@`#?,\s].*?) *(?P<eol>\r?\n)?\Z",
    re.DOTALL,
)
_WORD_KEY = re.compile(r"[a-z_]+\Z")


def quote_colon(raw: bytes, path: Path, error: YamlError) -> tuple[bytes, int, int, Msg] | None:
    """``raw`` with the line of ``error`` quoted, its 1-based line and column and what
    was done; ``None`` unless quoting is the one right answer."""
    first = error.diagnostics[0] if error.diagnostics else None
    if first is None or not first.message.text.startswith("a ':' is not allowed here"):
        return None
    number = first.line
    lines = raw.splitlines(keepends=True)
    if not 1 <= number <= len(lines):
        return None
    try:
        line = lines[number - 1].decode("utf-8")
    except UnicodeDecodeError:
        return None
    found = _LINE.match(line)
    if found is None or found["key"] not in TEXT_KEYS:
        return None
    value = found["value"]
    before, colon, _ = value.partition(": ")
    if not colon or " #" in value or value.endswith(":") or _WORD_KEY.match(before.strip()):
        return None
    column = len(found["lead"].lstrip("\ufeff"))
    if _continued(lines[number:], column):
        return None
    quoted = _quoted(value)
    try:
        same = parse_yaml(f"k: {quoted}\n".encode(), path).data == {"k": value}
    except YamlError:
        same = False
    if not same:
        return None  # never write a value that would read back otherwise
    new = f"{found['lead']}{found['key']}:{found['gap']}{quoted}{found['eol'] or ''}"
    lines[number - 1] = new.encode("utf-8")
    column += len(found["key"]) + len(found["gap"]) + 2
    message = t("fixed: {key}: the text is put in quotes, as it holds ': '", key=found["key"])
    return b"".join(lines), number, column, message


def _continued(rest: list[bytes], column: int) -> bool:
    """Whether the next line that is not blank is indented under the key (at 0-based
    ``column``): a text on several lines, which quoting one line would break."""
    for line in rest:
        text = line.rstrip(b"\r\n")
        if text.strip() and not text.lstrip().startswith(b"#"):
            return len(text) - len(text.lstrip(b" ")) > column
    return False


def _quoted(value: str) -> str:
    """Double quotes, which French apostrophes need no escape in; single quotes when the
    text holds a double quote or a backslash."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
