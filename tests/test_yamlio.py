"""qnc.yamlio: YAML read into plain data, with the 1-based position of every key and value."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from qnc import yamlio
from qnc.i18n import translator
from qnc.yamlio import Document, YamlError, parse_yaml, read_yaml

FR = translator("fr")
EN = translator("en")


def problems(raw: bytes) -> list[tuple[int, int, str, str]]:
    """(line, column, code, English message) of every problem of ``raw``."""
    with pytest.raises(YamlError) as info:
        parse_yaml(raw, Path("x.yaml"))
    return [(d.line, d.column, d.code, EN(d.message)) for d in info.value.diagnostics]


def test_keys_and_values_have_one_based_positions() -> None:
    """Each key and value is located at its 1-based line and column, nested ones included."""
    doc = parse_yaml(b"a: 1\nb:\n  c: [x, y]\n  d:\n    - e: f\n", Path("x.yaml"))
    assert doc.data == {"a": 1, "b": {"c": ["x", "y"], "d": [{"e": "f"}]}}
    assert doc.keys == {
        ("a",): (1, 1),
        ("b",): (2, 1),
        ("b", "c"): (3, 3),
        ("b", "d"): (4, 3),
        ("b", "d", 0, "e"): (5, 7),
    }
    assert doc.values[("a",)] == (1, 4)
    assert doc.values[("b", "c", 1)] == (3, 10)
    assert doc.values[("b", "d", 0, "e")] == (5, 10)


def test_position_falls_back_to_nearest_enclosing_value() -> None:
    """A missing location is placed on the nearest value that encloses it."""
    doc = Document({"a": {"b": 1}}, keys={("a",): (1, 1)}, values={(): (1, 1), ("a",): (2, 3)})
    assert doc.position(("a", "zz", 0)) == (2, 3)
    assert doc.position(("a",), on_key=True) == (1, 1)
    assert doc.position(("nothing",), on_key=True) == (1, 1)


def test_duplicate_key_names_both_lines() -> None:
    """A duplicated key is reported at the second one, naming the line of the first."""
    assert problems(b"id: NC-01\nconstat: a\nx: 1\nconstat: b\n") == [
        (4, 1, "cle-dupliquee", "duplicate key 'constat' (already on line 2); keep only one"),
    ]


def test_every_duplicate_is_reported() -> None:
    """A key written three times gives one problem per extra copy, each naming the first."""
    assert [p[:3] for p in problems(b"a: 1\na: 2\na: 3\n")] == [
        (2, 1, "cle-dupliquee"),
        (3, 1, "cle-dupliquee"),
    ]


@pytest.mark.parametrize(
    ("raw", "position", "tag"),
    [
        (
            b'id: NC-01\ncorrection: !!python/object:os.system "echo"\n',
            (2, 13),
            "!!python/object:os.system",
        ),
        (b"a: !!binary aGVsbG8=\n", (1, 4), "!!binary"),
        (b"a: !perso x\n", (1, 4), "!perso"),
    ],
)
def test_object_tags_are_refused_with_position(
    raw: bytes, position: tuple[int, int], tag: str
) -> None:
    """A tag that is not a plain YAML type is refused at the tagged value."""
    assert problems(raw) == [
        (*position, "tag-interdit", f"the tag '{tag}' is not allowed; write a plain value"),
    ]


@pytest.mark.parametrize(
    ("raw", "position", "tag"),
    [
        (
            b"correction: !!python/object/apply:os.system [echo]\n",
            (1, 13),
            "!!python/object/apply:os.system",
        ),
        (b"correction: !!python/object:os.system {a: 1}\n", (1, 13), "!!python/object:os.system"),
        (b"--- !!python/object:qnc.Evil\nid: NC-01\n", (1, 5), "!!python/object:qnc.Evil"),
        (b"a: !!set {x, y}\n", (1, 4), "!!set"),
    ],
)
def test_object_tags_on_collections_are_refused(
    raw: bytes, position: tuple[int, int], tag: str
) -> None:
    """A tag on a mapping or a sequence is refused like one on a scalar, at the tag."""
    assert problems(raw) == [
        (*position, "tag-interdit", f"the tag '{tag}' is not allowed; write a plain value"),
    ]


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"a:\n  b: 1\n\tc: 2\n", 3),
        (b"actions:\n  - id: A1\n\ttype: corrective\n", 3),
        (b"a: 1\r\nb:\r\n\t- x\r\n", 3),
    ],
)
def test_tab_indentation_is_named_at_its_line(raw: bytes, line: int) -> None:
    """A tab used for indentation is reported as such, at the tab's line, column 1."""
    assert problems(raw) == [
        (line, 1, "tabulation", "a tab is used for indentation; YAML needs spaces")
    ]


def test_tab_inside_a_value_is_accepted() -> None:
    """A tab inside a value is text, not indentation."""
    assert parse_yaml(b"a: x\ty\n", Path("x.yaml")).data == {"a": "x\ty"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"a: b: c\n",
            (
                1,
                5,
                "syntaxe-yaml",
                "a ':' is not allowed here; check the indentation "
                "of this line, or put the text in quotes",
            ),
        ),
        (
            b"a: 'abc\n",
            (2, 1, "syntaxe-yaml", "the file ends too early; is a quote or bracket unclosed?"),
        ),
        (b"a: *nope\n", (1, 4, "syntaxe-yaml", "this alias (*name) refers to no anchor (&name)")),
        (
            b"a: [1, 2\n",
            (2, 1, "syntaxe-yaml", "invalid YAML syntax: did not find expected ',' or ']'"),
        ),
    ],
)
def test_syntax_errors_are_explained(raw: bytes, expected: tuple[int, int, str, str]) -> None:
    """YAML syntax errors come with their position and a hint in plain words."""
    assert problems(raw) == [expected]


def test_non_utf8_byte_is_located() -> None:
    """A Latin-1 byte is reported at its line and column, with its value."""
    raw = b"id: NC-01\nconstat: |\n  formalis\xe9.\n"
    assert problems(raw) == [
        (3, 11, "encodage", "the file is not UTF-8 text (byte 0xE9); save it as UTF-8"),
    ]


def test_non_utf8_message_in_french() -> None:
    """The encoding problem reads in French by default."""
    with pytest.raises(YamlError) as info:
        parse_yaml(b"a: \xe9\n", Path("x.yaml"))
    assert FR(info.value.diagnostics[0].message) == (
        "le fichier n'est pas en UTF-8 (octet 0xE9) ; enregistrez-le en UTF-8"
    )


def test_non_utf8_byte_after_a_bom_is_located() -> None:
    """In a file starting with a BOM, the bad byte is still found at its own line."""
    assert problems(b"\xef\xbb\xbfa: 1\n\xe9: 2\n") == [
        (2, 1, "encodage", "the file is not UTF-8 text (byte 0xE9); save it as UTF-8"),
    ]


def test_bom_is_accepted() -> None:
    """A UTF-8 byte order mark is skipped, and positions ignore it."""
    doc = parse_yaml("\ufeffid: NC-01\nconstat: é\n".encode(), Path("x.yaml"))
    assert doc.data == {"id": "NC-01", "constat": "é"}
    assert doc.keys[("id",)] == (1, 1)
    assert doc.values[("constat",)] == (2, 10)


def test_crlf_is_accepted() -> None:
    """Windows line ends are read, block text included, without stray carriage returns."""
    doc = parse_yaml(b"id: NC-01\r\nconstat: |\r\n  a\r\n  b\r\nx: 1\r\n", Path("x.yaml"))
    assert doc.data == {"id": "NC-01", "constat": "a\nb\n", "x": 1}
    assert doc.keys[("x",)] == (5, 1)


@pytest.mark.parametrize("raw", [b"", b"# only a comment\n", b"\n\n"])
def test_empty_file_is_refused(raw: bytes) -> None:
    """A file with no YAML content is reported empty at 1:1."""
    assert problems(raw) == [
        (
            1,
            1,
            "fichier-vide",
            "the file is empty; it must hold the keys described in the documentation",
        ),
    ]


def test_too_large_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file over MAX_BYTES is refused from its size alone: its contents are never read."""
    big = tmp_path / "NC-01.yaml"
    with big.open("wb") as handle:
        handle.truncate(5_000_000)

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    started = time.perf_counter()
    with pytest.raises(YamlError) as info:
        read_yaml(big)
    assert time.perf_counter() - started < 0.5
    [found] = info.value.diagnostics
    assert (found.path, found.line, found.column, found.code) == (big, 1, 1, "fichier-trop-gros")
    assert EN(found.message) == (
        "file too large (5000 kB, limit 1000 kB); an audit file is a few kB"
    )


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    """A file of exactly MAX_BYTES is still read."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: " + b"x" * (yamlio.MAX_BYTES - 4) + b"\n")
    assert path.stat().st_size == yamlio.MAX_BYTES
    assert len(read_yaml(path).data["a"]) == yamlio.MAX_BYTES - 4


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    """A path that cannot be read gives a 'lecture' problem, not an exception."""
    with pytest.raises(YamlError) as info:
        read_yaml(tmp_path / "absent.yaml")
    [found] = info.value.diagnostics
    assert (found.line, found.column, found.code) == (1, 1, "lecture")
    assert EN(found.message) == "cannot read the file: No such file or directory"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"d: 2026-03-09\n", "2026-03-09"),
        (b"d: 2026-03-09 10:00:00\n", "2026-03-09 10:00:00"),
        (b"d: 2026-02-30\n", "2026-02-30"),
    ],
)
def test_timestamps_stay_text(raw: bytes, expected: str) -> None:
    """Dates are kept as written, so the models can say what is wrong with them."""
    assert parse_yaml(raw, Path("x.yaml")).data == {"d": expected}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"v: 12\n", 12),
        (b"v: 0x0B\n", 11),
        (b"v: 1.5\n", 1.5),
        (b"v: .inf\n", float("inf")),
        (b"v: true\n", True),
        (b"v: False\n", False),
        (b"v: yes\n", "yes"),
        (b"v: ~\n", None),
        (b"v: '12'\n", "12"),
    ],
)
def test_core_scalars_are_built(raw: bytes, expected: object) -> None:
    """Core YAML 1.2 scalars become Python values; 'yes' stays text (YAML 1.2)."""
    assert parse_yaml(raw, Path("x.yaml")).data == {"v": expected}


def test_self_referencing_alias_is_refused() -> None:
    """An anchor that contains its own alias is refused instead of recursing forever."""
    assert problems(b"a: &a [*a]\n") == [
        (
            1,
            4,
            "yaml-complexe",
            "this document refers to itself or expands too far through aliases",
        ),
    ]


def _alias_bomb(levels: int = 9) -> bytes:
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join([f'*{prev}'] * 9)}]".encode())
    return b"\n".join(lines) + b"\n"


def test_alias_bomb_is_refused_quickly_and_once() -> None:
    """A 'billion laughs' document is stopped at MAX_NODES, quickly, with one message."""
    started = time.perf_counter()
    found = problems(_alias_bomb())
    assert time.perf_counter() - started < 2
    assert [p[2:] for p in found] == [
        ("yaml-complexe", "this document refers to itself or expands too far through aliases"),
    ]


def test_shared_alias_is_read_twice() -> None:
    """An anchor reused by sibling aliases is ordinary YAML and is read, not refused."""
    doc = parse_yaml(b"a: &x {k: 1}\nb: [*x, *x]\n", Path("x.yaml"))
    assert doc.data == {"a": {"k": 1}, "b": [{"k": 1}, {"k": 1}]}
