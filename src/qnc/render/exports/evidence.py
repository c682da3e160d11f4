"""The lines ``qnc empreinte`` prints: evidence items to paste under ``preuves:``."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

# A path YAML reads as plain text: no quote, comment, flow or indicator character.
_PLAIN = re.compile(r"[\w./()+]([\w ./()+,-]*[\w./()+,-])?")


def evidence_items(items: Sequence[tuple[str, str]]) -> str:
    """``- chemin: …`` / ``  empreinte: sha256:…`` for each (path, fingerprint)."""
    return "".join(
        f"- chemin: {_scalar(path)}\n  empreinte: {fingerprint}\n" for path, fingerprint in items
    )


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when it reads back as itself, else double-quoted
    (JSON's escapes are YAML's)."""
    if _PLAIN.fullmatch(text) and not text[0].isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)
