"""Markdown building blocks that keep user text literal (GitHub, GitLab, pandoc)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#{}$])")
# A line starting with '-', '+' or '=' can be a list item, a thematic break ('---') or
# the underline that turns the line above into a heading ('===', '---'), whatever follows.
_LINE_START = re.compile(r"^([-+=])")
_NUMBERED = re.compile(r"^(\d+)([.)])(\s|$)")


def escape(text: str) -> str:
    """``text`` shown as is: Markdown, HTML and table pipes become plain characters."""
    escaped = text.replace("&", "&amp;")
    if _SPECIAL.search(escaped):  # most texts hold none: the search alone is cheaper
        escaped = _SPECIAL.sub(r"\\\1", escaped)
    # Leading blanks go: after a blank line they would start a code block.
    lines = (_line(line.lstrip()) for line in escaped.split("\n"))
    return "\n".join(lines)


def _line(line: str) -> str:
    if not line or not (line[0] in "-+=" or line[0].isdigit()):
        return line
    return _NUMBERED.sub(r"\1\\\2\3", _LINE_START.sub(r"\\\1", line))


def cell(text: str) -> str:
    """Escaped text that fits on one table row: line breaks become spaces."""
    return escape(" ".join(text.split()))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; cells must already be escaped with :func:`cell`."""
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(lines) + "\n"


def paragraphs(text: str) -> str:
    """Multi-line user text as paragraphs: blank lines separate them, other breaks flow."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join("\n".join(escape(line.strip()) for line in b.splitlines()) for b in blocks)


def link(label: str, target: str) -> str:
    return f"[{cell(label)}](<{target.replace('>', '%3E').replace(' ', '%20')}>)"
