"""`qnc plan`: the Markdown action plan, its safety rules and where it writes."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from qnc.render.plan.escape import cell, escape
from tests.conftest import EXAMPLES
from tests.conftest import NC as NC_TEXT
from tests.golden import assert_golden

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
MID_WAY = "2026-11-20"


def tree(root: Path) -> dict[str, tuple[int, float]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime)
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize(
    ("golden", "options"),
    [
        ("plan-fr.md", ["--lang", "fr"]),
        ("plan-en.md", ["--lang", "en"]),
        ("plan-interne-fr.md", ["--interne"]),
    ],
)
def test_plan_golden(run_main, tmp_path: Path, golden: str, options: list[str]) -> None:
    """The example's plan for the certifier, fr and en, and the working view, as reviewed;
    evidence links relative to the plan."""
    out = tmp_path / golden
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY, *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text, fingerprint = out.read_text("utf-8").rstrip("\n").rsplit("\n", 1)
    assert re.fullmatch(r"<!-- qnc:empreinte [0-9a-f]{16} -->", fingerprint)
    relative = os.path.relpath(EXAMPLE, tmp_path).replace(os.sep, "/")
    assert_golden(golden, text.replace(relative, "EXAMPLE") + "\n")


def test_plan_on_stdout_links_from_current_folder(run_main) -> None:
    """Without --out the plan goes to stdout; links start from the current folder."""
    result = run_main("plan", str(EXAMPLE), "--today", MID_WAY)
    assert result.exit_code == 0
    assert result.stdout.startswith("<!-- qnc:plan généré par qnc ")
    target = os.path.relpath(EXAMPLE / "preuves" / "grille-evaluation-acquis.md")
    assert f"(<{target}>)" in result.stdout


def test_rewrites_its_own_plan_but_not_a_user_file(run_main, tmp_path: Path) -> None:
    """An existing plan made by qnc is replaced; a hand-written file needs --force."""
    own = tmp_path / "plan.md"
    assert run_main("plan", str(EXAMPLE), "--out", str(own), "--today", MID_WAY).exit_code == 0
    assert run_main("plan", str(EXAMPLE), "--out", str(own), "--today", "2026-11-21").exit_code == 0
    assert "situation au 21 novembre 2026" in own.read_text("utf-8")

    mine = tmp_path / "notes.md"
    mine.write_text("# Mes notes\n", "utf-8")
    refused = run_main("plan", str(EXAMPLE), "--out", str(mine), "--today", MID_WAY)
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"qnc: « {mine} » existe et n'a pas été produit par qnc ; choisissez un autre nom, "
        "ou ajoutez --force pour le remplacer\n"
    )
    assert mine.read_text("utf-8") == "# Mes notes\n"
    forced = run_main("plan", str(EXAMPLE), "--out", str(mine), "--today", MID_WAY, "--force")
    assert forced.exit_code == 0
    assert mine.read_text("utf-8").startswith("<!-- qnc:plan")


def test_edited_plan_is_not_replaced_without_force(run_main, tmp_path: Path) -> None:
    """A plan qnc wrote, then edited by hand (a cover letter added), is kept: exit 1, the
    reason, the file unchanged; --force replaces it. Line endings changed by git are not
    an edit."""
    plan = tmp_path / "plan.md"
    assert run_main("plan", str(EXAMPLE), "--out", str(plan), "--today", MID_WAY).exit_code == 0
    crlf = plan.read_text("utf-8").replace("\n", "\r\n")
    plan.write_bytes(crlf.encode("utf-8"))
    assert run_main("plan", str(EXAMPLE), "--out", str(plan), "--today", MID_WAY).exit_code == 0
    edited = plan.read_text("utf-8").replace(
        "\n# ", "\nMadame, veuillez trouver notre plan.\n# ", 1
    )
    plan.write_text(edited, "utf-8")
    refused = run_main("plan", str(EXAMPLE), "--out", str(plan), "--today", "2026-11-21")
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"qnc: « {plan} » a été produit par qnc, puis modifié ; qnc ne le remplace pas, pour "
        "ne pas perdre ces modifications : choisissez un autre nom, ou ajoutez --force pour "
        "le remplacer\n",
    )
    assert plan.read_text("utf-8") == edited
    forced = run_main("plan", str(EXAMPLE), "--out", str(plan), "--today", "2026-11-21", "--force")
    assert forced.exit_code == 0
    assert "Madame" not in plan.read_text("utf-8")


def test_plan_from_standard_output_is_not_replaced_without_force(run_main, tmp_path: Path) -> None:
    """`qnc plan > plan.md` carries no fingerprint: qnc cannot tell if it was edited, so
    --out refuses it (saying why) until --force."""
    plan = tmp_path / "plan.md"
    plan.write_text(run_main("plan", str(EXAMPLE), "--today", MID_WAY).stdout, "utf-8")
    refused = run_main("plan", str(EXAMPLE), "--out", str(plan), "--today", MID_WAY)
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"qnc: « {plan} » a été produit par qnc, mais sa dernière ligne n'est pas l'empreinte "
        "de qnc (texte ajouté à la fin, ou plan écrit sur la sortie standard) : qnc ne peut "
        "pas savoir s'il a été modifié ; choisissez un autre nom, ou ajoutez --force pour le "
        "remplacer\n",
    )


def test_user_file_opening_with_a_comment_needs_force(run_main, tmp_path: Path) -> None:
    """A notes.md opening with '<!-- perso -->' is not a qnc plan: exit 1, file unchanged."""
    mine = tmp_path / "notes.md"
    mine.write_text("<!-- perso -->\n# Mes notes\n", "utf-8")
    refused = run_main("plan", str(EXAMPLE), "--out", str(mine), "--today", MID_WAY)
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"qnc: « {mine} » existe et n'a pas été produit par qnc ; choisissez un autre nom, "
        "ou ajoutez --force pour le remplacer\n"
    )
    assert mine.read_text("utf-8") == "<!-- perso -->\n# Mes notes\n"


def test_next_due_dates_in_date_order(run_main, write_audit, nc_text: str) -> None:
    """The working view lists the coming due dates by date, not by NC: NC-02's plan first."""
    major = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")
    minor = nc_text.replace("NC-01", "NC-02").replace("12", "1")
    folder = write_audit(ncs={"NC-01.yaml": major, "NC-02.yaml": minor})
    result = run_main("plan", str(folder), "--today", "2026-03-20", "--interne")
    assert result.exit_code == 0, result.stderr
    assert (
        "Prochaines échéances :\n\n"
        "- 11 avril 2026 — NC-02 — plan d'actions envoyé (dans 22 jours)\n"
        "- 12 juin 2026 — NC-01 — corrections faites, preuves envoyées (dans 84 jours)\n"
        "- 12 juillet 2026 — NC-01 — décision du certificateur (dans 114 jours)\n"
        "- 12 septembre 2026 — NC-02 — plan d'actions mis en œuvre (dans 176 jours)\n\n"
    ) in result.stdout


def test_missing_folder_is_a_clear_error(run_main, tmp_path: Path) -> None:
    """--out into a folder that does not exist: message, exit 1, nothing written."""
    before = tree(tmp_path)
    result = run_main(
        "plan", str(EXAMPLE), "--out", str(tmp_path / "absent" / "plan.md"), "--today", MID_WAY
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"qnc: le dossier « {tmp_path / 'absent'} » n'existe pas ; créez-le d'abord\n"
    )
    assert tree(tmp_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_a_clear_error(run_main, tmp_path: Path) -> None:
    """--out into a read-only folder: message, exit 1, nothing written."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_main(
            "plan", str(EXAMPLE), "--out", str(locked / "plan.md"), "--today", MID_WAY
        )
    finally:
        locked.chmod(stat.S_IRWXU)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"qnc: écriture impossible dans « {locked} »")
    assert list(locked.iterdir()) == []


def test_failed_write_leaves_old_plan_and_no_temporary(
    run_main, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails, the previous plan is intact and no temporary file stays."""
    out = tmp_path / "plan.md"
    assert run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY).exit_code == 0
    before = out.read_text("utf-8")

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", "2026-11-21")
    assert result.exit_code == 1
    assert result.stderr == f"qnc: écriture de « {out} » impossible : plus de place sur le disque\n"
    assert out.read_text("utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_plan_writes_only_the_out_file(run_main, tmp_path: Path) -> None:
    """Nothing but the --out file is written; the audit folder is untouched."""
    before = tree(EXAMPLE)
    out = tmp_path / "plan.md"
    assert run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY).exit_code == 0
    assert tree(EXAMPLE) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_broken_audit_writes_no_plan(run_main, write_audit, tmp_path: Path) -> None:
    """An audit with errors: diagnostics as check gives them, exit 1, no plan written."""
    folder = write_audit(
        ncs={"NC-01.yaml": "id: NC-01\nindicateur: 0\ngravite: mineure\nconstat: x\n"}
    )
    out = tmp_path / "plan.md"
    result = run_main("plan", str(folder), "--out", str(out), "--today", "2026-03-20")
    assert result.exit_code == 1
    assert "nc/NC-01.yaml:2:13: erreur: l'indicateur 0 n'existe pas dans la grille rnq-2019" in (
        result.stderr
    )
    assert not out.exists()


def test_audits_of_several_organisations_are_refused(
    run_main, write_audit, audit_text: str, tmp_path: Path
) -> None:
    """plan works on one audit: a folder of several clients is a clear error naming them."""
    write_audit(audit_text.replace("Formations du Littoral", "Atelier Nord"), name="client-a")
    write_audit(name="client-b")
    result = run_main("plan", ".", "--today", "2026-03-20", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: 2 audits de plusieurs organismes trouvés (client-a, client-b) : donnez le "
        "dossier d'un seul audit\n"
    )


def test_one_organisation_plans_its_current_audit(run_main, tmp_path: Path) -> None:
    """A folder holding one organisation's initial and surveillance audits: the plan is
    that of the surveillance audit, which closed the initial one (as status folds it),
    and stderr says so."""
    client = tmp_path / "atelier"
    for name in ("2026-09-audit-initial", "2028-03-audit-surveillance"):
        shutil.copytree(EXAMPLES / name, client / name)
    result = run_main("plan", "atelier", "--today", "2028-04-20", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stderr == (
        "2 audits trouvés pour Atelier Formation Sud-Ouest : le plan est celui de son audit en "
        "cours, l'audit de surveillance le 14 mars 2028 "
        "(atelier/2028-03-audit-surveillance)\n"
    )
    alone = run_main("plan", "atelier/2028-03-audit-surveillance", "--today", "2028-04-20",
                     cwd=tmp_path)  # fmt: skip
    assert result.stdout == alone.stdout


def test_before_the_next_audit_is_notified_the_earlier_one_is_planned(
    run_main, tmp_path: Path
) -> None:
    """On 15 March 2028 the surveillance audit has started but is not notified yet: the
    initial audit is not closed; the current audit is still the latest held."""
    client = tmp_path / "atelier"
    for name in ("2026-09-audit-initial", "2028-03-audit-surveillance"):
        shutil.copytree(EXAMPLES / name, client / name)
    result = run_main("plan", "atelier", "--today", "2028-03-15", cwd=tmp_path)
    assert "(atelier/2028-03-audit-surveillance)" in result.stderr
    before = run_main("plan", "atelier", "--today", "2028-03-10", cwd=tmp_path)
    assert "l'audit initial les 14 et 15 septembre 2026 (atelier/2026-09-audit-initial)" in (
        before.stderr
    )


@pytest.mark.parametrize(
    ("name", "converted"),
    [("PLAN.PDF", "PLAN.docx"), ("plan.odt", "plan.docx"), ("plan.doc", "plan.docx")],
)
def test_out_to_another_office_document_is_refused(run_main, tmp_path: Path, name: str,
                                                   converted: str) -> None:  # fmt: skip
    """--out plan.pdf would be Markdown in a PDF: refused before anything is read, with
    the Word document to write instead."""
    out = tmp_path / name
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY)
    assert result.exit_code == 1
    suffix = Path(name).suffix
    assert result.stderr == (
        f"qnc: qnc plan écrit du Markdown (.md) ou un document Word (.docx), pas un document "
        f"{suffix} : écrivez {converted}, puis convertissez-le avec Word ou LibreOffice\n"
    )
    assert not out.exists()


def test_warnings_are_mentioned_after_the_plan_is_written(run_main, write_audit,
                                                          tmp_path: Path) -> None:  # fmt: skip
    """The pointer to qnc check comes once the plan is written, never before a refusal."""
    folder = write_audit(ncs={"NC-1.yaml": NC_TEXT})
    mine = tmp_path / "notes.md"
    mine.write_text("# Mes notes\n", "utf-8")
    refused = run_main("plan", str(folder), "--out", str(mine), "--today", "2026-03-20")
    assert refused.exit_code == 1 and "avertissement" not in refused.stderr
    out = tmp_path / "plan.md"
    written = run_main("plan", str(folder), "--out", str(out), "--today", "2026-03-20")
    assert written.stderr.splitlines()[-1] == "1 avertissement : lancez « qnc check » pour le voir."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("[bold red]x[/]", "\\[bold red\\]x\\[/\\]"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("**gras** _it_ `code`", "\\*\\*gras\\*\\* \\_it\\_ \\`code\\`"),
        ("# titre", "\\# titre"),
        ("- puce", "\\- puce"),
        ("1. liste", "1\\. liste"),
        ("AT&T", "AT&amp;T"),
    ],
)
def test_escape_keeps_text_literal(text: str, expected: str) -> None:
    """Markdown, HTML and pipes in user text are shown as typed."""
    assert escape(text) == expected


def test_cell_folds_lines() -> None:
    """A newline in a table cell would break the table: it becomes a space."""
    assert cell("ligne 1\nligne | 2") == "ligne 1 ligne \\| 2"


def test_unwritable_folder_is_a_clear_error(
    run_main, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder where no file can be created (as root, simulated): message, exit 1."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = run_main("plan", str(EXAMPLE), "--out", str(tmp_path / "plan.md"), "--today", MID_WAY)
    assert result.exit_code == 1
    assert result.stderr == f"qnc: écriture impossible dans « {tmp_path} » : permission refusée\n"
    assert list(tmp_path.iterdir()) == []


# --- where --out writes, and what it never writes over ------------------------------------


@pytest.fixture
def audit_copy(tmp_path: Path) -> Path:
    """A copy of the example audit, so that a failed refusal could not harm the real one."""
    copy = tmp_path / "audit"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_out_dash_is_standard_output(run_main, tmp_path: Path) -> None:
    """--out - writes the plan on standard output, and no file named '-'."""
    result = run_main("plan", str(EXAMPLE), "--out", "-", "--today", MID_WAY)
    assert result.exit_code == 0
    assert result.stderr.startswith("9 faits sont datés après le 20 novembre 2026")
    assert result.stdout.startswith("<!-- qnc:plan généré par qnc ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["audit.yaml", "nc/NC-01.yaml", "nc/../audit.yaml"])
def test_never_writes_over_the_audit_files(run_main, audit_copy: Path, name: str) -> None:
    """--out naming a file the plan is read from is refused, even with --force."""
    before = tree(audit_copy)
    out = audit_copy / name
    result = run_main("plan", str(audit_copy), "--out", str(out), "--today", MID_WAY, "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"qnc: « {out} » est un des fichiers de l'audit : qnc n'écrit jamais par-dessus, "
        "même avec --force ; choisissez un autre nom\n"
    )
    assert tree(audit_copy) == before


def test_never_writes_over_another_file_of_nc(run_main, audit_copy: Path) -> None:
    """An existing nc/README.md as --out is refused as an audit file, even with --force."""
    readme = audit_copy / "nc" / "README.md"
    readme.write_text("# Les NC\n", "utf-8")
    before = tree(audit_copy)
    result = run_main("plan", str(audit_copy), "--out", str(readme), "--today", MID_WAY, "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"qnc: « {readme} » est un des fichiers de l'audit : qnc n'écrit jamais par-dessus, "
        "même avec --force ; choisissez un autre nom\n"
    )
    assert tree(audit_copy) == before


def test_never_writes_a_new_file_into_nc(run_main, audit_copy: Path) -> None:
    """A new file in nc/ would be read as an NC by every later command: refused."""
    before = tree(audit_copy)
    out = audit_copy / "nc" / "plan.md"
    result = run_main("plan", str(audit_copy), "--out", str(out), "--today", MID_WAY)
    assert result.exit_code == 1
    assert result.stderr == (
        f"qnc: « {out} » est dans le dossier nc/, où chaque fichier est lu comme une NC ; "
        "écrivez le plan ailleurs\n"
    )
    assert tree(audit_copy) == before


def test_never_writes_over_an_audit_file_through_a_link(
    run_main, audit_copy: Path, tmp_path: Path
) -> None:
    """A symbolic link to audit.yaml as --out is refused too: the link's target counts."""
    before = tree(audit_copy)
    link = tmp_path / "plan.md"
    link.symlink_to(audit_copy / "audit.yaml")
    result = run_main("plan", str(audit_copy), "--out", str(link), "--today", MID_WAY, "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"qnc: « {link} » est un des fichiers de l'audit : qnc n'écrit jamais par-dessus, "
        "même avec --force ; choisissez un autre nom\n"
    )
    assert tree(audit_copy) == before
    assert link.is_symlink()


def test_symbolic_link_writes_its_target(run_main, tmp_path: Path) -> None:
    """--out a link: the plan goes to the link's target and the link stays a link."""
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "plan.md"
    link = tmp_path / "plan.md"
    link.symlink_to(Path("docs") / "plan.md")
    for day in (MID_WAY, "2026-11-21"):  # created through the link, then replaced
        result = run_main("plan", str(EXAMPLE), "--out", str(link), "--today", day)
        assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.readlink() == Path("docs") / "plan.md"
    assert "situation au 21 novembre 2026" in target.read_text("utf-8")
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["plan.md"]


def test_symbolic_link_to_a_user_file_needs_force(run_main, tmp_path: Path) -> None:
    """The 'made by qnc' rule applies to the link's target; --force replaces the target."""
    target = tmp_path / "notes.md"
    target.write_text("# Mes notes\n", "utf-8")
    link = tmp_path / "plan.md"
    link.symlink_to(target)
    refused = run_main("plan", str(EXAMPLE), "--out", str(link), "--today", MID_WAY)
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"qnc: « {link} » existe et n'a pas été produit par qnc ; choisissez un autre nom, "
        "ou ajoutez --force pour le remplacer\n"
    )
    assert target.read_text("utf-8") == "# Mes notes\n"
    forced = run_main("plan", str(EXAMPLE), "--out", str(link), "--today", MID_WAY, "--force")
    assert forced.exit_code == 0
    assert link.is_symlink()
    assert target.read_text("utf-8").startswith("<!-- qnc:plan")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_named_pipe_is_refused_without_reading_it(
    run_main, tmp_path: Path, force: list[str]
) -> None:
    """A FIFO as --out is refused, with or without --force, and never opened (no hang)."""
    pipe = tmp_path / "plan.md"
    os.mkfifo(pipe)
    result = run_main("plan", str(EXAMPLE), "--out", str(pipe), "--today", MID_WAY, *force)
    assert result.exit_code == 1
    assert result.stderr == (
        f"qnc: « {pipe} » n'est pas un fichier ordinaire mais un tube nommé : qnc ne le "
        "remplace pas, même avec --force ; donnez le nom d'un fichier, ou omettez --out pour "
        "écrire sur la sortie standard\n"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_device_is_refused_even_with_force(run_main) -> None:
    """A device as --out (/dev/null) is refused even with --force."""
    result = run_main("plan", str(EXAMPLE), "--out", "/dev/null", "--today", MID_WAY, "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: « /dev/null » n'est pas un fichier ordinaire mais un périphérique : qnc ne le "
        "remplace pas, même avec --force ; donnez le nom d'un fichier, ou omettez --out pour "
        "écrire sur la sortie standard\n"
    )


def test_folder_is_refused_even_with_force(run_main, tmp_path: Path) -> None:
    """An existing folder as --out is refused even with --force, and stays as it was."""
    folder = tmp_path / "plan.md"
    folder.mkdir()
    result = run_main("plan", str(EXAMPLE), "--out", str(folder), "--today", MID_WAY, "--force")
    assert result.exit_code == 1
    assert result.stderr == f"qnc: « {folder} » est un dossier ; donnez un nom de fichier\n"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("below", ["x.md", "sous/x.md"])
def test_parent_that_is_a_file_is_not_a_folder(run_main, tmp_path: Path, below: str) -> None:
    """--out notes.txt/x.md: the message says notes.txt is not a folder (it does exist)."""
    notes = tmp_path / "notes.txt"
    notes.write_text("notes\n", "utf-8")
    result = run_main("plan", str(EXAMPLE), "--out", str(notes / below), "--today", MID_WAY)
    assert result.exit_code == 1
    assert result.stderr == f"qnc: « {notes} » n'est pas un dossier\n"
    assert notes.read_text("utf-8") == "notes\n"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "permission refusée"),
        (errno.EPERM, "permission refusée"),
        (errno.ENOSPC, "plus de place sur le disque"),
        (errno.EROFS, "le disque est en lecture seule"),
        (errno.EISDIR, "c'est un dossier"),
        (errno.ENOTDIR, "une partie du chemin n'est pas un dossier"),
        (errno.ENOENT, "fichier ou dossier introuvable"),
        (errno.EIO, "erreur système EIO"),
    ],
)
def test_system_errors_are_said_in_french(
    run_main, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    """The system's reason comes from the catalog, not from the English strerror."""

    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    out = tmp_path / "plan.md"
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY)
    assert result.exit_code == 1
    assert result.stderr == f"qnc: écriture de « {out} » impossible : {reason}\n"
    assert list(tmp_path.iterdir()) == []


# --- the Mermaid timeline -------------------------------------------------------------------

_TASK = re.compile(
    r"    (?:section [^:;#<>\"`]+"
    r"|[^\s:;#<>\"`][^:;#<>\"`]* :(?:done, |crit, )?\d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}"
    r"|[^\s:;#<>\"`][^:;#<>\"`]* :(?:crit, )?milestone, \d{4}-\d{2}-\d{2}, 0d)"
)


def test_timeline_names_carry_no_mermaid_syntax(run_main, write_audit, nc_text: str) -> None:
    """Hostile action ids and descriptions become plain, non-empty Mermaid task names."""
    actions = [
        ("A1", 'x <b>\\"gras\\"</b> ; y : z # 1 `code`'),
        ("A2", "\\t[31m\\n"),  # other controls are refused by qnc check
        (":", ";#"),
        ("section", "pièges"),
    ]
    lines = "".join(
        f"  - id: '{action_id}'\n    description: \"{text}\"\n    responsable: Marie\n"
        "    echeance: 2026-04-15\n"
        for action_id, text in actions
    )
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "actions:\n" + lines})
    result = run_main("plan", str(folder), "--today", "2026-03-20", "--interne")
    assert result.exit_code == 0, result.stderr
    block = result.stdout.split("```mermaid\n")[1].split("```")[0].splitlines()
    tasks = block[4:]
    assert [line for line in tasks if not _TASK.fullmatch(line)] == []
    assert tasks[:5] == [
        "    section NC-01",
        "    A1 x b gras /b y z 1 code :2026-03-12, 2026-04-15",
        "    A2 [31m :2026-03-12, 2026-04-15",
        "    Action :2026-03-12, 2026-04-15",
        "    · section pièges :2026-03-12, 2026-04-15",
    ]


def timeline(stdout: str) -> list[str]:
    """The lines of the plan's Mermaid block after its four header lines: sections and tasks."""
    return stdout.split("```mermaid\n")[1].split("```")[0].splitlines()[4:]


@pytest.mark.parametrize(
    ("today", "second"),
    [
        ("2026-04-13", "    A2 :2026-03-12, 2026-04-25"),  # done on 20 April: not yet
        ("2026-04-21", "    A2 :done, 2026-03-12, 2026-04-20"),
    ],
    ids=["before-done", "after-done"],
)
def test_timeline_tags_late_and_done(
    run_main, write_audit, nc_text: str, today: str, second: str
) -> None:
    """Late action and late step are `crit`; an action is `done` only from its fait_le on."""
    actions = (
        "actions:\n  - id: A1\n    responsable: Marie\n    echeance: 2026-04-01\n"
        "  - id: A2\n    responsable: Marie\n    echeance: 2026-04-25\n    fait_le: 2026-04-20\n"
    )
    folder = write_audit(ncs={"NC-01.yaml": nc_text + actions})
    result = run_main("plan", str(folder), "--today", today, "--interne")
    assert result.exit_code == 0, result.stderr
    assert timeline(result.stdout) == [
        "    section NC-01",
        "    A1 :crit, 2026-03-12, 2026-04-01",
        second,
        "    Échéance — plan d'actions envoyé :crit, milestone, 2026-04-11, 0d",
        "    Échéance — plan d'actions mis en œuvre :milestone, 2026-09-12, 0d",
    ]


def test_windows_evidence_path_links_with_slashes(run_main, write_audit, nc_text: str) -> None:
    """preuves\\grille.pdf (warned about by check) still gives a working link."""
    nc = nc_text + (
        "actions:\n  - id: A1\n    description: x\n    responsable: y\n"
        "    echeance: 2026-04-15\n    preuves:\n      - 'preuves\\grille.pdf'\n"
    )
    folder = write_audit(ncs={"NC-01.yaml": nc}, files={"preuves/grille.pdf": "x"})
    result = run_main("plan", ".", "--today", "2026-03-20", cwd=folder)
    assert result.exit_code == 0
    assert "(<preuves/grille.pdf>)" in result.stdout


def test_plan_lists_the_day_five_minors_must_be_under_5(run_main, write_audit) -> None:
    """With 5 open minors whose plans are sent, the summary's next due dates start with
    the day they must be under 5, before their implementation."""
    ncs = {
        f"NC-0{i}.yaml": (
            f"id: NC-0{i}\nindicateur: {indicator}\ngravite: mineure\nconstat: x\n"
            "plan_envoye_le: 2026-04-01\nanalyse_causes: y\n"
        )
        for i, indicator in enumerate((1, 2, 8, 9, 12), start=1)
    }
    folder = write_audit(ncs=ncs)
    result = run_main("plan", str(folder), "--today", "2026-05-01", "--interne")
    assert result.exit_code == 0
    upcoming = result.stdout.split("Prochaines échéances :\n\n", 1)[1].splitlines()
    assert upcoming[0] == (
        "- 12 juin 2026 — NC mineures à faire passer sous 5 — moins de 5 NC mineures "
        "ouvertes (dans 42 jours)"
    )
    assert upcoming[1].startswith("- 12 septembre 2026 — NC-01 — ")


def test_missing_root_cause_is_shown_as_to_be_completed(run_main, write_audit,
                                                        nc_text: str) -> None:  # fmt: skip
    """An open NC without analyse_causes keeps its heading, marked 'À compléter.': the
    certifier expects it with the plan."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text})
    result = run_main("plan", str(folder), "--today", "2026-03-20")
    assert "### Analyse des causes\n\n*À compléter.*\n" in result.stdout


def test_plan_header_shows_the_certificate_and_a_notification_to_come(
    run_main, write_audit, audit_text: str
) -> None:
    """A certificate's end is in the plan's header; a notification after the day of the
    plan is said to be still to come (the deadlines have not started)."""
    folder = write_audit(audit_text + "certificat:\n  obtenu_le: 2024-05-02\n")
    result = run_main("plan", str(folder), "--today", "2026-03-11")
    assert "| Certificat | valable jusqu'au 1er mai 2027 |" in result.stdout
    assert (
        "| Notification des NC | 12 mars 2026 (pas encore : les délais n'ont pas commencé) |"
    ) in result.stdout
