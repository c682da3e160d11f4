"""Typography for documents: in French, no-break spaces before ; : ! ? and inside « »;
in both languages, typographic apostrophes."""

from __future__ import annotations

import re

NBSP = "\u00a0"
"""The space Word's own French AutoFormat types before ; : ! ? and inside « »."""
NNBSP = "\u202f"
"""The thin no-break space the Imprimerie nationale prefers before ; ! ? (not used by default)."""

# Any run of blanks a user or a catalog may have typed (a tab, a plain, no-break or thin
# space), but never a line break: a sign at the start of a line is left where it is.
_BLANKS = "[ \t\u00a0\u202f\u2009\u2007]"
_BEFORE_SIGN = re.compile(rf"(?<=\S){_BLANKS}+([;:!?])")
_AFTER_OPEN = re.compile(rf"«{_BLANKS}*(?=\S)")
_BEFORE_CLOSE = re.compile(rf"(?<=[^\s«]){_BLANKS}*»")


def french_typography(text: str, *, high: str = NBSP, low: str = NBSP) -> str:
    """``text`` with the spaces French expects made non-breaking.

    A space already typed before ``; ! ?`` becomes ``high``, before ``:`` becomes ``low``;
    none is added there, so ``https://…``, ``10:30`` or ``C:\\`` stay as they are. Inside
    « » a space is always wanted, so one is added when missing. Idempotent.
    """
    text = _AFTER_OPEN.sub("«" + low, text)
    text = _BEFORE_CLOSE.sub(low + "»", text)
    return _BEFORE_SIGN.sub(lambda m: (low if m[1] == ":" else high) + m[1], text)


# A straight quote opens after a blank or a bracket, before a sign; every other one is an
# apostrophe (l'offre) or a closing quote, both written ’.
_OPENING_QUOTE = re.compile(r"(?<![^\s(\[«])'(?=\S)")


def apostrophes(text: str) -> str:
    """``text`` with the typographic apostrophe ’ (and ‘ opening a quote) Word's
    AutoFormat would type. Idempotent."""
    return _OPENING_QUOTE.sub("\u2018", text).replace("'", "\u2019")
