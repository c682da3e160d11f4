"""The README says what qnc does: its commands, options and sample output stay true."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_first_commands_are_the_ones_ci_runs() -> None:
    """The two first-screen commands are those .ci/run runs in a fresh environment."""
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    install, tests = blocks[0], blocks[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "pip install ." in install and "pip install --quiet ." in ci
    main = install.split("&& ", 3)[-1]
    assert main == "qnc status examples/2026-09-audit-initial --today 2026-11-20"
    assert main in ci
    assert tests.endswith("pytest") and "pytest" in ci


def test_sample_check_line_is_real(run_main) -> None:
    """The sample diagnostic of the README is what qnc check prints for that file."""
    sample = next(line for line in README.splitlines() if line.startswith("examples/invalides/"))
    result = run_main("check", "examples/invalides/valeur-enum", cwd=ROOT)
    assert result.exit_code == 1
    assert sample + "\n" in result.stderr


def test_every_option_in_the_readme_exists(run_main) -> None:
    """Each --option the README names is in the --help of some command."""
    from qnc.cli.commands import COMMANDS

    helps = "".join(
        run_main(*command, "--help").stdout for command in ([], *([name] for name in COMMANDS))
    )
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", README))
    # --help is -h; the others are pre-commit's, the benchmark's and pip's
    named -= {"--help", "--all-files", "--prune", "--quick", "--tool", "--user"}
    assert {option for option in named if option not in helps} == set()


def test_the_fact_of_the_quick_start_is_one_line(run_main, tmp_path) -> None:
    """The quick start's `qnc done` prints what the README says and adds one line."""
    import shutil

    block = next(b for b in re.findall(r"```sh\n(.*?)\n```", README, re.S) if "qnc done" in b)
    command, _, said = block.splitlines()[-1].partition("#")
    copy = tmp_path / "mon-audit"
    shutil.copytree(ROOT / "examples" / "2026-09-audit-initial", copy)
    before = (copy / "nc" / "NC-02.yaml").read_text("utf-8").splitlines(keepends=True)
    result = run_main(*command.split()[1:], cwd=copy)
    assert result.stdout == said.strip().strip("«»").strip() + "\n"
    after = (copy / "nc" / "NC-02.yaml").read_text("utf-8").splitlines(keepends=True)
    added = [line for line in after if line not in before]
    assert (len(after) - len(before), added) == (1, ["    fait_le: 2026-11-20\n"])
