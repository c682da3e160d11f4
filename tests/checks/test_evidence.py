"""Evidence paths and their fingerprints (``empreinte``), through the whole pipeline.

The base NC (conftest.NC) is lines 1-4; the action below starts on line 5, its first
evidence item is on line 10.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qnc.model.records import EvidenceFile, NonConformity

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]

ACTION = (
    "actions:\n  - id: A1\n    responsable: Marie Dupont\n    echeance: 2026-04-15\n    preuves:\n"
)
CONTENT = "grille signée\n"
DIGEST = hashlib.sha256(CONTENT.encode()).hexdigest()
OTHER = hashlib.sha256(b"autre chose\n").hexdigest()


def rows(diagnose: Diagnose, folder: Path) -> list[tuple[int, int, str, str, str]]:
    return [(d.line, d.column, d.severity, d.code, d.message) for d in diagnose(folder)]


def audit_with(write_audit: WriteAudit, nc_text: str, items: str) -> Path:
    return write_audit(
        ncs={"NC-01.yaml": nc_text + ACTION + items}, files={"preuves/grille.pdf": CONTENT}
    )


@pytest.mark.parametrize(
    "items",
    [
        "      - preuves/grille.pdf\n",
        f"      - chemin: preuves/grille.pdf\n        empreinte: sha256:{DIGEST}\n",
        f"      - {{chemin: preuves/grille.pdf, empreinte: {DIGEST.upper()}}}\n",
        "      - chemin: preuves/grille.pdf\n",
    ],
    ids=["plain-path", "fingerprint", "bare-upper-case-digits", "mapping-without-fingerprint"],
)
def test_evidence_as_a_path_or_with_its_fingerprint(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, items: str
) -> None:
    """A path alone, or {chemin, empreinte} whose fingerprint is the file's (with or
    without 'sha256:', in either case), is accepted."""
    assert rows(diagnose, audit_with(write_audit, nc_text, items)) == []


def test_changed_evidence_is_an_error_on_its_fingerprint(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A file that no longer has its recorded fingerprint: an error on 'empreinte',
    giving the new fingerprint to record if the change is meant."""
    items = f"      - chemin: preuves/grille.pdf\n        empreinte: sha256:{OTHER}\n"
    assert rows(diagnose, audit_with(write_audit, nc_text, items)) == [
        (
            11,
            20,
            "erreur",
            "preuve-modifiee",
            "la preuve « preuves/grille.pdf » a changé depuis que son empreinte a été "
            f"enregistrée : elle vaut maintenant sha256:{DIGEST} ; remettez le fichier envoyé "
            "ou, si le changement est voulu, écrivez cette nouvelle empreinte (« qnc "
            "empreinte » l'affiche)",
        )
    ]


def test_missing_evidence_in_a_mapping_is_placed_on_its_path(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A missing file written as a mapping: the error points at 'chemin', and its
    fingerprint is not looked at."""
    items = f"      - chemin: preuves/liste.pdf\n        empreinte: sha256:{DIGEST}\n"
    assert rows(diagnose, audit_with(write_audit, nc_text, items)) == [
        (
            10,
            17,
            "erreur",
            "preuve-introuvable",
            "la preuve « preuves/liste.pdf » n'existe pas (le chemin part du dossier de l'audit)",
        )
    ]


def test_malformed_fingerprint(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """A fingerprint that is not sha256 and 64 hexadecimal digits says what to write."""
    items = "      - chemin: preuves/grille.pdf\n        empreinte: md5:1234\n"
    assert rows(diagnose, audit_with(write_audit, nc_text, items)) == [
        (
            11,
            20,
            "erreur",
            "valeur-invalide",
            "« md5:1234 » n'est pas une empreinte : écrivez « sha256: » suivi de 64 caractères "
            "hexadécimaux, tels que « qnc empreinte FICHIER » les affiche",
        )
    ]


def test_fingerprint_of_an_address(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """qnc cannot fetch an address: a fingerprint there is a warning, not a silent pass."""
    items = f"      - chemin: https://intranet.example/grille.pdf\n        empreinte: {DIGEST}\n"
    assert rows(diagnose, audit_with(write_audit, nc_text, items)) == [
        (
            11,
            20,
            "avertissement",
            "empreinte-adresse",
            "qnc ne peut pas vérifier l'empreinte d'une adresse "
            "(« https://intranet.example/grille.pdf ») ; gardez une copie du fichier dans le "
            "dossier de l'audit et donnez plutôt son chemin",
        )
    ]


@pytest.mark.parametrize(("item", "column"), [("      - ''\n", 9), ("      -\n", 8)])
def test_empty_evidence_path_stays_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, item: str, column: int
) -> None:
    """An empty path, or a '-' line left to fill, is a warning of its own code."""
    assert rows(diagnose, audit_with(write_audit, nc_text, item)) == [
        (
            10,
            column,
            "avertissement",
            "preuve-vide",
            "un chemin de preuve est vide ; écrivez le chemin du fichier, ou supprimez la ligne",
        )
    ]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("12", "texte attendu, trouvé : 12 ; mettez-le entre guillemets"),
        (
            "[a, b]",
            "un seul texte est attendu, pas une liste : écrivez-le d'un seul tenant, sans « [ ] » "
            "ni « - » (sur plusieurs lignes : « | » après le « : », puis les lignes décalées en "
            "dessous)",
        ),
    ],
)
def test_evidence_that_is_no_path(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, item: str, message: str
) -> None:
    """A number or a list where a path is expected is said at the item itself."""
    found = rows(diagnose, audit_with(write_audit, nc_text, f"      - {item}\n"))
    assert found == [(10, 9, "erreur", "type-invalide", message)]


def test_model_reads_both_shapes() -> None:
    """A plain path and a mapping give the same record; the fingerprint is normalised."""
    nc = NonConformity.model_validate(
        {
            "id": "NC-01",
            "indicateur": 12,
            "gravite": "mineure",
            "constat": "x",
            "actions": [
                {
                    "id": "A1",
                    "responsable": "M",
                    "echeance": "2026-04-15",
                    "preuves": ["a.pdf", {"chemin": "b.pdf", "empreinte": DIGEST.upper()}],
                }
            ],
        }
    )
    assert nc.actions[0].evidence == (
        EvidenceFile(chemin="a.pdf"),
        EvidenceFile(chemin="b.pdf", empreinte=f"sha256:{DIGEST}"),
    )


def test_fingerprint_checked_in_a_file_with_errors(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """An action missing its owner does not hide a changed evidence file (one run of
    qnc check says both)."""
    items = f"      - chemin: preuves/grille.pdf\n        empreinte: sha256:{OTHER}\n"
    broken = audit_with(write_audit, nc_text, items)
    nc_file = broken / "nc" / "NC-01.yaml"
    nc_file.write_text(nc_file.read_text("utf-8").replace("    responsable: Marie Dupont\n", ""))
    assert [(line, code) for line, _, _, code, _ in rows(diagnose, broken)] == [
        (6, "cle-manquante"),
        (10, "preuve-modifiee"),
    ]
