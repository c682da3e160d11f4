"""Every shipped example against `qnc schema`, with a real JSON Schema validator: what an
editor would flag. The valid examples pass; each invalid one a schema can catch fails on
its faulty file, and nowhere else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from qnc.reading.document import YamlError, read_yaml
from tests.conftest import EXAMPLES

INVALID = EXAMPLES / "invalides"
# The file each invalid example breaks, when a JSON schema can see it.
CAUGHT = {
    "cle-inconnue": "nc/NC-01.yaml",
    "valeur-enum": "nc/NC-01.yaml",
    "date-francaise": "nc/NC-01.yaml",
    "date-impossible": "nc/NC-01.yaml",  # by the 'date' format, which editors check
    "indicateur-zero": "nc/NC-01.yaml",
    "indicateur-34": "nc/NC-01.yaml",
    "indicateur-texte": "nc/NC-01.yaml",
    "liste-au-lieu-de-mapping": "nc/NC-01.yaml",
    "mineure-sur-majeur": "nc/NC-01.yaml",
}
# What only qnc check sees: the YAML itself (the editor's YAML parser says it), several
# files together, or a SIRET's Luhn key.
NOT_FOR_A_SCHEMA = {
    "cle-dupliquee", "fichier-vide", "yaml-malforme", "tabulation", "tag-python",
    "non-utf8", "id-duplique", "nc-sans-audit", "siret-invalide",
}  # fmt: skip


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft202012Validator]:
    from qnc.i18n import translator
    from qnc.model.records import Audit, NonConformity
    from qnc.render.json_schema import json_schema

    found = {}
    for kind, model in (("audit", Audit), ("nc", NonConformity)):
        schema = json.loads(json.dumps(json_schema(model, translator("fr"))))
        Draft202012Validator.check_schema(schema)
        found[kind] = Draft202012Validator(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
    return found


def failing(folder: Path, validators: dict[str, Draft202012Validator]) -> set[str]:
    """The files of ``folder`` the schema refuses (files qnc cannot parse are skipped)."""
    refused = set()
    for path in sorted(folder.rglob("*.yaml")):
        try:
            data = read_yaml(path).data  # YAML 1.2, as editors read it: dates stay text
        except YamlError:
            continue
        kind = "audit" if path.name == "audit.yaml" else "nc"
        if any(True for _ in validators[kind].iter_errors(data)):
            refused.add(path.relative_to(folder).as_posix())
    return refused


def valid_folders() -> list[Path]:
    audits = sorted(p.parent for p in EXAMPLES.glob("*/audit.yaml"))
    return [*audits, *sorted((EXAMPLES / "cas-limites").iterdir())]


@pytest.mark.parametrize("folder", [f for f in valid_folders() if f.is_dir()], ids=str)
def test_valid_examples_pass(folder: Path, validators) -> None:
    """Every file of a valid example passes the schema: an editor flags nothing."""
    assert list(folder.rglob("*.yaml"))
    assert failing(folder, validators) == set()


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_invalid_examples_a_schema_can_catch_fail(name: str, validators) -> None:
    """indicateur 0 or 34, 'majeur', 15/04/2026, a minor NC on indicator 11…: the faulty
    file fails, and only it."""
    assert failing(INVALID / name, validators) == {CAUGHT[name]}


@pytest.mark.parametrize("name", sorted(NOT_FOR_A_SCHEMA))
def test_other_invalid_examples_are_left_to_qnc_check(name: str, validators) -> None:
    """What no schema can see makes no readable file fail either: the schema is never
    stricter than qnc."""
    assert failing(INVALID / name, validators) == set()


def test_every_invalid_example_is_classified() -> None:
    """A new invalid example says whether a schema catches it."""
    folders = {p.name for p in INVALID.iterdir() if p.is_dir()}
    assert folders == set(CAUGHT) | NOT_FOR_A_SCHEMA


def test_fingerprinted_evidence_passes(validators) -> None:
    """An evidence item as {chemin, empreinte} is accepted; a malformed fingerprint not."""
    nc = {
        "id": "NC-01", "indicateur": 12, "gravite": "mineure", "constat": "x",
        "actions": [{"id": "A1", "responsable": "M", "echeance": "2026-04-15",
                     "preuves": ["a.pdf", {"chemin": "b.pdf", "empreinte": "sha256:" + "a" * 64}]}],
    }  # fmt: skip
    assert validators["nc"].is_valid(nc)
    nc["actions"][0]["preuves"][1]["empreinte"] = "md5:12"  # type: ignore[index]
    assert not validators["nc"].is_valid(nc)


@pytest.mark.parametrize("kind", ["audit", "nc"])
def test_every_example_in_the_schema_is_valid(run_main, kind: str) -> None:
    """The example an editor shows on a key passes that key's own schema."""
    document = json.loads(run_main("schema", kind).stdout)
    records = [document, *document["$defs"].values()]
    checked, keys = 0, 0
    for record in records:
        for name, prop in record.get("properties", {}).items():
            keys += 1
            validator = Draft202012Validator(
                {"$defs": document["$defs"], **prop},
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            for example in prop["examples"]:
                errors = [e.message for e in validator.iter_errors(example)]
                assert errors == [], (name, example)
                checked += 1
    assert checked == keys > 25  # one example on every key, each checked
