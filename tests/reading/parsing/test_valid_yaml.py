"""Valid YAML is never called a syntax error: read when ruamel reads it, and refused on
purpose (merge keys, a second document, tabs between words, tags) with words that say
the YAML is valid, why an audit file does not take it, and what to write instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qnc.i18n import translator
from qnc.reading.document import YamlError, parse_yaml
from tests.conftest import Found

FR = translator("fr")


def french(raw: bytes) -> list[tuple[int, int, str, str]]:
    with pytest.raises(YamlError) as info:
        parse_yaml(raw, Path("x.yaml"))
    return [(d.line, d.column, d.code, FR(d.message)) for d in info.value.diagnostics]


SECOND_DOCUMENT = (
    "un second document commence ici (« --- ») : c'est du YAML valide, mais un fichier "
    "d'audit n'en accepte qu'un, car il est lu comme un seul document et la suite serait "
    "perdue ; supprimez cette ligne, ou mettez la suite dans un fichier à part"
)
TAB_BETWEEN = (
    "une tabulation sépare deux parties de cette ligne : YAML l'autorise, mais pas un "
    "fichier d'audit (les éditeurs affichent une tabulation avec des largeurs variables, ce "
    "qui cache l'indentation que lit YAML) ; remplacez-la par une espace"
)
MERGE_KEY = (
    "« << » fusionne ici les clés d'un autre dictionnaire : c'est du YAML 1.1 valide, mais "
    "un fichier d'audit ne l'accepte pas (YAML 1.2, que lit qnc, n'a pas de clé de fusion, "
    "et chaque fichier doit tout dire là où on le lit) ; écrivez les clés en entier"
)
DOCUMENT_END = (
    "« ... » termine ici le document : YAML permet un autre document après, mais un fichier "
    "d'audit est lu comme un seul document : la suite serait perdue ; supprimez cette ligne"
)
COLLECTION_KEY = (
    "une liste ou un dictionnaire sert de clé : c'est du YAML valide, mais pas accepté dans "
    "un fichier d'audit, dont les clés sont de simples mots ; écrivez la clé comme un texte"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"id: NC-01\n---\nid: NC-02\n", (2, 1, SECOND_DOCUMENT)),
        (b"---\nid: NC-04\n...\nindicateur: 19\n", (3, 1, DOCUMENT_END)),
        (b"id: NC-01\n[a, b]: c\n", (2, 1, COLLECTION_KEY)),
        (b"id: NC-01\n? - a\n: b\n", (2, 3, COLLECTION_KEY)),
        (b"actions:\n  -\tid: A1\n", (2, 4, TAB_BETWEEN)),
        (b"- foo:\t bar\n- - baz\n  -\tbaz\n", (3, 4, TAB_BETWEEN)),
        (b"base: &b\n  indicateur: 12\n<<: *b\n", (3, 1, MERGE_KEY)),
        (b"a: {<<: {b: 1}}\n", (1, 5, MERGE_KEY)),
    ],
)
def test_valid_yaml_refused_on_purpose_says_so(raw: bytes, expected: tuple[int, int, str]) -> None:
    """A second document, a tab between two parts of a line, a merge key: valid YAML,
    refused with its own code and the reason, never as a syntax error."""
    assert french(raw) == [(*expected[:2], "yaml-non-accepte", expected[2])]


def test_tab_in_the_indentation_is_still_a_syntax_mistake() -> None:
    """A tab before the first word of a line is indentation, which YAML forbids."""
    assert french(b"a:\n\tb: 1\n") == [
        (2, 1, "tabulation", "une tabulation sert d'indentation ; YAML n'accepte que des espaces")
    ]


def test_byte_order_mark_inside_the_file_is_named() -> None:
    """U+FEFF after a quoted value (two files pasted together) is named, not taken for
    text after the quotes."""
    assert french("constat: 'Absences'\ufeff\ngravite: mineure\n".encode()) == [
        (
            1,
            20,
            "caractere-interdit",
            "une marque d'ordre des octets invisible (U+FEFF) se trouve ici, au milieu du "
            "fichier (souvent laissée en collant deux fichiers bout à bout) ; supprimez-la",
        )
    ]


@pytest.mark.parametrize(
    ("raw", "data"),
    [
        (b"%FOO bar baz\n---\nid: NC-01\n", {"id": "NC-01"}),
        (b"%YAML 1.2\n---\nid: NC-01\n", {"id": "NC-01"}),
        (b"a: { x: 1, omitted value:, }\n", {"a": {"x": 1, "omitted value:": None}}),
        (b"a: &t long\nb: &t court\nc: *t\n", {"a": "long", "b": "court", "c": "court"}),
        (b"a: [1,\t2]\n", {"a": [1, 2]}),
        (b"a:\tb\n", {"a": "b"}),
    ],
)
def test_valid_yaml_is_read(raw: bytes, data: object) -> None:
    """A directive qnc does not know, an empty value in braces, an anchor defined again,
    a tab where both parsers take it: read, as YAML says (the C parser refuses the first
    ones; ruamel's own parser reads them)."""
    assert parse_yaml(raw, Path("x.yaml")).data == data


def test_merge_key_is_one_message_without_follow_on_errors(
    write_audit: Callable[..., Path], diagnose: Callable[..., list[Found]]
) -> None:
    """An NC taking its keys from a merge key: one error at '<<', instead of an unknown
    key '<<' and the keys it held reported missing."""
    text = "commun: &c\n  indicateur: 12\n  gravite: mineure\nid: NC-01\n<<: *c\nconstat: x\n"
    folder = write_audit(ncs={"NC-01.yaml": text})
    assert diagnose(folder) == [
        Found("nc/NC-01.yaml", 5, 1, "erreur", "yaml-non-accepte", MERGE_KEY),
    ]
