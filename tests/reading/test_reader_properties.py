"""Whatever an NC file holds, the reader answers with diagnostics inside the file:
arbitrary bytes, YAML-like text, mutated valid files and arbitrary YAML trees never end
in a traceback, `qnc check` and `qnc status` exit 0 or 1, and every diagnostic of the
file points at one of its lines."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from qnc.cli.app import app
from qnc.model.characters import CONTROL
from tests.conftest import AUDIT, NC
from tests.properties import examples

EXAMPLES = {"bytes": 80, "text": 100, "mutated": 50, "trees": 60}
"""Files each property test generates (the README states their sum)."""
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_COMMAND = typer.main.get_command(app)
"""The command line, built once: Typer's CliRunner builds it again on every run."""


def qnc(*args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``qnc args`` run in-process; an exception that
    is not an exit (a traceback for a user) fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = _COMMAND.main([*args, "--today", "2026-03-20"], "qnc", standalone_mode=False)
    return code or 0, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One audit folder whose nc/NC-01.yaml each example rewrites."""
    root = tmp_path_factory.mktemp("proprietes") / "audit"
    (root / "nc").mkdir(parents=True)
    (root / "audit.yaml").write_text(AUDIT, "utf-8")
    return root


def assert_read_safely(folder: Path, raw: bytes) -> None:
    """The file ``raw`` as nc/NC-01.yaml: `qnc check` and `qnc status` exit 0 or 1, every
    diagnostic of the file is inside its lines and in plain words, no control character
    reaches the output, and the file is left as it was."""
    nc = folder / "nc" / "NC-01.yaml"
    nc.write_bytes(raw)
    lines = len(_BREAKS.findall(raw.decode("utf-8", "replace"))) + 1
    code, out, err = qnc("check", str(folder), "--format", "json", "--lang", "en")
    assert code in (0, 1) and CONTROL.search(out + err) is None
    for found in json.loads(out)["diagnostics"]:
        assert found["ligne"] >= 1 and found["colonne"] >= 1, found
        if found["chemin"] == str(nc):
            assert found["ligne"] <= lines, found
        assert not found["message"].startswith("invalid YAML syntax"), found
    code, out, err = qnc("status", str(folder), "--format", "json")
    assert code in (0, 1) and CONTROL.search(out + err) is None
    assert nc.read_bytes() == raw


@examples(EXAMPLES["bytes"])
@given(st.binary(max_size=600))
def test_arbitrary_bytes(folder: Path, raw: bytes) -> None:
    """Bytes of any kind: encodings, NULs, truncated UTF-8, control characters."""
    assert_read_safely(folder, raw)


YAML_PIECES = st.sampled_from(
    [":", ": ", "- ", "-", "\n", "\n  ", "\t", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a",
     "&b ", "*b", "!", "!!str ", "!!python/object ", "#", "|", ">", "%YAML 1.2\n", "---\n",
     "...\n", "<<: ", "? ", "@", "`", "\\", "\\e", "\\x9b", "\\u202e", "\ufeff", "\x1b",
     "\u202e", "\u200b", "é", "id", "NC-01", "constat", "actions", "echeance", "2026-02-30",
     "12", "9" * 30, "null", "true", " ", "\r\n", "\x85", "\u2028"]
)  # fmt: skip


@examples(EXAMPLES["text"])
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_yaml_like_text(folder: Path, text: str) -> None:
    """Text made of YAML's own signs, in any order: every syntax error path."""
    assert_read_safely(folder, text.encode("utf-8"))


@examples(EXAMPLES["mutated"])
@given(st.integers(0, len(NC)), st.lists(YAML_PIECES, min_size=1, max_size=4).map("".join))
def test_valid_file_mutated(folder: Path, at: int, piece: str) -> None:
    """A valid NC file with a few signs put in at one place."""
    assert_read_safely(folder, (NC[:at] + piece + NC[at:]).encode("utf-8"))


KEYS = st.sampled_from(
    ["id", "indicateur", "gravite", "constat", "actions", "responsable", "echeance",
     "fait_le", "preuves", "description", "type", "efficacite", "verifiee_le", "origine"]
) | st.text(max_size=8)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["NC-01", "mineure", "majeure", "2026-04-15", "15/04/2026", "3 mois"])
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=15,
)


def dumped(tree: Any) -> bytes:
    """``tree`` as YAML, written by ruamel: control characters become escapes."""
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(tree, out)
    return out.getvalue().encode("utf-8")


@examples(EXAMPLES["trees"])
@given(st.dictionaries(KEYS, TREES, max_size=8))
def test_arbitrary_yaml_trees(folder: Path, tree: dict[str, Any]) -> None:
    """Well-formed YAML of any shape: wrong types, nesting, escapes, odd keys."""
    assert_read_safely(folder, dumped(tree))
