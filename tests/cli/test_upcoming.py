"""An audit dated after the day of the run has not been held: no verdict ("soldée, no NC
raised" would be false comfort), and it is the next audit, planned."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

WriteAudit = Callable[..., Path]
TODAY = ("--today", "2027-03-15")
INITIAL = """\
organisme:
  nom: Institut Horizon
  siret: "90142730200020"
  categories: [AF]
certificateur:
  nom: Certif Exemple
audit:
  type: initial
  debut: 2025-12-01
  notification: 2025-12-03
certificat:
  obtenu_le: 2026-01-10
"""
SURVEILLANCE = (
    INITIAL.replace("type: initial", "type: surveillance")
    .replace("  debut: 2025-12-01\n  notification: 2025-12-03\n", "  debut: 2027-05-10\n")
    .replace("certificat:\n  obtenu_le: 2026-01-10\n", "")
)


@pytest.fixture
def planned(write_audit: WriteAudit, tmp_path: Path) -> Path:
    """An initial audit held, and its surveillance audit dated 10 May 2027, both without NC."""
    write_audit(INITIAL, {}, name="2025-12-initial")
    write_audit(SURVEILLANCE, {}, name="2027-05-surveillance")
    return tmp_path


def test_json_verdict_is_a_venir(run_main, planned: Path) -> None:
    """JSON: 'a_venir' with the day; the audit held says the next one is planned then."""
    result = run_main("status", ".", *TODAY, "--format", "json", cwd=planned)
    audits = {a["chemin"]: a for a in json.loads(result.stdout)["audits"]}
    later = audits["2027-05-surveillance"]
    assert (later["verdict"], later["motif"]) == (
        "a_venir", "le 10 mai 2027 : rien à juger avant qu'il ait lieu")  # fmt: skip
    assert later["prochain_audit"] is None
    assert audits["2025-12-initial"]["prochain_audit"] == {
        "type": "surveillance", "du": "2027-03-10", "au": "2027-11-10", "conseille_avant": None,
        "prevu_le": "2027-05-10",
    }  # fmt: skip


def test_status_of_the_planned_audit_alone(run_main, planned: Path) -> None:
    """The audit's own view gives no verdict but the day it is held."""
    result = run_main("status", "2027-05-surveillance", *TODAY, cwd=planned,
                      env={"COLUMNS": "100"})  # fmt: skip
    assert "│ Verdict : AUDIT À VENIR — le 10 mai 2027 : rien à juger avant qu'il ait lieu" in (
        result.stdout
    )
    assert "SOLDÉE" not in result.stdout


def test_portfolio_puts_it_before_closed_audits(run_main, planned: Path) -> None:
    """Most urgent first: an audit to come before one closed, after one in progress."""
    result = run_main("status", ".", *TODAY, cwd=planned, env={"COLUMNS": "80"})
    assert result.stdout.index("Institut Horizon — audit à venir") < result.stdout.index(
        "Institut Horizon — soldée"
    )


def test_history_tells_the_audit_to_come(run_main, planned: Path) -> None:
    """historique: the audit held is the current one, with the next audit planned; the
    planned audit has no verdict but its day."""
    result = run_main("historique", ".", *TODAY, cwd=planned, env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert result.stdout == (
        "Institut Horizon — SIRET 90142730200020\n"
        "Certificat : obtenu le 10 janvier 2026, valable jusqu'au 9 janvier 2029\n"
        "Prochain audit : audit de surveillance du 10 mars 2027 au 10 novembre 2027 ; prévu "
        "le 10 mai 2027\n\n"
        "1. audit initial le 1er décembre 2025 — 2025-12-initial — audit en cours\n"
        "   Verdict : soldée — aucune non-conformité n'a été relevée\n\n"
        "2. audit de surveillance le 10 mai 2027 — 2027-05-surveillance\n"
        "   Verdict : audit à venir — le 10 mai 2027 : rien à juger avant qu'il ait lieu\n\n"
    )


def test_once_held_it_is_judged(run_main, planned: Path) -> None:
    """From its first day the audit is judged as any other."""
    result = run_main("status", ".", "--today", "2027-05-10", "--format", "json", cwd=planned)
    verdicts = {a["chemin"]: a["verdict"] for a in json.loads(result.stdout)["audits"]}
    assert verdicts == {"2027-05-surveillance": "soldee", "2025-12-initial": "soldee"}
