"""Audits tied together by mistake: a SIRET kept when an audit was copied for another
client, or one audit in two folders. The grouping stays (README, « Un même organisme »);
qnc check says what looks wrong, on each audit.yaml concerned.

The audits below are the minimal audit of conftest (9-10 March 2026, notified 12 March)
with a SIRET at line 3 (its value at column 10); 'debut' is then at line 9.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]

WARN = "avertissement"
SIRET = "83214560100015"


def audit(audit_text: str, name: str, *, siret: str | None = SIRET,
          week: int = 0) -> str:  # fmt: skip
    """The minimal audit under ``name``, ``week`` weeks later."""
    line = f'  siret: "{siret}"\n' if siret else ""
    text = audit_text.replace("  nom: Formations du Littoral\n", f"  nom: {name}\n{line}")
    for day in (9, 10, 12):
        text = text.replace(f"2026-03-{day:02}", f"2026-03-{day + 7 * week:02}")
    return text


def rows(diagnose: Diagnose, folder: Path) -> list[tuple[Any, ...]]:
    return [(d.file, d.line, d.column, d.severity, d.code, d.message) for d in diagnose(folder)]


def shared(siret: str, other: str, name: str) -> str:
    return (
        f"le SIRET {siret} est aussi celui de l'audit « {other} », de « {name} » : un SIRET "
        "identifie un seul établissement, et qnc suit ces audits comme un seul organisme ; "
        "si ce sont deux organismes, corrigez le SIRET ; si c'est le même, écrivez le même nom"
    )


def copied(other: str) -> str:
    return (
        f"l'audit initial du 9 mars 2026 est aussi dans « {other} », du même organisme : l'un "
        "des deux dossiers est sans doute une copie ; si c'est l'audit d'un autre organisme, "
        "corrigez son « organisme » (nom, SIRET) ; sinon, supprimez la copie"
    )


def test_one_siret_under_two_names_is_a_warning_on_each_audit(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, tmp_path: Path
) -> None:
    """The consultant's case: an audit copied for another client, its SIRET kept. Each
    audit.yaml is warned at its SIRET, naming the other folder and its name, once per
    other name (at its first audit); the same name in other case and spacing is the
    same organisation, as the grouping reads it. The copy starts on the same day, but
    the SIRET warning already says what is wrong: no second warning for it."""
    write_audit(audit(audit_text, "Formations du Littoral"), name="a")
    write_audit(audit(audit_text, "Atelier Nord"), name="b")
    write_audit(audit(audit_text, "  formations  DU littoral", week=1), name="c")
    assert rows(diagnose, tmp_path) == [
        ("a/audit.yaml", 3, 10, WARN, "siret-partage",
         shared(SIRET, "../b", "Atelier Nord")),
        ("b/audit.yaml", 3, 10, WARN, "siret-partage",
         shared(SIRET, "../a", "Formations du Littoral")),
        ("c/audit.yaml", 3, 10, WARN, "siret-partage",
         shared(SIRET, "../b", "Atelier Nord")),
    ]  # fmt: skip


def test_two_sirets_or_one_name_are_no_warning(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, tmp_path: Path
) -> None:
    """Another SIRET makes another organisation; one name under one SIRET is one
    organisation, rightly followed as one."""
    write_audit(audit(audit_text, "Formations du Littoral", week=1), name="a")
    write_audit(audit(audit_text, "Atelier Nord", siret="73282932000074"), name="b")
    write_audit(audit(audit_text, "FORMATIONS DU LITTORAL"), name="c")
    assert rows(diagnose, tmp_path) == []


def test_one_audit_in_two_folders_is_a_warning_on_each(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, tmp_path: Path
) -> None:
    """Two initial audits of one organisation on one first day (here one name, without
    SIRET): a copy, said at 'debut' of each; a week apart, two audits."""
    write_audit(audit(audit_text, "Formations du Littoral", siret=None), name="a")
    write_audit(audit(audit_text, "Formations du Littoral", siret=None), name="b")
    write_audit(audit(audit_text, "Formations du Littoral", siret=None, week=1), name="c")
    assert rows(diagnose, tmp_path) == [
        ("a/audit.yaml", 8, 10, WARN, "audit-double", copied("../b")),
        ("b/audit.yaml", 8, 10, WARN, "audit-double", copied("../a")),
    ]


def test_check_exits_0_on_these_warnings_and_1_with_strict(
    run_main: Any, write_audit: WriteAudit, audit_text: str, tmp_path: Path
) -> None:
    """Warnings, as the grouping may be right (an organisation renamed): exit 0, or 1
    with --strict; in English with --lang en."""
    write_audit(audit(audit_text, "Formations du Littoral"), name="a")
    write_audit(audit(audit_text, "Atelier Nord", week=1), name="b")
    result = run_main("check", ".", "--today", "2026-03-20", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"a/audit.yaml:3:10: warning: SIRET {SIRET} is also that of the audit '../b', of "
        "'Atelier Nord': a SIRET identifies one establishment, and qnc follows these audits "
        "as one organisation; if they are two organisations, correct the SIRET; if it is "
        "the same one, write the same name [siret-partage]"
    )
    strict = run_main("check", ".", "--strict", "--today", "2026-03-20", cwd=tmp_path)
    assert strict.exit_code == 1


def test_a_renamed_organisation_tied_by_precedent_is_no_warning(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, tmp_path: Path
) -> None:
    """An organisation renamed between two audits keeps its SIRET: the later audit names
    the earlier one in 'precedent', along a chain of them, and that says it is the same."""
    write_audit(audit(audit_text, "Ancien Nom"), name="a")
    later = audit(audit_text, "Nouveau Nom", week=1).replace(
        "  type: initial\n", "  type: surveillance\n  precedent: ../a\n"
    )
    write_audit(later, name="b")
    last = audit(audit_text, "Dernier Nom", week=2).replace(
        "  type: initial\n", "  type: surveillance\n  precedent: ../b\n"
    )
    write_audit(last, name="c")
    assert [r for r in rows(diagnose, tmp_path) if r[4] in ("siret-partage", "audit-double")] == []
