"""`qnc plan`: what the certifier's document says, what only the working view adds, and
the fixes a trial of the plan asked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.test_status import flat
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
MID_WAY = "2026-11-20"

# A minor NC, plan sent on time; A1 done before its due date, A2 after it.
MINOR_DONE = """\
id: NC-01
indicateur: 12
gravite: mineure
constat: Absences non suivies.
analyse_causes: Pas de seuil d'alerte.
plan_envoye_le: 2026-03-30
actions:
  - id: A1
    responsable: Marie Dupont
    debut: 2026-03-20
    echeance: 2026-04-15
    fait_le: 2026-04-10
  - id: A2
    responsable: Marie Dupont
    echeance: 2026-05-15
    fait_le: 2026-06-02
"""


def plan(run_main, folder: Path, today: str, *options: str) -> str:
    result = run_main("plan", str(folder), "--today", today, *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def section(text: str, heading: str) -> str:
    """The lines under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    after = text.split(f"\n{heading}\n", 1)[1]
    stop = re.search(rf"\n#{{1,{len(level)}}} ", after)
    return after[: stop.start()] if stop else after


def test_certifier_plan_holds_no_judgement_nor_countdown(run_main) -> None:
    """The document to send states facts: no verdict, no rank, no 'dans N jours', no
    Mermaid block; the working view has all four."""
    sent = plan(run_main, EXAMPLE, MID_WAY)
    for internal in ("Verdict", "Rang ", "dans 14 jours", "```mermaid", "bloquée", "proche"):
        assert internal not in sent
    working = plan(run_main, EXAMPLE, MID_WAY, "--interne")
    assert "**Verdict :** bloquée — " in working
    assert "*Rang 1 sur 4 — une NC majeure empêche la certification ; " in working
    assert "| proche (dans 14 jours) |" in working
    assert "```mermaid\ngantt\n" in working


def test_sections_follow_the_audit_report_not_the_priority(run_main, write_audit,
                                                           nc_text: str) -> None:  # fmt: skip
    """NC-10, a major NC ranked first, comes after NC-2 and NC-9: natural id order, in the
    summary and in the sections; the working view's order of treatment keeps the rank."""
    ncs = {
        "NC-2.yaml": nc_text.replace("NC-01", "NC-2"),
        "NC-9.yaml": nc_text.replace("NC-01", "NC-9").replace("indicateur: 12", "indicateur: 1"),
        "NC-10.yaml": nc_text.replace("NC-01", "NC-10").replace(
            "indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure"
        ),
    }
    folder = write_audit(ncs=ncs)
    sent = plan(run_main, folder, "2026-03-20")
    assert re.findall(r"^## (NC-\d+)", sent, re.M) == ["NC-2", "NC-9", "NC-10"]
    assert re.findall(r"^\| (NC-\d+) \|", sent, re.M) == ["NC-2", "NC-9", "NC-10"]
    working = plan(run_main, folder, "2026-03-20", "--interne")
    assert re.findall(r"^\d\. (NC-\d+) — ", working, re.M) == ["NC-10", "NC-2", "NC-9"]
    assert re.findall(r"^## (NC-\d+)", working, re.M) == ["NC-2", "NC-9", "NC-10"]


def test_summary_states_facts(run_main, write_audit, nc_text: str) -> None:
    """The summary's state is what happened — plan sent (late, if so), actions done or
    carried out, proof sent, lifted — and what comes next, by when (or since when), with
    the short dates of a table."""
    major = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")
    ncs = {
        "NC-01.yaml": nc_text,
        "NC-02.yaml": MINOR_DONE.replace("NC-01", "NC-02").replace("12", "1", 1),
        "NC-03.yaml": major.replace("NC-01", "NC-03") + "preuves_envoyees_le: 2026-05-04\n",
        "NC-04.yaml": nc_text.replace("NC-01", "NC-04").replace("indicateur: 12", "indicateur: 9")
        + "plan_envoye_le: 2026-04-20\nanalyse_causes: x\nlevee_le: 2026-06-01\n",
        "NC-05.yaml": nc_text.replace("NC-01", "NC-05").replace("indicateur: 12", "indicateur: 8")
        + "plan_envoye_le: 2026-04-20\nanalyse_causes: x\n",
    }
    folder = write_audit(ncs=ncs)
    rows = section(plan(run_main, folder, "2026-06-10"), "## Synthèse").strip().splitlines()[2:]
    assert [row.rsplit(" | ", 1)[1] for row in rows] == [
        "aucune action enregistrée ; plan d'actions non envoyé à son échéance (11/04/2026) |",
        "plan envoyé le 30/03/2026 ; actions réalisées le 02/06/2026 ; en attente de la levée "
        "par le certificateur |",
        "aucune action enregistrée ; preuves envoyées le 04/05/2026 ; décision du certificateur "
        "attendue au plus tard le 12/07/2026 |",
        "levée le 01/06/2026 |",
        "plan envoyé le 20/04/2026, après l'échéance ; aucune action enregistrée ; actions à "
        "réaliser au plus tard le 12/09/2026 |",
    ]


def test_summary_names_the_actions_done_late_and_to_do(run_main, write_audit) -> None:
    """Before every action is done, the state names those done, those past their due date
    and those to do; the actions table says the same of each."""
    folder = write_audit(ncs={"NC-01.yaml": MINOR_DONE})
    rows = section(plan(run_main, folder, "2026-04-20"), "## Synthèse").strip().splitlines()
    assert rows[2].rsplit(" | ", 1)[1] == (
        "plan envoyé le 30/03/2026 ; A1 faite, A2 à faire ; actions à réaliser au plus tard le "
        "12/09/2026 |"
    )
    more = MINOR_DONE + "".join(
        f"  - id: {id}\n    responsable: Marie Dupont\n    echeance: {due}\n"
        for id, due in (("A3", "2026-05-20"), ("A4", "2026-05-29"), ("A5", "2026-07-01"))
    )
    folder = write_audit(ncs={"NC-01.yaml": more}, name="more")
    text = plan(run_main, folder, "2026-06-10")
    rows = section(text, "## Synthèse").strip().splitlines()
    assert rows[2].rsplit(" | ", 1)[1].split(" ; ")[1] == (
        "A1 et A2 faites, A3 et A4 non faites à leur échéance, A5 à faire"
    )
    actions = section(text, "### Actions").strip().splitlines()[2:]
    assert [row.rsplit(" | ", 1)[1].removesuffix(" |") for row in actions] == [
        "faite le 10/04/2026",
        "faite le 02/06/2026, après l'échéance du 15/05/2026",
        "non faite à son échéance",
        "non faite à son échéance",
        "à faire",
    ]


def test_action_done_after_its_due_date_says_so(run_main, write_audit) -> None:
    """'faite le 02/06/2026, après l'échéance du 15/05/2026', in both views."""
    folder = write_audit(ncs={"NC-01.yaml": MINOR_DONE})
    for options in ([], ["--interne"]):
        text = plan(run_main, folder, "2026-06-10", *options)
        assert "| faite le 10/04/2026 |" in text
        assert "| faite le 02/06/2026, après l'échéance du 15/05/2026 |" in text


def test_decision_is_given_not_met(run_main, write_audit, nc_text: str) -> None:
    """A lifted major NC: the certifier's decision was 'rendue le …', never 'tenue'."""
    major = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")
    facts = "preuves_envoyees_le: 2026-05-04\nlevee_le: 2026-05-20\n"
    folder = write_audit(ncs={"NC-01.yaml": major + facts})
    sent = plan(run_main, folder, "2026-06-10")
    rows = section(sent, "### Échéances").strip().splitlines()[2:]
    assert [row.split(" | ")[::3] for row in rows] == [
        ["| corrections faites, preuves envoyées", "preuves envoyées le 04/05/2026 |"],
        ["| décision du certificateur", "rendue le 20/05/2026 |"],
    ]
    working = plan(run_main, folder, "2026-06-10", "--interne")
    assert "rendue le 20/05/2026 |" in working
    assert "tenue" not in working


def test_lifted_nc_rank_has_one_colon(run_main, write_audit, nc_text: str) -> None:
    """'Rang 1 sur 1 — levée le … : plus rien à faire': no 'Rang 1 : levée … :'."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "levee_le: 2026-03-19\n"})
    working = plan(run_main, folder, "2026-03-20", "--interne")
    assert "*Rang 1 sur 1 — levée le 19 mars 2026 : plus rien à faire*" in working


def test_status_and_plan_agree_on_a_minor_waiting_for_its_lift(run_main, write_audit) -> None:
    """A minor NC whose plan is sent and actions all done: status's next step and the
    plan's working view both say it waits for the certifier to lift it."""
    folder = write_audit(ncs={"NC-01.yaml": MINOR_DONE})
    status = run_main("status", str(folder), "--today", "2026-06-10", env={"COLUMNS": "80"})
    assert "Prochaine étape : en attente de la levée par le certificateur" in flat(status.stdout)
    working = plan(run_main, folder, "2026-06-10", "--interne")
    assert "toutes les étapes sont tenues ; en attente de la levée par le certificateur" in working


def test_calendar_bars_start_when_the_action_started(run_main, write_audit) -> None:
    """A1 starts on its 'debut' (20 March); A2 has none, so its bar starts at the
    notification (12 March), and the legend says so."""
    folder = write_audit(ncs={"NC-01.yaml": MINOR_DONE})
    working = plan(run_main, folder, "2026-06-10", "--interne")
    assert "    A1 :done, 2026-03-20, 2026-04-10\n" in working
    assert "    A2 :crit, done, 2026-03-12, 2026-06-02\n" in working
    assert (
        "Début non renseigné (barre depuis la notification, le 12 mars 2026) : NC-01 A2. "
        "Ajoutez « debut: » à l'action pour la placer."
    ) in working


def test_signatory_from_audit_yaml_or_blanks(run_main, write_audit, audit_text: str) -> None:
    """The closing block names the signatory given in audit.yaml; what is missing is a
    blank to fill in; no 'Rubrique | Valeur' header row. The working view has no such
    block."""
    blank = plan(run_main, write_audit(), "2026-03-20")
    assert section(blank, "## Signature").strip().splitlines() == [
        "| Nom |  |", "|---|---|", "| Fonction |  |", "| Fait à |  |", "| Le |  |",
        "| Signature |  |",
    ]  # fmt: skip
    signed = audit_text + (
        "signataire:\n  nom: Jeanne Martin\n  fonction: Responsable qualité\n"
        "  lieu: La Rochelle\n  date: 2026-03-21\n"
    )
    folder = write_audit(signed, name="signed")
    text = plan(run_main, folder, "2026-03-20")
    assert section(text, "## Signature").strip().splitlines() == [
        "| Nom | Jeanne Martin |", "|---|---|", "| Fonction | Responsable qualité |",
        "| Fait à | La Rochelle |", "| Le | 21 mars 2026 |", "| Signature |  |",
    ]  # fmt: skip
    assert "## Signature" not in plan(run_main, folder, "2026-03-20", "--interne")


def test_effectiveness_check_method_and_result(run_main, write_audit, nc_text: str) -> None:
    """How effectiveness will be checked, then what the check found; while the NC is open
    and nothing is said, 'À compléter.'."""
    bare = plan(run_main, write_audit(), "2026-03-20")
    assert section(bare, "### Vérification de l'efficacité").strip() == "*À compléter.*"
    nc = nc_text + (
        "efficacite:\n  methode: Relevé mensuel des absences.\n"
        "  verifiee_le: 2026-03-19\n  resultat: aucune absence non suivie\n"
    )
    text = plan(run_main, write_audit(ncs={"NC-01.yaml": nc}, name="checked"), "2026-03-20")
    assert section(text, "### Vérification de l'efficacité").strip() == (
        "Relevé mensuel des absences.\n\nVérifiée le 19 mars 2026 : aucune absence non suivie"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx"], "un document Word s'écrit dans un fichier : ajoutez --out "
                               "plan.docx"),
        (["--format", "md", "--out", "plan.docx"], "--format md ne correspond pas au nom de "
         "fichier « plan.docx » : nommez le fichier plan.md, ou retirez --format"),
        (["--format", "docx", "--out", "plan.md"], "--format docx ne correspond pas au nom de "
         "fichier « plan.md » : nommez le fichier plan.docx, ou retirez --format"),
    ],
)  # fmt: skip
def test_format_and_file_name_must_agree(run_main, tmp_path: Path, args: list[str],
                                         message: str) -> None:  # fmt: skip
    """The format comes from --format or the file name; when they disagree, or a Word
    document has no file to go to, nothing is read nor written."""
    result = run_main("plan", str(EXAMPLE), "--today", MID_WAY, *args)
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"qnc: {message}\n", "")
    assert list(tmp_path.iterdir()) == []
