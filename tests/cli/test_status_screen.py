"""`qnc status` as a terminal shows it: one line per NC at 120 columns, blocks that keep
their indent at 80, and the count of warnings under the output."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "2026-09-audit-initial"


def test_warning_count_reads_under_the_table_once() -> None:
    """Both streams in one terminal: the sentence comes last, once, under the table."""
    env = {**os.environ, "COLUMNS": "120", "QNC_LANG": "fr"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "qnc", "status", str(EXAMPLE), "--today", "2026-10-20"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, check=False,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines[0].startswith("╭")
    assert lines[-1] == "6 avertissements : lancez « qnc check » pour les voir."
    assert result.stdout.count("avertissements") == 1
