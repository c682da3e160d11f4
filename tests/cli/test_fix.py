"""qnc check --fix: what has one right answer corrected, each change printed, nothing
else touched; --dry-run shows the diff and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.edits import DAY, EDITS, VARIANTS, golden_folder, variant
from tests.golden import assert_golden

Run = Callable[..., Any]
WriteAudit = Callable[..., Path]

FIXED = [
    "audit/nc/NC-03.yaml:4:10: corrigé : gravite : « Mineure » → « mineure »",
    "audit/nc/NC-03.yaml:8:11: corrigé : action A1, type : « Corrective » → « corrective »",
    "audit/nc/NC-03.yaml:10:15: corrigé : action A1, echeance : « 15/05/2026 » → « 2026-05-15 »",
    "audit/nc/NC-03.yaml:11:14: corrigé : action A1, fait_le : « 2026-5-2 » → « 2026-05-02 »",
    "audit/nc/NC-03.yaml:12:1: corrigé : la clé « plan_envoye » devient « plan_envoye_le »",
    "audit/nc/NC-03.yaml:12:17: corrigé : plan_envoye_le : « 01/04/2026 » → « 2026-04-01 »",
]


@pytest.mark.parametrize("kind", VARIANTS)
def test_fix_corrects_what_has_one_answer(run: Run, write_audit: WriteAudit, kind: str) -> None:
    """The file after --fix is the reviewed golden copy; each change is printed with its
    place; the check then runs on the corrected files."""
    folder = golden_folder(write_audit, "fix.before.yaml", kind)
    result = run("check", "--fix", "audit", *DAY)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        *FIXED,
        "6 corrections faites",
        "audit/nc/NC-03.yaml:12:17: avertissement: le plan d'actions a été envoyé sans analyse "
        "des causes ; ajoutez « analyse_causes: » [analyse-causes]",
    ]
    written = (folder / "nc" / "NC-03.yaml").read_bytes()
    if kind == "lf":
        assert_golden("edits/fix.after.yaml", written.decode("utf-8"))
    else:
        assert written == variant((EDITS / "fix.after.yaml").read_text("utf-8"), kind)


def test_fix_dry_run_writes_nothing(run: Run, write_audit: WriteAudit) -> None:
    """--fix --dry-run prints the changes and the diff; the file stays as it was."""
    folder = golden_folder(write_audit, "fix.before.yaml")
    before = (folder / "nc" / "NC-03.yaml").read_bytes()
    result = run("check", "--fix", "--dry-run", "audit", *DAY)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        *FIXED,
        "6 corrections à faire ; rien n'a été écrit (--dry-run)",
        "audit/nc/NC-03.yaml:12:17: avertissement: le plan d'actions a été envoyé sans analyse "
        "des causes ; ajoutez « analyse_causes: » [analyse-causes]",
        "2 fichiers vérifiés : 0 erreur, 1 avertissement.",
    ]
    assert result.stdout.startswith("--- a/audit/nc/NC-03.yaml\n+++ b/audit/nc/NC-03.yaml\n")
    assert "-gravite: Mineure   # sic\n+gravite: mineure   # sic\n" in result.stdout
    assert (folder / "nc" / "NC-03.yaml").read_bytes() == before


def test_fix_leaves_what_has_several_answers(run: Run, write_audit: WriteAudit,
                                             nc_text: str) -> None:  # fmt: skip
    """'majeur' may be majeure (or a typo for mineure…), 'levee' is not close enough to
    one key, 2026-02-30 has no right answer: left for a person to decide, and reported."""
    text = nc_text.replace("mineure", "majeur") + "levee: 2026-06-01\nplan_envoye_le: 2026-02-30\n"
    folder = write_audit(ncs={"NC-01.yaml": text})
    result = run("check", "--fix", "audit", *DAY)
    assert result.exit_code == 1
    assert "corrigé" not in result.stderr
    assert (folder / "nc" / "NC-01.yaml").read_text("utf-8") == text


def test_dry_run_goes_with_fix(run_main: Run, write_audit: WriteAudit) -> None:
    """--dry-run alone is a usage error: check never writes without --fix."""
    write_audit()
    result = run_main("check", "--dry-run", "audit", *DAY)
    assert result.exit_code == 2
    assert result.stderr.endswith("Erreur : --dry-run s'emploie avec --fix\n")


def test_fix_in_english(run: Run, write_audit: WriteAudit) -> None:
    """The changes are said in English with --lang en."""
    golden_folder(write_audit, "fix.before.yaml")
    result = run("check", "--fix", "--dry-run", "audit", *DAY, "--lang", "en")
    assert result.stderr.splitlines()[0] == (
        "audit/nc/NC-03.yaml:4:10: fixed: gravite: 'Mineure' → 'mineure'"
    )


def test_fix_dry_run_lists_the_errors_that_remain(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """A file YAML cannot read has nothing --fix can correct: --dry-run says so in words,
    lists the errors qnc check would report, and exits 1."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "actions: [A1\n"})
    before = (folder / "nc" / "NC-01.yaml").read_bytes()
    result = run("check", "--fix", "--dry-run", "audit", *DAY)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "aucune correction à faire ; rien n'a été écrit (--dry-run)",
        "audit/nc/NC-01.yaml:6:1: erreur: une liste entre crochets n'est pas refermée, ou il "
        "manque une virgule entre deux éléments ; vérifiez le « ] » final et les virgules "
        "[syntaxe-yaml]",
        "2 fichiers vérifiés : 1 erreur, 0 avertissement.",
    ]
    assert (folder / "nc" / "NC-01.yaml").read_bytes() == before


def test_a_key_renamed_in_an_action_is_said_in_words(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """A key corrected inside an action names the action by its id."""
    action = "actions:\n  - id: A2\n    responsable: R\n    echeance: 2026-04-01\n"
    folder = write_audit(ncs={"NC-01.yaml": nc_text + action + "    faite_le: 2026-04-01\n"})
    result = run("check", "--fix", "audit", *DAY)
    assert result.stderr.splitlines()[0] == (
        "audit/nc/NC-01.yaml:9:5: corrigé : action A2 : la clé « faite_le » devient « fait_le »"
    )
    assert (folder / "nc" / "NC-01.yaml").read_text("utf-8").endswith("    fait_le: 2026-04-01\n")


def test_a_text_with_a_colon_is_quoted_then_checked(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """`constat: Le livret : absent` stops qnc check; --fix quotes it, the file then
    reads, and qnc plan shows the text as it was written."""
    text = nc_text.replace("constat: ", "constat: Le livret : absent\n# was: ")
    assert "constat: Le livret : absent\n" in text
    folder = write_audit(ncs={"NC-01.yaml": text})
    assert run("check", "audit", *DAY).exit_code == 1
    result = run("check", "--fix", "audit", *DAY)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[:2] == [
        "audit/nc/NC-01.yaml:4:10: corrigé : constat : texte mis entre guillemets, car il "
        "contient « : »",
        "1 correction faite",
    ]
    written = (folder / "nc" / "NC-01.yaml").read_text("utf-8")
    assert written == text.replace("Le livret : absent", '"Le livret : absent"')
    assert "Le livret : absent" in run("plan", "audit", *DAY).stdout
