"""`qnc calendar`: an iCalendar file read back with icalendar, UIDs stable across runs."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

icalendar = pytest.importorskip("icalendar")

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
DAY = ("--today", "2026-11-20")


def events(content: str | bytes) -> dict[str, object]:
    """The events of a calendar by title, after checking it parses as RFC 5545."""
    calendar = icalendar.Calendar.from_ical(content)
    found = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT"))
    return found


def test_example_calendar_reads_back(run_main) -> None:
    """Every step and action of the example is an all-day event with French words, the
    file to edit, and a reminder 14 days ('alerte') before each step still to meet."""
    result = run_main("calendar", str(EXAMPLE), *DAY)
    assert result.exit_code == 0
    assert "erreur" not in result.stderr  # facts after the day only make a note
    calendar = icalendar.Calendar.from_ical(result.stdout)
    assert str(calendar["x-wr-calname"]) == "Échéances Qualiopi — Atelier Formation Sud-Ouest"
    found = events(result.stdout)
    assert len(found) == 16  # 4 NCs x 2 steps, 8 actions
    proof = found["NC-01 — preuves à envoyer au certificateur"]
    assert proof["dtstart"].to_ical() == b"20261218"
    assert proof["dtstart"].params["VALUE"] == "DATE"
    assert proof["dtend"].dt == date(2026, 12, 19)
    description = str(proof["description"])
    assert description.splitlines() == [
        "Atelier Formation Sud-Ouest — audit initial les 14 et 15 septembre 2026",
        "Étape : corrections faites, preuves envoyées, échéance notification "
        "(18 septembre 2026) + 3 mois",
        "État au 20 novembre 2026 : à venir (dans 28 jours)",
        f"Fichier à modifier : {EXAMPLE / 'nc' / 'NC-01.yaml'} (« preuves_envoyees_le » "
        "une fois fait)",
    ]
    (alarm,) = proof.walk("VALARM")
    assert alarm["trigger"].dt == timedelta(days=-14, hours=9)  # 4 December, 9 a.m.
    assert str(alarm["action"]) == "DISPLAY"
    assert "NC-02 — plan d'actions à mettre en œuvre" in found


def test_what_was_done_after_its_due_date_is_marked_so(run_main) -> None:
    """NC-04's plan was sent late, NC-01's action A2 done ten days late (4 -> 14 December):
    their events say '[fait en retard]'; done on time stays '[fait]'."""
    found = events(run_main("calendar", str(EXAMPLE), "--today", "2026-12-20").stdout)
    assert "[fait en retard] NC-04 — plan d'actions à envoyer au certificateur" in found
    assert [title for title in found if "NC-01 A2 —" in title] == [
        "[fait en retard] NC-01 A2 — Rédiger la procédure « Évaluation des acquis » et "
        "l'intégrer au livret formateur (Claire Fabre)"
    ]
    assert "[fait] NC-02 — plan d'actions à envoyer au certificateur" in found


def test_done_steps_and_actions_are_marked(run_main) -> None:
    """A met step and a done action keep their event, marked [fait], without reminder."""
    found = events(run_main("calendar", str(EXAMPLE), *DAY).stdout)
    sent = found["[fait] NC-02 — plan d'actions à envoyer au certificateur"]
    assert sent.walk("VALARM") == []
    done = [title for title in found if title.startswith("[fait] NC-01 A1 — Créer une grille")]
    assert done == [
        "[fait] NC-01 A1 — Créer une grille d'évaluation des acquis par module et la "
        "diffuser aux formateurs (Claire Fabre)"
    ]


def test_action_left_undone_by_a_lifted_nc_is_not_late(run_main) -> None:
    """NC-02 was lifted at the surveillance audit with its action A2 never done: the
    event says the NC is lifted, not that the action is 'dépassée'."""
    surveillance = EXAMPLES / "2028-03-audit-surveillance"
    result = run_main("calendar", str(EXAMPLE), str(surveillance), "--today", "2028-04-20")
    calendar = icalendar.Calendar.from_ical(result.stdout)
    (event,) = [e for e in calendar.walk("VEVENT") if "NC-02 A2" in str(e["summary"])]
    assert str(event["summary"]).startswith("[fait] Atelier Formation Sud-Ouest · NC-02 A2")
    assert str(event["description"]).splitlines()[3] == (
        "État au 20 avril 2028 : levée le 14 mars 2028"
    )


def uids(content: str | bytes) -> dict[str, str]:
    calendar = icalendar.Calendar.from_ical(content)
    return {str(e["summary"]).removeprefix("[fait] "): str(e["uid"])
            for e in calendar.walk("VEVENT")}  # fmt: skip


def test_uids_stay_the_same_across_runs_days_and_places(
    run_main, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs, on other days and from another folder, and a clone of the repository
    elsewhere give the same UIDs: re-importing updates events instead of duplicating."""
    for clone in ("a", "b"):
        (tmp_path / clone / ".git").mkdir(parents=True)
        shutil.copytree(EXAMPLE, tmp_path / clone / "qualiopi" / "audit")
    first = uids(run_main("calendar", "a/qualiopi", *DAY).stdout)
    later = run_main("calendar", ".", "--today", "2027-01-15", cwd=tmp_path / "b" / "qualiopi")
    # A title may change (done, done late) where its event does not: UIDs are compared.
    assert set(uids(later.stdout).values()) == set(first.values())
    assert len(set(first.values())) == 16


def test_portfolio_one_calendar_with_distinct_uids(run_main, write_audit, nc_text) -> None:
    """Two audits (same NC ids) in one calendar: titles name the organisation, no UID is
    shared."""
    write_audit(name="a")
    write_audit(name="b")
    calendar = icalendar.Calendar.from_ical(run_main("calendar", ".", *DAY).stdout)
    titles = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert titles[0] == (
        "Formations du Littoral · NC-01 — plan d'actions à envoyer au certificateur"
    )
    assert len({str(e["uid"]) for e in calendar.walk("VEVENT")}) == 4


def test_alert_in_months(run_main, write_audit, audit_text: str) -> None:
    """'alerte: 1 mois' rings a calendar month before the step: 11 March for 11 April
    (exported on 11 March, the reminder of the day is kept)."""
    write_audit(audit_text + "regles:\n  alerte: 1 mois\n")
    found = events(run_main("calendar", "audit", "--today", "2026-03-11").stdout)
    (alarm,) = found["NC-01 — plan d'actions à envoyer au certificateur"].walk("VALARM")
    assert alarm["trigger"].dt == timedelta(days=-31, hours=9)


@pytest.mark.parametrize(("today", "alarms"), [("2026-03-28", 1), ("2026-03-29", 0),
                                               ("2026-04-20", 0)])  # fmt: skip
def test_no_reminder_before_the_day_of_the_export(
    run_main, write_audit, today: str, alarms: int
) -> None:
    """The plan is due 11 April, its reminder 14 days before, on 28 March: exported on 28
    March it rings; exported later, the event stays (still to do, even late) but without
    a reminder, which calendars would raise at once as overdue."""
    write_audit()
    found = events(run_main("calendar", "audit", "--today", today).stdout)
    event = found["NC-01 — plan d'actions à envoyer au certificateur"]
    assert event["dtstart"].to_ical() == b"20260411"
    assert len(event.walk("VALARM")) == alarms


def test_out_file_is_replaced_only_while_unchanged(run_main, tmp_path: Path) -> None:
    """--out writes the file; a later export replaces it; an edited calendar or another
    file is kept unless --force."""
    out = tmp_path / "echeances.ics"
    written = run_main("calendar", str(EXAMPLE), *DAY, "--out", str(out))
    assert (written.exit_code, written.stdout) == (0, "")
    assert written.stderr.startswith("Écrit dans echeances.ics\n")
    assert len(events(out.read_bytes())) == 16
    again = run_main("calendar", str(EXAMPLE), "--today", "2026-11-27", "--out", str(out))
    assert again.exit_code == 0
    out.write_bytes(out.read_bytes().replace(b"SUMMARY:NC-01", b"SUMMARY:Moi NC-01"))
    edited = run_main("calendar", str(EXAMPLE), *DAY, "--out", str(out))
    assert (edited.exit_code, edited.stderr) == (
        1,
        f"qnc: « {out} » a été produit par qnc, puis modifié ; qnc ne le remplace pas, pour "
        "ne pas perdre ces modifications : choisissez un autre nom, ou ajoutez --force pour "
        "le remplacer\n",
    )
    mine = tmp_path / "agenda.ics"
    mine.write_text("BEGIN:VCALENDAR\r\nPRODID:-//Moi//\r\nEND:VCALENDAR\r\n")
    foreign = run_main("calendar", str(EXAMPLE), *DAY, "--out", str(mine))
    assert foreign.exit_code == 1
    assert "n'a pas été produit par qnc" in foreign.stderr
    forced = run_main("calendar", str(EXAMPLE), *DAY, "--out", str(mine), "--force")
    assert forced.exit_code == 0
    assert len(events(mine.read_bytes())) == 16


def test_help_gives_an_example(run_main) -> None:
    """French help with an example."""
    result = run_main("calendar", "--help")
    assert "Exemple : qnc calendar qualiopi/ --out echeances.ics" in result.stdout
