"""Print the README's table of diagnostic codes, from ``qnc.codes.CODES``.

Usage: ``python scripts/codes.py``; paste the output between the ``codes`` markers of
README.md (``tests/test_codes.py`` fails while the two differ).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from qnc.codes import CODES, Severity
from qnc.i18n import translator

_LEVELS = {Severity.ERROR: "erreur", Severity.WARNING: "avertissement"}


def codes_table() -> str:
    """The codes as a Markdown table, in French, in the order of the registry."""
    tr = translator("fr")
    rows = [f"| `{code}` | {_LEVELS[c.severity]} | {tr(c.meaning)} |" for code, c in CODES.items()]
    return "\n".join(["| code | niveau | signification |", "|---|---|---|", *rows]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(codes_table())
