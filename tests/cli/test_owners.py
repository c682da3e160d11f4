"""`responsable`: one owner or several, read in both YAML forms and shown everywhere an
owner is (status, actions to chase, plan, JSON, schema); mistakes lead to a valid file.

The base audit (conftest.AUDIT) is notified on 12 March 2026; on 20 March an action due
on 25 March is 'dans 5 jours', so it is to chase.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qnc.model.records import Action

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]
TODAY = ("--today", "2026-03-20")

ACTION = "actions:\n  - id: A1\n    description: Relancer les absents\n    responsable: {owners}\n"
DUE = "    echeance: 2026-03-25\n"
FLOW = "[Marie Dupont, Paul Martin]"
BLOCK = "\n      - Marie Dupont\n      - Paul Martin"


@pytest.mark.parametrize(
    ("owners", "read"),
    [
        ("Marie Dupont", ("Marie Dupont",)),
        (["Marie Dupont", "Paul Martin"], ("Marie Dupont", "Paul Martin")),
    ],
)
def test_one_owner_or_a_list(owners: object, read: tuple[str, ...]) -> None:
    """One owner is a list of one; a list keeps its order."""
    action = Action.model_validate({"id": "A1", "responsable": owners, "echeance": "2026-04-15"})
    assert action.owners == read


@pytest.mark.parametrize("owners", [FLOW, BLOCK], ids=["flow", "block"])
def test_co_owners_in_status_plan_and_json(
    run_main, write_audit: WriteAudit, nc_text: str, owners: str
) -> None:
    """Written [a, b] or as a block list, both owners are named wherever an owner is."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTION.format(owners=owners) + DUE})
    check = run_main("check", "audit", *TODAY)
    assert (check.exit_code, check.stderr) == (0, "")
    status = run_main("status", "audit", *TODAY, env={"COLUMNS": "120"})
    assert (
        "Actions à relancer (en retard ou bientôt dues)\n"
        "- NC-01 A1 — Marie Dupont, Paul Martin — 25/03/2026 (dans 5 jours) — Relancer les "
        "absents\n"
    ) in status.stdout
    plan = run_main("plan", "audit", *TODAY, "--interne")
    assert (
        "| A1 — Relancer les absents | action corrective | Marie Dupont, Paul Martin | "
        "25/03/2026 | — | proche (dans 5 jours) |\n"
    ) in plan.stdout
    data = json.loads(run_main("status", "audit", *TODAY, "--format", "json").stdout)
    (nc,) = data["audits"][0]["non_conformites"]
    assert nc["relances"] == [
        {"action": "A1", "description": "Relancer les absents",
         "responsable": ["Marie Dupont", "Paul Martin"],
         "echeance": "2026-03-25", "jours_restants": 5, "statut": "proche"},
    ]  # fmt: skip


def test_one_owner_is_a_list_of_one_in_json(
    run_main, write_audit: WriteAudit, nc_text: str
) -> None:
    """JSON 'responsable' is always a list, one owner or several."""
    write_audit(ncs={"NC-01.yaml": nc_text + ACTION.format(owners="Marie Dupont") + DUE})
    data = json.loads(run_main("status", "audit", *TODAY, "--format", "json").stdout)
    assert data["audits"][0]["non_conformites"][0]["relances"][0]["responsable"] == ["Marie Dupont"]


@pytest.mark.parametrize(
    ("owners", "position", "code", "message"),
    [
        ("[]", (8, 18), "valeur-invalide", "cette liste ne doit pas être vide"),
        ("", (8, 17), "valeur-vide",
         "« actions[1].responsable » n'a pas de valeur ; écrivez-la après le « : »"),
        ("[Marie Dupont, '']", (8, 33), "valeur-invalide", "cette valeur ne doit pas être vide"),
        ("[Marie Dupont, [Paul Martin]]", (8, 33), "type-invalide",
         "un seul texte est attendu, pas une liste : écrivez-le d'un seul tenant, sans « [ ] » "
         "ni « - » (sur plusieurs lignes : « | » après le « : », puis les lignes décalées en "
         "dessous)"),
        ("12", (8, 18), "type-invalide", "texte attendu, trouvé : 12 ; mettez-le entre guillemets"),
    ],
)  # fmt: skip
def test_owner_mistakes_say_how_to_write_a_valid_file(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    owners: str,
    position: tuple[int, int],
    code: str,
    message: str,
) -> None:
    """Each mistake is placed and its advice, followed, gives a file qnc accepts."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + ACTION.format(owners=owners) + DUE})
    found = [(d.line, d.column, d.code, d.message) for d in diagnose(folder)]
    assert found == [(*position, code, message)]


def test_a_list_where_one_text_is_expected(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A finding written as a list: the advice is one text, not quotes that keep '[ ]'."""
    nc = nc_text.replace("constat: Absences non suivies.", "constat:\n  - absences\n  - retards")
    found = [(d.line, d.column, d.code) for d in diagnose(write_audit(ncs={"NC-01.yaml": nc}))]
    assert found == [(5, 3, "type-invalide")]


def test_schema_accepts_one_owner_or_a_list(run_main) -> None:
    """Editors see both forms of 'responsable' in the NC schema."""
    schema = json.loads(run_main("schema", "nc").stdout)
    text = {"minLength": 1, "type": "string"}
    owners = schema["$defs"]["Action"]["properties"]["responsable"]
    assert owners["anyOf"] == [text, {"items": text, "minItems": 1, "type": "array"}]
    assert owners["description"] == (
        "Qui mène l'action : un nom, ou une liste de noms quand plusieurs la partagent."
    )
