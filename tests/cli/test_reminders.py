"""`qnc relances`: what each owner owes, late first, as text or Markdown to paste."""

from __future__ import annotations

import json

TODAY = ("--today", "2026-04-10")
# The base audit is notified on 12 March 2026 with the default alert of 14 days.
ACTIONS = """\
actions:
  - id: A1
    description: Relancer les absents
    responsable: Marie Dupont
    echeance: 2026-04-01
  - id: A2
    description: Écrire la procédure *absences*
    responsable: marie  dupont
    echeance: 2026-04-20
    preuve_attendue: procédure signée
  - id: A3
    responsable: Paul Martin
    echeance: 2026-04-05
    fait_le: 2026-04-04
  - id: A4
    responsable: Paul Martin
    echeance: 2026-06-01
  - id: A5
    responsable: Paul Martin
    echeance: 2026-03-30
"""

TEXT = """\
Relances au 10 avril 2026

Marie Dupont (2 actions)

En retard
- Relancer les absents
  NC-01, action A1 — prévue le 1er avril 2026 (9 jours de retard)

À échéance proche
- Écrire la procédure *absences*
  NC-01, action A2 — prévue le 20 avril 2026 (dans 10 jours)
  Preuve attendue : procédure signée

Paul Martin (1 action)

En retard
- action A5
  NC-01, action A5 — prévue le 30 mars 2026 (11 jours de retard)
"""


def test_text_by_owner_late_first(run_main, write_audit, nc_text: str) -> None:
    """Each owner once (whatever the capitals and spaces), late actions first, then those
    due within 'alerte'; done and later actions are left out."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTIONS})
    result = run_main("relances", "audit", *TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == TEXT


def test_markdown(run_main, write_audit, nc_text: str) -> None:
    """Markdown: a section per owner, user text escaped (the '*' stays a '*')."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTIONS})
    result = run_main("relances", "audit", "--format", "markdown", *TODAY)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "# Relances au 10 avril 2026\n\n"
        "## Marie Dupont (2 actions)\n\n"
        "### En retard\n\n"
        "- **Relancer les absents**\n"
        "  - NC-01, action A1 — prévue le 1er avril 2026 (9 jours de retard)\n\n"
        "### À échéance proche\n\n"
        "- **Écrire la procédure \\*absences\\***\n"
        "  - NC-01, action A2 — prévue le 20 avril 2026 (dans 10 jours)\n"
        "  - Preuve attendue : procédure signée\n"
    )


def test_portfolio_names_the_organisation(run_main, write_audit, nc_text: str) -> None:
    """With several audits, each action says its organisation."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTIONS}, name="a")
    other = nc_text + "actions:\n  - id: B1\n    responsable: Paul Martin\n"
    other += "    echeance: 2026-04-12\n"
    write_audit(ncs={"NC-01.yaml": other}, name="b")
    result = run_main("relances", ".", *TODAY, "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "Paul Martin (2 actions)\n\n"
        "Past their due date\n"
        "- action A5\n"
        "  Formations du Littoral, NC-01, action A5 — due on 30 March 2026 (11 days late)\n\n"
        "Due soon\n"
        "- action B1\n"
        "  Formations du Littoral, NC-01, action B1 — due on 12 April 2026 (in 2 days)\n"
    )


def test_nothing_to_chase(run_main, write_audit) -> None:
    """No action late or near: one sentence, exit 0."""
    write_audit()
    result = run_main("relances", "audit", *TODAY)
    assert (result.exit_code, result.stdout) == (0, "Aucune action à relancer au 10 avril 2026.\n")


def test_lifted_nc_owes_nothing(run_main, write_audit, nc_text: str) -> None:
    """The actions of a lifted NC are not chased."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTIONS + "levee_le: 2026-04-09\n"})
    assert run_main("relances", "audit", *TODAY).stdout.startswith("Aucune action")


def test_co_owners_each_get_the_action(run_main, write_audit, nc_text: str) -> None:
    """An action owed by several people is in each one's reminder."""
    shared = ACTIONS.replace("responsable: Marie Dupont", "responsable: [Marie Dupont, Léa Roux]")
    write_audit(ncs={"NC-01.yaml": nc_text + shared})
    out = run_main("relances", "audit", *TODAY).stdout
    assert "Léa Roux (1 action)\n\nEn retard\n- Relancer les absents\n" in out
    assert "Marie Dupont (2 actions)" in out


def test_status_json_relances_carry_the_description(run_main, write_audit, nc_text) -> None:
    """JSON `relances` now says what the action is."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTIONS})
    payload = json.loads(run_main("status", "audit", "--format", "json", *TODAY).stdout)
    chased = payload["audits"][0]["non_conformites"][0]["relances"]
    assert [(r["action"], r["description"]) for r in chased] == [
        ("A1", "Relancer les absents"),
        ("A2", "Écrire la procédure *absences*"),
        ("A5", ""),
    ]


def test_help_gives_an_example(run_main) -> None:
    """French help with an example."""
    result = run_main("relances", "--help")
    assert "Exemple : qnc relances qualiopi/ --format markdown > relances.md" in result.stdout


LEFEVRE = "actions:\n  - id: A1\n    responsable: Antoine Lefèvre\n    echeance: {due}\n"


def two_clients(write_audit, audit_text: str, nc_text: str) -> None:
    """Antoine Lefèvre owes an action at two organisations, and Paul Martin at one."""
    write_audit(audit_text.replace("Formations du Littoral", "Atelier Nord"),
                {"NC-01.yaml": nc_text + LEFEVRE.format(due="2026-04-01")},
                name="atelier")  # fmt: skip
    both = LEFEVRE.format(due="2026-04-15") + "  - id: A2\n    responsable: Paul Martin\n"
    write_audit(ncs={"NC-01.yaml": nc_text + both + "    echeance: 2026-04-12\n"},
                name="littoral")  # fmt: skip


def test_portfolio_by_client_then_owner(run_main, write_audit, audit_text, nc_text) -> None:
    """Several organisations: one section per client, then per owner, one e-mail each;
    the same person at two clients is in both, never merged across them."""
    two_clients(write_audit, audit_text, nc_text)
    result = run_main("relances", ".", *TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Relances au 10 avril 2026\n\n"
        "Atelier Nord\n"
        "============\n\n"
        "Antoine Lefèvre (1 action)\n\n"
        "En retard\n"
        "- action A1\n"
        "  NC-01, action A1 — prévue le 1er avril 2026 (9 jours de retard)\n\n"
        "Formations du Littoral\n"
        "======================\n\n"
        "Antoine Lefèvre (1 action)\n\n"
        "À échéance proche\n"
        "- action A1\n"
        "  NC-01, action A1 — prévue le 15 avril 2026 (dans 5 jours)\n\n"
        "Paul Martin (1 action)\n\n"
        "À échéance proche\n"
        "- action A2\n"
        "  NC-01, action A2 — prévue le 12 avril 2026 (dans 2 jours)\n"
    )


def test_markdown_by_client(run_main, write_audit, audit_text, nc_text) -> None:
    """Markdown: the client is a level-2 heading, the owner level 3, late/soon level 4."""
    two_clients(write_audit, audit_text, nc_text)
    result = run_main("relances", ".", *TODAY, "--format", "markdown")
    assert result.stdout.startswith(
        "# Relances au 10 avril 2026\n\n"
        "## Atelier Nord\n\n"
        "### Antoine Lefèvre (1 action)\n\n"
        "#### En retard\n\n"
        "- **action A1**\n"
        "  - NC-01, action A1 — prévue le 1er avril 2026 (9 jours de retard)\n\n"
        "## Formations du Littoral\n"
    )


def test_by_owner_across_clients_when_asked(run_main, write_audit, audit_text, nc_text) -> None:
    """--par responsable: one section per person, each action naming its organisation."""
    two_clients(write_audit, audit_text, nc_text)
    result = run_main("relances", ".", *TODAY, "--par", "responsable")
    assert result.stdout.startswith(
        "Relances au 10 avril 2026\n\n"
        "Antoine Lefèvre (2 actions)\n\n"
        "En retard\n"
        "- action A1\n"
        "  Atelier Nord, NC-01, action A1 — prévue le 1er avril 2026 (9 jours de retard)\n\n"
        "À échéance proche\n"
        "- action A1\n"
        "  Formations du Littoral, NC-01, action A1 — prévue le 15 avril 2026 (dans 5 jours)\n"
    )


def test_by_client_names_the_audit_when_a_client_has_two(
    run_main, write_audit, audit_text, nc_text
) -> None:
    """--par organisme with one client's two audits owing: each action says its audit."""
    write_audit(ncs={"NC-01.yaml": nc_text + LEFEVRE.format(due="2026-04-01")}, name="a")
    later = audit_text.replace("type: initial", "type: complementaire")
    write_audit(later, {"NC-01.yaml": nc_text + LEFEVRE.format(due="2026-04-02")}, name="b")
    result = run_main("relances", ".", *TODAY, "--par", "organisme")
    assert "  audit initial les 9 et 10 mars 2026, NC-01, action A1 — prévue le 1er avril" in (
        result.stdout
    )
    assert "  audit complémentaire les 9 et 10 mars 2026, NC-01, action A1 — prévue le 2 avril" in (
        result.stdout
    )


def test_json_one_entry_per_action(run_main, write_audit, audit_text, nc_text) -> None:
    """--format json: every action to chase once, late first, with its organisation, audit
    and owners; the grouping of the text does not apply."""
    two_clients(write_audit, audit_text, nc_text)
    result = run_main("relances", ".", *TODAY, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["aujourdhui"] == "2026-04-10"
    assert payload["audits_en_erreur"] == []
    assert payload["relances"][0] == {
        "organisme": "Atelier Nord",
        "audit": "atelier",
        "nc": "NC-01",
        "action": "A1",
        "description": "",
        "responsable": ["Antoine Lefèvre"],
        "echeance": "2026-04-01",
        "jours_restants": -9,
        "statut": "depassee",
        "preuve_attendue": None,
        "fichier": "atelier/nc/NC-01.yaml",
    }
    assert [(r["organisme"], r["action"], r["jours_restants"]) for r in payload["relances"]] == [
        ("Atelier Nord", "A1", -9),
        ("Formations du Littoral", "A2", 2),
        ("Formations du Littoral", "A1", 5),
    ]
