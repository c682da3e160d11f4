"""Edits of hand-written YAML, whole files compared byte for byte: only the lines of
the fact change, whatever the layout (comments in odd places, CRLF, a BOM, no final
newline, block scalars, 4-space indentation)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from qnc.reading.parsing.text import YamlError
from qnc.writing.edit import apply_edits
from qnc.writing.edits import Append, Edit, EditError, Match, RenameKey, SetValue

D = dt.date
BOM = "\ufeff"
FACTS_AFTER_ACTIONS = ("efficacite", "preuves_envoyees_le", "plan_envoye_le", "actions")


def apply(text: str, edits: Sequence[Edit]) -> str:
    return apply_edits(text.encode("utf-8"), edits, Path("NC-02.yaml")).decode("utf-8")


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def check(before: str, edits: Sequence[Edit], after: str, *, variants: bool = True) -> None:
    """``edits`` turn ``before`` into exactly ``after``; so with CRLF, a BOM, no final EOL."""
    assert apply(before, edits) == after
    if not variants:
        return
    assert apply(crlf(before), edits) == crlf(after)
    assert apply(BOM + before, edits) == BOM + after
    assert apply(BOM + crlf(before), edits) == BOM + crlf(after)
    if before.endswith("\n") and after.endswith("\n"):
        assert apply(before[:-1], edits) == after[:-1]
        if "\n" in before[:-1]:  # else nothing tells that the file uses CRLF
            assert apply(crlf(before[:-1]), edits) == crlf(after[:-1])


NC = """\
# NC relevée le 9 mars : voir le rapport p. 4
id: NC-02   # numéro du rapport
indicateur: 1
gravite: mineure
constat: |
  Le site ne mentionne ni les délais d'accès
  ni les tarifs.

siret: "12345678900010"
note: 'texte « cité »'
actions:
  # première action, faite en avance
  - id: A1
    type: correction
    echeance: 2026-11-13   # date du plan
    fait_le: 2026-1-6
    preuves:
      - preuves/fiches.md   # version 2
    # fin de A1

  # A2 attend la réunion de décembre
  - id: A2
    description: >
      Ajouter au calendrier qualité
      une relecture semestrielle.
    echeance: 2026-12-15
    # la preuve viendra en janvier
plan_envoye_le: 2026-10-12   # par courriel
# Prochaine étape : envoyer les preuves.
"""


# ------------------------------------------------------------------- top-level scalar keys


def test_add_top_level_key_goes_after_last_key_before_the_closing_comment() -> None:
    after = NC.replace(
        "plan_envoye_le: 2026-10-12   # par courriel\n",
        "plan_envoye_le: 2026-10-12   # par courriel\npreuves_envoyees_le: 2026-12-03\n",
    )
    check(NC, [SetValue(("preuves_envoyees_le",), D(2026, 12, 3), FACTS_AFTER_ACTIONS)], after)


def test_add_top_level_key_after_a_list_keeps_the_lists_own_trailing_comment() -> None:
    before = NC.replace("plan_envoye_le: 2026-10-12   # par courriel\n", "")
    after = before.replace(
        "    # la preuve viendra en janvier\n",
        "    # la preuve viendra en janvier\nplan_envoye_le: 2026-12-03\n",
    )
    check(before, [SetValue(("plan_envoye_le",), D(2026, 12, 3), FACTS_AFTER_ACTIONS)], after)


def test_add_key_after_a_given_key_in_the_middle() -> None:
    after = NC.replace("indicateur: 1\n", "indicateur: 1\nexigence: Information publique\n")
    check(NC, [SetValue(("exigence",), "Information publique", ("indicateur",))], after)


def test_add_key_after_absent_anchor_goes_at_the_end() -> None:
    before = "id: NC-01\ngravite: mineure\n"
    check(
        before,
        [SetValue(("levee_le",), D(2027, 1, 2), ("nope",))],
        before + "levee_le: 2027-01-02\n",
    )


def test_replace_value_keeps_the_beside_comment() -> None:
    after = NC.replace("2026-10-12   # par courriel", "2026-12-03   # par courriel")
    check(NC, [SetValue(("plan_envoye_le",), D(2026, 12, 3))], after)


def test_set_empty_value_keeps_its_comment() -> None:
    before = "id: NC-01\nplan_envoye_le:   # à remplir\nlevee_le:\n"
    after = "id: NC-01\nplan_envoye_le: 2026-12-03   # à remplir\nlevee_le: 2027-01-02\n"
    check(
        before,
        [SetValue(("plan_envoye_le",), D(2026, 12, 3)), SetValue(("levee_le",), D(2027, 1, 2))],
        after,
    )


def test_untouched_scalars_keep_quotes_dates_accents_and_block_scalars() -> None:
    out = apply(NC, [SetValue(("levee_le",), D(2027, 1, 2))])
    assert out.startswith(NC.removesuffix("# Prochaine étape : envoyer les preuves.\n"))
    for written in ('"12345678900010"', "'texte « cité »'", "fait_le: 2026-1-6", "  ni les"):
        assert written in out


def test_new_text_is_written_with_raw_accents() -> None:
    before = "id: NC-01\n"
    after = 'id: NC-01\nresultat: "100 % des sessions d\'été : évaluées"\n'
    check(before, [SetValue(("resultat",), "100 % des sessions d'été : évaluées")], after)
    assert "\\u" not in after


# ------------------------------------------------------------------------ list item keys


def test_set_key_in_a_list_item_after_echeance() -> None:
    after = NC.replace(
        "    echeance: 2026-12-15\n", "    echeance: 2026-12-15\n    fait_le: 2026-12-03\n"
    )
    edit = SetValue(("actions", Match("id", "A2"), "fait_le"), D(2026, 12, 3), ("echeance",))
    check(NC, [edit], after)


def test_set_key_at_the_end_of_a_list_item_stays_above_its_trailing_comment() -> None:
    after = NC.replace(
        "    echeance: 2026-12-15\n",
        "    echeance: 2026-12-15\n    preuve_attendue: calendrier 2027\n",
    )
    check(NC, [SetValue(("actions", 1, "preuve_attendue"), "calendrier 2027")], after)


def test_replace_key_in_a_list_item_by_index() -> None:
    after = NC.replace("fait_le: 2026-1-6", "fait_le: 2026-01-06")
    check(NC, [SetValue(("actions", 0, "fait_le"), D(2026, 1, 6))], after)


def test_unknown_or_ambiguous_item_is_refused() -> None:
    with pytest.raises(EditError, match="no item of"):
        apply(NC, [SetValue(("actions", Match("id", "A9"), "fait_le"), D(2026, 1, 6))])
    twice = "actions:\n  - id: A1\n  - id: A1\n"
    with pytest.raises(EditError, match="several items of"):
        apply(twice, [SetValue(("actions", Match("id", "A1"), "fait_le"), D(2026, 1, 6))])


# ----------------------------------------------------------------- append to a nested list


def test_append_to_block_list_keeps_the_items_comments() -> None:
    after = NC.replace(
        "      - preuves/fiches.md   # version 2\n",
        "      - preuves/fiches.md   # version 2\n      - preuves/captures écran.pdf\n",
    )
    check(
        NC, [Append(("actions", Match("id", "A1"), "preuves"), "preuves/captures écran.pdf")], after
    )


def test_append_to_flow_list() -> None:
    before = "actions:\n  - id: A1\n    preuves: [a.pdf, b.pdf ]  # deux\n"
    after = "actions:\n  - id: A1\n    preuves: [a.pdf, b.pdf, c d.pdf ]  # deux\n"
    check(before, [Append(("actions", 0, "preuves"), "c d.pdf")], after)


def test_append_to_empty_flow_list_and_quotes_what_flow_needs() -> None:
    before = "actions:\n  - id: A1\n    preuves: []\n"
    after = "actions:\n  - id: A1\n    preuves: ['a, b.pdf']\n"
    check(before, [Append(("actions", 0, "preuves"), "a, b.pdf")], after)


def test_append_to_absent_list_creates_it_in_the_files_style() -> None:
    after = NC.replace(
        "    echeance: 2026-12-15\n",
        "    echeance: 2026-12-15\n    preuves:\n      - preuves/calendrier.pdf\n",
    )
    check(NC, [Append(("actions", Match("id", "A2"), "preuves"), "preuves/calendrier.pdf")], after)


@pytest.mark.parametrize("empty", ["", " ~", " null"])
def test_append_to_null_list(empty: str) -> None:
    before = f"actions:\n  - id: A1\n    preuves:{empty}   # aucune\n    echeance: 2026-12-15\n"
    after = (
        "actions:\n  - id: A1\n    preuves:   # aucune\n      - p.pdf\n    echeance: 2026-12-15\n"
    )
    check(before, [Append(("actions", 0, "preuves"), "p.pdf")], after)


# ------------------------------------------------------------------------ add an action

A3 = (
    ("id", "A3"),
    ("description", "Former l'équipe"),
    ("responsable", "Nadia Benali"),
    ("echeance", D(2027, 1, 15)),
)
A3_LINES = """\
  - id: A3
    description: Former l'équipe
    responsable: Nadia Benali
    echeance: 2027-01-15
"""


def test_add_action_after_the_last_one_and_its_comment() -> None:
    after = NC.replace(
        "    # la preuve viendra en janvier\n", "    # la preuve viendra en janvier\n" + A3_LINES
    )
    check(NC, [Append(("actions",), A3)], after)


def test_add_action_when_actions_is_absent() -> None:
    before = "id: NC-01\nanalyse_causes: aucune  # à revoir\nplan_envoye_le: 2026-10-12\n"
    after = (
        "id: NC-01\nanalyse_causes: aucune  # à revoir\nactions:\n"
        + A3_LINES
        + "plan_envoye_le: 2026-10-12\n"
    )
    check(before, [Append(("actions",), A3, ("correction", "analyse_causes"))], after)


@pytest.mark.parametrize("empty", ["", " []", " ~"])
def test_add_action_when_actions_is_empty(empty: str) -> None:
    before = f"id: NC-01\nactions:{empty}  # rien encore\nplan_envoye_le: 2026-10-12\n"
    after = "id: NC-01\nactions:  # rien encore\n" + A3_LINES + "plan_envoye_le: 2026-10-12\n"
    check(before, [Append(("actions",), A3)], after)


def test_add_action_with_dashes_not_indented_and_four_spaces() -> None:
    before = (
        "efficacite:\n    verifiee_le: 2026-06-01\nactions:\n-   id: A1\n    echeance: 2026-12-15\n"
    )
    after = before + "-   id: A3\n    echeance: 2027-01-15\n"
    check(before, [Append(("actions",), (("id", "A3"), ("echeance", D(2027, 1, 15))))], after)


def test_new_list_follows_the_files_indentation() -> None:
    before = "efficacite:\n    verifiee_le: 2026-06-01\nautres:\n    - x\n"
    after = before + "actions:\n    -   id: A1\n        echeance: 2027-01-15\n"
    before4 = before.replace("    - x", "    -   x")
    check(
        before4,
        [Append(("actions",), (("id", "A1"), ("echeance", D(2027, 1, 15))))],
        after.replace("    - x", "    -   x"),
    )


# ---------------------------------------------------------------------------- nested keys


def test_nested_keys_created_together() -> None:
    after = NC.replace(
        "plan_envoye_le: 2026-10-12   # par courriel\n",
        "plan_envoye_le: 2026-10-12   # par courriel\n"
        "efficacite:\n  verifiee_le: 2027-01-02\n  resultat: efficace\n",
    )
    edits = [
        SetValue(("efficacite", "verifiee_le"), D(2027, 1, 2), FACTS_AFTER_ACTIONS),
        SetValue(("efficacite", "resultat"), "efficace", ("verifiee_le",)),
    ]
    check(NC, edits, after)


def test_key_added_after_a_block_scalar_and_around_a_closing_comment() -> None:
    """A comment after a mapping's last key stays below the mapping's new last key; a
    comment indented deeper than the new key stays with the entry above it."""
    before = (
        "efficacite:\n  resultat: |\n    tout va bien\n\n  # vu avec la direction\n"
        "levee_le: 2027-02-01\n"
    )
    nested = before.replace("bien\n", "bien\n  verifiee_le: 2027-01-02\n")
    check(before, [SetValue(("efficacite", "verifiee_le"), D(2027, 1, 2))], nested)
    top = before.replace("direction\n", "direction\nplan_envoye_le: 2026-12-03\n")
    check(before, [SetValue(("plan_envoye_le",), D(2026, 12, 3), ("efficacite",))], top)


def test_nested_key_under_a_null_mapping() -> None:
    before = "efficacite:   # à venir\nlevee_le: 2027-02-01\n"
    after = "efficacite:   # à venir\n  verifiee_le: 2027-01-02\nlevee_le: 2027-02-01\n"
    check(before, [SetValue(("efficacite", "verifiee_le"), D(2027, 1, 2))], after)


def test_nested_key_in_a_flow_mapping() -> None:
    before = "efficacite: {verifiee_le: 2026-06-01}  # court\n"
    after = "efficacite: {verifiee_le: 2026-06-01, resultat: efficace}  # court\n"
    check(before, [SetValue(("efficacite", "resultat"), "efficace")], after)


# ------------------------------------------------------------------- check --fix rewrites


def test_rewrite_values_in_place() -> None:
    before = "gravite: Mineure  # sic\nplan_envoye_le: 05/11/2026\nlevee_le: '06/11/2026'\n"
    after = "gravite: mineure  # sic\nplan_envoye_le: 2026-11-05\nlevee_le: 2026-11-06\n"
    edits = [
        SetValue(("gravite",), "mineure"),
        SetValue(("plan_envoye_le",), D(2026, 11, 5)),
        SetValue(("levee_le",), D(2026, 11, 6)),
    ]
    check(before, edits, after)


def test_rewrite_keeps_the_quotes_of_a_quoted_string() -> None:
    check('gravite: "Mineure"\n', [SetValue(("gravite",), "mineure")], 'gravite: "mineure"\n')
    check("gravite: 'Mineure'\n", [SetValue(("gravite",), "mineure")], "gravite: 'mineure'\n")


def test_replace_a_block_scalar_keeps_its_header_comment() -> None:
    before = "resultat: >  # résumé\n  très\n  bien\n\nlevee_le: 2027-02-01\n"
    after = "resultat: efficace  # résumé\n\nlevee_le: 2027-02-01\n"
    check(before, [SetValue(("resultat",), "efficace")], after)


def test_rename_key_keeps_value_and_comment() -> None:
    before = "id: NC-01\nplan_envoye: 2026-10-12   # par courriel\nlevee_le: 2027-01-01\n"
    check(
        before,
        [RenameKey(("plan_envoye",), "plan_envoye_le")],
        before.replace("plan_envoye:", "plan_envoye_le:"),
    )


def test_rename_inside_a_list_item() -> None:
    check(NC, [RenameKey(("actions", 0, "fait_le"), "fait")], NC.replace("fait_le:", "fait:"))


def test_rename_onto_an_existing_key_is_refused() -> None:
    with pytest.raises(EditError, match="cannot rename"):
        apply(NC, [RenameKey(("gravite",), "indicateur")])


# -------------------------------------------------------------------- layout edge cases


def test_keep_chomped_block_scalar_keeps_its_trailing_blank_lines() -> None:
    before = "a: |+\n  x\n\nb: 1\n"
    check(before, [SetValue(("c",), 2, ("a",))], "a: |+\n  x\n\nc: 2\nb: 1\n", variants=False)


def test_a_block_ending_the_file_without_newline_gains_its_line_break() -> None:
    """A file ending with a `|` or `|+` block and no final newline: a line written after
    the block gives its text the final line break it lacked. Nothing a user reads
    changes, so the edit is made (qnc's decision), not refused."""
    check("a: |+\n  x", [SetValue(("b",), 1)], "a: |+\n  x\nb: 1", variants=False)
    check(
        "efficacite:\n  resultat: |\n    x",
        [SetValue(("levee_le",), D(2027, 1, 1))],
        "efficacite:\n  resultat: |\n    x\nlevee_le: 2027-01-01",
        variants=False,
    )
    check("a: >\r\n  x", [SetValue(("b",), 1)], "a: >\r\n  x\r\nb: 1", variants=False)


def test_lone_cr_and_mixed_line_endings_keep_their_own_breaks() -> None:
    check("a: 1\rb: 2\r", [SetValue(("c",), 3)], "a: 1\rb: 2\rc: 3\r", variants=False)
    mixed = "a: 1\r\nb: 2\n"
    check(mixed, [SetValue(("c",), 3, ("a",))], "a: 1\r\nc: 3\r\nb: 2\n", variants=False)


def test_document_markers_and_directives_stay() -> None:
    before = "%YAML 1.2\n---\nid: NC-01\n...\n"
    after = before.replace("...", "levee_le: 2027-01-01\n...")
    check(before, [SetValue(("levee_le",), D(2027, 1, 1))], after, variants=False)


def test_comment_only_tail_without_newline() -> None:
    before = "id: NC-01\n# fin"
    check(before, [SetValue(("x",), 1)], "id: NC-01\nx: 1\n# fin", variants=False)


def test_insert_after_multiline_plain_and_quoted_scalars() -> None:
    before = (
        "actions:\n  - id: A1\n    description: une description\n      sur deux lignes\n"
        '  - id: A2\n    description: "citée\n      sur deux lignes"\n'
    )
    after = before.replace("deux lignes\n", "deux lignes\n    fait_le: 2026-12-03\n", 1)
    after = after.replace('lignes"\n', 'lignes"\n    fait_le: 2026-12-04\n')
    edits = [
        SetValue(("actions", 0, "fait_le"), D(2026, 12, 3)),
        SetValue(("actions", 1, "fait_le"), D(2026, 12, 4)),
    ]
    check(before, edits, after)


def test_nested_mapping_created_with_four_spaces() -> None:
    before = "organisme:\n    nom: Horizon\nid: NC-01\n"
    after = before + "efficacite:\n    verifiee_le: 2027-01-02\n"
    check(before, [SetValue(("efficacite", "verifiee_le"), D(2027, 1, 2))], after)


def test_a_commented_out_key_at_the_end_stays_last() -> None:
    before = "id: NC-01\nplan_envoye_le: 2026-10-12\n\n# levee_le: 2027-01-01\n"
    after = (
        "id: NC-01\nplan_envoye_le: 2026-10-12\nlevee_le: 2027-02-01\n\n# levee_le: 2027-01-01\n"
    )
    check(before, [SetValue(("levee_le",), D(2027, 2, 1))], after)


@pytest.mark.parametrize(
    ("text", "edit", "message"),
    [
        ("- a\n", SetValue(("b",), 1), "keys and values (key: value) at its top level"),
        ("a: &x 1\nb: *x\n", SetValue(("c",), 1), "aliases"),
        ("a: {b: 1}\n", SetValue(("a",), 1), "holds a list or keys"),
        ("a: 1\n", Append(("a",), "x"), "should be a list"),
        ("a: [{b: 1}]\n", Append(("a",), (("b", 2),)), "between brackets"),
        ("a: !!str x\n", SetValue(("a",), "y"), "tag or anchor"),
        ("a: &x x\n", SetValue(("a",), "y"), "tag or anchor"),
        ("a: 1\n", RenameKey(("z",), "y"), "cannot rename"),
        ("a: {b: 1}\n", Append(("a", "c"), "x"), "between braces"),
        ("a:\n  - x\n", SetValue(("a", "b"), 1), "should hold keys and values"),
        ("? a\nb: 1\n", SetValue(("c",), 1, ("a",)), "cannot edit"),
    ],
)
def test_refusals(text: str, edit: Edit, message: str) -> None:
    """What qnc cannot edit safely is refused with a message, and nothing is made."""
    with pytest.raises(EditError) as refused:
        apply(text, [edit])
    assert message in refused.value.message.text


def test_refusals_name_the_line_and_column() -> None:
    """A refusal about one place of the file says where it is."""
    with pytest.raises(EditError) as refused:
        apply("id: NC-01\nactions: 3\n", [Append(("actions",), (("id", "A1"),))])
    assert (refused.value.line, refused.value.column) == (2, 10)


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [
        ("a: [", "syntaxe-yaml", (1, 5)),
        ("a: 1\na: 2\n", "cle-dupliquee", (2, 1)),
        ("a: !!python/object x\n", "tag-interdit", (1, 4)),
    ],
)
def test_a_file_qnc_cannot_read_is_refused_with_the_check_diagnostic(
    text: str, code: str, position: tuple[int, int]
) -> None:
    """An invalid file is refused with the same diagnostic qnc check gives."""
    with pytest.raises(YamlError) as refused:
        apply(text, [SetValue(("b",), 1)])
    found = refused.value.diagnostics[0]
    assert (found.code, (found.line, found.column)) == (code, position)


def test_not_utf8_is_refused() -> None:
    """A Latin-1 file is refused as qnc check refuses it: byte, line and column."""
    with pytest.raises(YamlError) as refused:
        apply_edits(b"a: \xe9\n", [SetValue(("b",), 1)], Path("NC-01.yaml"))
    found = refused.value.diagnostics[0]
    assert (found.code, found.line, found.column) == ("encodage", 1, 4)


def test_a_splice_that_changes_other_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The read-back check refuses any result other than the data meant."""
    from qnc.writing import edit as module

    monkeypatch.setattr(module, "splice", lambda text, *_: text.replace("x: 1", "x: 2"))
    with pytest.raises(EditError) as refused:
        apply("x: 1\n", [SetValue(("y",), 1)])
    assert refused.value.message.args == (("key", "/"),)
    with pytest.raises(EditError) as refused:
        apply("x: 1\ny: 0\n", [SetValue(("y",), 1)])
    assert refused.value.message.args == (("key", "x"),)


def test_a_list_item_is_replaced_in_place() -> None:
    """check --fix rewrites one item of a list (a category written in lower case)."""
    check(
        "categories: [af, CFA]  # deux\n",
        [SetValue(("categories", 0), "AF")],
        "categories: [AF, CFA]  # deux\n",
    )
    check("categories:\n  - af\n", [SetValue(("categories", 0), "AF")], "categories:\n  - AF\n")


def test_a_list_of_owners_is_written_on_one_line() -> None:
    """Several owners of one action: one line, as a flow list."""
    item = (("id", "A1"), ("responsable", ("Marie Dupont", "Paul Martin")))
    check(
        "id: NC-01\n",
        [Append(("actions",), item)],
        "id: NC-01\nactions:\n  - id: A1\n    responsable: [Marie Dupont, Paul Martin]\n",
    )
