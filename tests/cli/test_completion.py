"""Shell completion, as the README documents it (`qnc --install-completion`)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_root_help_offers_completion_in_french(run_main) -> None:
    """`qnc --help` lists --install-completion and --show-completion, said in French."""
    out = run_main("--help").stdout
    assert "--install-completion" in out
    assert "Installe la complétion des commandes pour le shell" in out
    assert "--show-completion" in out


def test_show_completion_prints_the_script() -> None:
    """`qnc --show-completion bash` prints the script that completes qnc's commands (the
    shell named, not detected: the tests may run under any shell)."""
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "qnc", "--show-completion", "bash"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert "complete -o default -F _qnc_completion qnc" in result.stdout
