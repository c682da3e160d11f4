"""Symbolic links: followed inside the audit's repository (or the folder given, outside
git), never out of it, and a link back up the tree never reads a folder twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NC, Found

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Found]]
Run = Callable[..., Any]
TODAY = ("--today", "2026-03-20")
SECRET = "root:$6$sel$empreinte:19000:0:99999:7:::\n"
LEFT = (
    "ce fichier est, par un lien symbolique, hors du dépôt (ou hors du dossier donné, "
    "sans git) : qnc ne suit pas ce lien, pour ne rien lire ni citer d'ailleurs ; mettez "
    "ici le fichier lui-même"
)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every folder given, as /etc/shadow is."""
    path = tmp_path / "systeme" / "shadow"
    path.parent.mkdir()
    path.write_text(SECRET, "utf-8")
    return path


def test_nc_file_linked_out_of_the_folder_is_not_read(
    run_main: Run, write_audit: WriteAudit, secret: Path
) -> None:
    """`ln -s /etc/shadow nc/NC-05.yaml`: refused without reading it; neither its lines
    nor the link's target appear in the message, which may land in a CI log."""
    folder = write_audit()
    (folder / "nc" / "NC-05.yaml").symlink_to(secret)
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "3 fichiers vérifiés : 1 erreur, 0 avertissement.\n",
        f"audit/nc/NC-05.yaml:1:1: erreur: {LEFT} [lien-externe]\n",
    )


def test_audit_file_linked_out_of_the_folder_is_not_read(
    write_audit: WriteAudit, diagnose: Diagnose, secret: Path
) -> None:
    """audit.yaml is held to the same rule as the NC files."""
    folder = write_audit(None)
    (folder / "audit.yaml").symlink_to(secret)
    assert diagnose(folder) == [Found("audit.yaml", 1, 1, "erreur", "lien-externe", LEFT)]


def test_nc_folder_linked_out_of_the_folder_is_not_read(
    write_audit: WriteAudit, diagnose: Diagnose, tmp_path: Path
) -> None:
    """An nc/ folder that is a link to a folder elsewhere: none of its files is read."""
    folder = write_audit(ncs={})
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "NC-01.yaml").write_text(SECRET, "utf-8")
    (folder / "nc").rmdir()
    (folder / "nc").symlink_to(elsewhere)
    assert diagnose(folder) == [Found("nc/NC-01.yaml", 1, 1, "erreur", "lien-externe", LEFT)]


def test_link_inside_the_folder_given_is_followed(
    run_main: Run, write_audit: WriteAudit, tmp_path: Path
) -> None:
    """Outside git, a link to a file in the folder given (a portfolio's shared file) is
    read like any NC file; given the audit folder alone, it is not."""
    folder = write_audit(name="portefeuille/client")
    shared = tmp_path / "portefeuille" / "commun" / "NC-02.yaml"
    shared.parent.mkdir()
    shared.write_text(NC.replace("NC-01", "NC-02").replace("12", "17"), "utf-8")
    (folder / "nc" / "NC-02.yaml").symlink_to(shared)
    result = run_main("check", "portefeuille", *TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    alone = run_main("check", "portefeuille/client", *TODAY)
    assert alone.stderr == f"portefeuille/client/nc/NC-02.yaml:1:1: erreur: {LEFT} [lien-externe]\n"


def test_link_inside_the_repository_is_followed(
    run_main: Run, write_audit: WriteAudit, tmp_path: Path, secret: Path
) -> None:
    """In a git work tree, a link anywhere inside it is followed, one out of it is not."""
    (tmp_path / "depot" / ".git").mkdir(parents=True)
    folder = write_audit(name="depot/audits/client")
    shared = tmp_path / "depot" / "modeles" / "NC-02.yaml"
    shared.parent.mkdir()
    shared.write_text(NC.replace("NC-01", "NC-02").replace("12", "17"), "utf-8")
    (folder / "nc" / "NC-02.yaml").symlink_to(shared)
    (folder / "nc" / "NC-03.yaml").symlink_to(secret)
    result = run_main("check", "depot/audits/client", *TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        f"depot/audits/client/nc/NC-03.yaml:1:1: erreur: {LEFT} [lien-externe]\n",
    )


def test_audit_kept_elsewhere_and_linked_is_read(
    run_main: Run, write_audit: WriteAudit, tmp_path: Path
) -> None:
    """An audit folder linked into a portfolio reads its own files where it really is."""
    kept = write_audit(name="ailleurs/client")
    (tmp_path / "portefeuille").mkdir()
    (tmp_path / "portefeuille" / "client").symlink_to(kept)
    result = run_main("check", "portefeuille", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2 fichiers vérifiés : aucun problème.\n",
        "",
    )


@pytest.mark.parametrize(
    ("link", "target"),
    [("nc/retour", ".."), ("ici", "."), ("haut", "../.."), ("racine", "/")],
)
def test_link_back_up_the_tree_gives_no_false_error(
    run_main: Run, write_audit: WriteAudit, link: str, target: str
) -> None:
    """A folder link to the audit folder or above it is not read again: the audit's own
    files are not reported as NC files kept in the wrong place (five false errors)."""
    folder = write_audit()
    (folder / link).symlink_to(target)
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2 fichiers vérifiés : aucun problème.\n",
        "",
    )


def test_folder_and_a_link_to_it_are_read_once(run_main: Run, write_audit: WriteAudit) -> None:
    """A misplaced NC file is reported once, under its folder's own name, not again
    through a link to that folder."""
    folder = write_audit(files={"fiches/NC-02.yaml": NC})
    (folder / "alias").symlink_to("fiches")
    result = run_main("check", "audit", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "audit/fiches/NC-02.yaml:1:1: erreur: qnc ne lit pas ce fichier : un fichier de NC "
        "doit être directement dans le dossier nc/ de l'audit ; déplacez-le (nc/NC-02.yaml), "
        "ou sortez-le du dossier de l'audit [fichier-ignore]\n"
    )
