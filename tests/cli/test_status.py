"""`qnc status`: the terminal view, JSON (spec §3.1), portfolios and refusals."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.golden import assert_golden

EXAMPLE = EXAMPLES / "2026-09-audit-initial"


def flat(text: str) -> str:
    """Terminal text without panel borders and line wrapping, to find whole sentences."""
    return " ".join(text.replace("│", " ").split())


MID_WAY = "2026-11-20"
FACTS_TO_COME = (
    "9 faits sont datés après le 20 novembre 2026 : ils ne comptent pas encore "
    "(« qnc check » les montre).\n"
)
"""What status says of the example on MID_WAY: its files go on to 2028."""

LATE_AUDIT = """\
organisme:
  nom: Formations du Littoral
  categories: [AF]
certificateur:
  nom: Certif Exemple
audit:
  type: surveillance
  debut: 2026-03-09
  notification: 2026-03-12
"""
MAJOR = """\
id: NC-01
indicateur: 11
gravite: majeure
constat: "[bold red]Aucune[/] évaluation | <b>tracée</b> **ici**"
actions:
  - id: A1
    responsable: Marie Dupont
    echeance: 2026-06-01
"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_status_table_golden(run_main, lang: str) -> None:
    """The example at mid-way reads as reviewed (header, priority table, --explain)."""
    result = run_main(
        "status",
        "examples/2026-09-audit-initial",
        "--today",
        MID_WAY,
        "--lang",
        lang,
        "--explain",
        env={"COLUMNS": "120"},
        cwd=ROOT,
    )
    assert result.exit_code == 0
    assert_golden(f"status-{lang}.txt", result.stdout)


def test_status_narrow_terminal_lists_ncs(run_main) -> None:
    """Below 100 columns, every NC becomes lines instead of a cut table."""
    result = run_main("status", str(EXAMPLE), "--today", MID_WAY, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert (
        "\n1. NC-01 — majeure — bloquante\n"
        "   Indicateur : 11 Évaluation de l'atteinte des objectifs"
    ) in result.stdout
    assert "Prochaine étape : corrections faites, preuves envoyées, 18/12/2026 (dans 28 jours)" in (
        flat(result.stdout)
    )
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_status_json_keys_and_values(run_main) -> None:
    """JSON has the §3.1 keys with the figures of the rules."""
    result = run_main("status", str(EXAMPLE), "--today", MID_WAY, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["aujourdhui"] == "2026-11-20"
    (audit,) = payload["audits"]
    assert {
        k: audit[k] for k in ("organisme", "type", "notification", "referentiel", "verdict")
    } == {
        "organisme": "Atelier Formation Sud-Ouest",
        "type": "initial",
        "notification": "2026-09-18",
        "referentiel": "rnq-2019",
        "verdict": "bloquee",
    }
    assert audit["chemin"].endswith("2026-09-audit-initial")
    first = audit["non_conformites"][0]
    assert {k: first[k] for k in ("rang", "id", "indicateur", "gravite", "levee")} == {
        "rang": 1,
        "id": "NC-01",
        "indicateur": 11,
        "gravite": "majeure",
        "levee": False,
    }
    assert first["etapes"] == [
        {"etape": "correction", "date": "2026-12-18", "jours_restants": 28, "statut": "a_venir"},
        {"etape": "decision", "date": "2027-01-18", "jours_restants": 59, "statut": "a_venir"},
    ]
    assert first["actions"] == {"total": 2, "faites": 1, "en_retard": 0}
    assert [nc["id"] for nc in audit["non_conformites"]] == ["NC-01", "NC-02", "NC-03", "NC-04"]
    late_plan = audit["non_conformites"][3]["etapes"][0]
    assert late_plan == {
        "etape": "plan",
        "date": "2026-10-18",
        "jours_restants": -33,
        "statut": "tenue_en_retard",
    }
    assert audit["echeance_bloquante"] == {
        "id": "NC-01",
        "etape": "correction",
        "date": "2026-12-18",
        "jours_restants": 28,
    }


def test_json_keys_do_not_change_with_language(run_main) -> None:
    """--lang changes sentences, never keys or codes."""
    fr = json.loads(run_main("status", str(EXAMPLE), "--today", MID_WAY, "--format", "json").stdout)
    en = json.loads(
        run_main(
            "status", str(EXAMPLE), "--today", MID_WAY, "--format", "json", "--lang", "en"
        ).stdout
    )
    assert fr["audits"][0].keys() == en["audits"][0].keys()
    assert fr["audits"][0]["verdict"] == en["audits"][0]["verdict"] == "bloquee"
    assert fr["audits"][0]["motif"] != en["audits"][0]["motif"]


def test_late_major_is_compromised_and_markup_is_literal(run_main, write_audit) -> None:
    """A late major after surveillance: suspension; user text with markup shows literally."""
    folder = write_audit(LATE_AUDIT, {"NC-01.yaml": MAJOR})
    result = run_main("status", str(folder), "--today", "2026-06-15", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert (
        "Verdict : COMPROMISE — NC-01 : les preuves de correction étaient dues le 12 juin 2026 "
        "et n'ont pas été envoyées ; le certificat sera suspendu, puis retiré"
        in flat(result.stdout)
    )
    assert "en retard" in result.stdout and "3 jours de retard" in result.stdout
    plan = run_main("plan", str(folder), "--today", "2026-06-15")
    assert (
        "\\[bold red\\]Aucune\\[/\\] évaluation \\| \\<b\\>tracée\\</b\\> \\*\\*ici\\*\\*"
        in plan.stdout
    )


def test_portfolio_most_urgent_first(run_main, write_audit, tmp_path: Path) -> None:
    """A folder of audits: one row each, the compromised one first; --detail adds the NCs."""
    write_audit(name="b-ok")
    write_audit(LATE_AUDIT, {"NC-01.yaml": MAJOR}, name="a-late")
    result = run_main("status", str(tmp_path), "--today", "2026-06-15", "--format", "json")
    assert [a["verdict"] for a in json.loads(result.stdout)["audits"]] == ["compromise", "en_cours"]
    table = run_main("status", str(tmp_path), "--today", "2026-06-15", env={"COLUMNS": "120"})
    assert table.stdout.index("compromise") < table.stdout.index("en cours")
    assert "Non-conformités" not in table.stdout
    detail = run_main(
        "status", str(tmp_path), "--today", "2026-06-15", "--detail", env={"COLUMNS": "120"}
    )
    assert detail.stdout.count("Non-conformités, par ordre de priorité") == 2


def test_status_refuses_broken_audit_like_check(run_main, write_audit) -> None:
    """With an error, status prints check's diagnostics on stderr and exits 1."""
    folder = write_audit(
        ncs={"NC-01.yaml": "id: NC-01\nindicateur: 12\ngravite: majeur\nconstat: x\n"}
    )
    result = run_main("status", str(folder), "--today", "2026-03-20")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nc/NC-01.yaml:3:10: erreur: « majeur » n'est pas accepté" in result.stderr
    check = run_main("check", str(folder), "--today", "2026-03-20")
    assert check.stderr in result.stderr


def test_portfolio_shows_the_sound_audits_and_lists_the_broken_one(
    run_main, write_audit, tmp_path: Path
) -> None:
    """One typo in one client's file does not blank the portfolio: the other audits are
    judged, the broken one is listed 'en erreur' first without a verdict, the diagnostics
    go to stderr, and the exit status is 1."""
    write_audit(LATE_AUDIT, {"NC-01.yaml": MAJOR}, name="a-sound")
    bad = "id: NC-01\nindicateur: 12\ngravite: majeur\nconstat: x\n"
    write_audit(LATE_AUDIT, {"NC-01.yaml": bad}, name="b-broken")
    result = run_main("status", ".", "--today", "2026-03-20", cwd=tmp_path,
                      env={"COLUMNS": "160"})  # fmt: skip
    assert result.exit_code == 1
    assert "b-broken/nc/NC-01.yaml:3:10: erreur: « majeur » n'est pas accepté" in result.stderr
    assert result.stderr.endswith(
        "1 audit a des erreurs : il est listé sans verdict tant qu'elles ne sont pas corrigées.\n"
    )
    lines = [line for line in result.stdout.splitlines() if "Formations du Littoral" in line]
    assert len(lines) == 2
    assert (
        "b-broken" in lines[0] and "en erreur" in lines[0] and "1 erreur : lancez qnc" in lines[0]
    )
    assert "a-sound" in lines[1] and "bloquée" in lines[1]
    narrow = run_main("status", ".", "--today", "2026-03-20", cwd=tmp_path, env={"COLUMNS": "80"})
    assert "Formations du Littoral — en erreur\n   Dossier : b-broken\n   À faire : 1 erreur" in (
        narrow.stdout
    )
    data = json.loads(
        run_main("status", ".", "--format", "json", "--today", "2026-03-20", cwd=tmp_path).stdout
    )
    assert [a["chemin"] for a in data["audits"]] == ["a-sound"]
    assert data["audits_en_erreur"] == [
        {"chemin": "b-broken", "dossier": "b-broken", "organisme": "Formations du Littoral",
         "siret": None, "type": "surveillance", "debut": "2026-03-09", "fin": None,
         "erreurs": 1}
    ]  # fmt: skip


def test_portfolio_whose_audits_are_all_broken_is_refused(run_main, write_audit,
                                                          tmp_path: Path) -> None:  # fmt: skip
    """Nothing sound to show: refused as a single broken audit is, nothing on stdout."""
    write_audit(None, {"NC-01.yaml": "x"}, name="a")
    write_audit(LATE_AUDIT, {"NC-01.yaml": "id: NC-01\n"}, name="b")
    result = run_main("status", ".", "--today", "2026-03-20", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith("Corrigez d'abord ces erreurs (qnc check les liste aussi).\n")


def test_no_color_and_pipe_have_no_escape_codes(run_main) -> None:
    """Piped or with NO_COLOR, the output has no ANSI escape: the words carry the meaning."""
    result = run_main("status", str(EXAMPLE), "--today", MID_WAY, env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout
    assert "dans 28 jours" in result.stdout


def test_status_help_is_french(run_main) -> None:
    """--help of status is in French and lists the shared options."""
    result = run_main("status", "--help")
    assert result.exit_code == 0
    for text in (
        "Utilisation : qnc status",
        "--today",
        "--lang",
        "--explain",
        "--detail",
        "Montre où en est un audit",
    ):
        assert text in result.stdout


def test_actions_to_chase_name_owners(run_main) -> None:
    """Who owes what: late or near actions with their owner, nearest first, in both outputs."""
    result = run_main("status", str(EXAMPLE), "--today", "2026-12-10", env={"COLUMNS": "200"})
    assert (
        "Actions à relancer (en retard ou bientôt dues)\n"
        "- NC-01 A2 — Claire Fabre — 04/12/2026 (6 jours de retard) — Rédiger la procédure "
        "« Évaluation des acquis » et l'intégrer au livret formateur\n"
        "- NC-02 A2 — Julien Moreau — 15/12/2026 (dans 5 jours) — Ajouter au calendrier qualité "
        "une relecture semestrielle des fiches formation\n"
    ) in result.stdout
    payload = json.loads(
        run_main("status", str(EXAMPLE), "--today", "2026-12-10", "--format", "json").stdout
    )
    first = payload["audits"][0]["non_conformites"][0]
    assert first["relances"] == [
        {"action": "A2", "description": "Rédiger la procédure « Évaluation des acquis » et "
         "l'intégrer au livret formateur", "responsable": ["Claire Fabre"],
         "echeance": "2026-12-04", "jours_restants": -6, "statut": "depassee"},
    ]  # fmt: skip


def test_certificate_end_is_shown(run_main, write_audit) -> None:
    """With a certificate, the header says until when it is valid, or that it expired."""
    folder = write_audit(LATE_AUDIT + "certificat:\n  obtenu_le: 2024-05-02\n")
    valid = run_main("status", str(folder), "--today", "2026-04-01", env={"COLUMNS": "120"})
    assert "Certificat : valable jusqu'au 1er mai 2027" in valid.stdout
    expired = run_main("status", str(folder), "--today", "2027-05-02", env={"COLUMNS": "120"})
    assert "Certificat : expiré le 1er mai 2027" in expired.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_that_cannot_be_written_is_a_message() -> None:
    """A full disk on stdout gives a message and exit 1, never a traceback."""
    with Path("/dev/full").open("w") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "qnc", "status", str(EXAMPLE), "--today", MID_WAY],
            stdout=sink, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "qnc: impossible d'écrire la sortie : plus de place sur le disque\n"


def major_audit(notification: str) -> str:
    """The minimal audit with its notification on ``notification``."""
    return LATE_AUDIT.replace("notification: 2026-03-12", f"notification: {notification}")


def test_portfolio_blocked_audits_nearest_due_first(run_main, write_audit, tmp_path: Path) -> None:
    """Two `bloquee` audits: the one due on 10 June comes before the one due on 12 June."""
    write_audit(major_audit("2026-03-12"), {"NC-01.yaml": MAJOR}, name="a-due-12-june")
    write_audit(major_audit("2026-03-10"), {"NC-01.yaml": MAJOR}, name="b-due-10-june")
    result = run_main("status", str(tmp_path), "--today", "2026-03-20", "--format", "json")
    assert result.exit_code == 0
    assert [
        (Path(a["chemin"]).name, a["verdict"], a["echeance_bloquante"]["date"])
        for a in json.loads(result.stdout)["audits"]
    ] == [("b-due-10-june", "bloquee", "2026-06-10"), ("a-due-12-june", "bloquee", "2026-06-12")]


def test_portfolio_waiting_for_the_certifier_comes_after_what_is_owed(
    run_main, write_audit, tmp_path: Path
) -> None:
    """Two `bloquee` audits: one whose proof is sent and whose certifier's decision is
    16 days late, one whose organisation owes its proof in 3 weeks. The one that owes
    comes first; the other's date is labelled as the certifier's decision."""
    sent = MAJOR + "preuves_envoyees_le: 2026-06-01\n"
    write_audit(major_audit("2026-03-12"), {"NC-01.yaml": sent}, name="a-waits-for-decision")
    write_audit(major_audit("2026-05-20"), {"NC-01.yaml": MAJOR}, name="b-owes-proof")
    result = run_main("status", ".", "--today", "2026-07-28", cwd=tmp_path,
                      env={"COLUMNS": "200"})  # fmt: skip
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if "Littoral" in line]
    assert ["b-owes-proof" in rows[0], "a-waits-for-decision" in rows[1]] == [True, True]
    assert "12/07/2026 (NC-01, décision du" in rows[1]
    assert "attendue depuis 16 jours" in rows[1] and "retard" not in rows[1]
    assert "20/08/2026 (NC-01)" in rows[0]


def test_nc_carried_over_to_the_next_audit_is_closed_in_the_old_one(
    run_main, write_audit, tmp_path: Path
) -> None:
    """NC-03 of the initial audit, still open, is taken over by NC-01 of the surveillance
    audit (origine): read together, the old one is closed as carried over on the new
    notification, no longer late nor chased; read alone, it stays open."""
    old_nc = (
        "id: NC-03\nindicateur: 12\ngravite: mineure\nconstat: x\n"
        "actions:\n  - id: A1\n    responsable: Léa Roux\n    echeance: 2026-04-30\n"
    )
    old = write_audit(major_audit("2026-03-12"), {"NC-03.yaml": old_nc}, name="a-initial")
    new_nc = (
        MAJOR.replace("indicateur: 11", "indicateur: 12").replace(
            "echeance: 2026-06-01",
            "echeance: 2027-03-01",  # due after this audit
        )
        + "origine: ../a-initial/nc/NC-03.yaml\n"
    )
    new_audit = major_audit("2027-01-10").replace("debut: 2026-03-09", "debut: 2027-01-05")
    write_audit(new_audit, {"NC-01.yaml": new_nc}, name="b-surveillance")
    result = run_main("status", ".", "--format", "json", "--today", "2027-01-20", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    audits = {Path(a["chemin"]).name: a for a in json.loads(result.stdout)["audits"]}
    (carried,) = audits["a-initial"]["non_conformites"]
    assert (carried["levee"], carried["reprise"], carried["relances"]) == (False, True, [])
    assert (audits["a-initial"]["verdict"], audits["a-initial"]["motif"]) == (
        "soldee",
        "toutes les non-conformités sont levées ou reprises par un audit suivant",
    )
    detail = run_main("status", ".", "--detail", "--all", "--today", "2027-01-20", cwd=tmp_path,
                      env={"COLUMNS": "80"})  # fmt: skip
    assert "1. NC-03 — mineure — reprise le 10 janvier 2027\n" in detail.stdout
    alone = run_main("status", str(old), "--format", "json", "--today", "2027-01-20")
    assert json.loads(alone.stdout)["audits"][0]["non_conformites"][0]["reprise"] is False
    assert [s["statut"] for s in carried["etapes"]] == ["depassee", "depassee"]  # not "met"
    check = run_main("check", ".", "--today", "2027-01-20", cwd=tmp_path)
    assert "a-initial/nc/NC-03.yaml" not in check.stderr  # not late: followed in b


def test_origine_only_carries_from_a_later_audit(run_main, write_audit, tmp_path: Path) -> None:
    """An old NC naming a newer audit's NC as origine closes nothing; an origine inside
    the same audit is an error of check."""
    open_nc = "id: NC-02\nindicateur: 1\ngravite: mineure\nconstat: x\n"
    backwards = open_nc + "origine: ../new/nc/NC-02.yaml\n"
    write_audit(major_audit("2026-03-12"), {"NC-02.yaml": backwards}, name="old")
    write_audit(major_audit("2027-01-10"), {"NC-02.yaml": open_nc}, name="new")
    result = run_main("status", ".", "--format", "json", "--today", "2027-01-20", cwd=tmp_path)
    reprises = [nc["reprise"] for a in json.loads(result.stdout)["audits"]
                for nc in a["non_conformites"]]  # fmt: skip
    assert reprises == [False, False]
    same = write_audit(ncs={"NC-01.yaml": open_nc.replace("NC-02", "NC-01")
                            + "origine: nc/NC-01.yaml\n"}, name="same")  # fmt: skip
    check = run_main("check", str(same), "--today", "2026-03-20")
    assert check.exit_code == 1
    assert "« nc/NC-01.yaml » est dans cet audit : « origine » désigne la même NC" in check.stderr


def test_portfolio_lists_nc_files_that_belong_to_no_audit(run_main, write_audit,
                                                          tmp_path: Path) -> None:  # fmt: skip
    """An nc/ folder without audit.yaml beside a sound audit: the audit is shown, the
    folder listed among the audits in error (JSON too), exit 1."""
    write_audit(LATE_AUDIT, {"NC-01.yaml": MAJOR}, name="sound")
    write_audit(None, {"NC-01.yaml": MAJOR}, name="orphan")
    result = run_main("status", ".", "--format", "json", "--today", "2026-03-20", cwd=tmp_path)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [a["chemin"] for a in data["audits"]] == ["sound"]
    assert data["audits_en_erreur"] == [
        {
            "chemin": "orphan",
            "dossier": "orphan",
            "organisme": None,
            "siret": None,
            "type": None,
            "debut": None,
            "fin": None,
            "erreurs": 1,
        }
    ]
    narrow = run_main("status", ".", "--today", "2026-03-20", cwd=tmp_path, env={"COLUMNS": "80"})
    assert "\norphan — en erreur\n" in narrow.stdout


def test_portfolio_lists_the_actions_to_chase_of_every_audit(run_main, tmp_path: Path) -> None:
    """Who owes what across the portfolio: the late or near actions of every audit, nearest
    first, each with its organisation and folder; with --detail each audit lists its own."""
    for name in ("client-a", "client-b"):
        shutil.copytree(EXAMPLE, tmp_path / name)
    result = run_main("status", ".", "--today", "2026-12-10", cwd=tmp_path,
                      env={"COLUMNS": "250"})  # fmt: skip
    chase = result.stdout.split("Actions à relancer (en retard ou bientôt dues)\n", 1)[1]
    assert [line.split(" — ")[:3] for line in chase.splitlines() if line.startswith("- ")] == [
        ["- Atelier Formation Sud-Ouest (client-a)", "NC-01 A2", "Claire Fabre"],
        ["- Atelier Formation Sud-Ouest (client-b)", "NC-01 A2", "Claire Fabre"],
        ["- Atelier Formation Sud-Ouest (client-a)", "NC-02 A2", "Julien Moreau"],
        ["- Atelier Formation Sud-Ouest (client-b)", "NC-02 A2", "Julien Moreau"],
    ]
    detail = run_main("status", ".", "--detail", "--today", "2026-12-10", cwd=tmp_path)
    assert "(client-a) — NC-01" not in detail.stdout


def test_portfolio_blocked_before_in_progress(run_main, write_audit, tmp_path: Path) -> None:
    """A `bloquee` audit comes before an `en_cours` one, even one with a nearer due date."""
    write_audit(name="a-minor")  # plan of its minor NC due on 11 April
    write_audit(LATE_AUDIT, {"NC-01.yaml": MAJOR}, name="b-major")  # correction due 12 June
    result = run_main("status", str(tmp_path), "--today", "2026-03-20", "--format", "json")
    assert result.exit_code == 0
    assert [
        (Path(a["chemin"]).name, a["verdict"]) for a in json.loads(result.stdout)["audits"]
    ] == [
        ("b-major", "bloquee"),
        ("a-minor", "en_cours"),
    ]


def five_minors() -> dict[str, str]:
    """Five minor NCs whose plans are sent: next, their implementation on 12 September."""
    return {
        f"NC-0{i}.yaml": (
            f"id: NC-0{i}\nindicateur: {indicator}\ngravite: mineure\nconstat: x\n"
            "plan_envoye_le: 2026-04-01\nanalyse_causes: y\n"
        )
        for i, indicator in enumerate((1, 2, 8, 9, 12), start=1)
    }


def test_five_minors_nearest_blocking_date_is_under_5(run_main, write_audit,
                                                       tmp_path: Path) -> None:  # fmt: skip
    """5 open minors must be under 5 by 12 June (N + 3 months): that is the nearest
    blocking date in the header, the JSON and the portfolio order, not 12 September."""
    write_audit(major_audit("2026-03-12"), five_minors(), name="a-five-minors")
    write_audit(major_audit("2026-03-20"), {"NC-01.yaml": MAJOR}, name="b-major-20-june")
    result = run_main("status", str(tmp_path / "a-five-minors"), "--today", "2026-05-01")
    assert result.exit_code == 0
    assert (
        "Échéance bloquante la plus proche : 12 juin 2026, NC mineures à faire passer sous 5 "
        "(dans 42 jours)" in (flat(result.stdout))
    )
    result = run_main("status", str(tmp_path), "--today", "2026-05-01", "--format", "json")
    assert result.exit_code == 0
    audits = json.loads(result.stdout)["audits"]
    assert [(Path(a["chemin"]).name, a["echeance_bloquante"]) for a in audits] == [
        (
            "a-five-minors",
            {"id": None, "etape": "correction", "date": "2026-06-12", "jours_restants": 42},
        ),
        (
            "b-major-20-june",
            {"id": "NC-01", "etape": "correction", "date": "2026-06-20", "jours_restants": 50},
        ),
    ]
    table = run_main("status", str(tmp_path), "--today", "2026-05-01", env={"COLUMNS": "160"})
    rows = table.stdout.split("a-five-minors", 1)[1].split("b-major-20-june")[0]
    assert "12/06/2026 (NC" in rows and "passer sous 5)" in rows


LIFTED_WITH_LATE_ACTION = """\
id: NC-01
indicateur: 12
gravite: mineure
constat: Absences non suivies.
levee_le: 2026-03-19
actions:
  - id: A1
    responsable: Marie Dupont
    echeance: 2026-03-15
"""


def test_lifted_nc_has_no_late_action(run_main, write_audit) -> None:
    """Once the NC is lifted, an undone action past its due date is neither late nor chased."""
    folder = write_audit(ncs={"NC-01.yaml": LIFTED_WITH_LATE_ACTION})
    result = run_main("status", str(folder), "--today", "2026-03-20", "--format", "json")
    assert result.exit_code == 0
    (nc,) = json.loads(result.stdout)["audits"][0]["non_conformites"]
    assert (nc["levee"], nc["actions"], nc["relances"]) == (
        True,
        {"total": 1, "faites": 0, "en_retard": 0},
        [],
    )
    table = run_main("status", str(folder), "--today", "2026-03-20", env={"COLUMNS": "120"})
    assert table.exit_code == 0
    assert "Actions à relancer" not in table.stdout


def test_status_json_has_exactly_the_documented_keys(run_main) -> None:
    """An audit and an NC carry the §3.1 keys, no more and no fewer."""
    result = run_main("status", str(EXAMPLE), "--today", MID_WAY, "--format", "json")
    (audit,) = json.loads(result.stdout)["audits"]
    assert set(audit) == {
        "certificat", "chemin", "cloture", "echeance_bloquante", "informations", "motif",
        "non_conformites", "notification", "notification_par_defaut", "organisme",
        "prochain_audit", "referentiel", "type", "verdict",
    }  # fmt: skip
    assert {frozenset(nc) for nc in audit["non_conformites"]} == {
        frozenset({"a_enregistrer", "actions", "etapes", "explication", "fichier", "gravite",
                   "id", "indicateur", "levee", "nouvel_entrant", "origine", "rang",
                   "recurrente", "relances", "reprise", "reprise_par", "suspension"}),
    }  # fmt: skip


def test_status_json_paths_relative_to_the_current_folder(run_main) -> None:
    """Run from the repository root, 'chemin' and 'fichier' are the relative paths given."""
    result = run_main(
        "status", "examples/2026-09-audit-initial", "--today", MID_WAY, "--format", "json",
        cwd=ROOT,
    )  # fmt: skip
    (audit,) = json.loads(result.stdout)["audits"]
    assert audit["chemin"] == "examples/2026-09-audit-initial"
    assert audit["non_conformites"][0]["fichier"] == "examples/2026-09-audit-initial/nc/NC-01.yaml"


def test_status_json_chases_actions_due_soon(run_main) -> None:
    """On 10 December, NC-02's A2, due on 15 December (5 days), is to chase: `proche`."""
    result = run_main("status", str(EXAMPLE), "--today", "2026-12-10", "--format", "json")
    ncs = {nc["id"]: nc for nc in json.loads(result.stdout)["audits"][0]["non_conformites"]}
    assert ncs["NC-02"]["relances"] == [
        {"action": "A2", "description": "Ajouter au calendrier qualité une relecture "
         "semestrielle des fiches formation", "responsable": ["Julien Moreau"],
         "echeance": "2026-12-15", "jours_restants": 5, "statut": "proche"},
    ]  # fmt: skip


def test_status_json_not_lifted_before_its_day(run_main, write_audit, nc_text: str) -> None:
    """'levee' is false when levee_le comes after --today: the lift has not happened yet."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "levee_le: 2026-03-25\n"})
    before = run_main("status", str(folder), "--today", "2026-03-20", "--format", "json")
    after = run_main("status", str(folder), "--today", "2026-03-25", "--format", "json")
    assert [
        json.loads(r.stdout)["audits"][0]["non_conformites"][0]["levee"] for r in (before, after)
    ] == [False, True]


def test_actions_to_chase_in_date_order_not_rank_order(run_main, write_audit, nc_text: str) -> None:
    """NC-01 ranks first, but NC-02's action is due sooner: it is chased first."""
    action = "actions:\n  - id: A1\n    responsable: {owner}\n    echeance: {due}\n"
    blocking = nc_text.replace(
        "indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure"
    )
    folder = write_audit(
        ncs={
            "NC-01.yaml": blocking + action.format(owner="Marie Dupont", due="2026-03-30"),
            "NC-02.yaml": nc_text.replace("NC-01", "NC-02").replace("12", "1")
            + action.format(owner="Paul Martin", due="2026-03-25"),
        }
    )
    result = run_main("status", str(folder), "--today", "2026-03-20", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "\n1  NC-01  11 " in result.stdout and "\n2  NC-02  1 " in result.stdout
    assert (
        "Actions à relancer (en retard ou bientôt dues)\n"
        "- NC-02 A1 — Paul Martin — 25/03/2026 (dans 5 jours)\n"
        "- NC-01 A1 — Marie Dupont — 30/03/2026 (dans 10 jours)\n"
    ) in result.stdout


def test_no_color_wins_over_force_color(run_main) -> None:
    """NO_COLOR with FORCE_COLOR=1 (a forced terminal): bold stays, no colour code is sent."""
    forced = run_main("status", str(EXAMPLE), "--today", MID_WAY, env={"FORCE_COLOR": "1"})
    assert "\x1b[1;33mBLOQUÉE\x1b[0m" in forced.stdout
    plain = run_main(
        "status", str(EXAMPLE), "--today", MID_WAY, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert set(re.findall(r"\x1b\[[0-9;]*m", plain.stdout)) == {"\x1b[0m", "\x1b[1m"}


def test_piped_output_is_120_columns_wide(run_main) -> None:
    """Piped, without COLUMNS: 120 columns, so the NC table is a table, not wrapped at 80."""
    result = run_main("status", str(EXAMPLE), "--today", MID_WAY)
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) == 120
    assert (
        "#  NC     Indicateur           Gravité  État                  Prochaine étape    "
        "Échéance    Reste       Actions  Retard"
    ) in lines
    assert "4  NC-04  19 Mise à disposit…  mineure  ouverte, plan tardif  plan mis en" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("today", "stderr"),
    [
        (
            "2026-11-18",
            "9 faits sont datés après le 18 novembre 2026 : ils ne comptent pas encore "
            "(« qnc check » les montre).\n",
        ),
        (
            "2026-10-20",
            "13 faits sont datés après le 20 octobre 2026 : ils ne comptent pas encore "
            "(« qnc check » les montre).\n1 avertissement : lancez « qnc check » pour le voir.\n",
        ),
        (MID_WAY, FACTS_TO_COME),
    ],
    ids=["facts", "facts-and-one", "mid-way"],
)
def test_status_counts_warnings_on_stderr(run_main, today: str, stderr: str) -> None:
    """Warnings do not stop status: it only says how many there are, and where to see them;
    facts dated after the day asked for (the example goes on to 2028) are told apart."""
    result = run_main("status", str(EXAMPLE), "--today", today)
    assert (result.exit_code, result.stderr) == (0, stderr)
    assert result.stdout.startswith("╭")


def test_portfolio_explain_shows_each_audit(run_main, write_audit, tmp_path: Path) -> None:
    """--explain on a folder of audits lists each audit's NCs with the reasons of their order."""
    write_audit(name="b-ok")
    write_audit(LATE_AUDIT, {"NC-01.yaml": MAJOR}, name="a-late")
    result = run_main(
        "status", str(tmp_path), "--today", "2026-06-15", "--explain", env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0
    assert result.stdout.count("Non-conformités, par ordre de priorité") == 2
    assert result.stdout.count("Pourquoi cet ordre") == 2


def test_minor_with_every_step_met_waits_for_the_certifier(run_main, write_audit) -> None:
    """Plan sent and every action done: the next step is the certifier's lift, said in
    words (as the plan says it), not '—'."""
    nc = (
        "id: NC-01\nindicateur: 12\ngravite: mineure\nconstat: x\nanalyse_causes: y\n"
        "plan_envoye_le: 2026-03-30\nactions:\n  - id: A1\n    responsable: Marie Dupont\n"
        "    echeance: 2026-04-15\n    fait_le: 2026-04-10\n"
    )
    folder = write_audit(ncs={"NC-01.yaml": nc})
    narrow = run_main("status", str(folder), "--today", "2026-04-20", env={"COLUMNS": "80"})
    assert "Prochaine étape : en attente de la levée par le certificateur Actions" in flat(
        narrow.stdout
    )
    wide = run_main("status", str(folder), "--today", "2026-04-20", "--explain",
                    env={"COLUMNS": "160"})  # fmt: skip
    assert "en attente de la levée par le certificateur" in wide.stdout
    assert "1. NC-01 — NC mineure, ne bloque pas le certificat ; toutes les étapes sont " in (
        wide.stdout
    )


def test_terminal_cuts_a_long_text(run_main, write_audit, nc_text: str) -> None:
    """The terminal is a summary: a 5,000-character description of an action to chase is
    shown up to 200 characters (the plan has it whole)."""
    action = (
        "actions:\n  - id: A1\n    responsable: Marie\n    echeance: 2026-03-25\n"
        f"    description: {'mot ' * 1250}\n"
    )
    write_audit(ncs={"NC-01.yaml": nc_text + action})
    result = run_main("status", "audit", "--today", "2026-03-20", env={"COLUMNS": "100000"})
    chase = next(line for line in result.stdout.splitlines() if line.startswith("- NC-01 A1"))
    assert chase == "- NC-01 A1 — Marie — 25/03/2026 (dans 5 jours) — " + ("mot " * 50)[:199] + "…"
