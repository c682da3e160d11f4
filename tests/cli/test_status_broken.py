"""`qnc status` on a portfolio with a broken audit: what is said of it, and said once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

WriteAudit = Callable[..., Path]
TODAY = ("--today", "2026-03-20")
BAD_SIRET = '  categories: [AF]\n  siret: "1"\n'


def test_warnings_listed_in_full_are_not_summarised_again(
    run_main, write_audit: WriteAudit, audit_text: str, tmp_path: Path
) -> None:
    """With an audit in error, every diagnostic is printed, the warning of the sound audit
    too: the sentence that counts the warnings would say it a second time."""
    write_audit(audit_text.replace("  categories: [AF]\n", BAD_SIRET), name="a-broken")
    write_audit(audit_text.replace("  notification: 2026-03-12\n", ""), name="b-sound")
    result = run_main("status", ".", *TODAY, cwd=tmp_path, env={"COLUMNS": "80"})
    assert result.exit_code == 1
    assert result.stderr == (
        "a-broken/audit.yaml:4:10: erreur: « 1 » n'est pas un SIRET valide : 14 chiffres avec "
        "une clé de Luhn correcte [siret]\n"
        "b-sound/audit.yaml:6:1: avertissement: pas de date de notification : les délais "
        "partent du dernier jour d'audit (10 mars 2026) ; ajoutez « notification: » avec la "
        "date où les NC ont été notifiées [notification-absente]\n"
        "4 fichiers vérifiés : 1 erreur, 1 avertissement.\n"
        "1 audit a des erreurs : il est listé sans verdict tant qu'elles ne sont pas "
        "corrigées.\n"
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
         "erreurs": 1},
        {"chemin": "b-nameless", "dossier": "b-nameless", "organisme": None, "erreurs": 1},
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
