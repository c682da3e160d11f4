"""`qnc historique`, and the cycle as status shows it: the example organisation's initial
audit (September 2026) and its surveillance audit (March 2028), which takes over NC-04."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

INITIAL = "examples/2026-09-audit-initial"
SURVEILLANCE = "examples/2028-03-audit-surveillance"
DAY = "2028-04-20"


def flat(text: str) -> str:
    """Terminal text without panel borders and line wrapping, to find whole sentences."""
    return " ".join(text.replace("│", " ").split())


def test_history_of_the_example_organisation(run_main: Any) -> None:
    """Given only the surveillance audit, its 'precedent' is read too: both audits in
    order, what became of each NC, the certificate and the renewal to come."""
    result = run_main("historique", SURVEILLANCE, "--today", DAY, cwd=ROOT,
                      env={"COLUMNS": "400"})  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Atelier Formation Sud-Ouest — SIRET 83214560100015",
        "Certificat : obtenu le 8 janvier 2027, valable jusqu'au 7 janvier 2030",
        "Prochain audit : audit de renouvellement avant le 7 janvier 2030, conseillé d'ici le "
        "7 septembre 2029 (4 mois avant : le temps de corriger et de vérifier une NC majeure)",
        "",
    ]
    assert lines[4:12] == [
        "1. audit initial les 14 et 15 septembre 2026 — examples/2026-09-audit-initial",
        "   Verdict : soldée — toutes les non-conformités sont levées ou reprises par un audit "
        "suivant",
        "   Clos : le 17 mars 2028 par l'audit de surveillance du 14 mars 2028",
        "   - NC-01 — indicateur 11 — majeure — levée le 6 janvier 2027",
        "   - NC-02 — indicateur 1 — mineure — levée le 14 mars 2028",
        "   - NC-03 — indicateur 12 — mineure — levée le 14 mars 2028",
        "   - NC-04 — indicateur 19 — mineure — reprise le 17 mars 2028",
        "     NC-04 : reprise le 17 mars 2028 par l'audit de surveillance du 14 mars 2028, où "
        "elle est suivie",
    ]
    current = "\n".join(lines[13:])
    assert current.startswith(
        "2. audit de surveillance le 14 mars 2028 — examples/2028-03-audit-surveillance — "
        "audit en cours\n   Verdict : bloquée — "
    )
    assert (
        "   - NC-01 — indicateur 19 — majeure — bloquante\n"
        "     NC-01 reprend NC-04 de l'audit initial du 14 septembre 2026, NC mineure non levée "
        "à cet audit, donc majeure ici\n"
        "     NC-01 : l'indicateur 19 avait déjà une NC à l'audit initial du 14 septembre 2026 "
        "(NC-04) : une NC à deux audits de suite, que les auditeurs regardent en premier\n"
        "     NC-01 : sans les preuves d'ici le 17 juin 2028, le certificat peut être suspendu à "
        "partir du 18 juin 2028, puis retiré à partir du 18 septembre 2028 si la NC n'est "
        "toujours pas levée (pratique des certificateurs)\n"
        "   - NC-02 — indicateur 30 — mineure — ouverte\n"
    ) in current


def test_history_json(run_main: Any) -> None:
    """Each organisation with its certificate and next audit; its audits first held first,
    each as status gives it, the current one marked."""
    result = run_main("historique", SURVEILLANCE, "--today", DAY, "--format", "json", cwd=ROOT)
    payload = json.loads(result.stdout)
    assert (payload["aujourdhui"], payload["audits_en_erreur"]) == (DAY, [])
    (story,) = payload["organismes"]
    assert {k: v for k, v in story.items() if k != "audits"} == {
        "organisme": "Atelier Formation Sud-Ouest",
        "siret": "83214560100015",
        "certificat": {"obtenu_le": "2027-01-08", "fin": "2030-01-07"},
        "prochain_audit": {"type": "renouvellement", "du": None, "au": "2030-01-07",
                           "conseille_avant": "2029-09-07", "prevu_le": None},
    }  # fmt: skip
    initial, surveillance = story["audits"]
    assert (initial["chemin"], initial["actuel"], initial["verdict"], initial["cloture"]) == (
        INITIAL, False, "soldee", {"par": SURVEILLANCE, "date": "2028-03-17"})  # fmt: skip
    carried = next(nc for nc in initial["non_conformites"] if nc["id"] == "NC-04")
    assert (carried["reprise"], carried["reprise_par"]) == (True, f"{SURVEILLANCE}/nc/NC-01.yaml")
    assert (surveillance["actuel"], surveillance["cloture"]) == (True, None)
    taker = surveillance["non_conformites"][0]
    origin = {"fichier": f"{INITIAL}/nc/NC-04.yaml", "id": "NC-04", "gravite": "mineure",
              "audit": INITIAL}  # fmt: skip
    assert (taker["id"], taker["origine"], taker["recurrente"]) == ("NC-01", origin, origin)
    assert taker["suspension"] == {"echeance": "2028-06-17", "suspension": "2028-06-18",
                                   "retrait": "2028-09-18"}  # fmt: skip


def test_history_help_is_french_with_an_example(run_main: Any) -> None:
    """qnc historique --help says what it tells, in French, with an example."""
    result = run_main("historique", "--help")
    assert result.exit_code == 0
    assert "Retrace l'histoire de chaque organisme" in flat(result.stdout)
    assert "\n  Exemple :\n    qnc historique examples/2028-03-audit-surveillance\n" in (
        result.stdout)  # fmt: skip


def test_status_folds_the_closed_audit(run_main: Any) -> None:
    """Both audits given: the current one in full, the closed one folded and said so;
    --all lists both, the closed one closed by the other."""
    result = run_main("status", INITIAL, SURVEILLANCE, "--today", DAY, cwd=ROOT,
                      env={"COLUMNS": "120"})  # fmt: skip
    text = flat(result.stdout)
    assert result.exit_code == 0
    assert "Dossier : examples/2028-03-audit-surveillance" in text
    assert "Prochain audit : audit de renouvellement avant le 7 janvier 2030" in text
    assert "Dossier : examples/2026-09-audit-initial" not in text
    assert text.endswith(
        "1 audit antérieur, clos par un audit suivant de son organisme, est replié : --all "
        "l'affiche, qnc historique retrace l'histoire de chaque organisme."
    )
    every = run_main("status", INITIAL, SURVEILLANCE, "--today", DAY, "--all", "--detail",
                     cwd=ROOT, env={"COLUMNS": "160"})  # fmt: skip
    text = flat(every.stdout)
    assert "Clos : le 17 mars 2028 par l'audit de surveillance du 14 mars 2028" in text
    assert "replié" not in text


def test_status_block_between_audits(run_main: Any) -> None:
    """The surveillance audit's block lists the NC taken over, the recurrence and the
    suspension and withdrawal days."""
    result = run_main("status", SURVEILLANCE, "--today", DAY, cwd=ROOT, env={"COLUMNS": "120"})
    block = flat(result.stdout.split("D'un audit à l'autre\n", 1)[1])
    assert block.startswith(
        "- NC-01 reprend NC-04 de l'audit initial du 14 septembre 2026, NC mineure non levée à "
        "cet audit, donc majeure ici - NC-01 : l'indicateur 19 avait déjà une NC"
    )
    assert ("peut être suspendu à partir du 18 juin 2028, puis retiré à partir du "
            "18 septembre 2028") in block  # fmt: skip
    late = run_main("status", SURVEILLANCE, "--today", "2028-06-18", cwd=ROOT,
                    env={"COLUMNS": "120"})  # fmt: skip
    assert (
        "NC-01 : les preuves étaient dues le 17 juin 2028 : le certificat peut être suspendu "
        "depuis le 18 juin 2028, puis retiré à partir du 18 septembre 2028"
    ) in flat(late.stdout)


def test_the_plan_says_what_the_nc_takes_over_and_what_it_costs(run_main: Any) -> None:
    """The certifier's plan says which NC of the initial audit NC-01 takes over; the
    working view adds the recurrence and the suspension and withdrawal days."""
    sent = run_main("plan", SURVEILLANCE, "--today", DAY, cwd=ROOT)
    taken = "- NC-01 reprend NC-04 de l'audit initial du 14 septembre 2026, NC mineure non levée"
    assert sent.exit_code == 0
    assert taken in sent.stdout and "suspendu" not in sent.stdout
    working = run_main("plan", SURVEILLANCE, "--today", DAY, "--interne", cwd=ROOT)
    assert taken in working.stdout
    assert (
        "- NC-01 : sans les preuves d'ici le 17 juin 2028, le certificat peut être suspendu à "
        "partir du 18 juin 2028, puis retiré à partir du 18 septembre 2028 si la NC n'est "
        "toujours pas levée (pratique des certificateurs)\n"
    ) in working.stdout


SURVEILLANCE_AUDIT = """\
organisme:
  nom: Formations du Littoral
  categories: [AF]
certificateur:
  nom: Certif Exemple
audit:
  type: surveillance
  debut: 2027-06-01
  notification: 2027-06-04
certificat:
  obtenu_le: 2026-04-02
"""


def test_recurrence_without_origine(run_main: Any, write_audit: Any, nc_text: str,
                                    tmp_path: Path) -> None:  # fmt: skip
    """Indicator 12 had an NC at the initial audit (lifted) and has one again at the
    surveillance audit: a recurrence, though nothing is taken over."""
    write_audit(ncs={"NC-01.yaml": nc_text + "levee_le: 2026-09-01\n"}, name="initial")
    write_audit(SURVEILLANCE_AUDIT, {"NC-01.yaml": nc_text}, name="surveillance")
    result = run_main("status", ".", "--format", "json", "--today", "2027-06-10", cwd=tmp_path)
    audits = {a["chemin"]: a for a in json.loads(result.stdout)["audits"]}
    (again,) = audits["surveillance"]["non_conformites"]
    assert (again["origine"], again["recurrente"]) == (
        None, {"fichier": "initial/nc/NC-01.yaml", "id": "NC-01", "gravite": "mineure",
               "audit": "initial"})  # fmt: skip


def test_new_entrant_initial_audit(run_main: Any, write_audit: Any, audit_text: str,
                                   nc_text: str) -> None:  # fmt: skip
    """New in CFA only: an NC on indicator 14 (CFA, new-entrant) is about the written
    process; one on indicator 12 (not a new-entrant indicator) is not; the next audit
    checks the use of the new-entrant indicators of CFA."""
    audit = audit_text.replace("[AF]", "[AF, CFA]\n  nouvel_entrant: [CFA]")
    fourteen = nc_text.replace("NC-01", "NC-02").replace(
        "indicateur: 12\ngravite: mineure", "indicateur: 14\ngravite: majeure")  # fmt: skip
    folder = write_audit(audit, {"NC-01.yaml": nc_text, "NC-02.yaml": fourteen})
    result = run_main("status", str(folder), "--format", "json", "--today", "2026-03-20")
    (entry,) = json.loads(result.stdout)["audits"]
    flags = {nc["id"]: nc["nouvel_entrant"] for nc in entry["non_conformites"]}
    assert flags == {"NC-01": False, "NC-02": True}
    assert entry["informations"] == [
        "NC-02 : nouvel entrant : à cet audit, seul le processus écrit de l'indicateur 14 est "
        "audité ; sa mise en œuvre sera vérifiée à l'audit de surveillance"
    ]
    certified = write_audit(audit + "certificat:\n  obtenu_le: 2026-04-02\n", {}, name="c")
    table = run_main("status", str(certified), "--today", "2026-04-10", env={"COLUMNS": "200"})
    assert (
        "Prochain audit : audit de surveillance du 2 juin 2027 au 2 février 2028 ; nouvel "
        "entrant : tous les indicateurs sont audités, et la mise en œuvre des indicateurs 2, 3, "
        "11, 13, 14, 19, 22, 24, 25, 26, 32"
    ) in flat(table.stdout)


def test_surveillance_window_passed_is_said(run_main: Any, write_audit: Any,
                                            audit_text: str) -> None:  # fmt: skip
    """Certified on 2 April 2026 and no surveillance audit by 3 February 2028: the
    window (2 June 2027 to 2 February 2028) has passed."""
    folder = write_audit(audit_text + "certificat:\n  obtenu_le: 2026-04-02\n", {})
    result = run_main("status", str(folder), "--today", "2028-02-03", env={"COLUMNS": "200"})
    assert (
        "Prochain audit : audit de surveillance du 2 juin 2027 au 2 février 2028 : cette "
        "période est passée"
    ) in flat(result.stdout)


def test_history_in_a_narrow_terminal_keeps_indents(run_main: Any) -> None:
    """At 80 columns no line is longer, and a wrapped note stays under its NC."""
    result = run_main("historique", SURVEILLANCE, "--today", DAY, cwd=ROOT,
                      env={"COLUMNS": "80"})  # fmt: skip
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    note = "     NC-04 : reprise le 17 mars 2028 par l'audit de surveillance du 14 mars"
    start = lines.index(note)
    assert lines[start + 1] == "     2028, où elle est suivie"


def test_the_plan_gives_the_certificate_of_an_earlier_audit(
    run_main: Any, write_audit: Any, audit_text: str, tmp_path: Path
) -> None:
    """The certificate recorded in the initial audit is the one the surveillance audit's
    plan names (read through 'precedent')."""
    write_audit(audit_text + "certificat:\n  obtenu_le: 2026-04-02\n", {}, name="initial")
    later = SURVEILLANCE_AUDIT.replace("certificat:\n  obtenu_le: 2026-04-02\n",
                                       "  precedent: ../initial\n")  # fmt: skip
    folder = write_audit(later, {}, name="surveillance")
    result = run_main("plan", str(folder), "--today", "2027-06-10")
    assert "| Certificat | valable jusqu'au 1er avril 2029 |" in result.stdout


def test_history_lists_audits_in_error_like_status(
    run_main: Any, write_audit: Any, nc_text: str, tmp_path: Path
) -> None:
    """A broken audit beside a sound one: the sound one's story, the broken one listed
    with the keys of status's JSON; exit status 1."""
    write_audit(name="sound")
    write_audit(ncs={"NC-01.yaml": nc_text.replace("gravite:", "gravitee:")}, name="broken")
    result = run_main("historique", ".", "--format", "json", "--today", "2026-03-20",
                      cwd=tmp_path)  # fmt: skip
    payload = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [a["chemin"] for o in payload["organismes"] for a in o["audits"]] == ["sound"]
    assert payload["audits_en_erreur"] == [
        {"chemin": "broken", "dossier": "broken", "organisme": "Formations du Littoral",
         "siret": None, "type": "initial", "debut": "2026-03-09", "fin": "2026-03-10",
         "erreurs": 1},
    ]  # fmt: skip
