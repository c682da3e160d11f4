"""`qnc empreinte`: fingerprints printed as lines to paste, which qnc check then verifies."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest

from qnc.reading.document import parse_yaml


def sha256(line: bytes) -> str:
    return hashlib.sha256(line + b"\n").hexdigest()


ACTION = "actions:\n  - id: A1\n    responsable: Marie Dupont\n    echeance: 2026-04-15\n"


def test_prints_items_relative_to_the_audit_folder(run_main, write_audit) -> None:
    """Each file gives a 'chemin' from its audit folder and its sha256, ready to paste."""
    folder = write_audit(files={"preuves/grille.pdf": "v1\n", "preuves/liste.pdf": "v2\n"})
    result = run_main("empreinte", "audit/preuves/grille.pdf", str(folder / "preuves/liste.pdf"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "- chemin: preuves/grille.pdf\n"
        f"  empreinte: sha256:{sha256(b'v1')}\n"
        "- chemin: preuves/liste.pdf\n"
        f"  empreinte: sha256:{sha256(b'v2')}\n"
    )


def test_pasted_lines_are_checked(run_main, write_audit, nc_text: str) -> None:
    """Pasted under 'preuves:', the lines pass qnc check; once the file changes, check
    fails with the new fingerprint to record."""
    folder = write_audit(files={"preuves/grille.pdf": "signée\n"})
    printed = run_main("empreinte", "audit/preuves/grille.pdf").stdout
    nc = nc_text + ACTION + "    preuves:\n" + textwrap.indent(printed, "      ")
    (folder / "nc" / "NC-01.yaml").write_text(nc, "utf-8")
    assert run_main("check", "audit", "--today", "2026-03-20").exit_code == 0
    (folder / "preuves/grille.pdf").write_text("modifiée\n", "utf-8")
    changed = run_main("check", "audit", "--today", "2026-03-20")
    assert changed.exit_code == 1
    assert "audit/nc/NC-01.yaml:11:20: erreur: la preuve « preuves/grille.pdf » a changé" in (
        changed.stderr
    )


@pytest.mark.parametrize(
    "name", ["grille: v2.pdf", "#1 grille.pdf", "- liste.pdf", "2026.pdf", 'l\'été "x".pdf']
)
def test_odd_names_read_back_as_themselves(run_main, write_audit, name: str) -> None:
    """A name YAML would misread (colon, '#', leading '-', digits, quotes) is quoted."""
    write_audit(files={f"preuves/{name}": "x"})
    printed = run_main("empreinte", f"audit/preuves/{name}").stdout
    data = parse_yaml(printed.encode(), Path("x.yaml")).data
    assert data[0]["chemin"] == f"preuves/{name}"


def test_missing_file_and_folder(run_main, write_audit) -> None:
    """A missing file or a folder: exit 1 with a French message, nothing on stdout."""
    write_audit()
    missing = run_main("empreinte", "audit/preuves/absente.pdf")
    assert (missing.exit_code, missing.stdout, missing.stderr) == (
        1,
        "",
        "qnc: « audit/preuves/absente.pdf » n'existe pas\n",
    )
    folder = run_main("empreinte", "audit/nc")
    assert (folder.exit_code, folder.stderr) == (
        1,
        "qnc: « audit/nc » est un dossier ; donnez les fichiers de preuve qu'il contient\n",
    )


def test_help_gives_an_example(run_main) -> None:
    """The French help says what the command is for, with an example."""
    result = run_main("empreinte", "--help")
    assert result.exit_code == 0
    assert "Exemple : qnc empreinte 2026-09-audit-initial/preuves/grille.pdf" in result.stdout
