"""`qnc status` on a portfolio with a broken audit: what is said of it, and said once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

WriteAudit = Callable[..., Path]
TODAY = ("--today", "2026-03-20")
BAD_SIRET = '  categories: [AF]\n  siret: "1"\n'


@pytest.mark.parametrize("command", ["status", "relances", "calendar", "export", "historique"])
def test_errors_are_printed_and_warnings_only_counted(
    run_main, write_audit: WriteAudit, audit_text: str, tmp_path: Path, command: str
) -> None:
    """With an audit in error, stderr gives the errors and only the count of warnings
    (among forty warnings of other clients an error would be lost): qnc check lists
    them. Said once: no other sentence counts the warnings again."""
    write_audit(audit_text.replace("  categories: [AF]\n", BAD_SIRET), name="a-broken")
    write_audit(audit_text.replace("  notification: 2026-03-12\n", ""), name="b-sound")
    result = run_main(command, ".", *TODAY, cwd=tmp_path, env={"COLUMNS": "80"})
    assert result.exit_code == 1
    assert result.stderr == (
        "a-broken/audit.yaml:4:10: erreur: « 1 » n'est pas un SIRET valide : 14 chiffres avec "
        "une clé de Luhn correcte [siret]\n"
        "4 fichiers vérifiés : 1 erreur, et 1 avertissement non affiché ici : lancez "
        "« qnc check » pour le voir.\n"
        "1 audit a des erreurs : il est listé sans verdict tant qu'elles ne sont pas "
        "corrigées.\n"
    )


def test_check_still_lists_every_warning(
    run_main, write_audit: WriteAudit, audit_text: str, tmp_path: Path
) -> None:
    """qnc check itself gives the warnings in full, next to the errors."""
    write_audit(audit_text.replace("  categories: [AF]\n", BAD_SIRET), name="a-broken")
    write_audit(audit_text.replace("  notification: 2026-03-12\n", ""), name="b-sound")
    result = run_main("check", ".", *TODAY, cwd=tmp_path)
    assert result.exit_code == 1
    assert "b-sound/audit.yaml:6:1: avertissement: pas de date de notification" in (
        result.stdout + result.stderr
    )


def test_broken_audit_yaml_gives_its_folder_and_its_readable_name(
    run_main, write_audit: WriteAudit, audit_text: str, tmp_path: Path
) -> None:
    """audit.yaml with a bad SIRET: its organisation's name is still read, for JSON and
    the terminal; with the name itself missing, the folder's name stands for it."""
    write_audit(audit_text.replace("  categories: [AF]\n", BAD_SIRET), name="a-siret")
    nameless = audit_text.replace("  nom: Formations du Littoral\n", "")
    write_audit(nameless, name="b-nameless")
    write_audit(name="c-sound")
    result = run_main("status", ".", *TODAY, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["audits_en_erreur"] == [
        {"chemin": "a-siret", "dossier": "a-siret", "organisme": "Formations du Littoral",
         "siret": None, "type": "initial", "debut": "2026-03-09", "fin": "2026-03-10",
         "erreurs": 1},
        {"chemin": "b-nameless", "dossier": "b-nameless", "organisme": None,
         "siret": None, "type": "initial", "debut": "2026-03-09", "fin": "2026-03-10",
         "erreurs": 1},
    ]  # fmt: skip
    narrow = run_main("status", ".", *TODAY, cwd=tmp_path, env={"COLUMNS": "80"})
    assert narrow.stdout.startswith(
        "Audits, du plus urgent au moins urgent\n\n"
        "Formations du Littoral — en erreur\n"
        "   Dossier : a-siret\n"
        "   À faire : 1 erreur : lancez qnc check\n\n"
        "b-nameless — en erreur\n"
        "   Dossier : b-nameless\n"
        "   À faire : 1 erreur : lancez qnc check\n\n"
    )


def test_folder_is_named_when_run_from_inside_it(
    run_main, write_audit: WriteAudit, audit_text: str, tmp_path: Path
) -> None:
    """'chemin' is '.' from inside the broken audit; 'dossier' still names it."""
    broken = write_audit(audit_text.replace("  categories: [AF]\n", BAD_SIRET), name="broken")
    write_audit(name="sound")
    result = run_main("status", "..", *TODAY, "--format", "json", cwd=broken)
    (entry,) = json.loads(result.stdout)["audits_en_erreur"]
    assert (entry["chemin"], entry["dossier"]) == (".", "broken")


def test_broken_audit_yaml_gives_whatever_could_be_read(
    run_main, write_audit: WriteAudit, audit_text: str, tmp_path: Path
) -> None:
    """A misspelt audit type: the SIRET and the dates, valid on their own, are still given
    in JSON, to tell which audit of the portfolio it is."""
    siret = '  categories: [AF]\n  siret: "83214560100015"\n'
    text = audit_text.replace("  categories: [AF]\n", siret)
    write_audit(text.replace("type: initial", "type: initiale"), name="typo")
    write_audit(name="sound")
    result = run_main("status", ".", *TODAY, "--format", "json", cwd=tmp_path)
    assert json.loads(result.stdout)["audits_en_erreur"] == [
        {"chemin": "typo", "dossier": "typo", "organisme": "Formations du Littoral",
         "siret": "83214560100015", "type": None, "debut": "2026-03-09", "fin": "2026-03-10",
         "erreurs": 1},
    ]  # fmt: skip
