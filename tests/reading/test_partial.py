"""qnc.reading.partial: the valid part of a file with schema errors, in its own shape."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qnc.model.records import Audit, Grade, NonConformity
from qnc.model.values import NcValues, nc_values
from qnc.reading.partial import readable


def test_valid_values_are_kept_converted_and_the_others_dropped() -> None:
    """Each value is validated alone, as its record would convert it; an action keeps its
    place in the list, so that key paths still point at the file."""
    data = {
        "id": "NC-01",
        "indicateur": 40,
        "gravite": "majeur",
        "constat": "",
        "plan_envoye_le": "2026-03-01",
        "levee_le": "01/04/2026",
        "inconnue": 1,
        "actions": [
            "pas une action",
            {"id": "A2", "echeance": "2026-04-01", "fait_le": "2026-03-02", "preuves": ["a.pdf"]},
        ],
        "efficacite": {"verifiee_le": "2026-02-30"},
    }
    assert readable(NonConformity, data) == {
        "id": "NC-01",
        "indicateur": 40,
        "plan_envoye_le": date(2026, 3, 1),
        "actions": [
            {},
            {
                "id": "A2",
                "echeance": date(2026, 4, 1),
                "fait_le": date(2026, 3, 2),
                # an evidence path alone reads as the record it stands for
                "preuves": [{"chemin": "a.pdf", "empreinte": None}],
            },
        ],
        "efficacite": {},
    }


def test_nc_values_of_a_partial_file() -> None:
    """What the checks of one value read: None where a value could not be read."""
    data = readable(NonConformity, {"indicateur": True, "gravite": "mineure",
                                    "actions": [{"fait_le": "2026-03-02"}]})  # fmt: skip
    assert nc_values(Path("NC-01.yaml"), data) == NcValues(
        Path("NC-01.yaml"),
        grade=Grade.MINOR,
        facts=((("actions", 0, "fait_le"), date(2026, 3, 2)),),
    )


def test_organisation_name_of_a_broken_audit() -> None:
    """'organisme.nom' is read even when the rest of audit.yaml is wrong."""
    data = {"organisme": {"nom": "Formations du Littoral", "siret": "1"}, "audit": "x"}
    assert readable(Audit, data) == {"organisme": {"nom": "Formations du Littoral"}, "audit": {}}


def test_not_a_mapping_reads_nothing() -> None:
    assert readable(NonConformity, ["id", "NC-01"]) == {}
