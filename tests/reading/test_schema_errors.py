"""qnc.reading.schema_errors: schema errors turned into located, actionable French messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]


def nc_problems(write_audit: WriteAudit, diagnose: Diagnose, nc: str) -> list[tuple[object, ...]]:
    """(line, column, severity, code, message) of each problem of nc/NC-01.yaml."""
    folder = write_audit(ncs={"NC-01.yaml": nc})
    return [
        (d.line, d.column, d.severity, d.code, d.message)
        for d in diagnose(folder)
        if d.file == "nc/NC-01.yaml"
    ]


def audit_problems(
    write_audit: WriteAudit, diagnose: Diagnose, audit: str
) -> list[tuple[object, ...]]:
    """(line, column, severity, code, message) of each problem of audit.yaml."""
    folder = write_audit(audit)
    return [
        (d.line, d.column, d.severity, d.code, d.message)
        for d in diagnose(folder)
        if d.file == "audit.yaml"
    ]


def test_misspelt_key_suggests_the_near_one_only(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'gravitee' suggests 'gravite', and the missing 'gravite' is not reported on top."""
    nc = nc_text.replace("gravite:", "gravitee:")
    assert nc_problems(write_audit, diagnose, nc) == [
        (
            3,
            1,
            "erreur",
            "cle-inconnue",
            "clé inconnue « gravitee » ; vouliez-vous dire « gravite » ?",
        ),
    ]


def test_misspelt_key_in_an_action(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A near miss inside a list item is found against that item's keys, at its own line."""
    nc = nc_text + "actions:\n  - id: A1\n    responsible: Marie\n    echeance: 2026-04-15\n"
    assert nc_problems(write_audit, diagnose, nc) == [
        (
            7,
            5,
            "erreur",
            "cle-inconnue",
            "clé inconnue « responsible » ; vouliez-vous dire « responsable » ?",
        ),
    ]


def test_unknown_key_without_near_match_lists_accepted_keys(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """An unknown key with no close match lists every key accepted at that place."""
    assert nc_problems(write_audit, diagnose, nc_text + "remarque: ouverte\n") == [
        (
            5,
            1,
            "erreur",
            "cle-inconnue",
            "clé inconnue « remarque » ; clés acceptées ici : id, indicateur, gravite, constat, "
            "exigence, analyse_causes, correction, actions, plan_envoye_le, preuves_envoyees_le, "
            "efficacite, levee_le, origine",
        ),
    ]


def test_unknown_key_in_audit_lists_keys_of_its_section(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """Accepted keys are those of the section holding the unknown key."""
    audit = audit_text.replace("  fin:", "  lieu: Nantes\n  fin:")
    assert audit_problems(write_audit, diagnose, audit) == [
        (
            9,
            3,
            "erreur",
            "cle-inconnue",
            "clé inconnue « lieu » ; clés acceptées ici : type, debut, fin, notification, "
            "auditeur, referentiel, precedent",
        ),
    ]


def test_missing_key_is_reported_at_its_section(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """A missing required key is reported at the key of the section that lacks it, named."""
    audit = audit_text.replace("  nom: Certif Exemple\n", "  contact: a@b.example\n")
    assert audit_problems(write_audit, diagnose, audit) == [
        (
            4,
            1,
            "erreur",
            "cle-manquante",
            "la clé obligatoire « nom » manque sous « certificateur »",
        ),
    ]


def test_missing_key_in_an_action_names_the_action(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """In a list, the section is named with its 1-based position."""
    nc = nc_text + "actions:\n  - id: A1\n    echeance: 2026-04-01\n"
    assert nc_problems(write_audit, diagnose, nc) == [
        (
            6,
            5,
            "erreur",
            "cle-manquante",
            "la clé obligatoire « responsable » manque sous « actions[1] »",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "key"),
    [("constat:\n", "constat"), ("gravite:\n", "gravite"), ("indicateur: ~\n", "indicateur")],
)
def test_empty_required_value(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, line: str, key: str
) -> None:
    """A required key left without a value says so, not 'None is not a date'."""
    nc = "".join(
        line if old.startswith(f"{key}:") else old for old in nc_text.splitlines(keepends=True)
    )
    found = nc_problems(write_audit, diagnose, nc)
    assert [(p[3], p[4]) for p in found] == [
        ("valeur-vide", f"« {key} » n'a pas de valeur ; écrivez-la après le « : »")
    ]


def test_empty_actions_means_no_action(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'actions:' with nothing under it (or only comments) is an empty plan, not an error."""
    assert nc_problems(write_audit, diagnose, nc_text + "actions:\n  # à compléter\n") == []


def test_missing_top_level_key_is_reported_at_file_start(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A missing top-level key is reported at 1:1."""
    assert nc_problems(write_audit, diagnose, nc_text.replace("gravite: mineure\n", "")) == [
        (1, 1, "erreur", "cle-manquante", "la clé obligatoire « gravite » manque"),
    ]


def test_wrong_enum_value_lists_accepted_values(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'majeur' is refused; the near value and every accepted value are given."""
    assert nc_problems(write_audit, diagnose, nc_text.replace("mineure", "majeur")) == [
        (
            3,
            10,
            "erreur",
            "valeur-invalide",
            "« majeur » n'est pas accepté ; vouliez-vous dire « majeure » ? "
            "Valeurs acceptées : mineure, majeure",
        ),
    ]


def test_wrong_enum_value_without_near_match(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A value far from any accepted one only lists the accepted values."""
    assert nc_problems(write_audit, diagnose, nc_text.replace("mineure", "grave")) == [
        (
            3,
            10,
            "erreur",
            "valeur-invalide",
            "« grave » n'est pas accepté ; valeurs acceptées : mineure, majeure",
        ),
    ]


@pytest.mark.parametrize(
    ("old", "new", "position", "code", "message"),
    [
        (
            "categories: [AF]",
            "categories: [AF, XX]",
            (3, 20),
            "valeur-invalide",
            "« XX » n'est pas accepté ; valeurs acceptées : AF, BC, VAE, CFA",
        ),
        (
            "categories: [AF]",
            "categories: []",
            (3, 15),
            "valeur-invalide",
            "cette liste ne doit pas être vide",
        ),
        (
            "categories: [AF]",
            "categories: AF",
            (3, 15),
            "type-invalide",
            "liste attendue (une ligne « - » par élément), trouvé : AF",
        ),
        (
            "type: initial",
            "type: inital",
            (7, 9),
            "valeur-invalide",
            "« inital » n'est pas accepté ; vouliez-vous dire « initial » ? Valeurs acceptées : "
            "initial, surveillance, renouvellement, complementaire, extension",
        ),
        (
            "  fin:",
            "  referentiel: rnq-2020\n  fin:",
            (9, 16),
            "valeur-invalide",
            "« rnq-2020 » n'est pas accepté ; vouliez-vous dire « rnq-2026 » ? "
            "Valeurs acceptées : rnq-2019, rnq-2026",
        ),
        (
            "  nom: Certif Exemple",
            "  nom: 123",
            (5, 8),
            "type-invalide",
            "texte attendu, trouvé : 123 ; mettez-le entre guillemets",
        ),
        (
            "  nom: Formations du Littoral",
            "  nom: ''",
            (2, 8),
            "valeur-invalide",
            "cette valeur ne doit pas être vide",
        ),
        (
            "organisme:",
            "organisme:\n  siret: '90142730200021'",
            (2, 10),
            "siret",
            "« 90142730200021 » n'est pas un SIRET valide : 14 chiffres avec une clé de Luhn "
            "correcte",
        ),
        (
            "organisme:",
            "organisme:\n  nda: '1175555557'",
            (2, 8),
            "nda",
            "« 1175555557 » n'est pas un NDA valide : 11 chiffres attendus",
        ),
        (
            "organisme:",
            "organisme:\n  nouvel_entrant: oui",
            (2, 19),
            "type-invalide",
            "true (oui), false (non) ou la liste des catégories où l'organisme est nouveau "
            "(AF, BC, VAE, CFA) attendu, trouvé : oui",
        ),
        (
            "certificateur:",
            "langue: de\ncertificateur:",
            (4, 9),
            "valeur-invalide",
            "« de » n'est pas accepté ; valeurs acceptées : fr, en",
        ),
        (
            "  debut: 2026-03-09",
            "  debut: 09/03/2026",
            (8, 10),
            "date-invalide",
            "« 09/03/2026 » n'est pas au format ISO ; écrivez 2026-03-09",
        ),
        (
            "certificateur:",
            "regles:\n  plan_mineure: trois mois\ncertificateur:",
            (5, 17),
            "valeur-invalide",
            "« trois mois » n'est pas une durée ; écrivez par exemple « 30 jours » ou « 3 mois »",
        ),
        (
            "certificateur:",
            "regles: 30 jours\ncertificateur:",
            (4, 9),
            "type-invalide",
            "clés et valeurs attendues (clé: valeur), trouvé : 30 jours",
        ),
    ],
)
def test_audit_value_problems(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    audit_text: str,
    old: str,
    new: str,
    position: tuple[int, int],
    code: str,
    message: str,
) -> None:
    """Each wrong value of audit.yaml is reported at the value, saying what to write."""
    audit = audit_text.replace(old, new, 1)
    assert audit != audit_text
    assert audit_problems(write_audit, diagnose, audit) == [(*position, "erreur", code, message)]


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        (
            "15/04/2026",
            "date-invalide",
            "« 15/04/2026 » n'est pas au format ISO ; écrivez 2026-04-15",
        ),
        ("2026-02-30", "date-invalide", "« 2026-02-30 » n'est pas une date du calendrier"),
        (
            "15 avril",
            "date-invalide",
            "« 15 avril » n'est pas une date ; écrivez-la sous la forme AAAA-MM-JJ",
        ),
    ],
)
def test_date_problems(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, value: str, code: str, message: str
) -> None:
    """A non-ISO or impossible date is reported at its value, with the ISO form when known."""
    nc = nc_text + f"plan_envoye_le: {value}\n"
    assert nc_problems(write_audit, diagnose, nc) == [(5, 17, "erreur", code, message)]


def test_indicator_in_words_is_not_a_number(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """indicateur: "onze" asks for digits without quotes."""
    assert nc_problems(write_audit, diagnose, nc_text.replace("12", '"onze"')) == [
        (
            2,
            13,
            "erreur",
            "type-invalide",
            "« onze » n'est pas un nombre entier ; écrivez des chiffres, sans guillemets",
        ),
    ]


def test_every_problem_of_a_file_is_reported_in_order(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """All schema problems of one file come in one run, sorted by line."""
    nc = "id: NC-01\nindicateur: onze\ngravite: majeur\nconstat: x\nlevee_le: 2026/05/01\n"
    assert [(p[0], p[3]) for p in nc_problems(write_audit, diagnose, nc)] == [
        (2, "type-invalide"),
        (3, "valeur-invalide"),
        (5, "date-invalide"),
    ]


def test_invalid_nc_does_not_hide_the_others(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A broken NC file is reported; the valid NC beside it is still checked."""
    folder = write_audit(
        ncs={
            "NC-01.yaml": nc_text.replace("mineure", "majeur"),
            "NC-02.yaml": nc_text.replace("NC-01", "NC-02").replace("12", "0"),
        }
    )
    assert [(d.file, d.code) for d in diagnose(folder)] == [
        ("nc/NC-01.yaml", "valeur-invalide"),
        ("nc/NC-02.yaml", "indicateur-inconnu"),
    ]


def test_list_instead_of_mapping(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """A file holding a list is reported once at 1:1."""
    nc = "- " + nc_text.replace("\n", "\n  ").rstrip() + "\n"
    assert nc_problems(write_audit, diagnose, nc) == [
        (
            1,
            1,
            "erreur",
            "pas-un-mapping",
            "le fichier doit contenir des clés et des valeurs (clé: valeur) à son premier niveau, "
            "pas une liste ni un texte",
        ),
    ]


def test_messages_follow_the_language(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """The same problem reads in English when asked."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")})
    assert [d.message for d in diagnose(folder, lang="en")] == [
        "unknown key 'gravitee'; did you mean 'gravite'?",
    ]


def test_unquoted_nda_with_leading_zero(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """An 11-digit NDA written without quotes is read as written."""
    audit = audit_text.replace("organisme:", "organisme:\n  nda: 01234567890")
    assert audit_problems(write_audit, diagnose, audit) == []


def test_quoted_nda_with_leading_zero(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """The same NDA in quotes is accepted."""
    audit = audit_text.replace("organisme:", "organisme:\n  nda: '01234567890'")
    assert audit_problems(write_audit, diagnose, audit) == []


def test_problems_from_points_missing_keys_at_their_record(tmp_path: Path) -> None:
    """problems_from gives one problem per missing key, in the given file, on the record's key."""
    from pydantic import ValidationError

    from qnc.i18n import translator
    from qnc.model.records import NonConformity
    from qnc.reading.schema_errors import problems_from

    with pytest.raises(ValidationError) as info:
        NonConformity.model_validate({"id": "NC-01"})
    found = problems_from(info.value, NonConformity, tmp_path / "NC-01.yaml", {"id": "NC-01"})
    assert [(p.file, p.loc, p.code, p.on_key, translator("en")(p.message)) for p in found] == [
        (tmp_path / "NC-01.yaml", (), "cle-manquante", True, f"required key '{key}' is missing")
        for key in ("indicateur", "gravite", "constat")
    ]


def test_non_breaking_space_in_a_key_is_named(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'gravite\\u00a0:' (Word's space before a colon) says what the invisible character is."""
    nc = nc_text.replace("gravite: mineure", "gravite\u00a0: mineure")
    assert [(p[3], p[4]) for p in nc_problems(write_audit, diagnose, nc)] == [
        ("cle-inconnue", "« gravite » contient une espace spéciale invisible (U+00A0, souvent "
         "tapée par Word) ; remplacez-la par une espace normale ou supprimez-la"),
    ]  # fmt: skip


def test_non_breaking_space_in_a_value_is_named(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'mineure\\u00a0' is told apart from a wrong value."""
    nc = nc_text.replace("gravite: mineure", "gravite: mineure\u00a0")
    assert [(p[3], p[4]) for p in nc_problems(write_audit, diagnose, nc)] == [
        ("valeur-invalide", "« mineure » contient une espace spéciale invisible (U+00A0, "
         "souvent tapée par Word) ; remplacez-la par une espace normale ou supprimez-la"),
    ]  # fmt: skip


def test_only_category_refused_gives_one_problem(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """'[XX]': the refused item only, not also 'this list must not be empty'."""
    audit = audit_text.replace("categories: [AF]", "categories: [XX]")
    assert audit_problems(write_audit, diagnose, audit) == [
        (
            3,
            16,
            "erreur",
            "valeur-invalide",
            "« XX » n'est pas accepté ; valeurs acceptées : AF, BC, VAE, CFA",
        ),
    ]


def test_unknown_key_beside_the_key_it_resembles(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'gravit' next to an existing 'gravite' suggests nothing already there: keys are listed."""
    assert nc_problems(write_audit, diagnose, nc_text + "gravit: mineure\n") == [
        (
            5,
            1,
            "erreur",
            "cle-inconnue",
            "clé inconnue « gravit » ; clés acceptées ici : id, indicateur, gravite, constat, "
            "exigence, analyse_causes, correction, actions, plan_envoye_le, preuves_envoyees_le, "
            "efficacite, levee_le, origine",
        ),
    ]


def test_value_in_capitals_suggests_the_accepted_one(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'MAJEURE' is compared ignoring case: « majeure » is suggested."""
    nc = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: MAJEURE")
    assert nc_problems(write_audit, diagnose, nc) == [
        (
            3,
            10,
            "erreur",
            "valeur-invalide",
            "« MAJEURE » n'est pas accepté ; vouliez-vous dire « majeure » ? "
            "Valeurs acceptées : mineure, majeure",
        ),
    ]


def test_keys_that_lost_their_indentation(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """`certificateur:` then `nom:` at the start of the line: the section is said empty,
    with its keys, and each key below is said to belong to it, not merely unknown."""
    lost = "certificateur:\nnom: Certif Exemple\ncontact: a@b.fr\n"
    audit = audit_text.replace("certificateur:\n  nom: Certif Exemple\n", lost)
    assert audit_problems(write_audit, diagnose, audit) == [
        (
            4,
            15,
            "erreur",
            "valeur-vide",
            "« certificateur » est vide : écrivez ses clés (nom, contact) sur les lignes qui le "
            "suivent, chacune décalée de 2 espaces vers la droite",
        ),
        *(
            (
                line,
                1,
                "erreur",
                "cle-mal-indentee",
                f"la clé « {key} » n'est pas indentée : elle appartient à « certificateur » "
                "au-dessus ; décalez-la de 2 espaces vers la droite",
            )
            for line, key in ((5, "nom"), (6, "contact"))
        ),
    ]


def test_key_that_lost_its_indentation_below_a_filled_section(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """`certificateur:` / `  nom: …` / `contact: …`: contact belongs to certificateur."""
    audit = audit_text.replace(
        "  nom: Certif Exemple\n", "  nom: Certif Exemple\ncontact: a@b.fr\n"
    )
    assert audit_problems(write_audit, diagnose, audit) == [
        (
            6,
            1,
            "erreur",
            "cle-mal-indentee",
            "la clé « contact » n'est pas indentée : elle appartient à « certificateur » "
            "au-dessus ; décalez-la de 2 espaces vers la droite",
        )
    ]


def test_unknown_key_below_a_full_section_is_still_unknown(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """A key the section just above does not accept ('contact' after 'audit:') keeps the
    unknown-key message."""
    audit = audit_text + "contact: a@b.fr\n"
    assert [p[3] for p in audit_problems(write_audit, diagnose, audit)] == ["cle-inconnue"]


def test_mapping_where_a_list_is_expected(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """`actions:` followed by keys without '- ': said in words, not as '{…}'."""
    nc = nc_text + "actions:\n  id: A1\n  description: x\n"
    assert nc_problems(write_audit, diagnose, nc) == [
        (
            6,
            3,
            "erreur",
            "type-invalide",
            "une liste est attendue, pas des clés et valeurs : commencez chaque élément par « - »",
        ),
    ]


def test_list_where_keys_are_expected(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """`certificateur:` followed by '- nom: …': said in words, not as '[…]'."""
    audit = audit_text.replace("  nom: Certif Exemple\n", "  - nom: Certif Exemple\n")
    assert audit_problems(write_audit, diagnose, audit) == [
        (
            5,
            3,
            "erreur",
            "type-invalide",
            "des clés et valeurs (clé: valeur) sont attendues, pas une liste : retirez les « - »",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "indicateur: " + "9" * 5000,
            (2, 13, "type-invalide", f"le nombre {'9' * 79}… est beaucoup trop grand"),
        ),
        (
            "gravite: " + "x" * 5000,
            (3, 10, "valeur-invalide",
             f"« {'x' * 79}… » n'est pas accepté ; valeurs acceptées : mineure, majeure"),
        ),
    ],
)  # fmt: skip
def test_long_values_are_quoted_cut(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, line: str, expected: tuple
) -> None:
    """A 5,000-digit number or a long text in the wrong place is quoted up to 80
    characters, not echoed in full into a terminal or a CI log."""
    key = line.split(":")[0]
    nc = "\n".join(line if row.startswith(key + ":") else row for row in nc_text.splitlines())
    assert [(p[0], p[1], p[3], p[4]) for p in nc_problems(write_audit, diagnose, nc + "\n")] == [
        expected
    ]


def test_long_unknown_key_is_quoted_cut(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """An unknown key of 1,000 characters is quoted up to 80 characters."""
    nc = nc_text + "k" * 1000 + ": 1\n"
    assert [(p[3], p[4]) for p in nc_problems(write_audit, diagnose, nc)] == [
        ("cle-inconnue", f"clé inconnue « {'k' * 79}… » ; clés acceptées ici : id, "
         "indicateur, gravite, constat, exigence, "
         "analyse_causes, correction, actions, plan_envoye_le, preuves_envoyees_le, "
         "efficacite, levee_le, origine"),
    ]  # fmt: skip
