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
    assert defs["AuditInfo"]["properties"]["debut"] == {"format": "date", "type": "string"}
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
    """--today and --lang, common to every command, are accepted; the schema is the same."""
    plain = run_main("schema", "nc")
    result = run_main("schema", "nc", "--today", "2026-04-20", "--lang", "en")
    assert (result.exit_code, result.stdout) == (0, plain.stdout)


def test_schema_has_no_generated_titles_nor_english_docstrings(run_main) -> None:
    """No 'Fait Le' titles nor the code's English docstrings reach an editor; a property
    named 'description' (of an action) stays."""
    text = run_main("schema", "nc").stdout
    assert '"title"' not in text
    document = json.loads(text)
    action = document["$defs"]["Action"]
    assert "description" not in action
    assert "description" in action["properties"]
