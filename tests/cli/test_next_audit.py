"""What comes after an audit: a new application once the certification is refused, and
in a portfolio, how to date the next audit said once, not once per organisation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

WriteAudit = Callable[..., Path]
# The base audit is an initial audit notified on 12 March 2026: a major NC's proof is due
# on 12 June 2026.
MAJOR = "id: NC-01\nindicateur: 11\ngravite: majeure\nconstat: Aucune évaluation.\n"


def test_refused_certification_next_is_a_new_application(run_main, write_audit) -> None:
    """An initial audit compromised (proof due 12 June 2026, not sent): the certification
    will be refused; next comes a new initial audit, 3 months after the refusal, which is
    13 June at the earliest: from 13 September 2026. Not its surveillance audit."""
    write_audit(ncs={"NC-01.yaml": MAJOR})
    result = run_main("status", "audit", "--today", "2026-07-01", "--format", "json")
    (audit,) = json.loads(result.stdout)["audits"]
    assert audit["verdict"] == "compromise"
    assert audit["prochain_audit"] == {
        "type": "initial", "du": "2026-09-13", "au": None, "conseille_avant": None,
        "prevu_le": None,
    }  # fmt: skip
    text = run_main("status", "audit", "--today", "2026-07-01", env={"COLUMNS": "200"})
    assert (
        "│ Prochain audit : un nouvel audit initial (nouvelle demande, à payer de nouveau), "
        "3 mois après le refus de la certification : au plus tôt le 13 septembre 2026 "
    ) in text.stdout
    assert "obtenu_le" not in text.stdout


def test_before_the_due_date_the_surveillance_still_comes_next(run_main, write_audit) -> None:
    """The same audit before the proof is late: blocked, its surveillance audit next."""
    write_audit(ncs={"NC-01.yaml": MAJOR})
    result = run_main("status", "audit", "--today", "2026-06-01", "--format", "json")
    (audit,) = json.loads(result.stdout)["audits"]
    assert (audit["verdict"], audit["prochain_audit"]["type"]) == ("bloquee", "surveillance")


def test_history_says_how_to_date_the_next_audit_once(
    run_main, write_audit, audit_text: str, tmp_path: Path
) -> None:
    """Three organisations without certificate, one of them refused: the next audit of
    the two others is undated, and how to date it is said once, under them all."""
    for name in ("Alpha", "Bravo"):
        write_audit(audit_text.replace("Formations du Littoral", name), {}, name=name.lower())
    write_audit(audit_text.replace("Formations du Littoral", "Charlie"),
                {"NC-01.yaml": MAJOR}, name="charlie")  # fmt: skip
    result = run_main("historique", ".", "--today", "2026-07-01", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("Prochain audit : audit de surveillance, entre 14 et 22 mois après "
                     "l'obtention du certificat\n") == 2  # fmt: skip
    assert out.count("obtenu_le") == 1
    assert "Prochain audit : un nouvel audit initial (nouvelle demande" in out
    assert out.endswith(
        "\n2 organismes n'ont pas de certificat inscrit : inscrivez « certificat: obtenu_le » "
        "dans le fichier audit.yaml de leur audit en cours pour dater leur prochain audit.\n"
    )
