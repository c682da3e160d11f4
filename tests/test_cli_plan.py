"""`qnc plan`: the Markdown action plan, its safety rules and where it writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from qnc.render.markdown import cell, escape
from tests.conftest import EXAMPLES
from tests.golden import assert_golden

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
MID_WAY = "2026-11-20"


def tree(root: Path) -> dict[str, tuple[int, float]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime)
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plan_golden(run_main, tmp_path: Path, lang: str) -> None:
    """The example's plan, fr and en, as reviewed; evidence links relative to the plan."""
    out = tmp_path / f"plan-{lang}.md"
    result = run_main("plan", str(EXAMPLE), "--out", str(out), "--today", MID_WAY, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text("utf-8")
    relative = os.path.relpath(EXAMPLE, tmp_path).replace(os.sep, "/")
    assert_golden(f"plan-{lang}.md", text.replace(relative, "EXAMPLE"))


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


def test_missing_folder_is_a_clear_error(run_main, tmp_path: Path) -> None:
    """--out into a folder that does not exist: message, exit 1, nothing written."""
    before = tree(tmp_path)
    result = run_main("plan", str(EXAMPLE), "--out", str(tmp_path / "absent" / "plan.md"))
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
        result = run_main("plan", str(EXAMPLE), "--out", str(locked / "plan.md"))
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
    assert result.stderr == f"qnc: écriture de « {out} » impossible : No space left on device\n"
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


def test_several_audits_are_refused(run_main, write_audit, tmp_path: Path) -> None:
    """plan works on one audit: a folder of several is a clear error."""
    write_audit(name="a")
    write_audit(name="b")
    result = run_main("plan", str(tmp_path), "--today", "2026-03-20")
    assert result.exit_code == 1
    assert result.stderr == "qnc: 2 audits trouvés : donnez le dossier d'un seul audit\n"


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
    result = run_main("plan", str(EXAMPLE), "--out", str(tmp_path / "plan.md"))
    assert result.exit_code == 1
    assert result.stderr == f"qnc: écriture impossible dans « {tmp_path} » : Permission denied\n"
    assert list(tmp_path.iterdir()) == []
