"""Text that would take over a terminal, and ids that look like others, are refused at
their place; identical-looking ids written two ways are one id."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from qnc.model.characters import control_in, invisible_in
from qnc.model.records import Action, NonConformity
from tests.conftest import NC, Found

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Found]]

CONTROL = (
    "ce texte contient le caractère de contrôle {code}, qui peut prendre la main sur un "
    "terminal ou changer l'ordre de ce qu'affiche un document (souvent écrit entre guillemets "
    "doubles comme séquence d'échappement, telle que \\e ou \\u202e) ; supprimez-le"
)
INVISIBLE_ID = (
    "cet identifiant contient un caractère invisible ({code}), qui le fait ressembler à un "
    "autre ; retapez l'identifiant sans lui"
)


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\e[2J", "U+001B"),  # clears the screen
        ("\\e]0;titre\\a", "U+001B"),  # retitles the window
        ("\\x9b", "U+009B"),  # C1: the one-byte CSI
        ("\\r", "U+000D"),  # rewrites the line
        ("\\x7f", "U+007F"),
        ("\\u202e", "U+202E"),  # right-to-left override
        ("\\u2066", "U+2066"),  # left-to-right isolate
        ("\\u200f", "U+200F"),  # right-to-left mark
        ("\\u2028", "U+2028"),  # line separator
    ],
)
def test_control_character_written_as_an_escape_is_refused(
    write_audit: WriteAudit, diagnose: Diagnose, escape: str, code: str
) -> None:
    """YAML forbids control characters written raw, not as escapes between double
    quotes: the record refuses them, at the value, so that status and plan never write
    them to a terminal or a document."""
    text = NC.replace("constat: Absences non suivies.", f'constat: "Absences{escape}"')
    folder = write_audit(ncs={"NC-01.yaml": text})
    assert diagnose(folder) == [
        Found("nc/NC-01.yaml", 4, 10, "erreur", "caractere-controle", CONTROL.format(code=code))
    ]


def test_tab_and_line_feed_stay_allowed(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """A tab and a line break are ordinary text."""
    text = NC.replace("constat: Absences non suivies.", 'constat: "Absences\\tnon\\nsuivies."')
    assert diagnose(write_audit(ncs={"NC-01.yaml": text})) == []


def test_every_text_field_is_checked(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """Owners, descriptions, evidence paths, the organisation's name: each text of every
    record, at its own place (a list item at the item)."""
    audit = (
        'organisme:\n  nom: "Formations\\e[31m"\n  categories: [AF]\n'
        "certificateur:\n  nom: Certif\n"
        "audit:\n  type: initial\n  debut: 2026-03-09\n  notification: 2026-03-12\n"
    )
    actions = (
        'actions:\n  - id: A1\n    responsable: "Marie\\u202e"\n    echeance: 2026-04-01\n'
        '    preuves: [ok.pdf, "liste\\x1b.pdf"]\n'
    )
    folder = write_audit(audit, ncs={"NC-01.yaml": NC + actions}, files={"ok.pdf": "x"})
    assert [(f.file, f.line, f.column, f.code) for f in diagnose(folder)] == [
        ("audit.yaml", 2, 8, "caractere-controle"),
        ("nc/NC-01.yaml", 7, 18, "caractere-controle"),
        ("nc/NC-01.yaml", 9, 23, "caractere-controle"),
    ]


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\u200b", "U+200B"), ("\\ufeff", "U+FEFF"), ("\\u00ad", "U+00AD"), ("\\u00a0", "U+00A0"),
     ("\\u3164", "U+3164"), ("\\u2800", "U+2800"), ("\\u115f", "U+115F"), ("\\ufe0f", "U+FE0F")],
)  # fmt: skip
def test_invisible_character_in_an_id_is_refused(
    write_audit: WriteAudit, diagnose: Diagnose, escape: str, code: str
) -> None:
    """'NC-01' and 'NC-01' + a zero-width space look alike: the second is refused."""
    text = NC.replace("id: NC-01", f'id: "NC-01{escape}"')
    assert diagnose(write_audit(ncs={"NC-01.yaml": text})) == [
        Found("nc/NC-01.yaml", 1, 5, "erreur", "id-invisible", INVISIBLE_ID.format(code=code))
    ]


def test_action_id_with_an_invisible_character_is_refused(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """Action ids are held to the same rule as NC ids."""
    actions = 'actions:\n  - id: "A1\\u200d"\n    responsable: Marie\n    echeance: 2026-04-01\n'
    assert diagnose(write_audit(ncs={"NC-01.yaml": NC + actions})) == [
        Found("nc/NC-01.yaml", 6, 9, "erreur", "id-invisible", INVISIBLE_ID.format(code="U+200D"))
    ]


def test_ids_written_composed_and_decomposed_are_one_id(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """'NC-é' typed as one character or as 'e' and an accent is one id: a duplicate."""
    composed, decomposed = "NC-\u00e9", "NC-e\u0301"
    folder = write_audit(
        ncs={
            f"{composed}.yaml": NC.replace("NC-01", composed),
            "NC-02.yaml": NC.replace("NC-01", decomposed).replace("12", "17"),
        }
    )
    assert [(f.file, f.code, f.message) for f in diagnose(folder)] == [
        (
            "nc/NC-02.yaml",
            "id-duplique",
            f"l'identifiant « {composed} » est déjà pris par {composed}.yaml ; donnez à "
            "chaque NC le sien",
        ),
    ]


def test_action_ids_written_two_ways_are_one_id(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """Two actions 'Aé', composed and decomposed, are the same action id twice."""
    actions = "actions:\n" + "".join(
        f"  - id: {name}\n    responsable: Marie\n    echeance: 2026-04-01\n"
        for name in ("A\u00e9", "Ae\u0301")
    )
    found = diagnose(write_audit(ncs={"NC-01.yaml": NC + actions}))
    assert [(f.line, f.code, f.message) for f in found] == [
        (
            9,
            "action-dupliquee",
            "l'identifiant d'action « A\u00e9 » est utilisé deux fois dans cette NC",
        ),
    ]


def test_decomposed_file_name_matches_its_id(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """A macOS disk spells 'NC-é.yaml' decomposed: it is still named after its id."""
    name = unicodedata.normalize("NFD", "NC-\u00e9.yaml")
    folder = write_audit(ncs={name: NC.replace("NC-01", "NC-\u00e9")})
    assert diagnose(folder) == []


def test_ids_are_stored_composed() -> None:
    """The record holds the NFC form, whatever the file wrote."""
    nc = NonConformity.model_validate(
        {"id": "NC-e\u0301", "indicateur": 12, "gravite": "mineure", "constat": "x"}
    )
    assert nc.id == "NC-\u00e9"
    action = Action.model_validate({"id": "Ae\u0301", "responsable": "M", "echeance": "2026-04-01"})
    assert action.id == "A\u00e9"


def test_invisible_key_is_named(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """'gravite' + a zero-width space is not 'an unknown key, did you mean gravite?'."""
    text = NC.replace("gravite: mineure", '"gravite\\u200b": mineure')
    found = diagnose(write_audit(ncs={"NC-01.yaml": text}))
    assert (found[0].line, found[0].code, found[0].message) == (
        3,
        "cle-inconnue",
        "« gravite » contient un caractère invisible (U+200B) ; supprimez-le",
    )


@pytest.mark.parametrize("char", ["\x1b", "\x9b", "\u202e", "\u2069", "\r", "\x00"])
def test_characters_refused_in_text(char: str) -> None:
    """The characters refused in text, in one place."""
    assert control_in(f"a{char}b") == char


@pytest.mark.parametrize("char", ["\t", "\n", "é", "\u00a0", "\u200b", "🙂"])
def test_characters_accepted_in_text(char: str) -> None:
    """Tabs, line feeds, accents, spaces of any kind and emoji are text."""
    assert control_in(f"a{char}b") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [("NC-01", None), ("NC 01", None), ("NC-01\u200b", "\u200b"), ("NC-01\n", "\n"),
     ("NC\u00a001", "\u00a0"), ("NC-01\U000e0001", "\U000e0001")],
)  # fmt: skip
def test_invisible_characters_in_ids(text: str, found: str | None) -> None:
    """Zero-width and format characters, controls and odd spaces are invisible; a plain
    space is not."""
    assert invisible_in(text) == found


def test_refused_id_does_not_build() -> None:
    """The rule is the record's own: no id with an invisible character is ever built."""
    with pytest.raises(ValidationError):
        Action.model_validate({"id": "A\u2060", "responsable": "M", "echeance": "2026-04-01"})
