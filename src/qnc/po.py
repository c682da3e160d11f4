"""The .po catalog format (GNU gettext) as qnc writes it: the whole catalog parsed, or
one entry found in the text without parsing the rest (:class:`qnc.i18n.Catalog`)."""

from __future__ import annotations

import re


def find_entry(text: str, key: str) -> str | None:
    """The translation of ``key`` (``msgid``, or ``msgid\\0msgid_plural``) in the .po
    ``text``, found without parsing the rest; None when it has none (as
    :func:`parse_po` would say)."""
    msgid, _, plural = key.partition("\0")
    head = f'\nmsgid "{_escape(msgid)}"\n'
    if plural:
        head += f'msgid_plural "{_escape(plural)}"\n'
    at = text.find(head)
    if at < 0:
        return None
    start = text.rfind("\n\n", 0, at + 1)
    end = text.find("\n\n", at + 1)
    entry = _entry(text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)])
    return entry[1] if entry is not None and entry[0] == key else None


def parse_po(text: str) -> dict[str, str]:
    """Entries of a .po catalog as ``{msgid: msgstr}``; plural forms joined by NUL.

    Fuzzy and empty translations are skipped, as msgfmt does. Most entries are one
    ``msgid`` line and one ``msgstr`` line: those are read with one pattern, the others
    (plurals, continued strings, the header) line by line.
    """
    entries: dict[str, str] = {}
    others = []
    for block in text.split("\n\n"):
        simple = _SIMPLE_ENTRY.fullmatch(block)
        if simple is None or "fuzzy" in block:
            others.append(block)
            continue
        msgid, msgstr = simple.groups()
        entries[_unescape(msgid)] = _unescape(msgstr)
    for block in others:
        entry = _entry(block)
        if entry is not None:
            entries[entry[0]] = entry[1]
    return entries


_SIMPLE_ENTRY = re.compile(r'(?:#.*\n)*msgid "(.*)"\nmsgstr "(.+)"\n*')


def _entry(block: str) -> tuple[str, str] | None:
    """The msgid and msgstr of one entry of any form; None for a fuzzy, untranslated or
    comment-only block."""
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    fuzzy = False
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"orphan string in catalog: {line}")
            current.append(_unquote(line))
            continue
        keyword, _, rest = line.partition(" ")
        current = fields.setdefault(keyword, [])
        current.append(_unquote(rest))
    if "msgid" not in fields or fuzzy:
        return None
    msgid = "".join(fields["msgid"])
    if "msgid_plural" in fields:
        msgid += "\0" + "".join(fields["msgid_plural"])
        forms = sorted(k for k in fields if k.startswith("msgstr["))
        msgstr = "\0".join("".join(fields[k]) for k in forms)
    else:
        msgstr = "".join(fields.get("msgstr", []))
    return (msgid, msgstr) if msgstr.strip("\0") or not msgid else None


_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", '"': '"', "\\": "\\"}
"""``\\b`` marks, in a help text, a paragraph Click must not rewrap (an example)."""
_ESCAPE = re.compile(r"\\(.)")


def _escape(text: str) -> str:
    """``text`` as the inside of a .po string literal (the inverse of :func:`_unescape`)."""
    for char, escaped in _WRITTEN:
        text = text.replace(char, escaped)
    return text


_WRITTEN = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t"), ("\b", "\\b"))


def _unquote(literal: str) -> str:
    """The text of a .po string literal such as ``"a \\"b\\"\\n"``."""
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"not a catalog string: {literal}")
    return _unescape(literal[1:-1])


def _unescape(body: str) -> str:
    """The text of the inside of a .po string literal: escapes read."""
    if "\\" not in body:
        return body
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), body)
