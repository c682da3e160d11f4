"""The registry of diagnostic codes: the one list, enforced, and the README's table."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from qnc.codes import CODES, Severity
from qnc.diagnostics import Diagnostic, error, warning
from qnc.i18n import t
from tests.conftest import ROOT

SOURCE = ROOT / "src" / "qnc"
README = (ROOT / "README.md").read_text("utf-8")


def test_a_code_outside_the_registry_cannot_be_built() -> None:
    """An unknown code is a programming error, caught the first time it is built."""
    with pytest.raises(ValueError, match=r"not in qnc\.codes\.CODES"):
        error(Path("nc/NC-01.yaml"), ("id",), "code-inconnu", t("x"))


def test_a_code_at_another_level_cannot_be_built() -> None:
    """A code has one level: 'nom-fichier' is a warning, never an error."""
    assert CODES["nom-fichier"].severity is Severity.WARNING
    with pytest.raises(ValueError, match="nom-fichier"):
        error(Path("nc/NC-01.yaml"), ("id",), "nom-fichier", t("x"))
    with pytest.raises(ValueError, match="lecture"):
        Diagnostic(Path("nc"), 1, 1, Severity.WARNING, "lecture", t("x"))
    assert warning(Path("nc/NC-01.yaml"), ("id",), "nom-fichier", t("x")).code == "nom-fichier"


def test_every_code_is_used() -> None:
    """No dead entry: each code of the registry is written somewhere in the code."""
    text = "".join(
        path.read_text("utf-8") for path in SOURCE.rglob("*.py") if path.name != "codes.py"
    )
    assert [code for code in CODES if f'"{code}"' not in text] == []


def test_codes_are_lower_case_french_words() -> None:
    """Codes are stable identifiers: ASCII, lower case, words joined by '-'."""
    assert [c for c in CODES if not re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", c)] == []


def test_readme_lists_every_code() -> None:
    """The README's table of codes is the registry's (python scripts/codes.py prints it)."""
    table = runpy.run_path(str(ROOT / "scripts" / "codes.py"))["codes_table"]()
    start, end = "<!-- codes: début -->\n", "<!-- codes: fin -->"
    assert start in README and end in README
    assert README.split(start, 1)[1].split(end, 1)[0] == "\n" + table + "\n"
