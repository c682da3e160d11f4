"""An NC file with schema errors still gets the checks of each value that could be read:
every problem in one run of qnc check, each said once.

The base audit (conftest.AUDIT) declares AF, notified 12 March 2026; rows are
(file, line, column, level, code, French message).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]
Row = tuple[str, int, int, str, str, str]

ERR, WARN = "erreur", "avertissement"
NC_FILE = "nc/NC-01.yaml"
NO_OWNER = "actions:\n  - id: A1\n    echeance: 2026-04-01\n"
MISSING_OWNER: Row = (
    NC_FILE, 6, 5, ERR, "cle-manquante",
    "la clé obligatoire « responsable » manque sous « actions[1] »",
)  # fmt: skip


def rows(diagnose: Diagnose, folder: Path, today: date = date(2026, 3, 20)) -> list[Row]:
    return [
        (d.file, d.line, d.column, d.severity, d.code, d.message)
        for d in diagnose(folder, today=today)
    ]


def nc(indicator: int = 12, grade: str = "mineure", extra: str = "") -> str:
    """An NC whose only action has no owner (lines 5-7), then ``extra`` from line 8."""
    return f"id: NC-01\nindicateur: {indicator}\ngravite: {grade}\nconstat: x\n{NO_OWNER}{extra}"


def test_missing_owner_and_unknown_indicator_in_one_run(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """The case of the issue: 'responsable' missing and 'indicateur: 40', both said at once."""
    folder = write_audit(ncs={"NC-01.yaml": nc(40)})
    assert rows(diagnose, folder) == [
        (NC_FILE, 2, 13, ERR, "indicateur-inconnu",
         "l'indicateur 40 n'existe pas dans la grille rnq-2019 (1 à 32)"),
        MISSING_OWNER,
    ]  # fmt: skip


def test_minor_on_a_major_only_indicator_with_a_missing_key(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """Indicator and grade both read: the major-only rule runs on the broken file."""
    folder = write_audit(ncs={"NC-01.yaml": nc(11)})
    assert rows(diagnose, folder) == [
        (NC_FILE, 3, 10, ERR, "indicateur-majeur",
         "l'indicateur 11 ne donne que des NC majeures ; écrivez « gravite: majeure »"),
        MISSING_OWNER,
    ]  # fmt: skip


def test_indicator_of_another_category_with_a_missing_key(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """Indicator 14 (CFA only) in an AF organisation, in a file with another error."""
    folder = write_audit(ncs={"NC-01.yaml": nc(14, "majeure")})
    assert rows(diagnose, folder) == [
        (NC_FILE, 2, 13, ERR, "categorie",
         "l'indicateur 14 ne s'applique qu'à CFA, et l'organisme déclare AF"),
        MISSING_OWNER,
    ]  # fmt: skip


def test_unknown_indicator_and_wrong_grade(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """An enumeration refused and an indicator out of the grid: two messages; the grade
    unread, the major-only rule is not guessed at."""
    folder = write_audit(ncs={"NC-01.yaml": nc(40, "majeur")})
    assert rows(diagnose, folder) == [
        (NC_FILE, 2, 13, ERR, "indicateur-inconnu",
         "l'indicateur 40 n'existe pas dans la grille rnq-2019 (1 à 32)"),
        (NC_FILE, 3, 10, ERR, "valeur-invalide",
         "« majeur » n'est pas accepté ; vouliez-vous dire « majeure » ? "
         "Valeurs acceptées : mineure, majeure"),
        MISSING_OWNER,
    ]  # fmt: skip


def test_dates_of_a_broken_file_against_the_notification_and_today(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """Facts before the audit, in the future, in French form or impossible: each said
    once, in the file whose action has no owner (its own 'fait_le' included)."""
    extra = (
        "    fait_le: 2026-03-02\n"  # line 8, in the action without an owner
        "plan_envoye_le: 2026-03-01\n"
        "preuves_envoyees_le: 30/03/2026\n"
        "levee_le: 2026-02-30\n"
        "efficacite:\n  verifiee_le: 2026-04-15\n"
    )
    folder = write_audit(ncs={"NC-01.yaml": nc(extra=extra)})
    assert rows(diagnose, folder) == [
        MISSING_OWNER,
        (NC_FILE, 8, 14, ERR, "ordre-dates",
         "le 2 mars 2026 est avant le début de l'audit (9 mars 2026)"),
        (NC_FILE, 9, 17, ERR, "ordre-dates",
         "le 1er mars 2026 est avant le début de l'audit (9 mars 2026)"),
        (NC_FILE, 10, 22, ERR, "date-invalide",
         "« 30/03/2026 » n'est pas au format ISO ; écrivez 2026-03-30"),
        (NC_FILE, 11, 11, ERR, "date-invalide",
         "« 2026-02-30 » n'est pas une date du calendrier"),
        (NC_FILE, 13, 16, WARN, "date-future",
         "le 15 avril 2026 est dans le futur : n'inscrivez un fait qu'une fois accompli"),
    ]  # fmt: skip


def test_broken_copy_is_a_duplicate(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A broken copy of NC-01 under another name: its id and indicator are read, so the
    duplicates are said with its own error, on the copy (not as a misnamed file)."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text, "NC-02.yaml": nc()})
    assert rows(diagnose, folder) == [
        ("nc/NC-02.yaml", 1, 5, ERR, "id-duplique",
         "l'identifiant « NC-01 » est déjà pris par NC-01.yaml ; donnez à chaque NC le sien"),
        ("nc/NC-02.yaml", 2, 13, ERR, "indicateur-duplique",
         "l'indicateur 12 a déjà une NC (NC-01.yaml) ; un indicateur ne donne qu'une NC par "
         "audit : regroupez les constats"),
        ("nc/NC-02.yaml", 6, 5, ERR, "cle-manquante",
         "la clé obligatoire « responsable » manque sous « actions[1] »"),
    ]  # fmt: skip


def test_paths_of_a_broken_file(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """'origine' and evidence are checked in a file with errors; misnamed, it says so."""
    extra = "    preuves: [preuves/absente.pdf]\norigine: ../avant/nc/NC-03.yaml\n"
    folder = write_audit(ncs={"NC-07.yaml": nc(extra=extra)})
    assert rows(diagnose, folder) == [
        ("nc/NC-07.yaml", 1, 5, WARN, "nom-fichier",
         "le fichier devrait porter le nom de son identifiant : NC-01.yaml"),
        ("nc/NC-07.yaml", 6, 5, ERR, "cle-manquante",
         "la clé obligatoire « responsable » manque sous « actions[1] »"),
        ("nc/NC-07.yaml", 8, 15, ERR, "preuve-introuvable",
         "la preuve « preuves/absente.pdf » n'existe pas (le chemin part du dossier de l'audit)"),
        ("nc/NC-07.yaml", 9, 10, ERR, "reference-introuvable",
         "« ../avant/nc/NC-03.yaml » n'existe pas (le chemin part du dossier de l'audit)"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("indicator", "message"),
    [
        ("quarante", "« quarante » n'est pas un nombre entier ; écrivez des chiffres, sans "
                     "guillemets"),
        ("", "« indicateur » n'a pas de valeur ; écrivez-la après le « : »"),
    ],
)  # fmt: skip
def test_unreadable_indicator_is_said_once(
    write_audit: WriteAudit, diagnose: Diagnose, indicator: str, message: str
) -> None:
    """A value the schema refuses is not checked again: one mistake, one message."""
    text = nc().replace("indicateur: 12", f"indicateur: {indicator}".rstrip())
    code = "valeur-vide" if not indicator else "type-invalide"
    column = 12 if not indicator else 13
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": text})) == [
        (NC_FILE, 2, column, ERR, code, message),
        MISSING_OWNER,
    ]


def test_broken_nc_beside_a_broken_audit_yaml(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """Without a valid audit.yaml, what holds alone is still checked in a broken NC file:
    its future fact; not its indicator, whose grid is unknown."""
    audit = audit_text.replace("  nom: Formations du Littoral\n", "")
    extra = "plan_envoye_le: 2026-04-01\n"
    folder = write_audit(audit, {"NC-01.yaml": nc(40, extra=extra)})
    assert rows(diagnose, folder) == [
        ("audit.yaml", 1, 1, ERR, "cle-manquante",
         "la clé obligatoire « nom » manque sous « organisme »"),
        MISSING_OWNER,
        (NC_FILE, 8, 17, WARN, "date-future",
         "le 1er avril 2026 est dans le futur : n'inscrivez un fait qu'une fois accompli"),
    ]  # fmt: skip
