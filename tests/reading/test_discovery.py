"""Discovery: which audit folders a list of paths means, and which files of one are read."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qnc.errors import QncError
from qnc.i18n import translator
from qnc.reading.discovery import find_audits
from qnc.reading.layout import read_layout

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
        "fichier audit.yaml ; créez-le (organisme, certificateur, dates de l'audit)"
    )
    expected = [
        (folder / "nc" / name, 1, 1, "erreur", "audit-absent", message)
        for name in ("NC-01.yml", "NC-02.yaml")
    ]
    assert orphans([tmp_path]) == expected
    assert orphans([folder / "nc"]) == expected
    assert orphans([folder / "nc" / "NC-02.yaml"]) == expected[1:]
    assert find_audits([tmp_path]).folders == []


def test_linked_audit_folders_are_found_once_and_loops_end(
    write_audit: WriteAudit, tmp_path: Path
) -> None:
    """An audit linked into a portfolio folder is found; one reached both directly and
    through a link is found once; a link back up the tree does not loop."""
    real = write_audit(name="real")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (write_audit(name="elsewhere/kept")).rename(elsewhere / "kept-audit")
    portfolio = tmp_path / "portfolio"
    portfolio.mkdir()
    (portfolio / "linked").symlink_to(elsewhere / "kept-audit")
    (portfolio / "loop").symlink_to(portfolio)
    assert find_audits([portfolio]).folders == [portfolio / "linked"]
    (tmp_path / "also-real").symlink_to(real)
    found = find_audits([tmp_path]).folders
    assert len(found) == 2
    assert {f.resolve() for f in found} == {real.resolve(), (elsewhere / "kept-audit").resolve()}
    (portfolio / "up").symlink_to(tmp_path)
    (portfolio / "root").symlink_to("/")
    assert find_audits([portfolio]).folders == [portfolio / "linked"]  # never leaves it
    # read once, under its own name rather than the link's: origine paths start there
    assert find_audits([tmp_path / "also-real", real]).folders == [real]


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


@pytest.mark.parametrize("name", ["audit.yml", "Audit.yaml", "AUDIT.YML"])
def test_misnamed_audit_file_is_named(write_audit: WriteAudit, tmp_path: Path, name: str) -> None:
    """An audit.yml or Audit.yaml next to nc/ is the error, once, however many NC files."""
    folder = write_audit(None, {"NC-01.yaml": "x", "NC-02.yaml": "x"}, name="2026-03-audit",
                         files={name: "x"})  # fmt: skip
    expected = [
        (
            folder / name,
            1,
            1,
            "erreur",
            "audit-absent",
            "qnc lit l'audit dans un fichier nommé audit.yaml : renommez ce fichier « audit.yaml » "
            "; d'ici là, les fichiers de NC du dossier « 2026-03-audit » n'appartiennent à aucun "
            "audit",
        )
    ]
    assert orphans([tmp_path]) == expected
    assert orphans([folder / "nc" / "NC-02.yaml"]) == expected


def test_audit_yaml_that_is_a_folder(write_audit: WriteAudit, tmp_path: Path) -> None:
    """audit.yaml made as a folder is said so, once, instead of 'create audit.yaml'."""
    folder = write_audit(None, {"NC-01.yaml": "x", "NC-02.yaml": "x"}, name="2026-03-audit")
    (folder / "audit.yaml").mkdir()
    assert orphans([tmp_path]) == [
        (
            folder / "audit.yaml",
            1,
            1,
            "erreur",
            "audit-absent",
            "« audit.yaml » est un dossier : ce doit être un fichier qui décrit l'audit "
            "(organisme, certificateur, dates de l'audit) ; d'ici là, les fichiers de NC du "
            "dossier « 2026-03-audit » n'appartiennent à aucun audit",
        )
    ]


# --- folders that cannot be read ------------------------------------------------------------


def refuse_listing(monkeypatch: pytest.MonkeyPatch, *refused: Path) -> None:
    """Make os.scandir (behind os.walk) refuse ``refused`` as an unreadable folder would."""
    scandir = os.scandir

    def guarded(path: Any = ".") -> Any:
        if Path(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


FOLDER_DENIED = "lecture du dossier impossible : accès refusé ; vérifiez ses droits d'accès"


def test_unreadable_subfolder_is_an_error_not_skipped(
    write_audit: WriteAudit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder below the search that cannot be listed is reported; the others are found."""
    found = write_audit(name="clients/a")
    write_audit(name="clients/b")
    refuse_listing(monkeypatch, tmp_path / "clients" / "b")
    result = find_audits([tmp_path / "clients"])
    assert result.folders == [found]
    assert [
        (d.path, d.line, d.column, d.severity.value, d.code, FR(d.message))
        for d in result.unreadable
    ] == [(tmp_path / "clients" / "b", 1, 1, "erreur", "lecture", FOLDER_DENIED)]


def test_unreadable_given_folder_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder given itself cannot be listed: a user error, not 'no audit folder'."""
    (tmp_path / "clients").mkdir()
    refuse_listing(monkeypatch, tmp_path / "clients")
    assert refusal([tmp_path / "clients"]) == (
        f"lecture de « {tmp_path / 'clients'} » impossible : accès refusé ; vérifiez les "
        "droits d'accès de ce chemin et des dossiers qui le contiennent"
    )


def test_path_below_a_forbidden_folder_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Path.exists() raises PermissionError below a folder that may not be entered."""
    stat = Path.stat

    def guarded(self: Path, **kwargs: Any) -> os.stat_result:
        if tmp_path / "prive" in (self, *self.parents) and self != tmp_path / "prive":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return stat(self, **kwargs)

    (tmp_path / "prive" / "audit").mkdir(parents=True)
    monkeypatch.setattr(Path, "stat", guarded)
    assert refusal([tmp_path / "prive" / "audit"]) == (
        f"lecture de « {tmp_path / 'prive' / 'audit'} » impossible : accès refusé ; "
        "vérifiez les droits d'accès de ce chemin et des dossiers qui le contiennent"
    )


NON_ROOT = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root may read any folder"
)


@NON_ROOT
def test_real_unreadable_subfolder(write_audit: WriteAudit, tmp_path: Path) -> None:
    """The same with real permissions: a folder without read access is an error."""
    write_audit(name="clients/a")
    locked = tmp_path / "clients" / "verrouille"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = find_audits([tmp_path / "clients"])
    finally:
        locked.chmod(0o755)
    assert [(d.path, d.code, FR(d.message)) for d in result.unreadable] == [
        (locked, "lecture", FOLDER_DENIED)
    ]


@NON_ROOT
def test_real_path_below_a_locked_folder(tmp_path: Path) -> None:
    """A path below a folder that may not be entered is a user error, not a traceback."""
    (tmp_path / "prive" / "audit").mkdir(parents=True)
    (tmp_path / "prive").chmod(0)
    try:
        message = refusal([tmp_path / "prive" / "audit"])
    finally:
        (tmp_path / "prive").chmod(0o755)
    assert message.startswith(f"lecture de « {tmp_path / 'prive' / 'audit'} » impossible : ")


# --- which files of an audit folder are read ------------------------------------------------


def layout_of(folder: Path) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """NC files read, and (file, severity, code, French message) of each layout problem."""
    layout = read_layout(folder)
    return (
        [p.relative_to(folder).as_posix() for p in layout.nc_files],
        [
            (d.path.relative_to(folder).as_posix(), d.severity.value, d.code, FR(d.message))
            for d in layout.problems
        ],
    )


def ignored(name: str) -> str:
    return (
        "qnc ne lit pas ce fichier : un fichier de NC doit être directement dans le dossier "
        f"nc/ de l'audit ; déplacez-le (nc/{name}), ou sortez-le du dossier de l'audit"
    )


def test_nc_files_are_read_directly_in_nc(write_audit: WriteAudit) -> None:
    """Every .yaml or .yml file directly in nc/ is read, in name order; nothing else is said."""
    folder = write_audit(ncs={"NC-02.yml": "x", "NC-01.yaml": "x", "NC-03.YAML": "x", "a.txt": ""})
    assert layout_of(folder) == (["nc/NC-01.yaml", "nc/NC-02.yml", "nc/NC-03.YAML"], [])


def test_hidden_files_in_nc_are_skipped(write_audit: WriteAudit) -> None:
    """Editor and macOS leftovers (._NC-1.yaml, .#NC-1.yaml) are neither read nor warned."""
    folder = write_audit(ncs={"NC-01.yaml": "x", "._NC-01.yaml": "\x00", ".#NC-01.yaml": "x"})
    assert layout_of(folder) == (["nc/NC-01.yaml"], [])


def test_misplaced_nc_files_are_errors(write_audit: WriteAudit) -> None:
    """NC files below nc/, in NC/, in any other folder but preuves/, or next to audit.yaml
    are errors: qnc misses them, and the audit would look closed."""
    folder = write_audit(
        files={
            "nc/2026/NC-02.yaml": "x",
            "nc/2026/notes.txt": "x",
            "NC/NC-03.yml": "x",
            "Nc/sous/NC-04.yaml": "x",
            "NC-05.yaml": "x",
            "preuves/NC-06.yaml": "x",
            "nc/preuves/grille.yaml": "x",
            ".cache/NC-07.yaml": "x",
            "nc/.archives/NC-08.yaml": "x",
            "autre/NC-09.yaml": "x",
        }
    )
    warned = [
        "NC-05.yaml",
        "NC/NC-03.yml",
        "Nc/sous/NC-04.yaml",
        "autre/NC-09.yaml",
        "nc/2026/NC-02.yaml",
    ]
    read, problems = layout_of(folder)
    assert read == ["nc/NC-01.yaml"]
    assert sorted(problems) == [
        (w, "erreur", "fichier-ignore", ignored(w.rsplit("/", 1)[-1])) for w in warned
    ]


def test_nc_file_saved_as_yaml_txt_is_an_error(write_audit: WriteAudit) -> None:
    """nc/NC-01.yaml.txt (Notepad with hidden extensions) is an error saying the name to
    give; NC-02.yaml.bak next to its NC-02.yaml is a copy, left alone, as are notes."""
    folder = write_audit(
        ncs={
            "NC-01.yaml.txt": "x",
            "NC-02.yaml": "x",
            "NC-02.yaml.bak": "x",
            "notes.txt": "x",
            "NC-03.YML.TXT": "x",
            "NC-04.yml": "x",
            "NC-04.yaml.txt": "x",  # NC-04.yml is read: renaming would make a duplicate
            "NC-05.YAML.txt": "x",
            "nc-05.yaml": "x",
        }
    )
    assert layout_of(folder) == (
        ["nc/NC-02.yaml", "nc/NC-04.yml", "nc/nc-05.yaml"],
        [
            (
                "nc/NC-01.yaml.txt",
                "erreur",
                "fichier-ignore",
                "qnc ne lit pas ce fichier : son nom finit par « .txt » au lieu de « .yaml » ; "
                "renommez-le NC-01.yaml",
            ),
            (
                "nc/NC-03.YML.TXT",
                "erreur",
                "fichier-ignore",
                "qnc ne lit pas ce fichier : son nom finit par « .TXT » au lieu de « .yaml » ; "
                "renommez-le NC-03.YML",
            ),
        ],
    )


@pytest.mark.parametrize("name", ["audit.yml", "Audit (copie).yaml", "audit-2025.yaml"])
def test_second_audit_file_is_a_warning(write_audit: WriteAudit, name: str) -> None:
    """Another audit file beside audit.yaml is not an NC: a warning saying so, not the
    advice to move it into nc/."""
    folder = write_audit(files={name: "x"})
    assert layout_of(folder) == (
        ["nc/NC-01.yaml"],
        [
            (
                name,
                "avertissement",
                "copie-audit",
                "qnc lit l'audit dans audit.yaml seulement, pas dans ce fichier ; supprimez-le si "
                "c'est une ancienne copie, ou sortez-le du dossier de l'audit",
            )
        ],
    )


def test_nc_that_is_a_file_is_an_error(write_audit: WriteAudit) -> None:
    """A file named nc in place of the folder is an error, not 'no NC raised'."""
    folder = write_audit(ncs={})
    (folder / "nc").rmdir()
    (folder / "nc").write_text("id: NC-01\n")
    assert layout_of(folder) == (
        [],
        [
            (
                "nc",
                "erreur",
                "lecture",
                "« nc » est un fichier, pas un dossier ; les fichiers de NC vont dans un "
                "dossier nommé nc",
            )
        ],
    )


def test_unreadable_nc_is_an_error(
    write_audit: WriteAudit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An nc/ folder that cannot be listed is an error, not an empty folder."""
    folder = write_audit()
    refuse_listing(monkeypatch, folder / "nc")
    assert layout_of(folder) == ([], [("nc", "erreur", "lecture", FOLDER_DENIED)])


def test_audit_without_nc_folder_has_no_nc(write_audit: WriteAudit) -> None:
    """No nc/ folder at all means no NC was raised: nothing to say."""
    folder = write_audit(ncs={})
    (folder / "nc").rmdir()
    assert layout_of(folder) == ([], [])
