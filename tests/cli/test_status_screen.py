"""`qnc status` as a terminal shows it: one line per NC at 120 columns, blocks that keep
their indent at 80, and the count of warnings under the output."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES
from tests.golden import assert_golden

EXAMPLE = EXAMPLES / "2026-09-audit-initial"


def test_warning_count_reads_under_the_table_once() -> None:
    """Both streams in one terminal: the sentence comes last, once, under the table."""
    env = {**os.environ, "COLUMNS": "120", "QNC_LANG": "fr"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "qnc", "status", str(EXAMPLE), "--today", "2026-10-20"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, check=False,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines[0].startswith("╭")
    # The example's files go on to 2028: facts after the day are counted apart.
    assert lines[-2:] == [
        "13 faits sont datés après le 20 octobre 2026 : ils ne comptent pas encore "
        "(« qnc check » les montre).",
        "1 avertissement : lancez « qnc check » pour le voir.",
    ]
    assert result.stdout.count("avertissement") == 1


FIVE_AUDIT = """\
organisme:
  nom: Formations du Littoral
  categories: [AF]
certificateur:
  nom: Certif Exemple
audit:
  type: surveillance
  debut: 2026-03-09
  fin: 2026-03-10
  notification: 2026-03-12
"""
FIVE_NCS = {
    "NC-01.yaml": """\
id: NC-01
indicateur: 11
gravite: majeure
constat: Aucune évaluation des acquis n'est tracée.
analyse_causes: Pas de procédure écrite.
actions:
  - id: A1
    description: Rédiger la procédure « Évaluation des acquis » et la diffuser aux formateurs
    responsable: [Marie Dupont, Paul Martin]
    echeance: 2026-04-25
  - id: A2
    responsable: Marie Dupont
    echeance: 2026-04-10
    fait_le: 2026-04-08
""",
    "NC-02.yaml": """\
id: NC-02
indicateur: 19
gravite: mineure
constat: Les supports ne sont pas remis aux stagiaires.
actions:
  - id: A1
    description: Déposer les supports sur l'espace stagiaire
    responsable: Julien Moreau
    echeance: 2026-04-15
""",
    "NC-03.yaml": """\
id: NC-03
indicateur: 1
gravite: mineure
constat: Les tarifs publiés ne sont pas à jour.
analyse_causes: Pas de relecture du site.
plan_envoye_le: 2026-04-14
actions:
  - id: A1
    responsable:
      - Claire Fabre
      - Julien Moreau
    echeance: 2026-06-30
""",
    "NC-04.yaml": """\
id: NC-04
indicateur: 24
gravite: mineure
constat: Aucune veille sur les métiers visés.
analyse_causes: Veille jamais organisée.
plan_envoye_le: 2026-04-01
actions:
  - id: A1
    responsable: Claire Fabre
    echeance: 2026-09-01
""",
    "NC-05.yaml": """\
id: NC-05
indicateur: 12
gravite: mineure
constat: Les abandons ne sont pas suivis.
analyse_causes: Aucun suivi des absences.
plan_envoye_le: 2026-04-01
actions:
  - id: A1
    responsable: Paul Martin
    echeance: 2026-04-05
    fait_le: 2026-04-05
levee_le: 2026-04-10
""",
}


def five_ncs(run_main, write_audit, columns: int):
    """The audit of five NCs on 20 April 2026: a major to correct, a late minor, a plan
    sent late, one on time, one lifted; co-owners and « guillemets » in the actions."""
    folder = write_audit(FIVE_AUDIT, FIVE_NCS)
    return run_main("status", "audit", "--today", "2026-04-20", "--explain",
                    cwd=folder.parent, env={"COLUMNS": str(columns)})  # fmt: skip


@pytest.mark.parametrize("columns", [80, 120])
def test_five_ncs_golden(run_main, write_audit, columns: int) -> None:
    """Five NCs read as reviewed at 80 columns (blocks of lines) and 120 (a table)."""
    result = five_ncs(run_main, write_audit, columns)
    assert (result.exit_code, result.stderr) == (
        0,
        "1 avertissement : lancez « qnc check » pour le voir.\n",  # NC-02's plan is late
    )
    assert_golden(f"status-five-{columns}.txt", result.stdout)


def table_rows(stdout: str) -> list[str]:
    """The lines of the NC table: from its header to the blank line after it."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#  NC"))
    end = lines.index("", start)
    return lines[start + 2 : end]


def test_one_line_per_nc_at_120_columns(run_main, write_audit) -> None:
    """Five NCs, five lines: each starts with its rank and NC, the title cut with '…'."""
    result = five_ncs(run_main, write_audit, 120)
    rows = table_rows(result.stdout)
    assert [row[:6] for row in rows] == ["1  NC-", "2  NC-", "3  NC-", "4  NC-", "5  NC-"]
    assert "11 Évaluation d…  majeure  bloquante" in rows[1]
    assert max(len(line) for line in result.stdout.splitlines()) == 120


def test_explain_gives_the_whole_title_the_table_cuts(run_main, write_audit) -> None:
    """--explain at 120 columns: each reason, then the indicator's whole title."""
    result = five_ncs(run_main, write_audit, 120)
    why = result.stdout.split("Pourquoi cet ordre\n", 1)[1]
    assert why.startswith(
        "1. NC-02 — en retard : l'étape « plan d'actions envoyé » était due le 11 avril 2026, "
        "il y a 9 jours\n"
        "   Indicateur : 19 Mise à disposition des ressources pédagogiques\n"
    )


def test_long_ids_still_give_one_line_per_nc(run_main, write_audit, nc_text: str) -> None:
    """Cells wider than the table has room for are cut, never wrapped onto a second line."""
    long_id = "NC-2026-SURVEILLANCE-ANNUELLE-SITE-DE-BAYONNE-01"
    nc = nc_text.replace("id: NC-01", f"id: {long_id}")
    folder = write_audit(ncs={f"{long_id}.yaml": nc})
    result = run_main("status", str(folder), "--today", "2026-03-20", env={"COLUMNS": "120"})
    (row,) = table_rows(result.stdout)
    assert row.startswith("1  NC-2026-SURVEIL…  12 Engagement des bénéf…  mineure  ouverte")
    assert len(row) == 120


def test_80_columns_keeps_indents_and_guillemets(run_main, write_audit) -> None:
    """At 80 columns a wrapped line keeps its block's indent (3 under an NC or a reason,
    2 under an action to chase), and no line ends with « nor starts with »."""
    lines = five_ncs(run_main, write_audit, 80).stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert not [line for line in lines if line.rstrip().endswith("«")]
    assert not [line for line in lines if line.lstrip(" │").startswith(("»", ":", ";"))]
    assert (
        "   Prochaine étape : corrections faites, preuves envoyées, 12/06/2026 (dans\n"
        "   53 jours)\n"
    ) in "\n".join(lines)
    assert (
        "- NC-01 A1 — Marie Dupont, Paul Martin — 25/04/2026 (dans 5 jours) — Rédiger la\n"
        "  procédure « Évaluation des acquis » et la diffuser aux formateurs\n"
    ) in "\n".join(lines)
