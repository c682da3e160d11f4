"""The fast YAML path (C parser, our scalar resolver) agrees with ruamel's own paths.

qnc reads every file with ruamel's C parser and resolves plain scalars itself
(qnc.reading.parsing.scalars). These tests hold that fast path to the same data, positions and
diagnostics as ruamel's pure-Python parser and resolver, and to the positions of
ruamel's round-trip loader, on every YAML file shipped with the project and on
files built to stress the differences.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from qnc.i18n import translator
from qnc.reading.document import Document, YamlError, parse_yaml
from tests.conftest import EXAMPLES

CORPUS = sorted(EXAMPLES.rglob("*.yaml"))
EN = translator("en")
TRICKY = {
    "scalars.yaml": (
        "a: 12\nb: -3\nc: 0o17\nd: 0x1F\ne: 1.5\nf: .inf\ng: -.Inf\nh: 1.\ni: 1e3\n"
        "j: true\nk: False\nl: ~\nm: null\nn:\no: yes\np: 'true'\nq: \"12\"\n"
        "r: 2026-04-15\ns: 2026-02-30\nt: 15/04/2026\nu: 0123\nv: !!str 12\nw: !!int '7'\n"
        "x: 12:30\ny: +5\nz: 1_000\n'<<': 3\n'=': 4\nbb: 0b101\ncc: 1_0.5\n"
    ),
    "nested.yaml": (
        "# comment\nid: NC-01\nactions:\n  - id: A1\n    preuves: [a.pdf, 'b c.pdf']\n"
        "  - {id: A2, fait_le: 2026-04-10}\nconstat: |\n  ligne 1\n  ligne 2\n"
        "anchor: &x {k: v}\nalias: *x\n"
    ),
}


def both_paths(raw: bytes, path: Path) -> tuple[Any, Any]:
    """What each path reads. An empty value has no text to point at: the C parser
    places it after its colon, the pure one at the next line, so it is left out."""
    results = []
    for pure in (False, True):
        try:
            document = parse_yaml(raw, path, pure=pure)
            values = {
                loc: position
                for loc, position in document.values.items()
                if not (loc and _value_at(document.data, loc) is None)
            }
            results.append(("ok", document.data, document.keys, values))
        except YamlError as exc:
            results.append(("error", [(d.line, d.column, d.code) for d in exc.diagnostics]))
    return results[0], results[1]


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for step in loc:
        data = data[step]
    return data


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_shipped_files_same_on_both_paths(path: Path) -> None:
    """Every example file, valid or broken, reads the same on the C and pure paths."""
    fast, slow = both_paths(path.read_bytes(), path)
    assert fast == slow


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_scalar_resolution_same_on_both_paths(name: str) -> None:
    """Numbers, booleans, nulls, dates and tags resolve as ruamel's resolver does."""
    fast, slow = both_paths(TRICKY[name].encode(), Path(name))
    assert fast == slow


def test_plain_scalars_values() -> None:
    """The YAML 1.2 core schema: yes is text, dates stay text, 0123 keeps its zero."""
    data = parse_yaml(TRICKY["scalars.yaml"].encode(), Path("s.yaml")).data
    assert {k: data[k] for k in "abcdejklnopqrtuv"} == {
        "a": 12, "b": -3, "c": 15, "d": 31, "e": 1.5, "j": True, "k": False, "l": None,
        "n": None, "o": "yes", "p": "true", "q": "12", "r": "2026-04-15",
        "t": "15/04/2026", "u": "0123", "v": "12",
    }  # fmt: skip


def plain(value: Any) -> Any:
    """Round-trip data as plain values, dates as the text they were written as."""
    if isinstance(value, CommentedMap | dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, CommentedSeq | list):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def rt_positions(value: Any, loc: tuple[Any, ...], keys: dict[Any, Any]) -> None:
    if isinstance(value, CommentedMap):
        for key in value:
            line, column = value.lc.key(key)
            keys[(*loc, key)] = (line + 1, column + 1)
            rt_positions(value[key], (*loc, key), keys)
    elif isinstance(value, CommentedSeq):
        for i, item in enumerate(value):
            rt_positions(item, (*loc, i), keys)


VALID = [p for p in CORPUS if "invalides" not in p.parts]


@pytest.mark.parametrize("path", VALID, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_positions_agree_with_round_trip_loader(path: Path) -> None:
    """Data and key positions match ruamel's round-trip loader on every valid file."""
    document: Document = parse_yaml(path.read_bytes(), path)
    loaded = YAML(typ="rt").load(path.read_bytes().decode("utf-8-sig"))
    expected: dict[Any, Any] = {}
    rt_positions(loaded, (), expected)
    assert document.data == plain(loaded)
    assert document.keys == expected


BROKEN = {
    "control character": b"id: NC-01\nconstat: ligne 1\x0bligne 2\n",
    "control character after an accent": "constat: évalué\x0b\nx: \x00\n".encode(),
    "forbidden U+FFFE": "a: \ufffe\n".encode(),
    "utf-16 without bom": "id: NC-01\n".encode("utf-16-le"),
    "deep brackets": b"id: " + b"[" * 500 + b"]" * 500 + b"\n",
    "deep indentation": b"".join(b"  " * i + b"k:\n" for i in range(70)),
    "deep dashes": b"- " * 100 + b"x\n",
    "deep aliases": b"a0: &a0 [x]\n"
    + b"".join(f"a{i}: &a{i} [*a{i - 1}]\n".encode() for i in range(1, 80)),
    "key not aligned": b"a:\n  b: 1\n c: 2\n",
    "list item expected": b"actions:\n  - id: A1\n  responsable: y\n",
    "key at column 0 in an item": b"actions:\n  - id: A1\n    type: correction\n"
    b"responsable: y\n    echeance: 2026-12-15\n",
    "key with 3 spaces in an item": b"actions:\n  - id: A1\n    type: correction\n"
    b"   responsable: y\n    echeance: 2026-12-15\n",
    "key with one space too many": b"actions:\n  - id: A1\n    type: correction\n"
    b"     responsable: y\n    echeance: 2026-12-15\n",
    "value starting with @": b"a: @x\n",
    "value starting with *": b"a: * x\n",
    "value starting with &": b"a: & co\n",
    "line without colon": b"id: NC-01\nconstat: x\nsuite\n",
    "text after quotes": b"a: 'l'audit'\n",
    "unclosed list": b"a: [1, 2\nb: 3\n",
    "unclosed mapping": b"a: {x: 1\n",
    "two documents": b"a: 1\n---\nb: 2\n",
    "list on the key line": b"a: - b\n",
    "backslash in double quotes": b'a: "C:\\dossier"\n',
    "text after a block indicator": b"a: | x\n",
    "merge key": b"base: &b {indicateur: 12}\n<<: *b\n",
    "tab after a dash": b"-\tbaz\n",
    "byte order mark after quotes": "a: 'x'\ufeff\nb: 2\n".encode(),
    "YAML version 1.3": b"# commentaire\n%YAML 1.3\n---\nid: NC-01\n",
    "document end, then more": b"---\nid: NC-04\n...\nindicateur: 19\n",
    "list as a key": b"id: NC-01\n[a, b]: c\n",
}


def diagnostics(raw: bytes, *, pure: bool) -> list[tuple[int, int, str, str]]:
    with pytest.raises(YamlError) as info:
        parse_yaml(raw, Path("x.yaml"), pure=pure)
    return [(d.line, d.column, d.code, EN(d.message)) for d in info.value.diagnostics]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_same_diagnostics_on_both_paths(name: str) -> None:
    """Control characters, UTF-16, deep nesting and syntax errors: same place, code and words."""
    fast = diagnostics(BROKEN[name], pure=False)
    assert fast == diagnostics(BROKEN[name], pure=True)
    assert "invalid YAML syntax" not in fast[0][3]


# Valid YAML that libyaml (the C parser) refuses and ruamel's pure parser reads.
C_REFUSES = {
    "reserved directive": b"%FOO bar baz\n---\nid: NC-01\n",
    "empty value in braces": b"a: { x: 1, omitted value:, }\n",
    "anchor defined again": b"a: &t long\nb: &t court\nc: *t\n",
}


@pytest.mark.parametrize("name", sorted(C_REFUSES))
def test_valid_yaml_the_c_parser_refuses_is_read(name: str) -> None:
    """The fast path reads what the C parser refuses by reading it again with the pure
    one: same document on both paths, where the C parser alone fails."""
    from ruamel.yaml.error import MarkedYAMLError

    from qnc.reading.parsing import parser

    raw = C_REFUSES[name]
    with pytest.raises(MarkedYAMLError):
        parser._c_loader()(raw.decode()).get_single_node()
    fast, slow = both_paths(raw, Path(name))
    assert fast == slow and fast[0] == "ok"


def test_the_fast_path_reads_each_valid_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second reading costs only on broken files: the pure parser never runs on a
    file the C parser reads."""
    from ruamel.yaml import YAML

    def refused(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the pure parser ran on a valid file")

    monkeypatch.setattr(YAML, "compose", refused)
    monkeypatch.setattr(YAML, "parse", refused)
    for path in VALID:
        parse_yaml(path.read_bytes(), path)


def test_the_fast_path_is_the_c_parser() -> None:
    """ruamel.yaml.clib is installed, so every comparison above is C against pure Python."""
    from qnc.reading.parsing import parser

    assert parser._c_loader() is not None
