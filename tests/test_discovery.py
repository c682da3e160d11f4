"""qnc.discovery: which audit folders a list of paths means (spec §1.1)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qnc.discovery import find_audits
from qnc.errors import QncError
from qnc.i18n import translator

WriteAudit = Callable[..., Path]
FR = translator("fr")


def orphans(paths: list[Path]) -> list[tuple[Path, int, int, str, str, str]]:
    found = find_audits(paths)
    return [
        (d.path, d.line, d.column, d.severity.value, d.code, FR(d.message)) for d in found.orphans
    ]


def refusal(paths: list[Path]) -> str:
    with pytest.raises(QncError) as info:
        find_audits(paths)
    assert info.value.exit_code == 1
    return FR(info.value.message)


def test_audit_folder(write_audit: WriteAudit) -> None:
    """A folder holding audit.yaml is that audit."""
    folder = write_audit()
    assert find_audits([folder]).folders == [folder]


@pytest.mark.parametrize("inside", ["audit.yaml", "nc/NC-01.yaml", "preuves/grille.pdf"])
def test_file_inside_an_audit_means_the_audit(write_audit: WriteAudit, inside: str) -> None:
    """A file anywhere inside an audit folder means that folder."""
    folder = write_audit(files={"preuves/grille.pdf": "x"})
    found = find_audits([folder / inside])
    assert (found.folders, found.orphans) == ([folder], [])


def test_relative_path_is_made_absolute(
    write_audit: WriteAudit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative path is resolved from the current folder."""
    folder = write_audit()
    monkeypatch.chdir(tmp_path)
    assert find_audits([Path("audit")]).folders == [folder]


def test_folder_of_folders_is_searched_recursively_and_sorted(
    write_audit: WriteAudit, tmp_path: Path
) -> None:
    """Every audit folder below a folder is found, at any depth, sorted, once each."""
    b = write_audit(name="clients/b/2027-audit")
    a = write_audit(name="clients/a/2026-audit")
    c = write_audit(name="clients/c")
    write_audit(name="clients/.cache/audit")
    write_audit(name="clients/node_modules/audit")
    assert find_audits([tmp_path / "clients", a]).folders == [a, b, c]


def test_audit_inside_an_audit_is_not_searched(write_audit: WriteAudit) -> None:
    """The search stops at an audit folder: an audit folder is not a folder of audits."""
    outer = write_audit(name="outer")
    write_audit(name="outer/preuves/copie")
    assert find_audits([outer.parent]).folders == [outer]


def test_nc_folder_without_audit(write_audit: WriteAudit, tmp_path: Path) -> None:
    """An nc/ folder without audit.yaml gives one audit-absent error per NC file."""
    folder = write_audit(
        None, {"NC-02.yaml": "x", "NC-01.yml": "x", "notes.txt": "x"}, name="2026-03-audit"
    )
    message = (
        "ce fichier de NC n'appartient à aucun audit : 2026-03-audit n'a pas de "
        "audit.yaml ; créez-le (organisme, certificateur, dates de l'audit)"
    )
    expected = [
        (folder / "nc" / name, 1, 1, "erreur", "audit-absent", message)
        for name in ("NC-01.yml", "NC-02.yaml")
    ]
    assert orphans([tmp_path]) == expected
    assert orphans([folder / "nc"]) == expected
    assert orphans([folder / "nc" / "NC-02.yaml"]) == expected[1:]
    assert find_audits([tmp_path]).folders == []


def test_nc_folder_of_an_audit_means_the_audit(write_audit: WriteAudit) -> None:
    """The nc/ folder of an audit means that audit, as a file inside it does."""
    folder = write_audit()
    found = find_audits([folder / "nc"])
    assert (found.folders, found.orphans) == ([folder], [])


def test_orphan_named_twice_is_reported_once(write_audit: WriteAudit) -> None:
    """An orphan NC reached through two paths is reported once, as folders are."""
    folder = write_audit(None, name="seule")
    assert len(orphans([folder, folder / "nc" / "NC-01.yaml"])) == 1


def test_same_audit_named_twice_is_found_once(write_audit: WriteAudit) -> None:
    """An audit reached through several paths is checked once."""
    folder = write_audit()
    assert find_audits([folder, folder / "audit.yaml", folder / "nc/NC-01.yaml"]).folders == [
        folder
    ]


def test_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is a user error naming the path as given."""
    assert refusal([Path("nulle-part")]) == "« nulle-part » n'existe pas"


def test_folder_without_any_audit(tmp_path: Path) -> None:
    """A folder with no audit below it is a user error."""
    (tmp_path / "vide" / "sous-dossier").mkdir(parents=True)
    assert refusal([tmp_path / "vide"]) == (
        f"aucun dossier d'audit sous « {tmp_path / 'vide'} » : un dossier d'audit contient un "
        "fichier audit.yaml"
    )


def test_file_outside_any_audit(tmp_path: Path) -> None:
    """A file that is in no audit folder (and not in an nc/ folder) is a user error."""
    (tmp_path / "notes.yaml").write_text("a: 1\n")
    assert refusal([tmp_path / "notes.yaml"]) == (
        f"« {tmp_path / 'notes.yaml'} » n'est dans aucun dossier d'audit (aucun dossier parent "
        "ne contient de fichier audit.yaml)"
    )
