"""`qnc schema`: JSON schemas with the French keys users write, for editors."""

from __future__ import annotations

import json

import pytest


def schema_of(run_main, kind: str) -> dict[str, object]:
    result = run_main("schema", kind)
    assert (result.exit_code, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_nc_schema_has_the_french_keys_and_no_others(run_main) -> None:
    """The NC schema requires id, indicateur, gravite, constat and forbids unknown keys."""
    schema = schema_of(run_main, "nc")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["id", "indicateur", "gravite", "constat"]
    assert schema["additionalProperties"] is False
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert set(properties) == {
        "id", "indicateur", "gravite", "constat", "exigence", "analyse_causes", "correction",
        "actions", "plan_envoye_le", "preuves_envoyees_le", "efficacite", "levee_le", "origine",
    }  # fmt: skip
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    assert defs["Grade"]["enum"] == ["mineure", "majeure"]
    assert defs["Action"]["required"] == ["id", "responsable", "echeance"]


def test_audit_schema_writes_durations_and_dates_as_text(run_main) -> None:
    """Durations are text like '30 jours' (with the default shown so), dates ISO strings."""
    schema = schema_of(run_main, "audit")
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    plan = defs["Rules"]["properties"]["plan_mineure"]
    assert (plan["type"], plan["default"]) == ("string", "30 jours")
    debut = defs["AuditInfo"]["properties"]["debut"]
    assert (debut["type"], debut["format"], debut["pattern"]) == (
        "string",
        "date",
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    )
    assert debut["description"] == "Premier jour de l'audit (AAAA-MM-JJ) ; il choisit la grille."
    assert schema["required"] == ["organisme", "certificateur", "audit"]


@pytest.mark.parametrize("text", ["30 jours", "3 mois", "2 semaines", "1 an", "6 months"])
def test_duration_pattern_accepts_what_qnc_accepts(run_main, text: str) -> None:
    """The schema's duration pattern agrees with qnc's own parser on valid durations."""
    import re

    from qnc.model.durations import parse_duration

    pattern = schema_of(run_main, "audit")["$defs"]["Rules"]["properties"]["alerte"]["pattern"]  # type: ignore[index]
    assert parse_duration(text) is not None
    assert re.fullmatch(pattern, text)


def test_unknown_kind_is_a_usage_error(run_main) -> None:
    """Only audit and nc exist: anything else is exit 2 with the accepted values."""
    result = run_main("schema", "plan")
    assert result.exit_code == 2
    assert "« plan » ne fait pas partie de : audit, nc" in result.stderr


def test_missing_kind_is_said_in_french(run_main) -> None:
    """`qnc schema` alone: exit 2, in French, with the values to give."""
    result = run_main("schema")
    assert result.exit_code == 2
    assert "Erreur : argument manquant : audit|nc (valeurs possibles : audit, nc)" in (
        result.stderr
    )


def test_common_options_are_accepted(run_main) -> None:
    """--today and --lang, common to every command, are accepted: the day changes nothing,
    the language only the descriptions."""
    plain = run_main("schema", "nc")
    assert run_main("schema", "nc", "--today", "2026-04-20").stdout == plain.stdout
    english = run_main("schema", "nc", "--lang", "en")
    assert english.exit_code == 0
    french, translated = json.loads(plain.stdout), json.loads(english.stdout)
    assert french["properties"].keys() == translated["properties"].keys()
    assert french["properties"]["constat"]["description"] == (
        "Le constat de l'auditeur, tel que sur la fiche d'écart."
    )
    assert translated["properties"]["constat"]["description"] == (
        "The auditor's finding, as on the NC sheet."
    )


def test_schema_has_no_generated_titles_nor_english_docstrings(run_main) -> None:
    """No 'Fait Le' titles nor the code's English docstrings reach an editor, only French
    descriptions; a property named 'description' (of an action) stays."""
    text = run_main("schema", "nc").stdout
    assert '"title"' not in text
    assert "immutable" not in text and "The contents of" not in text
    document = json.loads(text)
    action = document["$defs"]["Action"]
    assert "description" not in action
    assert action["properties"]["description"]["description"] == "Ce qu'il faut faire."


@pytest.mark.parametrize("kind", ["audit", "nc"])
def test_every_key_has_a_description_and_the_values_examples(run_main, kind: str) -> None:
    """Each key of each record says what it is, in French, and shows an example (a
    section's example is a small valid section)."""
    document = json.loads(run_main("schema", kind).stdout)
    records = [document, *document["$defs"].values()]
    keys = [(name, p) for r in records for name, p in r.get("properties", {}).items()]
    assert keys
    assert [name for name, prop in keys if not prop.get("description")] == []
    assert [name for name, prop in keys if "examples" not in prop] == []


def test_indicators_are_those_of_the_grids(run_main) -> None:
    """indicateur: 1 to 33 (33 only in the unverified 2026 grid), each with its label, and
    'majeure' required on the indicators that only give major NCs."""
    document = json.loads(run_main("schema", "nc").stdout)
    indicator = document["properties"]["indicateur"]
    assert indicator["enum"] == list(range(1, 34))
    descriptions = indicator["enumDescriptions"]
    assert descriptions[10] == "11 — Évaluation de l'atteinte des objectifs ; NC majeure seulement"
    assert descriptions[11] == "12 — Engagement des bénéficiaires et prévention des ruptures"
    assert descriptions[32].endswith("(seulement dans la grille rnq-2026, non vérifiée)")
    assert document["if"]["properties"]["indicateur"]["enum"] == [
        4, 5, 6, 7, 10, 11, 14, 15, 16, 20, 21, 22, 26, 27, 29, 31, 32,
    ]  # fmt: skip
    assert document["then"]["properties"]["gravite"]["const"] == "majeure"
