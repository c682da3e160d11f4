"""check --fix finds only the mistakes that have one right answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from qnc.editing.fixes import fixed
from qnc.i18n import translator

NC = "id: NC-01\nindicateur: 12\ngravite: mineure\nconstat: x\n"


@pytest.mark.parametrize(
    ("line", "fixed_line"),
    [
        ("gravite: MINEURE\n", "gravite: mineure\n"),
        ("gravite: ' mineure'\n", "gravite: 'mineure'\n"),
        ("plan_envoye_le: 5/1/2027\n", "plan_envoye_le: 2027-01-05\n"),
        ("plan_envoye_le: 1er août 2026\n", "plan_envoye_le: 2026-08-01\n"),
        ("plan_envoye_le: 20260801\n", "plan_envoye_le: 2026-08-01\n"),
        ("preuve_envoyees_le: 2026-08-01\n", "preuves_envoyees_le: 2026-08-01\n"),
        ("leve_le: 2026-08-01\n", "levee_le: 2026-08-01\n"),
    ],
)
def test_one_right_answer_is_fixed(line: str, fixed_line: str) -> None:
    """A case, a date with its day first or in words, a key with one close match."""
    text = NC.replace("gravite: mineure\n", "") + line
    if not line.startswith("gravite"):
        text = NC + line
    new, fixes = fixed(text.encode(), Path("NC-01.yaml"))
    assert new.decode() == text.replace(line, fixed_line)
    assert len(fixes) == 1


@pytest.mark.parametrize(
    "line",
    [
        "gravite: majeur\n",  # a guess, not a case
        "levee: 2026-08-01\n",  # not close enough to one key
        "envoye_le: 2026-08-01\n",  # near several keys, none close enough
        "plan_envoye_le: 2026-02-30\n",  # no such day
        "plan_envoye_le: 2026-13-01\n",
        "plan_envoye_le: demain\n",
    ],
)
def test_several_answers_or_none_are_left(line: str) -> None:
    """What a person must decide is left as it is."""
    text = NC.replace("gravite: mineure\n", "") + line if line.startswith("gravite") else NC + line
    assert fixed(text.encode(), Path("NC-01.yaml")) == (text.encode(), [])


def test_a_category_is_fixed_in_its_list() -> None:
    """audit.yaml: 'af' in the list of categories becomes 'AF'."""
    audit = (
        "organisme:\n  nom: X\n  categories: [af, CFA]\ncertificateur:\n  nom: Y\n"
        "audit:\n  type: Initial\n  debut: 2026-03-09\n"
    )
    new, fixes = fixed(audit.encode(), Path("audit.yaml"))
    assert new.decode() == audit.replace("[af,", "[AF,").replace("Initial", "initial")
    tr = translator("fr")
    assert [(f.line, f.column, tr(f.message)) for f in fixes] == [
        (3, 16, "corrigé : organisme, categories 1 : « af » → « AF »"),
        (7, 9, "corrigé : audit, type : « Initial » → « initial »"),
    ]


def test_a_file_qnc_cannot_read_is_left() -> None:
    """A syntax error: nothing to fix, qnc check says what is wrong."""
    assert fixed(b"gravite: [Mineure\n", Path("NC-01.yaml")) == (b"gravite: [Mineure\n", [])


@pytest.mark.parametrize(
    ("line", "fixed_line", "value", "column"),
    [
        ("constat: Le livret : absent\n", 'constat: "Le livret : absent"\n',
         "Le livret : absent", 10),
        ("constat:   L'accueil : non tracé  \n", "constat:   \"L'accueil : non tracé\"\n",
         "L'accueil : non tracé", 12),
        ('constat: Le « livret » : dit "absent"\n',
         "constat: 'Le « livret » : dit \"absent\"'\n", 'Le « livret » : dit "absent"', 10),
        ("constat: Livret : absent\r\n", 'constat: "Livret : absent"\r\n', "Livret : absent", 10),
    ],
)  # fmt: skip
def test_a_text_with_a_colon_is_quoted_and_reads_back(
    line: str, fixed_line: str, value: str, column: int
) -> None:
    """`constat: Le livret : absent` is not YAML; quoted, it reads back as the text
    written, and the rest of the file is as it was."""
    from qnc.reading.document import parse_yaml

    text = NC.replace("constat: x\n", line) + "# fin\n"
    new, fixes = fixed(text.encode(), Path("NC-01.yaml"))
    assert new.decode() == text.replace(line, fixed_line)
    assert parse_yaml(new, Path("NC-01.yaml")).data["constat"] == value
    tr = translator("fr")
    assert [(f.line, f.column, tr(f.message)) for f in fixes] == [
        (4, column, "corrigé : constat : texte mis entre guillemets, car il contient « : »")
    ]


def test_a_text_with_a_colon_in_an_action_and_a_bom() -> None:
    """In a list item, after a BOM, two lines at once: each quoted, the rest kept."""
    from qnc.reading.document import parse_yaml

    text = (
        "\ufeff" + NC + "actions:\n  - id: A1\n    description: Créer : une grille\n"
        "    responsable: Marie : qualité\n    echeance: 2026-10-15\n"
    )
    new, fixes = fixed(text.encode(), Path("NC-01.yaml"))
    assert new.decode() == text.replace("Créer : une grille", '"Créer : une grille"').replace(
        "Marie : qualité", '"Marie : qualité"'
    )
    action = parse_yaml(new, Path("NC-01.yaml")).data["actions"][0]
    assert (action["description"], action["responsable"]) == ("Créer : une grille",
                                                              "Marie : qualité")  # fmt: skip
    assert [(f.line, f.column) for f in fixes] == [(7, 18), (8, 18)]


@pytest.mark.parametrize(
    "lines",
    [
        "constat: Le livret : absent # à revoir\n",  # where the comment starts: a person's call
        "constat: Le livret : absent\n  et le registre\n",  # a text on two lines
        "constat: gravite: majeure\n",  # a key that lost its line
        "plan_envoye_le: 2026-04-01: x\n",  # not a key of free text
        "constat: [a: b\n",  # another syntax error
    ],
)
def test_a_colon_quoting_would_only_guess_is_left(lines: str) -> None:
    text = NC.replace("constat: x\n", lines)
    assert fixed(text.encode(), Path("NC-01.yaml")) == (text.encode(), [])
