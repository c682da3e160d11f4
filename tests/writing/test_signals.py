"""A command that records a fact, ended by SIGTERM or SIGHUP while it writes: the file is
as it was and no temporary file is left beside it (as on Ctrl-C)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AUDIT, NC


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGTERM/SIGHUP here")
@pytest.mark.parametrize("signum", ["SIGTERM", "SIGHUP"])
def test_signal_while_recording_a_fact_leaves_the_file_as_it_was(
    tmp_path: Path, signum: str
) -> None:
    """`qnc lift` in a process whose fsync says 'writing' once the temporary file is
    written, then waits: the signal ends it, the NC file is unchanged, nothing is left."""
    folder = tmp_path / "audit"
    (folder / "nc").mkdir(parents=True)
    (folder / "audit.yaml").write_text(AUDIT, "utf-8")
    (folder / "nc" / "NC-01.yaml").write_text(NC, "utf-8")
    code = (
        "import os, runpy, signal, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
        "signal.signal(signal.SIGHUP, signal.SIG_DFL)\n"
        "def slow(fd):\n"
        "    sys.stderr.write('writing\\n'); sys.stderr.flush(); time.sleep(60)\n"
        "os.fsync = slow\n"
        "sys.argv = ['qnc', 'lift', 'NC-01', '--le', '2026-03-20', '--today', '2026-03-20']\n"
        "runpy.run_module('qnc', run_name='__main__')\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], cwd=folder, stderr=subprocess.PIPE)
    assert process.stderr is not None
    assert process.stderr.readline() == b"writing\n"
    assert any(p.name.endswith(".tmp") for p in (folder / "nc").iterdir())  # the moment
    process.send_signal(getattr(signal, signum))
    assert process.wait(timeout=30) == -getattr(signal, signum)
    assert b"Traceback" not in process.stderr.read()
    assert sorted(p.name for p in (folder / "nc").iterdir()) == ["NC-01.yaml"]
    assert (folder / "nc" / "NC-01.yaml").read_text("utf-8") == NC
