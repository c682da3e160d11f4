"""The YAML reader: plain data, with the 1-based position of every key and value."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from qnc.i18n import translator
from qnc.reading.document import Document, YamlError, parse_yaml, read_yaml
from qnc.reading.parsing import text
from qnc.reading.parsing.limits import MAX_DEPTH

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


TAG_REFUSED = (
    "the tag '{tag}' is valid YAML, but not accepted in an audit file: a tag asks a program "
    "to build something else than text, numbers and lists; write a plain value"
)


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
        (*position, "tag-interdit", TAG_REFUSED.format(tag=tag)),
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
        (*position, "tag-interdit", TAG_REFUSED.format(tag=tag)),
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
            (
                2,
                1,
                "syntaxe-yaml",
                "a list in brackets is not closed, or lacks a comma between two items; "
                "check the closing ']' and the commas",
            ),
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


def test_non_utf8_byte_on_the_bom_line_is_located() -> None:
    """On line 1 after a BOM, the column counts from the first character, not the BOM."""
    assert problems(b"\xef\xbb\xbfid: \xff\n") == [
        (1, 5, "encodage", "the file is not UTF-8 text (byte 0xFF); save it as UTF-8"),
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
    with pytest.raises(YamlError) as info:
        read_yaml(big)
    [found] = info.value.diagnostics
    assert (found.path, found.line, found.column, found.code) == (big, 1, 1, "fichier-trop-gros")
    assert EN(found.message) == (
        "file too large (5000 kB, limit 1000 kB); an audit file is a few kB"
    )


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    """A file of exactly MAX_BYTES is still read."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: " + b"x" * (text.MAX_BYTES - 4) + b"\n")
    assert path.stat().st_size == text.MAX_BYTES
    assert len(read_yaml(path).data["a"]) == text.MAX_BYTES - 4


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    """A path that cannot be read gives a 'lecture' problem, not an exception."""
    with pytest.raises(YamlError) as info:
        read_yaml(tmp_path / "absent.yaml")
    [found] = info.value.diagnostics
    assert (found.line, found.column, found.code) == (1, 1, "lecture")
    assert FR(found.message) == "lecture du fichier impossible : il n'existe plus ; relancez qnc"


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
    """An anchor that contains its own alias is refused at the alias, instead of
    recursing forever."""
    assert problems(b"a: &a [*a]\n") == [
        (
            1,
            8,
            "yaml-complexe",
            "this alias (*a) repeats the list or mapping that holds it, which would repeat "
            "without end; write the values out instead",
        ),
    ]


def _alias_bomb(levels: int = 9) -> bytes:
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join([f'*{prev}'] * 9)}]".encode())
    return b"\n".join(lines) + b"\n"


def test_alias_bomb_is_refused_quickly_and_once() -> None:
    """A 'billion laughs' document is stopped at MAX_NODES, quickly, with one message at
    the first alias past it: a to d hold 8,303 values, e 66,430 more, and the first *e of
    line 6 brings 66,430 again."""
    started = time.perf_counter()
    found = problems(_alias_bomb())
    assert time.perf_counter() - started < 10  # bounded, not a speed test: no runaway
    assert found == [
        (
            6,
            8,
            "yaml-complexe",
            "with this alias (*e), the file grows past 100,000 values, far more than an audit "
            "file holds: each alias repeats the whole list or mapping of its anchor; use "
            "fewer aliases",
        ),
    ]


def _long_text_reused(length: int, times: int) -> bytes:
    """The NC file of a hostile trial: one long finding, reused by many actions."""
    lines = ["id: NC-05", f"constat: &c {'x' * length}", "actions:"]
    for i in range(times):
        lines += [f"  - id: A{i}", "    responsable: *c", "    echeance: 2026-12-01"]
    return "\n".join(lines).encode() + b"\n"


def test_text_copied_by_aliases_is_bounded_in_characters() -> None:
    """A 100,000-character text reused 1,500 times is few values but 150 million
    characters: refused at the alias that passes MAX_EXPANDED (the 19th copy: with the
    anchor's own text and the other keys and values, over 2 million), not read for minutes
    and rendered into gigabytes."""
    started = time.perf_counter()
    found = problems(_long_text_reused(100_000, 1_500))
    assert time.perf_counter() - started < 10  # bounded, not a speed test: no runaway
    assert found == [
        (
            5 + 3 * 18,
            18,
            "yaml-complexe",
            "with this alias (*c), the file's text grows past 2 million characters, far more "
            "than an audit file holds: each alias repeats the whole text of its anchor; write "
            "the values out, or use fewer aliases",
        ),
    ]


def test_text_copied_by_aliases_up_to_the_limit_is_read() -> None:
    """18 copies of a 100,000-character text (1.9 million characters with the anchor's
    own) are still read: the limit is on the text, not on the aliases."""
    document = parse_yaml(_long_text_reused(100_000, 18), Path("x.yaml"))
    assert len(document.data["actions"]) == 18


def test_many_plain_values_are_not_called_aliases() -> None:
    """100,001 plain keys are too many values, said as such: there is no alias to blame."""
    raw = "".join(f"k{i}: 1\n" for i in range(100_001)).encode()
    assert problems(raw) == [
        (
            100_000,
            9,
            "yaml-complexe",
            "this file holds more than 100,000 values, far more than an audit file (a few "
            "hundred); check that it is the right file",
        ),
    ]


@pytest.mark.parametrize(("zeros", "refused"), [(997, False), (998, True)])
def test_values_through_aliases_count_as_the_reader_counts(zeros: int, refused: bool) -> None:
    """Aliases are measured before composing, and the reader counts the values again:
    both count alike (keys aside), so a file of exactly MAX_NODES values is read and one
    more is refused. Here: the top mapping, x (a list of 999), y (a list of 98 *x) and z."""
    raw = (
        "x: &x [" + ", ".join(["0"] * 999) + "]\n"
        "y: [" + ", ".join(["*x"] * 98) + "]\n"
        "z: [" + ", ".join(["0"] * zeros) + "]\n"
    ).encode()
    if not refused:
        assert len(parse_yaml(raw, Path("x.yaml")).data["y"]) == 98
        return
    assert problems(raw) == [
        (
            3,
            5 + 3 * 997,
            "yaml-complexe",
            "this file holds more than 100,000 values, far more than an audit file (a few "
            "hundred); check that it is the right file",
        ),
    ]


def test_an_anchor_defined_again_is_measured_by_its_last_value() -> None:
    """An alias repeats the latest anchor of its name, as ruamel composes it: a long
    text anchored first, then a short one under the same name, is not counted twice."""
    long_text = "x" * 1_500_000
    raw = f"a: &t {long_text}\nb: &t court\nc: [*t, *t, *t]\n".encode()
    assert parse_yaml(raw, Path("x.yaml")).data["c"] == ["court"] * 3


def test_shared_alias_is_read_twice() -> None:
    """An anchor reused by sibling aliases is ordinary YAML and is read, not refused."""
    doc = parse_yaml(b"a: &x {k: 1}\nb: [*x, *x]\n", Path("x.yaml"))
    assert doc.data == {"a": {"k": 1}, "b": [{"k": 1}, {"k": 1}]}


# --- what a file may hold: control characters, UTF-16, deep nesting -------------------------


def french(raw: bytes) -> list[tuple[int, int, str, str]]:
    """(line, column, code, French message) of every problem of ``raw``."""
    with pytest.raises(YamlError) as info:
        parse_yaml(raw, Path("x.yaml"))
    return [(d.line, d.column, d.code, FR(d.message)) for d in info.value.diagnostics]


def forbidden(code: str) -> str:
    return (
        f"le caractère U+{code} est interdit dans un fichier YAML ; supprimez-le "
        "(il vient souvent d'un texte collé depuis Word)"
    )


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x0b", "000B"),  # Word's Shift+Enter
        ("\x00", "0000"),
        ("\x01", "0001"),
        ("\x0c", "000C"),
        ("\x1b", "001B"),
        ("\x7f", "007F"),
        ("\ufffe", "FFFE"),
    ],
)
def test_control_character_is_named_and_located(char: str, code: str) -> None:
    """A character YAML forbids is named as U+XXXX at its line and column, not a crash."""
    raw = f"id: NC-01\nconstat: ligne 1{char}ligne 2\n".encode()
    assert french(raw) == [(2, 17, "caractere-interdit", forbidden(code))]


def test_every_control_character_is_reported_in_characters() -> None:
    """Each forbidden character is reported; columns count characters, not bytes."""
    raw = "id: NC-01\nconstat: évalué\x0b\ncorrection: \x0bà faire\n".encode()
    assert [p[:3] for p in french(raw)] == [
        (2, 16, "caractere-interdit"),
        (3, 13, "caractere-interdit"),
    ]


def test_many_control_characters_are_reported_at_most_twenty_times() -> None:
    """A file full of control characters gives a bounded list of problems."""
    assert len(french(b"a: " + b"\x01" * 500 + b"\n")) == 20


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be", "utf-32"])
def test_utf32_file_is_not_called_utf16(encoding: str) -> None:
    """A UTF-32 file, with or without BOM, is said to be UTF-32 (its little-endian BOM
    starts like UTF-16's, and it has NULs every other byte too)."""
    raw = "id: NC-01\nconstat: évaluation\n".encode(encoding)
    assert french(raw) == [
        (1, 1, "encodage", "le fichier semble enregistré en UTF-32 ; enregistrez-le en UTF-8"),
    ]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_file_is_named_not_empty(encoding: str) -> None:
    """A UTF-16 file, with or without BOM, is said to be UTF-16, never empty."""
    raw = "id: NC-01\nconstat: évaluation\n".encode(encoding)
    assert french(raw) == [
        (1, 1, "encodage", "le fichier semble enregistré en UTF-16 ; enregistrez-le en UTF-8"),
    ]


TOO_DEEP = (
    "listes et dictionnaires imbriqués sur plus de 64 niveaux ; un fichier d'audit n'en "
    "demande que quelques-uns : vérifiez les crochets et l'indentation"
)


@pytest.mark.parametrize("levels", [64, 500, 400_000])
def test_deep_nesting_is_refused_once(levels: int) -> None:
    """Brackets nested past MAX_DEPTH give one problem at the first level too deep.

    At 500 levels the walker used to exceed Python's recursion limit; far deeper,
    ruamel's C composer crashed the interpreter.
    """
    raw = b"id: " + b"[" * levels + b"]" * levels + b"\n"
    started = time.perf_counter()
    assert french(raw) == [(1, 68, "yaml-complexe", TOO_DEEP)]
    assert time.perf_counter() - started < 10  # bounded, not a speed test: no runaway


def test_nesting_at_the_limit_is_read() -> None:
    """MAX_DEPTH levels, the top mapping included, are still read."""
    levels = MAX_DEPTH - 1
    data = parse_yaml(b"id: " + b"[" * levels + b"]" * levels + b"\n", Path("x.yaml")).data
    for _ in range(levels):
        data = data["id"] if isinstance(data, dict) else data[0]
    assert data == []


def test_deep_block_nesting_is_refused() -> None:
    """Indentation nests as brackets do: the 65th mapping is refused, at its first key."""
    raw = b"".join(b"  " * i + b"k:\n" for i in range(70))
    assert french(raw) == [(65, 129, "yaml-complexe", TOO_DEEP)]


def test_deep_nesting_through_aliases_is_refused() -> None:
    """Aliases that nest each other past MAX_DEPTH are refused like written nesting."""
    lines = [b"a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]".encode() for i in range(1, 80)]
    # a62 nests 63 lists; put in a63's list, under the top mapping, it makes 65 levels.
    assert french(b"\n".join(lines) + b"\n") == [(64, 12, "yaml-complexe", TOO_DEEP)]


# --- syntax errors in plain words --------------------------------------------------------------

NOT_ALIGNED = (
    "cette ligne n'est pas alignée sur les clés au-dessus ; indentez-la exactement comme "
    "les autres clés de son niveau"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a:\n  b: 1\n c: 2\n", (3, 2, NOT_ALIGNED)),
        (b"actions:\n- id: A1\n -id: A2\n", (3, 2, NOT_ALIGNED)),
        (
            b"actions:\n  - id: A1\n    description: x\n  note: y\n",
            (
                4,
                3,
                "un élément de liste commençant par « - » est attendu ici ; vérifiez "
                "l'indentation de cette ligne",
            ),
        ),
        (
            b"a: @x\n",
            (
                1,
                4,
                "une valeur ne peut pas commencer par « @ » ; mettez la valeur entre guillemets",
            ),
        ),
        (
            b"a: `x`\n",
            (
                1,
                4,
                "une valeur ne peut pas commencer par « ` » ; mettez la valeur entre guillemets",
            ),
        ),
        (
            b"a: * important\n",
            (
                1,
                5,
                "une valeur ne peut pas commencer par « * » ; mettez la valeur entre guillemets",
            ),
        ),
        (
            b"id: NC-01\nconstat: Aucune trace\nde l'evaluation\ngravite: mineure\n",
            (
                3,
                1,
                "cette ligne n'a pas de « : » alors qu'une clé est attendue ; écrivez "
                "« clé: valeur », ou indentez la ligne si elle continue le texte au-dessus",
            ),
        ),
        (
            b"constat: 'l'audit'\n",
            (
                1,
                13,
                "une apostrophe termine un texte entre apostrophes ; doublez-la ('') ou mettez "
                'toute la valeur entre guillemets doubles (")',
            ),
        ),
        (
            b"actions:\n  - 'd'abord'\n",
            (
                2,
                8,
                "une apostrophe termine un texte entre apostrophes ; doublez-la ('') ou mettez "
                'toute la valeur entre guillemets doubles (")',
            ),
        ),
        (
            b"tags: ['l'audit']\n",
            (
                1,
                11,
                "une apostrophe termine un texte entre apostrophes ; doublez-la ('') ou mettez "
                'toute la valeur entre guillemets doubles (")',
            ),
        ),
        (
            b'constat: "audit" du site\n',
            (
                1,
                18,
                "texte inattendu après une valeur entre guillemets ou crochets ; mettez toute "
                "la valeur entre guillemets",
            ),
        ),
        (
            b"categories: [AF, BC\nactivites: []\n",
            (
                2,
                10,
                "une liste entre crochets n'est pas refermée, ou il manque une virgule entre "
                "deux éléments ; vérifiez le « ] » final et les virgules",
            ),
        ),
        (
            b"a: {x: 1, y: 2\n",
            (
                2,
                1,
                "un dictionnaire entre accolades n'est pas refermé, ou il manque une virgule "
                "entre deux entrées ; vérifiez l'accolade fermante et les virgules",
            ),
        ),
        (
            b"preuves: - a.pdf\n",
            (
                1,
                10,
                "une liste ne peut pas commencer sur la ligne de sa clé ; mettez chaque "
                "élément « - » sur sa propre ligne, indentée",
            ),
        ),
        (
            b'preuves: "C:\\dossier\\grille.pdf"\n',
            (
                1,
                13,
                "une barre oblique inverse entre guillemets doubles commence une séquence "
                "d'échappement ; mettez plutôt la valeur entre apostrophes",
            ),
        ),
        (
            b"constat: | Aucune trace\n",
            (
                1,
                12,
                "après « | » ou « > », le texte commence à la ligne suivante, indenté ; "
                "sinon, mettez la valeur entre guillemets",
            ),
        ),
    ],
)
def test_syntax_errors_in_plain_french(raw: bytes, expected: tuple[int, int, str]) -> None:
    """ruamel's English is replaced by a French sentence saying what to change."""
    assert french(raw) == [(expected[0], expected[1], "syntaxe-yaml", expected[2])]


def misaligned(key: str, expected: int, found: int) -> str:
    shift = expected - found
    advice = (f"ajoutez {shift} espace{'s' if shift > 1 else ''}" if shift > 0
              else f"retirez {-shift} espace{'s' if shift < -1 else ''}")  # fmt: skip
    return (
        f"la clé « {key} » n'est pas indentée comme les clés qui l'entourent (colonne "
        f"{expected}) : elle commence en colonne {found} ; {advice} en début de ligne"
    )


ITEM = "id: NC-01\nactions:\n  - id: A1\n    description: d\n{line}\n{next}\n"


@pytest.mark.parametrize(
    ("line", "after", "expected"),
    [
        # a key of an action moved to column 0: ruamel stops on the next line
        ("responsable: r", "    echeance: 2026-12-15", (5, 1, misaligned("responsable", 5, 1))),
        ("responsable: r", "  - id: A2", (5, 1, misaligned("responsable", 5, 1))),
        # 3 spaces where the action's keys have 4: ruamel asks for a '-'
        ("   responsable: r", "    echeance: 2026-12-15",
         (5, 4, misaligned("responsable", 5, 4))),
        ("   responsable: r", "", (5, 4, misaligned("responsable", 5, 4))),
        ("  responsable: r", "  - id: A2", (5, 3, misaligned("responsable", 5, 3))),
        # one space too many: the key reads as the text of the value above
        ("     responsable: r", "    echeance: 2026-12-15",
         (5, 6, misaligned("responsable", 5, 6))),
        ("     responsable: r", "", (5, 6, misaligned("responsable", 5, 6))),
    ],
)  # fmt: skip
def test_a_key_that_lost_its_indentation_is_named_at_its_line(
    line: str, after: str, expected: tuple[int, int, str]
) -> None:
    """A misaligned key is reported at its own line and column, with how far to move it,
    not where the parser stopped, nor as a missing '- '."""
    raw = ITEM.format(line=line, next=after).encode()
    assert french(raw) == [(*expected[:2], "cle-mal-indentee", expected[2])]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"organisme:\n  nom: X\n   siret: '1'\n  categories: [AF]\n",
         (3, 4, misaligned("siret", 3, 4))),
        (b"organisme:\n  nom: X\nsiret: '1'\n  categories: [AF]\n",
         (3, 1, misaligned("siret", 3, 1))),
        (b"organisme:\n  nom: X\n siret: '1'\ncertificateur:\n  nom: Y\n",
         (3, 2, misaligned("siret", 3, 2))),
        (b"actions:\n  - id: A1\n     description: d\n    echeance: 2026-12-15\n",
         (3, 6, misaligned("description", 5, 6))),
    ],
)  # fmt: skip
def test_a_misaligned_key_in_a_section(raw: bytes, expected: tuple[int, int, str]) -> None:
    """The same under a section of audit.yaml, and after the '- ' line of an item."""
    assert french(raw) == [(*expected[:2], "cle-mal-indentee", expected[2])]


@pytest.mark.parametrize(
    "raw",
    [
        b"constat: Les formateurs\n  indiquent: rien\nid: x\n",  # text, not a known key
        b"a:\n  b: 1\n c: 2\n",  # between two levels: which one is meant is unknown
        b"constat: |\n  a\n   b: c\nid: x\n  d: e\n",  # lines of a '|' text are not keys
    ],
)
def test_no_key_is_blamed_without_evidence(raw: bytes) -> None:
    """When the keys around do not say how far a line should move, the parser's own
    problem is explained instead."""
    assert [code for *_, code, _ in french(raw)] == ["syntaxe-yaml"]


VALUE_EXPECTED = (
    "une valeur est attendue ici ; vérifiez les crochets, les virgules et les « : » autour, "
    "ou mettez le texte entre guillemets"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"!x {", (1, 5, VALUE_EXPECTED)),
        (
            b"a: [1, 2",
            (1, 9, "une liste entre crochets n'est pas refermée, ou il manque une virgule "
                   "entre deux éléments ; vérifiez le « ] » final et les virgules"),
        ),
        (
            b"%YAML 1.2 x\n---\na: 1\n",
            (1, 11, "une ligne qui commence par « % » est une directive YAML, et celle-ci est "
                    "mal formée ou répétée ; supprimez-la, ou mettez le texte entre guillemets"),
        ),
        (
            b"a: !<%zz> b\n",
            (1, 7, "cette balise (« !… ») est mal formée, et un fichier d'audit n'accepte de "
                   "toute façon pas de balise ; supprimez-la, ou mettez la valeur entre "
                   "guillemets"),
        ),
        (
            b"a: 'x\n---\n'\n",
            (2, 1, "une ligne qui commence par « --- » ou « ... » dans un texte entre "
                   "guillemets terminerait le document ; indentez cette ligne, ou modifiez-la"),
        ),
        # libyaml refuses the anchor defined again (valid YAML); the real mistake is later
        (b"a: &x 1\nb: &x 2\nc: [\n", (4, 1, VALUE_EXPECTED)),
        (
            b"*a---\n>\r\n \n  x\n",  # found by a property test
            (4, 3, "une ligne blanche au début d'un texte après « | » ou « > » contient plus "
                   "d'espaces que la première ligne du texte ; supprimez ces espaces"),
        ),
        (
            b"a: 1\n" + b"k" * 1100 + b": 1\n",
            (2, 1, "cette clé dépasse 1024 caractères, ce que YAML ne permet pas ; "
                   "raccourcissez-la, ou indentez la ligne si elle continue le texte au-dessus"),
        ),
    ],
)  # fmt: skip
def test_rarer_syntax_errors_in_plain_french(raw: bytes, expected: tuple[int, int, str]) -> None:
    """Directives, tags, document markers in quotes, a missing value: French words, never
    ruamel's English, and a place inside the file even when it lacks a last line break."""
    assert french(raw) == [(expected[0], expected[1], "syntaxe-yaml", expected[2])]


# --- what the path is: pipes, devices, folders, links, system errors --------------------------


def read_problems(path: Path) -> list[tuple[int, int, str, str]]:
    with pytest.raises(YamlError) as info:
        read_yaml(path)
    return [(d.line, d.column, d.code, FR(d.message)) for d in info.value.diagnostics]


NOT_A_FILE = (
    "ce n'est pas un fichier ordinaire (c'est un tube nommé, un périphérique ou un socket) ; "
    "remplacez-le par un fichier YAML"
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    """A named pipe is refused from its type: opening it would wait for a writer forever."""
    os.mkfifo(tmp_path / "NC-5.yaml")
    assert read_problems(tmp_path / "NC-5.yaml") == [(1, 1, "lecture", NOT_A_FILE)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
def test_link_to_a_device_is_refused(tmp_path: Path) -> None:
    """A link to /dev/zero (size 0, endless) is followed and refused, not read."""
    (tmp_path / "NC-5.yaml").symlink_to("/dev/zero")
    assert read_problems(tmp_path / "NC-5.yaml") == [(1, 1, "lecture", NOT_A_FILE)]


def test_link_to_a_file_is_read(tmp_path: Path) -> None:
    """A link to a regular file is followed and read."""
    (tmp_path / "vrai.yaml").write_text("id: NC-01\n")
    (tmp_path / "NC-01.yaml").symlink_to(tmp_path / "vrai.yaml")
    assert read_yaml(tmp_path / "NC-01.yaml").data == {"id": "NC-01"}


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda path: path.mkdir(),
            "c'est un dossier, pas un fichier YAML ; renommez-le sans l'extension .yaml",
        ),
        (
            lambda path: path.symlink_to(path.parent / "absent.yaml"),
            "ce lien symbolique pointe vers un fichier qui n'existe pas ; corrigez le lien "
            "ou remplacez-le par le fichier",
        ),
        (
            lambda path: path.symlink_to(path),
            "lecture du fichier impossible : ses liens symboliques forment une boucle ; "
            "corrigez le lien",
        ),
    ],
    ids=["folder", "dangling link", "link loop"],
)
def test_path_that_is_not_a_file(
    tmp_path: Path, make: Callable[[Path], None], expected: str
) -> None:
    """A folder, a dangling link or a loop of links is said so, in French."""
    make(tmp_path / "NC-5.yaml")
    assert read_problems(tmp_path / "NC-5.yaml") == [(1, 1, "lecture", expected)]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            errno.EACCES,
            "lecture du fichier impossible : accès refusé ; vérifiez ses droits d'accès",
        ),
        (errno.EPERM, "lecture du fichier impossible : accès refusé ; vérifiez ses droits d'accès"),
        (
            errno.ENOTDIR,
            "lecture du fichier impossible : une partie de son chemin est un fichier, "
            "pas un dossier",
        ),
        (errno.EIO, "lecture du fichier impossible : erreur système EIO"),
    ],
)
def test_system_errors_are_said_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, expected: str
) -> None:
    """The system's English (strerror) is replaced by the catalog, save for rare errors."""
    path = tmp_path / "NC-01.yaml"
    path.write_text("id: NC-01\n")

    def refuse(self: Path, **kwargs: object) -> os.stat_result:
        raise OSError(number, os.strerror(number), str(self))

    monkeypatch.setattr(Path, "stat", refuse)
    assert read_problems(path) == [(1, 1, "lecture", expected)]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_file_without_read_permission(tmp_path: Path) -> None:
    """A file its owner may not read gives the access-rights message."""
    path = tmp_path / "NC-01.yaml"
    path.write_text("id: NC-01\n")
    path.chmod(0)
    assert read_problems(path) == [
        (
            1,
            1,
            "lecture",
            "lecture du fichier impossible : accès refusé ; vérifiez ses droits d'accès",
        )
    ]


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no /proc on this platform")
def test_read_stops_after_max_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose size the system does not know (/proc) is read at most MAX_BYTES + 1."""
    monkeypatch.setattr(text, "MAX_BYTES", 1000)
    assert Path("/proc/self/status").stat().st_size == 0
    assert read_problems(Path("/proc/self/status")) == [
        (
            1,
            1,
            "fichier-trop-gros",
            "fichier trop gros (plus de 1 ko) ; un fichier d'audit fait quelques ko",
        )
    ]
