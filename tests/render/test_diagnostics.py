"""Diagnostics as compiler-style text, JSON and GitHub annotations; the closing summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import t, translator
from qnc.render.diagnostics import as_github, as_json, as_text, summary, visible

FR, EN = translator("fr"), translator("en")
NOT_A_DATE = "'{value}' is not a date that exists in the calendar"
NC_DIR = Path("audits/littoral/nc")


def bad_date(value: str, path: Path = NC_DIR / "NC-2.yaml") -> Diagnostic:
    return Diagnostic(path, 5, 12, Severity.ERROR, "date-invalide", t(NOT_A_DATE, value=value))


def misnamed(path: Path = NC_DIR / "NC 1.yaml") -> Diagnostic:
    message = t("the file should be named after its id: {expected}", expected="NC-1.yaml")
    return Diagnostic(path, 1, 5, Severity.WARNING, "nom-fichier", message)


def test_text_in_both_languages() -> None:
    """path:line:col: level: message [code], one line each, in the language asked."""
    found = [bad_date("2026-02-30"), misnamed()]
    assert as_text(found, FR) == (
        "audits/littoral/nc/NC-2.yaml:5:12: erreur: « 2026-02-30 » n'est pas une date du "
        "calendrier [date-invalide]\n"
        "audits/littoral/nc/NC 1.yaml:1:5: avertissement: le fichier devrait porter le nom de "
        "son identifiant : NC-1.yaml [nom-fichier]\n"
    )
    assert as_text(found, EN) == (
        "audits/littoral/nc/NC-2.yaml:5:12: error: '2026-02-30' is not a date that exists in "
        "the calendar [date-invalide]\n"
        "audits/littoral/nc/NC 1.yaml:1:5: warning: the file should be named after its id: "
        "NC-1.yaml [nom-fichier]\n"
    )
    assert as_text([], FR) == ""


def test_text_shows_control_characters_escaped() -> None:
    """An escape sequence or a bidi override in a path or a message is shown, not obeyed."""
    found = [bad_date("x\n\x1b[31m\u202e", path=Path("a/\x1bb.yaml"))]
    assert as_text(found, EN) == (
        "a/\\x1bb.yaml:5:12: error: 'x\\x0a\\x1b[31m\\u202e' is not a date that exists in the "
        "calendar [date-invalide]\n"
    )


def test_json() -> None:
    """Counts and every diagnostic with French keys; the message in the language asked."""
    payload = json.loads(as_json([bad_date("2026-02-30"), misnamed()], EN, files=3))
    assert payload == {
        "fichiers": 3,
        "erreurs": 1,
        "avertissements": 1,
        "diagnostics": [
            {
                "chemin": "audits/littoral/nc/NC-2.yaml",
                "ligne": 5,
                "colonne": 12,
                "niveau": "erreur",
                "code": "date-invalide",
                "message": "'2026-02-30' is not a date that exists in the calendar",
            },
            {
                "chemin": "audits/littoral/nc/NC 1.yaml",
                "ligne": 1,
                "colonne": 5,
                "niveau": "avertissement",
                "code": "nom-fichier",
                "message": "the file should be named after its id: NC-1.yaml",
            },
        ],
    }


def test_github_paths_from_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With GITHUB_WORKSPACE, paths start at the repository even from a sub-folder."""
    (tmp_path / "audits").mkdir()
    monkeypatch.chdir(tmp_path / "audits")  # a step run in a sub-folder of the repository
    nc_dir = tmp_path / NC_DIR
    found = [bad_date("2026-02-30", path=nc_dir / "NC-2.yaml"), misnamed(nc_dir / "NC 1.yaml")]
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert as_github(found, FR) == (
        "::error file=audits/littoral/nc/NC-2.yaml,line=5,col=12,title=qnc [date-invalide]::"
        "« 2026-02-30 » n'est pas une date du calendrier\n"
        "::warning file=audits/littoral/nc/NC 1.yaml,line=1,col=5,title=qnc [nom-fichier]::"
        "le fichier devrait porter le nom de son identifiant : NC-1.yaml\n"
    )
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert as_github(found[:1], FR) == (
        "::error file=littoral/nc/NC-2.yaml,line=5,col=12,title=qnc [date-invalide]::"
        "« 2026-02-30 » n'est pas une date du calendrier\n"
    )


def test_github_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Properties escape ':' and ','; data escapes '%' and line breaks; controls are shown."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    found = [bad_date("50%\nligne\r\x1b[31m", path=Path("a:b,c/\x1bx.yaml"))]
    assert as_github(found, FR) == (
        "::error file=a%3Ab%2Cc/\\x1bx.yaml,line=5,col=12,title=qnc [date-invalide]::"
        "« 50%25%0Aligne%0D\\x1b[31m » n'est pas une date du calendrier\n"
    )


@pytest.mark.parametrize(
    ("errors", "warnings", "files", "french", "english"),
    [
        (0, 0, 1, "1 fichier vérifié : aucun problème.", "1 file checked: no problem."),
        (0, 0, 2, "2 fichiers vérifiés : aucun problème.", "2 files checked: no problem."),
        (
            1, 0, 1,
            "1 fichier vérifié : 1 erreur, 0 avertissement.",
            "1 file checked: 1 error, 0 warnings.",
        ),
        (
            2, 1, 3,
            "3 fichiers vérifiés : 2 erreurs, 1 avertissement.",
            "3 files checked: 2 errors, 1 warning.",
        ),
        (
            0, 2, 2,
            "2 fichiers vérifiés : 0 erreur, 2 avertissements.",
            "2 files checked: 0 errors, 2 warnings.",
        ),
    ],
)  # fmt: skip
def test_summary(errors: int, warnings: int, files: int, french: str, english: str) -> None:
    """Files checked, then errors and warnings with French and English plurals."""
    found = [bad_date("x")] * errors + [misnamed()] * warnings
    assert (summary(found, FR, files), summary(found, EN, files)) == (
        french + "\n",
        english + "\n",
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain é « » text", "plain é « » text"),
        ("a\x00b\tc\nd", "a\\x00b\\x09c\\x0ad"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x7f\x85\x9f", "\\x7f\\x85\\x9f"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\u202aa\u202eb\u2066c\u2069", "\\u202aa\\u202eb\\u2066c\\u2069"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    """C0 and C1 controls, line separators and bidi overrides become Python escapes."""
    assert visible(text) == shown
