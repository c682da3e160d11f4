"""`qnc plan --out`: what --force may never replace, odd targets, and signals that end
the process while the plan is written."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from qnc.writing.stamps import fingerprinted
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
TODAY = ("--today", "2026-11-20")
AUDIT_FILE = (
    "qnc: « {out} » est un des fichiers de l'audit : qnc n'écrit jamais par-dessus, même avec "
    "--force ; choisissez un autre nom\n"
)


@pytest.fixture
def audit_copy(tmp_path: Path) -> Path:
    """A copy of the example audit, so that a failed refusal could not harm the real one."""
    copy = tmp_path / "audit"
    shutil.copytree(EXAMPLE, copy)
    return copy


def contents(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_evidence_is_never_replaced(run_main, audit_copy: Path, force: list[str]) -> None:
    """--out naming an evidence file the NCs cite is refused, even with --force."""
    before = contents(audit_copy)
    out = audit_copy / "preuves" / "grille-evaluation-acquis.md"
    result = run_main("plan", str(audit_copy), "--out", str(out), *TODAY, *force)
    assert (result.exit_code, result.stderr) == (1, AUDIT_FILE.format(out=out))
    assert contents(audit_copy) == before


def test_evidence_outside_the_audit_folder_is_never_replaced(
    run_main, audit_copy: Path, tmp_path: Path
) -> None:
    """Evidence cited by a path out of the audit folder is protected all the same, even
    when it is a plan qnc wrote (a plan sent earlier, kept as evidence)."""
    sent = tmp_path / "commun" / "plan-envoye.md"
    sent.parent.mkdir()
    sent.write_text(fingerprinted("<!-- qnc:plan ancien -->\n"), "utf-8")
    nc = audit_copy / "nc" / "NC-01.yaml"
    text = nc.read_text("utf-8")
    first = text.index("        empreinte: ")
    end = text.index("\n", first) + 1
    nc.write_text(text[:end] + "      - ../commun/plan-envoye.md\n" + text[end:], "utf-8")
    before = sent.read_bytes()
    result = run_main("plan", str(audit_copy), "--out", str(sent), *TODAY, "--force")
    assert (result.exit_code, result.stderr) == (1, AUDIT_FILE.format(out=sent))
    assert sent.read_bytes() == before


def test_force_never_replaces_a_file_of_the_audit_folder(run_main, audit_copy: Path) -> None:
    """Notes in the audit folder (not cited, not made by qnc) are kept even with --force,
    and the message does not suggest --force."""
    notes = audit_copy / "notes.md"
    notes.write_text("# Mes notes\n", "utf-8")
    result = run_main("plan", str(audit_copy), "--out", str(notes), *TODAY, "--force")
    assert (result.exit_code, result.stderr) == (
        1,
        f"qnc: « {notes} » est dans le dossier de l'audit et n'a pas été produit par qnc "
        "(preuve, notes…) : qnc ne le remplace jamais, même avec --force ; choisissez un "
        "autre nom\n",
    )
    assert notes.read_text("utf-8") == "# Mes notes\n"


def test_force_replaces_an_edited_plan_of_the_audit_folder(run_main, audit_copy: Path) -> None:
    """A plan qnc wrote in the audit folder, then edited, is still qnc's: --force
    replaces it; a new plan there needs no --force."""
    out = audit_copy / "plan.md"
    assert run_main("plan", str(audit_copy), "--out", str(out), *TODAY).exit_code == 0
    out.write_text(out.read_text("utf-8") + "Lettre ajoutée.\n", "utf-8")
    assert run_main("plan", str(audit_copy), "--out", str(out), *TODAY).exit_code == 1
    result = run_main("plan", str(audit_copy), "--out", str(out), *TODAY, "--force")
    assert (result.exit_code, "Lettre" in out.read_text("utf-8")) == (0, False)


def test_force_still_replaces_a_file_outside_the_audit_folder(run_main, tmp_path: Path) -> None:
    """Out of the audit folder, --force keeps its meaning: a user's file is replaced."""
    out = tmp_path / "plan.md"
    out.write_text("brouillon\n", "utf-8")
    result = run_main("plan", str(EXAMPLE), "--out", str(out), *TODAY, "--force")
    assert result.exit_code == 0
    assert out.read_text("utf-8").startswith("<!-- qnc:plan")


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
def test_out_dev_stdout_to_a_pipe_is_named(tmp_path: Path) -> None:
    """`--out /dev/stdout` in a pipe: said to be a pipe, with the way to write on the
    standard output; it was 'cannot write in /proc/PID/fd'."""
    result = subprocess.run(
        [sys.executable, "-m", "qnc", "plan", str(EXAMPLE), "--out", "/dev/stdout", *TODAY],
        capture_output=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr.decode()) == (
        1,
        b"",
        "qnc: « /dev/stdout » n'est pas un fichier ordinaire mais un tube nommé : qnc ne le "
        "remplace pas, même avec --force ; donnez le nom d'un fichier, ou omettez --out pour "
        "écrire sur la sortie standard\n",
    )


def _slow_plan(
    out: Path, *, hangup: str = "SIG_DFL", pause: float = 60.0
) -> subprocess.Popen[bytes]:
    """`qnc plan --out` in a process whose fsync says 'writing' on stderr once the
    temporary file is written, then waits ``pause`` seconds: the moment a signal must
    find. Signals start as an interactive shell leaves them, whatever the test runner's
    (a background job ignores SIGINT), SIGHUP as ``hangup`` says."""
    code = (
        "import os, runpy, signal, sys, time\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
        f"signal.signal(signal.SIGHUP, signal.{hangup})\n"
        "def slow(fd):\n"
        "    sys.stderr.write('writing\\n'); sys.stderr.flush(); time.sleep(%r)\n"
        "os.fsync = slow\n"
        "sys.argv = ['qnc', 'plan', %r, '--out', %r, '--today', '2026-11-20']\n"
        "runpy.run_module('qnc', run_name='__main__')\n"
    ) % (pause, str(EXAMPLE), str(out))
    return subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGTERM/SIGHUP here")
@pytest.mark.parametrize("signum", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_signal_during_the_write_leaves_no_temporary_file(tmp_path: Path, signum: str) -> None:
    """SIGTERM (kill, a CI timeout) or SIGHUP (a closed terminal) while the plan is being
    written: the hidden temporary file is removed, as on Ctrl-C, and the process ends as
    the signal says (Ctrl-C: status 130)."""
    out = tmp_path / "plan.md"
    process = _slow_plan(out)
    assert process.stderr is not None
    assert process.stderr.readline() == b"writing\n"
    assert [p.name.endswith(".tmp") for p in tmp_path.iterdir()] == [True]  # the moment
    process.send_signal(getattr(signal, signum))
    status = process.wait(timeout=30)
    assert status == (130 if signum == "SIGINT" else -getattr(signal, signum))
    assert b"Traceback" not in process.stderr.read()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP here")
def test_ignored_hangup_lets_the_write_finish(tmp_path: Path) -> None:
    """Under nohup (SIGHUP ignored), a hang-up does not stop the write: the plan is
    written whole and nothing else is left."""
    out = tmp_path / "plan.md"
    process = _slow_plan(out, hangup="SIG_IGN", pause=0.5)
    assert process.stderr is not None
    assert process.stderr.readline() == b"writing\n"
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=30) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]
    assert out.read_text("utf-8").startswith("<!-- qnc:plan")
    assert out.stat().st_size > 1000
