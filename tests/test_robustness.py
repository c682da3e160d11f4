"""Hostile or unlucky audit folders: every command answers with a diagnostic, never hangs.

Control characters pasted from Word, UTF-16 files, nesting a thousand levels deep,
pipes and devices in place of files, folders that cannot be read, NC files kept where
qnc does not look: each is said in French, at its place, with the exit status of a
bad file (1), instead of a traceback, a hang or a wrong "soldée".
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NC, ROOT

WriteAudit = Callable[..., Path]
Run = Callable[..., Any]
TODAY = ("--today", "2026-03-20")
ONE_ERROR = "2 fichiers vérifiés : 1 erreur, 0 avertissement.\n"
FIX_FIRST = "Corrigez d'abord ces erreurs (qnc check les liste aussi).\n"


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail instead of hanging for ever, where a regression would block on a read."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("qnc blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def refuse_listing(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Make os.scandir refuse ``refused`` as a folder without read permission would."""
    scandir = os.scandir

    def guarded(path: Any = ".") -> Any:
        if Path(path) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


# --- what a file holds ----------------------------------------------------------------------


def test_word_line_break_is_named(run_main: Run, write_audit: WriteAudit) -> None:
    """A vertical tab (Word's Shift+Enter) is named and placed; it crashed every command."""
    write_audit(ncs={"NC-01.yaml": NC + "correction: Relance\x0bpar courriel\n"})
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        ONE_ERROR,
        "audit/nc/NC-01.yaml:5:20: erreur: le caractère U+000B est interdit dans un fichier "
        "YAML ; supprimez-le (il vient souvent d'un texte collé depuis Word) "
        "[caractere-interdit]\n",
    )


def test_control_character_stops_status_with_the_reason(
    run_main: Run, write_audit: WriteAudit
) -> None:
    """qnc status refuses the audit with the same diagnostic and exit 1, no traceback."""
    write_audit(ncs={"NC-01.yaml": NC.replace("Absences", "Absences\x00")})
    result = run_main("status", "audit", *TODAY)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(
        "audit/nc/NC-01.yaml:4:18: erreur: le caractère U+0000 est interdit"
    )
    assert result.stderr.endswith(ONE_ERROR + FIX_FIRST)


def test_utf16_file_is_not_called_empty(run_main: Run, write_audit: WriteAudit) -> None:
    """A file saved as UTF-16 without BOM (a NUL every other byte) is said to be UTF-16."""
    write_audit(ncs={"NC-01.yaml": NC.encode("utf-16-le")})
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        ONE_ERROR,
        "audit/nc/NC-01.yaml:1:1: erreur: le fichier semble enregistré en UTF-16 ; "
        "enregistrez-le en UTF-8 [encodage]\n",
    )


def test_deep_nesting_is_one_diagnostic(run_main: Run, write_audit: WriteAudit) -> None:
    """id: [[[…]]] 500 levels deep gives one diagnostic instead of a RecursionError."""
    write_audit(ncs={"NC-01.yaml": "id: " + "[" * 500 + "]" * 500 + "\n"})
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        ONE_ERROR,
        "audit/nc/NC-01.yaml:1:68: erreur: listes et dictionnaires imbriqués sur plus de 64 "
        "niveaux ; un fichier d'audit n'en demande que quelques-uns : vérifiez les crochets "
        "et l'indentation [yaml-complexe]\n",
    )


def test_syntax_error_in_french(run_main: Run, write_audit: WriteAudit) -> None:
    """A value starting with '@' is explained in French, not in ruamel's English."""
    write_audit(ncs={"NC-01.yaml": NC + "correction: @Marie\n"})
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        "audit/nc/NC-01.yaml:5:13: erreur: une valeur ne peut pas commencer par « @ » ; "
        "mettez la valeur entre guillemets [syntaxe-yaml]\n",
    )


# --- what a path is -------------------------------------------------------------------------

NOT_A_FILE = (
    "ce n'est pas un fichier ordinaire (c'est un tube nommé, un périphérique ou un socket) ; "
    "remplacez-le par un fichier YAML [lecture]"
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
@pytest.mark.usefixtures("deadline")
def test_pipe_and_device_do_not_hang_check(run_main: Run, write_audit: WriteAudit) -> None:
    """A named pipe in nc/ is refused, and a link to /dev/zero (out of the folder) is not
    followed; qnc check used to hang on both."""
    folder = write_audit()
    os.mkfifo(folder / "nc" / "NC-05.yaml")
    (folder / "nc" / "NC-06.yaml").symlink_to("/dev/zero")
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "4 fichiers vérifiés : 2 erreurs, 0 avertissement.\n",
        f"audit/nc/NC-05.yaml:1:1: erreur: {NOT_A_FILE}\n"
        "audit/nc/NC-06.yaml:1:1: erreur: ce fichier est, par un lien symbolique, hors du dépôt "
        "(ou hors du dossier donné, sans git) : qnc ne suit pas ce lien, pour ne rien lire ni "
        "citer d'ailleurs ; mettez ici le fichier lui-même [lien-externe]\n",
    )


def test_dangling_link_is_said(run_main: Run, write_audit: WriteAudit) -> None:
    """A link to a file that is gone is an error naming the link, not 'no such file'."""
    folder = write_audit()
    (folder / "nc" / "NC-02.yaml").symlink_to(folder / "ailleurs" / "NC-02.yaml")
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        "audit/nc/NC-02.yaml:1:1: erreur: ce lien symbolique pointe vers un fichier qui "
        "n'existe pas ; corrigez le lien ou remplacez-le par le fichier [lecture]\n",
    )


def test_unreadable_nc_folder_is_not_a_closed_audit(
    run_main: Run, write_audit: WriteAudit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nc/ that cannot be listed stops qnc status (exit 1) instead of showing 'soldée'."""
    folder = write_audit()
    refuse_listing(monkeypatch, folder / "nc")
    result = run_main("status", "audit", *TODAY)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "audit/nc:1:1: erreur: lecture du dossier impossible : accès refusé ; vérifiez ses "
        "droits d'accès [lecture]\n"
        "1 fichier vérifié : 1 erreur, 0 avertissement.\n" + FIX_FIRST
    )


def test_nc_that_is_a_file_is_not_a_closed_audit(run_main: Run, write_audit: WriteAudit) -> None:
    """A file named nc instead of the folder stops qnc status instead of showing 'soldée'."""
    folder = write_audit(ncs={})
    (folder / "nc").rmdir()
    (folder / "nc").write_text(NC)
    result = run_main("status", "audit", *TODAY)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(
        "audit/nc:1:1: erreur: « nc » est un fichier, pas un dossier ; les fichiers de NC "
        "vont dans un dossier nommé nc [lecture]\n"
    )


def test_unreadable_client_folder_is_reported(
    run_main: Run, write_audit: WriteAudit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client folder that cannot be listed is an error; the other audits are checked."""
    write_audit(name="clients/a")
    (tmp_path / "clients" / "b").mkdir()
    refuse_listing(monkeypatch, tmp_path / "clients" / "b")
    result = run_main("check", "clients", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        ONE_ERROR,
        "clients/b:1:1: erreur: lecture du dossier impossible : accès refusé ; vérifiez ses "
        "droits d'accès [lecture]\n",
    )


def test_path_below_a_forbidden_folder_is_a_user_error(
    run_main: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path that cannot even be looked at: 'qnc: …' in French and exit 1, no traceback."""
    stat = Path.stat

    def guarded(self: Path, **kwargs: Any) -> os.stat_result:
        if self.name == "audit" and self.parent.name == "prive":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", guarded)
    result = run_main("check", "prive/audit")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "qnc: lecture de « prive/audit » impossible : accès refusé ; vérifiez les droits "
        "d'accès de ce chemin et des dossiers qui le contiennent\n",
    )


@pytest.mark.parametrize("command", ["check", "status", "plan"])
def test_unreadable_folder_given_is_said_in_french(
    run_main: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A folder given as the path that may not be read: exit 1 and French words, as for
    an unreadable file (Typer's own check refused it in English, with status 2)."""
    (tmp_path / "prive").mkdir()
    access = os.access

    def denied(path: Any, mode: int, **kwargs: Any) -> bool:
        return Path(path).name != "prive" and access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", denied)
    refuse_listing(monkeypatch, tmp_path / "prive")
    result = run_main(command, "prive", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "qnc: lecture de « prive » impossible : accès refusé ; vérifiez les droits "
        "d'accès de ce chemin et des dossiers qui le contiennent\n",
    )


# --- where NC files are kept ----------------------------------------------------------------


def ignored(path: str, name: str) -> str:
    return (
        f"{path}:1:1: erreur: qnc ne lit pas ce fichier : un fichier de NC doit être "
        f"directement dans le dossier nc/ de l'audit ; déplacez-le (nc/{name}), ou sortez-le "
        "du dossier de l'audit [fichier-ignore]\n"
    )


def test_misplaced_nc_files_are_errors(run_main: Run, write_audit: WriteAudit) -> None:
    """NC files in nc/2026/ or NC/ are not read: an error each, so that no one believes
    the audit closed, and status refuses to give a verdict."""
    write_audit(
        ncs={},
        files={"nc/2026/NC-01.yaml": NC, "NC/NC-02.yaml": NC, "preuves/liste.yaml": "a: 1\n"},
    )
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout) == (
        1,
        "1 fichier vérifié : 2 erreurs, 0 avertissement.\n",
    )
    assert sorted(result.stderr.splitlines(keepends=True)) == sorted(
        [
            ignored("audit/NC/NC-02.yaml", "NC-02.yaml"),
            ignored("audit/nc/2026/NC-01.yaml", "NC-01.yaml"),
        ]
    )
    status = run_main("status", "audit", *TODAY)
    assert status.exit_code == 1 and "SOLDÉE" not in status.stdout


def test_hidden_files_in_nc_are_not_read(run_main: Run, write_audit: WriteAudit) -> None:
    """macOS and editor leftovers (._NC-01.yaml, .#NC-01.yaml) are neither read nor warned."""
    write_audit(ncs={"NC-01.yaml": NC, "._NC-01.yaml": b"\x00\x05\x16\x07", ".#NC-01.yaml": "x"})
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2 fichiers vérifiés : aucun problème.\n",
        "",
    )


def test_audit_yml_is_named_with_its_fix(run_main: Run, write_audit: WriteAudit) -> None:
    """An audit saved as audit.yml: the orphan NC says to rename it audit.yaml."""
    write_audit(None, files={"audit.yml": "x"})
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        "audit/audit.yml:1:1: erreur: qnc lit l'audit dans un fichier nommé audit.yaml : "
        "renommez ce fichier « audit.yaml » ; d'ici là, les fichiers de NC du dossier "
        "« audit » n'appartiennent à aucun audit [audit-absent]\n",
    )


# --- evidence that cannot be looked at ------------------------------------------------------

EVIDENCE = """\
actions:
  - id: A1
    description: Relancer les absents
    responsable: Marie Dupont
    echeance: 2026-04-01
    preuves:
      - {path}
"""


def test_evidence_name_too_long_is_missing(run_main: Run, write_audit: WriteAudit) -> None:
    """An evidence name longer than the system allows is missing, not a traceback."""
    name = "preuves/" + "x" * 300 + ".pdf"
    write_audit(
        ncs={"NC-01.yaml": NC + EVIDENCE.format(path=name)}, files={"preuves/liste.md": "x"}
    )
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        f"audit/nc/NC-01.yaml:11:9: erreur: la preuve « {name} » n'existe pas (le chemin "
        "part du dossier de l'audit) [preuve-introuvable]\n",
    )


def test_evidence_in_a_forbidden_folder_is_not_called_missing(
    run_main: Run, write_audit: WriteAudit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evidence below a folder that may not be entered: qnc cannot tell, and says nothing."""
    write_audit(ncs={"NC-01.yaml": NC + EVIDENCE.format(path="preuves/rh/grille.pdf")})
    stat = Path.stat

    def guarded(self: Path, **kwargs: Any) -> os.stat_result:
        if self.name == "grille.pdf":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", guarded)
    result = run_main("check", "audit", *TODAY)
    assert (result.exit_code, result.stderr) == (0, "")


# --- output streams: closed, non-UTF-8, a reader that leaves -------------------------------

QNC = [sys.executable, "-m", "qnc"]
BROKEN_EXAMPLE = str(ROOT / "examples" / "invalides" / "valeur-enum")


def test_ascii_stream_gets_escapes_and_json_stays_utf8() -> None:
    """PYTHONIOENCODING=ascii (or a cp1252 pipe): text shows \\xe9 instead of a traceback;
    JSON is UTF-8 bytes whatever the stream's encoding."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    text = subprocess.run([*QNC, "check", BROKEN_EXAMPLE, *TODAY], env=env,
                          capture_output=True, check=False)  # fmt: skip
    assert text.returncode == 1
    assert b"Traceback" not in text.stderr
    assert b"n'est pas accept\\xe9" in text.stderr
    as_json = subprocess.run([*QNC, "check", BROKEN_EXAMPLE, *TODAY, "--format", "json"],
                             env=env, capture_output=True, check=False)  # fmt: skip
    assert as_json.returncode == 1
    message = json.loads(as_json.stdout.decode("utf-8"))["diagnostics"][0]["message"]
    assert message.startswith("« majeur » n'est pas accepté")


def _with_closed(stream: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run qnc with ``stream`` closed, as ``>&-`` or ``2>&-`` leaves it."""
    code = (
        "import os, sys, runpy\n"
        f"os.close({1 if stream == 'stdout' else 2}); sys.{stream} = None\n"
        f"sys.argv = ['qnc', *{list(args)!r}]\n"
        "runpy.run_module('qnc', run_name='__main__')\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)


def test_closed_stderr_keeps_the_exit_status() -> None:
    """`qnc check … 2>&-`: the diagnostics go nowhere, the exit status is still the
    command's own (0 on a valid folder, 1 on a broken one)."""
    valid = str(ROOT / "examples" / "2026-09-audit-initial")
    assert _with_closed("stderr", "check", valid, "--today", "2026-11-20").returncode == 0
    assert _with_closed("stderr", "check", BROKEN_EXAMPLE, *TODAY).returncode == 1


def test_closed_stdout_fails_only_when_written_to(tmp_path: Path) -> None:
    """`qnc plan … >&-`: the plan would be lost, so exit 1 with the reason, never a
    traceback nor a silent success; `qnc plan --out plan.md >&-` writes nothing to
    stdout and succeeds; with stderr closed too, the exit status still says it."""
    example = str(ROOT / "examples" / "2026-09-audit-initial")
    result = _with_closed("stdout", "plan", example, "--today", "2026-11-20")
    assert (result.returncode, result.stderr) == (
        1,
        "qnc: impossible d'écrire la sortie : la sortie est fermée\n".encode(),
    )
    out = tmp_path / "plan.md"
    to_file = _with_closed("stdout", "plan", example, "--today", "2026-11-20", "--out", str(out))
    assert to_file.returncode == 0 and out.read_text("utf-8").startswith("<!-- qnc:plan")
    code = (
        "import os, sys, runpy\n"
        "os.close(1); os.close(2); sys.stdout = sys.stderr = None\n"
        "sys.argv = ['qnc', 'schema', 'nc']\n"
        "runpy.run_module('qnc', run_name='__main__')\n"
    )
    both = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert both.returncode == 1


def test_reader_that_leaves_gives_141_without_a_message(tmp_path: Path) -> None:
    """`qnc status … | head -1` on a long output (40 audits with --detail: one write per
    audit, far more than a pipe holds): the status of a closed pipe (141, as for
    SIGPIPE), not 1 (problems found), and nothing on stderr."""
    for n in range(40):
        shutil.copytree(ROOT / "examples" / "2026-09-audit-initial", tmp_path / f"c{n:02}")
    process = subprocess.Popen(
        [*QNC, "status", str(tmp_path), "--detail", "--today", "2026-11-20"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    assert (process.wait(), process.stderr.read()) == (141, b"")


def test_help_to_a_reader_that_leaves_gives_141() -> None:
    """`qnc --help | true`: the help is printed while parsing; a closed pipe there is
    141 too, not Click's 1."""
    process = subprocess.Popen([*QNC, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert (process.wait(), process.stderr.read()) == (141, b"")


def test_bare_qnc_to_a_reader_that_leaves_gives_141() -> None:
    """`qnc | true`: the help shown for a bare qnc had no reader: 141, no traceback."""
    process = subprocess.Popen(QNC, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert (process.wait(), process.stderr.read()) == (141, b"")
