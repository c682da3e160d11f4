"""Commands that write refuse, with a message and exit status 1, whatever they cannot
do safely: an invalid file, an unknown NC or action, evidence outside the folder, a
file another writer changed meanwhile. Nothing is written then."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.edits import DAY, golden_folder

Run = Callable[..., Any]
WriteAudit = Callable[..., Path]


def _unchanged(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "nc").iterdir())}


def test_a_file_with_a_syntax_error_is_refused(run_main: Run, write_audit: WriteAudit,
                                               nc_text: str) -> None:  # fmt: skip
    """The errors are those of qnc check, at their place; the file is left as it is."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "actions: [\n"})
    before = _unchanged(folder)
    result = run_main("lift", "NC-01", *DAY, cwd=folder)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("nc/NC-01.yaml:6:1: erreur: ")
    assert lines[-1] == (
        "qnc: « nc/NC-01.yaml » contient des erreurs : corrigez-les d'abord (qnc check --fix "
        "en corrige certaines) ; rien n'a été écrit"
    )
    assert _unchanged(folder) == before


def test_a_file_with_an_error_of_the_rules_is_refused(run_main: Run, write_audit: WriteAudit,
                                                       nc_text: str) -> None:  # fmt: skip
    """qnc writes only into files qnc check accepts: 'Mineure' is fixed first."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text.replace("mineure", "Mineure")})
    result = run_main("lift", "NC-01", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "nc/NC-01.yaml:3:10: erreur: « Mineure » n'est pas accepté ; vouliez-vous dire "
        "« mineure » ? Valeurs acceptées : mineure, majeure [valeur-invalide]"
    )


def test_a_broken_audit_file_is_refused(run_main: Run, write_audit: WriteAudit,
                                        audit_text: str) -> None:  # fmt: skip
    """Facts are checked against the audit: its own errors come first."""
    folder = write_audit(audit_text.replace("type: initial", "type: initiale"))
    result = run_main("lift", "NC-01", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("qnc: « audit.yaml » contient des erreurs")


def test_a_fact_before_the_audit_is_refused(run_main: Run,
                                            write_audit: WriteAudit) -> None:  # fmt: skip
    """A date qnc check would refuse: the same message, at the line that would be written."""
    folder = write_audit()
    before = _unchanged(folder)
    result = run_main("lift", "NC-01", "--le", "2026-03-01", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr == (
        "nc/NC-01.yaml:5:11: erreur: le 1er mars 2026 est avant le début de l'audit "
        "(9 mars 2026) [ordre-dates]\n"
        "qnc: la modification donnerait ces erreurs ; rien n'a été écrit\n"
    )
    assert _unchanged(folder) == before


def test_an_action_due_before_the_audit_is_refused(run_main: Run,
                                                   write_audit: WriteAudit) -> None:  # fmt: skip
    """add-action --echeance before the audit's first day: refused by the check of the
    folder as it would be, at the line that would be written."""
    folder = write_audit()
    before = _unchanged(folder)
    result = run_main("add-action", "NC-01", "--description", "Relancer", "--responsable", "R",
                      "--echeance", "2025-08-10", *DAY, cwd=folder)  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr == (
        "nc/NC-01.yaml:9:15: erreur: échéance le 10 août 2025, avant le début de l'audit "
        "(9 mars 2026) : une échéance vient après l'audit qui a relevé la NC ; vérifiez la "
        "date [ordre-dates]\n"
        "qnc: la modification donnerait ces erreurs ; rien n'a été écrit\n"
    )
    assert _unchanged(folder) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("lift", "NC-09"), "qnc: il n'y a pas de NC « NC-09 » dans « . » (NC : NC-02)\n"),
        (("done", "NC-02", "A9"),
         "qnc: NC-02 n'a pas d'action « A9 » (ses actions : A1, A2)\n"),
        (("done", "NC-02", "A2", "--preuve", "preuves/absente.pdf"),
         "qnc: la preuve « preuves/absente.pdf » n'existe pas : vérifiez le chemin (depuis le "
         "dossier courant ou le dossier d'audit)\n"),
        (("sent", "NC-02"), None),
    ],
)  # fmt: skip
def test_unknown_names_are_refused(run_main: Run, write_audit: WriteAudit,
                                   args: tuple[str, ...], message: str | None) -> None:  # fmt: skip
    """An unknown NC, action or evidence file: said, nothing written."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    before = _unchanged(folder)
    result = run_main(*args, *DAY, cwd=folder)
    if message is None:  # neither --plan nor --preuves: a usage error
        assert result.exit_code == 2
        assert result.stderr.endswith("Erreur : donnez soit --plan, soit --preuves\n")
    else:
        assert (result.exit_code, result.stderr) == (1, message)
    assert _unchanged(folder) == before


def test_evidence_outside_the_folder_is_refused(run_main: Run, write_audit: WriteAudit,
                                                tmp_path: Path) -> None:  # fmt: skip
    """Evidence must be versioned with the audit: a file elsewhere is refused."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    (tmp_path / "ailleurs.pdf").write_text("x", "utf-8")
    result = run_main("done", "NC-02", "A2", "--preuve", "../ailleurs.pdf", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr.startswith("qnc: la preuve « ../ailleurs.pdf » est hors du dossier")


def test_evidence_is_found_from_the_audit_folder_too(run: Run, write_audit: WriteAudit,
                                                     tmp_path: Path) -> None:  # fmt: skip
    """Run from elsewhere with --dossier, a path written as in the files still works."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run("done", "NC-02", "A2", "--preuve", "preuves/calendrier.pdf", "--dossier",
                 "audit", *DAY, cwd=tmp_path)  # fmt: skip
    assert result.exit_code == 0
    assert "      - preuves/calendrier.pdf\n" in (folder / "nc/NC-02.yaml").read_text()


def test_not_in_an_audit_folder(run_main: Run, tmp_path: Path) -> None:
    """Without audit.yaml here nor --dossier: said, with the way out."""
    result = run_main("lift", "NC-01", *DAY, cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (1, (
        "qnc: « . » ne contient pas de fichier audit.yaml : lancez la commande dans un dossier "
        "d'audit, ou désignez-en un avec --dossier\n"))  # fmt: skip


def test_two_writers_the_second_is_refused_and_nothing_is_lost(
    run_main: Run, write_audit: WriteAudit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer changes the file between the moment qnc reads it and the moment it
    writes: qnc refuses, says so, and the other writer's change stays."""
    from qnc.editing import session
    from qnc.writing.edit import apply_edits
    from qnc.writing.edits import SetValue
    from qnc.writing.replace import read_snapshot, write_snapshot

    folder = golden_folder(write_audit, "NC-02.before.yaml")
    path = folder / "nc" / "NC-02.yaml"

    def read_then_another_writes(target: Path, *, name: str) -> Any:
        snapshot = read_snapshot(target, name=name)
        other = read_snapshot(target)
        assert other.raw is not None
        write_snapshot(other, apply_edits(other.raw, [SetValue(("plan_envoye_le",),
                                                               "2026-04-01")], target))  # fmt: skip
        return snapshot

    monkeypatch.setattr(session, "read_snapshot", read_then_another_writes)
    result = run_main("lift", "NC-02", "--le", "2026-06-19", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: « nc/NC-02.yaml » a changé sur le disque depuis que qnc l'a lu (quelqu'un ou "
        "quelque chose d'autre l'a écrit entre-temps) ; rien n'a été écrit : relancez la "
        "commande\n"
    )
    text = path.read_text("utf-8")
    assert "plan_envoye_le: 2026-04-01\n" in text and "levee_le" not in text


def test_refusals_in_english(run_main: Run, write_audit: WriteAudit) -> None:
    """The same refusal in English with --lang en."""
    folder = write_audit()
    result = run_main("--lang", "en", "lift", "NC-01", "--le", "2026-03-01", *DAY, cwd=folder)
    assert result.stderr.splitlines()[-1] == (
        "qnc: the change would give these errors; nothing written"
    )
    assert result.stderr.splitlines()[0] == (
        "nc/NC-01.yaml:5:11: error: 1 March 2026 is before the audit started "
        "(9 March 2026) [ordre-dates]"
    )
