"""qnc check: text, JSON and GitHub output, exit codes, languages, and every example."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import qnc
from qnc.inspection import inspect
from tests.conftest import AUDIT

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WriteAudit = Callable[..., Path]
Run = Callable[..., Any]
TODAY = ("--today", "2026-03-20")


@pytest.fixture
def misspelt(write_audit: WriteAudit, nc_text: str) -> Path:
    """An audit whose only problem is 'gravitee' at nc/NC-01.yaml:3:1."""
    return write_audit(ncs={"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")})


# --- text output --------------------------------------------------------------------------


def test_text_diagnostics_on_stderr_summary_on_stdout(run: Run, misspelt: Path) -> None:
    """Each problem is 'path:line:col: erreur: message [code]' on stderr; the summary on stdout."""
    result = run("check", "audit", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "audit/nc/NC-01.yaml:3:1: erreur: clé inconnue « gravitee » ; vouliez-vous dire "
        "« gravite » ? [cle-inconnue]\n"
    )
    assert result.stdout == "2 fichiers vérifiés : 1 erreur, 0 avertissement.\n"


def test_a_key_moved_to_column_0_is_named_at_its_line(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """responsable: moved to column 0 inside an action is reported at its own line, with
    how many spaces to add, not at the next line as a misplaced ':'."""
    action = "actions:\n  - id: A1\n    description: d\nresponsable: r\n    echeance: 2026-04-01\n"
    write_audit(ncs={"NC-01.yaml": nc_text + action})
    result = run("check", "audit", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "audit/nc/NC-01.yaml:8:1: erreur: la clé « responsable » n'est pas indentée comme les "
        "clés qui l'entourent (colonne 5) : elle commence en colonne 1 ; ajoutez 4 espaces en "
        "début de ligne [cle-mal-indentee]\n"
    )


def test_missing_owner_and_unknown_indicator_in_one_run(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """A missing key does not hide the indicator's error until it is fixed: both at once."""
    action = "actions:\n  - id: A1\n    echeance: 2026-04-01\n"
    write_audit(ncs={"NC-01.yaml": nc_text.replace("indicateur: 12", "indicateur: 40") + action})
    result = run("check", "audit", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "audit/nc/NC-01.yaml:2:13: erreur: l'indicateur 40 n'existe pas dans la grille "
        "rnq-2019 (1 à 32) [indicateur-inconnu]\n"
        "audit/nc/NC-01.yaml:6:5: erreur: la clé obligatoire « responsable » manque sous "
        "« actions[1] » [cle-manquante]\n"
    )
    assert result.stdout == "2 fichiers vérifiés : 2 erreurs, 0 avertissement.\n"


def test_success_prints_one_summary_line(run: Run, write_audit: WriteAudit) -> None:
    """A valid audit: exit 0, nothing on stderr, a one-line summary."""
    write_audit()
    result = run("check", "audit", *TODAY)
    assert (result.exit_code, result.stderr, result.stdout) == (
        0,
        "",
        "2 fichiers vérifiés : aucun problème.\n",
    )


def test_warnings_alone_exit_0(run: Run, write_audit: WriteAudit, audit_text: str) -> None:
    """Warnings are printed as 'avertissement' and do not fail the check."""
    write_audit(audit_text.replace("  notification: 2026-03-12\n", ""))
    result = run("check", "audit", *TODAY)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "audit/audit.yaml:6:1: avertissement: pas de date de notification"
    )
    assert result.stderr.endswith(" [notification-absente]\n")
    assert result.stdout == "2 fichiers vérifiés : 0 erreur, 1 avertissement.\n"


def test_strict_turns_warnings_into_failure(
    run: Run, write_audit: WriteAudit, audit_text: str
) -> None:
    """--strict makes a warning fail the check with exit 1."""
    write_audit(audit_text.replace("  notification: 2026-03-12\n", ""))
    assert run("check", "audit", *TODAY, "--strict").exit_code == 1


def test_strict_without_warnings_exits_0(run: Run, write_audit: WriteAudit) -> None:
    """--strict on a clean audit still exits 0."""
    write_audit()
    assert run("check", "audit", *TODAY, "--strict").exit_code == 0


def test_problems_sorted_by_file_then_line(
    run: Run, write_audit: WriteAudit, audit_text: str, nc_text: str
) -> None:
    """Every problem of every file comes in one run, sorted by file and line.

    audit.yaml being invalid, the rules spanning records are not applied; the schema
    problems of every NC file are still reported.
    """
    write_audit(
        audit_text.replace("type: initial", "type: inital"),
        {
            "NC-02.yaml": nc_text.replace("NC-01", "NC-02").replace("mineure", "majeur"),
            "NC-01.yaml": nc_text.replace("12", '"onze"') + "remarque: x\n",
        },
    )
    places = [
        line.split(": ")[0] + " " + line.rsplit(" ", 1)[1]
        for line in run("check", "audit", *TODAY).stderr.splitlines()
    ]
    assert places == [
        "audit/audit.yaml:7:9 [valeur-invalide]",
        "audit/nc/NC-01.yaml:2:13 [type-invalide]",
        "audit/nc/NC-01.yaml:5:1 [cle-inconnue]",
        "audit/nc/NC-02.yaml:3:10 [valeur-invalide]",
    ]


def test_several_audits_in_one_run(run: Run, write_audit: WriteAudit, nc_text: str) -> None:
    """A folder of audits is checked as a whole: files of all audits are counted."""
    write_audit(name="clients/a")
    other = AUDIT.replace("Formations du Littoral", "Atelier Nord")  # another client
    write_audit(other, {"NC-01.yaml": nc_text.replace("12", "34")}, name="clients/b")
    result = run("check", "clients", *TODAY)
    assert result.exit_code == 1
    assert result.stderr.startswith("clients/b/nc/NC-01.yaml:2:13: erreur: ")
    assert result.stdout == "4 fichiers vérifiés : 1 erreur, 0 avertissement.\n"


def test_no_path_means_the_current_folder(run: Run, misspelt: Path) -> None:
    """Without a path, the current folder is checked."""
    result = run("check", *TODAY, cwd=misspelt)
    assert result.stderr.startswith("nc/NC-01.yaml:3:1: erreur: ")


def test_path_outside_current_folder_is_absolute(run: Run, misspelt: Path) -> None:
    """A file outside the current folder is shown by its absolute path."""
    result = run("check", str(misspelt), *TODAY, cwd=EXAMPLES)
    assert result.stderr.startswith(f"{misspelt}/nc/NC-01.yaml:3:1: erreur: ")


def test_huge_nc_file_is_refused_at_its_start(run: Run, write_audit: WriteAudit) -> None:
    """A 5 MB NC file is not read: 'fichier-trop-gros' at 1:1, exit 1."""
    write_audit(ncs={"NC-01.yaml": "id: NC-01\nconstat: " + "x" * 5_000_000 + "\n"})
    result = run("check", "audit", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "audit/nc/NC-01.yaml:1:1: erreur: fichier trop gros (5000 ko, limite 1000 ko) ; "
        "un fichier d'audit fait quelques ko [fichier-trop-gros]\n"
    )
    assert result.stdout == "2 fichiers vérifiés : 1 erreur, 0 avertissement.\n"


# --- language -----------------------------------------------------------------------------

ENGLISH = (
    "audit/nc/NC-01.yaml:3:1: error: unknown key 'gravitee'; did you mean 'gravite'? "
    "[cle-inconnue]\n",
    "2 files checked: 1 error, 0 warnings.\n",
)


def test_lang_option_english(run: Run, misspelt: Path) -> None:
    """--lang en turns messages, severities and the summary into English; codes stay."""
    result = run("check", "audit", *TODAY, "--lang", "en")
    assert (result.stderr, result.stdout) == ENGLISH


def test_qnc_lang_environment(run: Run, misspelt: Path) -> None:
    """QNC_LANG=en does what --lang en does."""
    result = run("check", "audit", *TODAY, env={"QNC_LANG": "en"})
    assert (result.stderr, result.stdout) == ENGLISH


def test_audit_language_applies_unless_overridden(
    run: Run, write_audit: WriteAudit, audit_text: str, nc_text: str
) -> None:
    """'langue: en' in audit.yaml gives English; --lang fr still wins."""
    write_audit(
        audit_text + "langue: en\n", {"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")}
    )
    assert (run("check", "audit", *TODAY).stdout) == ENGLISH[1]
    assert run("check", "audit", *TODAY, "--lang", "fr").stdout == (
        "2 fichiers vérifiés : 1 erreur, 0 avertissement.\n"
    )


def test_audits_of_different_languages_fall_back_to_french(
    run: Run, write_audit: WriteAudit, audit_text: str, nc_text: str, tmp_path: Path
) -> None:
    """One audit in English, one in French: no language is shared, messages are French."""
    misspelt = {"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")}
    write_audit(audit_text + "langue: en\n", misspelt, name="a-en")
    other = audit_text.replace("Formations du Littoral", "Atelier Nord")  # another client
    write_audit(other + "langue: fr\n", misspelt, name="b-fr")
    assert inspect([tmp_path], today=date(2026, 3, 20)).language == "fr"
    result = run("check", ".", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == "".join(
        f"{name}/nc/NC-01.yaml:3:1: erreur: clé inconnue « gravitee » ; vouliez-vous dire "
        "« gravite » ? [cle-inconnue]\n"
        for name in ("a-en", "b-fr")
    )
    assert result.stdout == "4 fichiers vérifiés : 2 erreurs, 0 avertissement.\n"


# --- JSON and GitHub ----------------------------------------------------------------------


def test_json_output(run: Run, misspelt: Path) -> None:
    """--format json prints one JSON document on stdout, nothing on stderr."""
    result = run("check", "audit", *TODAY, "--format", "json")
    assert (result.exit_code, result.stderr) == (1, "")
    assert json.loads(result.stdout) == {
        "fichiers": 2,
        "erreurs": 1,
        "avertissements": 0,
        "diagnostics": [
            {
                "chemin": "audit/nc/NC-01.yaml",
                "ligne": 3,
                "colonne": 1,
                "niveau": "erreur",
                "code": "cle-inconnue",
                "message": "clé inconnue « gravitee » ; vouliez-vous dire « gravite » ?",
            }
        ],
    }


def test_json_keys_stay_french_in_english(run: Run, misspelt: Path) -> None:
    """--lang en changes the message only, never the keys, level or code."""
    payload = json.loads(run("check", "audit", *TODAY, "--format", "json", "--lang", "en").stdout)
    assert payload["diagnostics"][0] == {
        "chemin": "audit/nc/NC-01.yaml",
        "ligne": 3,
        "colonne": 1,
        "niveau": "erreur",
        "code": "cle-inconnue",
        "message": "unknown key 'gravitee'; did you mean 'gravite'?",
    }


def test_json_of_a_valid_audit(run: Run, write_audit: WriteAudit) -> None:
    """A valid audit gives empty counts and exit 0 in JSON too."""
    write_audit()
    result = run("check", "audit", *TODAY, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "fichiers": 2,
        "erreurs": 0,
        "avertissements": 0,
        "diagnostics": [],
    }


def test_github_annotations(run: Run, write_audit: WriteAudit, nc_text: str) -> None:
    """--format github prints workflow commands, then the summary, on stdout."""
    write_audit(ncs={"NC-02.yaml": nc_text})
    result = run("check", "audit", *TODAY, "--format", "github")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "::warning file=audit/nc/NC-02.yaml,line=1,col=5,title=qnc [nom-fichier]::"
        "le fichier devrait porter le nom de son identifiant : NC-01.yaml\n"
        "2 fichiers vérifiés : 0 erreur, 1 avertissement.\n"
    )


def test_github_escapes_properties(run: Run, write_audit: WriteAudit, nc_text: str) -> None:
    """Commas and colons are escaped in properties (the file name), not in the message."""
    write_audit(ncs={"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")}, name="audit,2026")
    first = run("check", "audit,2026", *TODAY, "--format", "github").stdout.splitlines()[0]
    assert first == (
        "::error file=audit%2C2026/nc/NC-01.yaml,line=3,col=1,title=qnc [cle-inconnue]::"
        "clé inconnue « gravitee » ; vouliez-vous dire « gravite » ?"
    )


def test_github_paths_from_the_workspace_and_line_breaks(
    run: Run, write_audit: WriteAudit, nc_text: str, tmp_path: Path
) -> None:
    """A step run in a sub-folder still names files from the repository root
    (GITHUB_WORKSPACE), and a line break in a value becomes GitHub's %0A."""
    text = nc_text.replace("gravite: mineure", 'gravite: "min\\neure"')
    folder = write_audit(ncs={"NC-01.yaml": text})
    env = {"GITHUB_WORKSPACE": str(tmp_path)}
    first = run("check", ".", *TODAY, "--format", "github", env=env, cwd=folder).stdout
    assert first.splitlines()[0] == (
        "::error file=audit/nc/NC-01.yaml,line=3,col=10,title=qnc [valeur-invalide]::"
        "« min%0Aeure » n'est pas accepté ; vouliez-vous dire « mineure » ? "
        "Valeurs acceptées : mineure, majeure"
    )


@pytest.fixture
def hostile(write_audit: WriteAudit, nc_text: str) -> str:
    """An audit whose folder name and one value hold terminal control characters."""
    text = nc_text.replace("gravite: mineure", 'gravite: "min\\teure\\u202e\\x9b"')
    write_audit(ncs={"NC-01.yaml": text}, name="audit\x1b[2J")
    return "audit\x1b[2J"


def test_text_shows_control_characters_as_escapes(run: Run, hostile: str) -> None:
    """A terminal never receives a control character from a path or a value: it sees \\xNN."""
    result = run("check", hostile, *TODAY)
    assert result.stderr == (
        "audit\\x1b[2J/nc/NC-01.yaml:3:10: erreur: « min\\x09eure\\u202e\\x9b » n'est pas "
        "accepté ; vouliez-vous dire « mineure » ? Valeurs acceptées : mineure, majeure "
        "[valeur-invalide]\n"
    )


def test_github_shows_control_characters_as_escapes(run: Run, hostile: str) -> None:
    """GitHub annotations get the same visible escapes, in the file and the message."""
    first = run("check", hostile, *TODAY, "--format", "github").stdout.splitlines()[0]
    assert first == (
        "::error file=audit\\x1b[2J/nc/NC-01.yaml,line=3,col=10,title=qnc [valeur-invalide]::"
        "« min\\x09eure\\u202e\\x9b » n'est pas accepté ; vouliez-vous dire « mineure » ? "
        "Valeurs acceptées : mineure, majeure"
    )


def test_json_keeps_control_characters_escaped_by_json(run: Run, hostile: str) -> None:
    """JSON escapes every control character (C1 and bidi too); parsed, the value is intact."""
    result = run("check", hostile, *TODAY, "--format", "json")
    assert "\x1b" not in result.stdout
    assert json.loads(result.stdout)["diagnostics"][0]["chemin"] == ("audit\x1b[2J/nc/NC-01.yaml")


# --- usage errors, user errors, version, help -------------------------------------------------


USAGE_CHECK = (
    "Utilisation : qnc check [OPTIONS] [CHEMINS]...\nEssayez « qnc check --help » pour l'aide.\n\n"
)


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["check", "--bogus"], USAGE_CHECK + "Erreur : option inconnue : --bogus\n"),
        (
            ["check", "--today", "2026-13-01"],
            USAGE_CHECK + "Erreur : valeur invalide pour "
            "--today : « 2026-13-01 » n'est pas une date du calendrier\n",
        ),
        (
            ["check", "--today", "20/11/2026"],
            USAGE_CHECK + "Erreur : valeur invalide pour "
            "--today : « 20/11/2026 » n'est pas au format ISO ; écrivez 2026-11-20\n",
        ),
        (
            ["check", "--format", "xml"],
            USAGE_CHECK + "Erreur : valeur invalide pour "
            "--format : « xml » ne fait pas partie de : text, json, github\n",
        ),
        (
            ["check", "--lang", "de"],
            USAGE_CHECK + "Erreur : valeur invalide pour "
            "--lang : « de » ne fait pas partie de : fr, en\n",
        ),
        (
            ["frobnicate"],
            "Utilisation : qnc [OPTIONS] COMMANDE [ARGUMENTS]...\nEssayez « qnc --help » "
            "pour l'aide.\n\nErreur : commande inconnue : « frobnicate »\n",
        ),
    ],
)
def test_usage_errors_exit_2(
    run_main: Run, write_audit: WriteAudit, args: list[str], stderr: str
) -> None:
    """A bad option or value is a usage error: exit 2, said in French on stderr, no stdout."""
    write_audit()
    result = run_main(*args, "audit")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_usage_error_in_english(run_main: Run, write_audit: WriteAudit) -> None:
    """--lang en also turns usage errors into English."""
    write_audit()
    result = run_main("check", "--lang", "en", "--bogus", "audit")
    assert (result.exit_code, result.stderr) == (
        2,
        "Usage: qnc check [OPTIONS] [PATHS]...\nTry 'qnc check --help' for help.\n\n"
        "Error: unknown option: --bogus\n",
    )


def test_today_from_environment(run: Run, write_audit: WriteAudit, nc_text: str) -> None:
    """QNC_TODAY sets the day of evaluation like --today."""
    write_audit()
    late = run("check", "audit", env={"QNC_TODAY": "2026-04-13"})
    assert "était due le 11 avril 2026 et a 2 jours de retard [etape-depassee]" in late.stderr
    assert run("check", "audit", env={"QNC_TODAY": "2026-04-11"}).stderr == ""


def test_bad_qnc_today_is_a_usage_error(run_main: Run, write_audit: WriteAudit) -> None:
    """A malformed QNC_TODAY is refused like a malformed --today."""
    write_audit()
    result = run_main("check", "audit", env={"QNC_TODAY": "demain"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Erreur : valeur invalide pour --today : « demain » n'est pas une date ; écrivez-la "
        "sous la forme AAAA-MM-JJ (valeur de la variable d'environnement QNC_TODAY)\n"
    )


def test_missing_path_is_a_user_error(run_main: Run) -> None:
    """A path that does not exist: exit 1, 'qnc: …' on stderr, no traceback."""
    result = run_main("check", "nulle-part")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "qnc: « nulle-part » n'existe pas\n",
    )


def test_user_error_shows_control_characters_as_escapes(run_main: Run) -> None:
    """A path holding a control character is shown with a visible escape."""
    result = run_main("check", "nulle\x1b[2Jpart")
    assert (result.exit_code, result.stderr) == (1, "qnc: « nulle\\x1b[2Jpart » n'existe pas\n")


def test_user_error_in_english(run_main: Run) -> None:
    """The user error follows --lang."""
    assert run_main("check", "nulle-part", "--lang", "en").stderr == (
        "qnc: 'nulle-part' does not exist\n"
    )


def test_folder_without_audit_is_a_user_error(run_main: Run, tmp_path: Path) -> None:
    """A folder holding no audit: exit 1 with the reason."""
    (tmp_path / "vide").mkdir()
    result = run_main("check", "vide")
    assert (result.exit_code, result.stderr) == (
        1,
        "qnc: aucun dossier d'audit sous « vide » : un dossier d'audit contient un fichier "
        "audit.yaml\n",
    )


def test_console_script_has_no_traceback(tmp_path: Path) -> None:
    """'python -m qnc' on a missing path ends with the message alone."""
    env = {k: v for k, v in os.environ.items() if k not in ("QNC_LANG", "QNC_TODAY")}
    done = subprocess.run(
        [sys.executable, "-m", "qnc", "check", "nulle-part"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        "",
        "qnc: « nulle-part » n'existe pas\n",
    )


def test_main_exits_0_on_success(run_main: Run, write_audit: WriteAudit) -> None:
    """The console entry point returns the command's own exit status."""
    write_audit()
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout) == (0, "2 fichiers vérifiés : aucun problème.\n")


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version(run: Run, option: str) -> None:
    """qnc --version prints the version and exits 0."""
    result = run(option)
    assert (result.exit_code, result.stdout) == (0, f"qnc {qnc.__version__}\n")


def help_of(run_main: Run, *args: str) -> str:
    result = run_main(*args, "--help", env={"COLUMNS": "80"})
    assert (result.exit_code, result.stderr) == (0, "")
    return str(result.stdout)


def test_check_help_is_french(run_main: Run) -> None:
    """qnc check --help exits 0 and describes the command and its options in French."""
    shown = help_of(run_main, "check")
    assert shown.startswith("Utilisation : qnc check [OPTIONS] [CHEMINS]...\n")
    text = " ".join(shown.split())
    for phrase in (
        "Vérifie les fichiers d'audit : syntaxe YAML, clés, valeurs, dates, indicateurs, "
        "cohérence.",
        "Arguments :",
        "Options :",
        "--strict Traiter les avertissements comme des erreurs (code de sortie 1).",
        "Sortie : text, json ou github (annotations). [par défaut : text]",
        "--today AAAA-MM-JJ Évaluer les échéances à cette date au lieu d'aujourd'hui.",
        "Langue des messages et des rapports",
        "Dossiers d'audit, fichiers d'un dossier d'audit",
        "-h, --help Affiche cette aide et quitte.",
    ):
        assert phrase in text
    assert "Show this message and exit." not in text


def test_check_help_fits_and_has_no_english(run_main: Run) -> None:
    """At 80 columns, the French help holds no English fragment and no line wider than 80."""
    shown = help_of(run_main, "check")
    assert "[env" not in shown
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_check_help_short_option(run_main: Run) -> None:
    """-h is --help."""
    assert run_main("check", "-h").stdout == run_main("check", "--help").stdout


def test_root_help_lists_check(run_main: Run) -> None:
    """qnc --help lists the check command with its French summary."""
    assert "  check        Vérifie les fichiers d'audit" in help_of(run_main)


# --- nothing written ------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(root.rglob("*"))
    }


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_check_never_writes(
    run: Run, write_audit: WriteAudit, nc_text: str, tmp_path: Path, output: str
) -> None:
    """qnc check creates, changes and deletes no file, whatever the format and the outcome."""
    write_audit(name="clients/ok")
    write_audit(ncs={"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")}, name="clients/ko")
    before = snapshot(tmp_path)
    assert run("check", "clients", *TODAY, "--format", output).exit_code == 1
    assert snapshot(tmp_path) == before


def test_check_of_examples_writes_nothing(run: Run) -> None:
    """Checking every example leaves the examples folder as it was."""
    before = snapshot(EXAMPLES)
    assert run("check", ".", "--today", "2026-11-20", cwd=EXAMPLES).exit_code == 1
    assert snapshot(EXAMPLES) == before


# --- every example ----------------------------------------------------------------------------

INVALID = {
    "yaml-malforme": ("nc/NC-01.yaml", 10, "cle-mal-indentee"),
    "tabulation": ("nc/NC-01.yaml", 9, "tabulation"),
    "fichier-vide": ("nc/NC-01.yaml", 1, "fichier-vide"),
    "liste-au-lieu-de-mapping": ("nc/NC-01.yaml", 1, "pas-un-mapping"),
    "cle-inconnue": ("nc/NC-01.yaml", 3, "cle-inconnue"),
    "valeur-enum": ("nc/NC-01.yaml", 3, "valeur-invalide"),
    "date-francaise": ("nc/NC-01.yaml", 12, "date-invalide"),
    "date-impossible": ("nc/NC-01.yaml", 12, "date-invalide"),
    "indicateur-zero": ("nc/NC-01.yaml", 2, "indicateur-inconnu"),
    "indicateur-34": ("nc/NC-01.yaml", 2, "indicateur-inconnu"),
    "indicateur-texte": ("nc/NC-01.yaml", 2, "type-invalide"),
    "mineure-sur-majeur": ("nc/NC-01.yaml", 3, "indicateur-majeur"),
    "cle-dupliquee": ("nc/NC-01.yaml", 6, "cle-dupliquee"),
    "tag-python": ("nc/NC-01.yaml", 7, "tag-interdit"),
    "non-utf8": ("nc/NC-01.yaml", 5, "encodage"),
    "nc-sans-audit": ("nc/NC-01.yaml", 1, "audit-absent"),
    "id-duplique": ("nc/NC-02.yaml", 1, "id-duplique"),
    "siret-invalide": ("audit.yaml", 4, "siret"),
}
VALID = {
    # The example organisation's initial audit holds what happened up to its surveillance
    # audit (lifts in 2027 and 2028): checked with it, on a day after every fact.
    "2026-09-audit-initial 2028-03-audit-surveillance": "2028-04-20",
    "2028-03-audit-surveillance": "2028-04-20",
    "cas-limites/bom-utf8": "2026-11-20",
    "cas-limites/fins-de-ligne-crlf": "2026-11-20",
}


def test_every_invalid_example_is_in_the_table() -> None:
    """No folder of examples/invalides escapes the table below."""
    assert sorted(p.name for p in (EXAMPLES / "invalides").iterdir() if p.is_dir()) == sorted(
        INVALID
    )


def test_every_valid_example_is_in_the_list() -> None:
    """No audit of examples/cas-limites escapes the list of valid examples."""
    found = sorted(
        f"cas-limites/{p.name}" for p in (EXAMPLES / "cas-limites").iterdir() if p.is_dir()
    )
    assert found == sorted(v for v in VALID if v.startswith("cas-limites/"))


def test_every_example_audit_is_checked() -> None:
    """Each audit folder at the top of examples/ is among the valid examples."""
    audits = sorted(p.parent.name for p in EXAMPLES.glob("*/audit.yaml"))
    assert audits == sorted({name for names in VALID for name in names.split()
                             if "/" not in name})  # fmt: skip


@pytest.mark.parametrize(("folder", "expected"), sorted(INVALID.items()))
def test_invalid_example(run: Run, folder: str, expected: tuple[str, int, str]) -> None:
    """Each invalid example fails with exit 1 and exactly its one error, at the documented line."""
    result = run(
        "check", folder, "--today", "2026-11-20", "--format", "json", cwd=EXAMPLES / "invalides"
    )
    assert result.exit_code == 1
    errors = [
        (d["chemin"], d["ligne"], d["code"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["niveau"] == "erreur"
    ]
    file, line, code = expected
    assert errors == [(f"{folder}/{file}", line, code)]


@pytest.mark.parametrize(("folders", "today"), sorted(VALID.items()))
def test_valid_example(run: Run, folders: str, today: str) -> None:
    """Each valid example passes with no problem at all, even with --strict."""
    result = run("check", *folders.split(), "--today", today, "--strict", cwd=EXAMPLES)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith(" : aucun problème.\n")


def test_initial_example_on_the_readme_day_only_has_facts_to_come(run: Run) -> None:
    """On 20 November 2026 (the README's first command), the initial audit's only
    warnings are the facts recorded since: lifts and actions of 2026-2028."""
    result = run("check", "2026-09-audit-initial", "--today", "2026-11-20", "--format", "json",
                 cwd=EXAMPLES)  # fmt: skip
    found = json.loads(result.stdout)
    assert (result.exit_code, found["erreurs"], found["avertissements"]) == (0, 0, 9)
    assert {d["code"] for d in found["diagnostics"]} == {"date-future"}
