"""An audit with errors in a portfolio: every command names it in its own output, where
the consultant reads (a list, a spreadsheet, a calendar), not only on stderr."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

WriteAudit = Callable[..., Path]
TODAY = ("--today", "2026-04-10")
BROKEN_NC = "id: NC-01\nindicateur: 11\ngravite: majeur\nconstat: Rien.\n"
LATE = "actions:\n  - id: A1\n    responsable: Paul Martin\n    echeance: 2026-04-01\n"


@pytest.fixture
def portfolio(write_audit: WriteAudit, audit_text: str, nc_text: str, tmp_path: Path) -> Path:
    """Two clients: 'a-broken' (a typo in its major NC), 'b-sound' (one late action)."""
    write_audit(audit_text.replace("Formations du Littoral", "Atelier Nord"),
                {"NC-01.yaml": BROKEN_NC}, name="a-broken")  # fmt: skip
    write_audit(ncs={"NC-01.yaml": nc_text + LATE}, name="b-sound")
    return tmp_path


def test_reminders_text_names_the_audit_left_out_first(run_main, portfolio: Path) -> None:
    """relances: the audits left out come first, under a heading that says what to do."""
    result = run_main("relances", ".", *TODAY, cwd=portfolio)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "Relances au 10 avril 2026\n\n"
        "Audits en erreur, non traités (lancez qnc check)\n"
        "- Atelier Nord (a-broken) : 1 erreur\n\n"
        "Formations du Littoral\n"
        "======================\n\n"
        "Paul Martin (1 action)\n"
    )


def test_reminders_markdown_and_json_name_it_too(run_main, portfolio: Path) -> None:
    """Markdown: a section of its own; JSON: 'audits_en_erreur', as status gives it."""
    markdown = run_main("relances", ".", *TODAY, "--format", "markdown", cwd=portfolio)
    assert markdown.stdout.startswith(
        "# Relances au 10 avril 2026\n\n"
        "## Audits en erreur, non traités (lancez qnc check)\n\n"
        "- Atelier Nord (a-broken) : 1 erreur\n\n"
        "## Formations du Littoral\n"
    )
    payload = json.loads(run_main("relances", ".", *TODAY, "--format", "json",
                                  cwd=portfolio).stdout)  # fmt: skip
    assert payload["audits_en_erreur"] == [
        {
            "chemin": "a-broken",
            "dossier": "a-broken",
            "organisme": "Atelier Nord",
            "siret": None,
            "type": "initial",
            "debut": "2026-03-09",
            "fin": "2026-03-10",
            "erreurs": 1,
        }
    ]


def test_nothing_to_chase_still_names_the_audit_left_out(
    run_main, write_audit: WriteAudit, portfolio: Path
) -> None:
    """No action to chase among the audits read: that sentence, then the audit left out."""
    (portfolio / "b-sound" / "nc" / "NC-01.yaml").unlink()
    result = run_main("relances", ".", *TODAY, cwd=portfolio)
    assert result.stdout == (
        "Aucune action à relancer au 10 avril 2026.\n\n"
        "Audits en erreur, non traités (lancez qnc check)\n"
        "- Atelier Nord (a-broken) : 1 erreur\n"
    )


def test_history_names_it_first(run_main, portfolio: Path) -> None:
    """historique: the audits left out before the stories."""
    result = run_main("historique", ".", *TODAY, cwd=portfolio, env={"COLUMNS": "100"})
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "Audits en erreur, non traités (lancez qnc check)\n"
        "- Atelier Nord (a-broken) : 1 erreur\n\n"
        "Formations du Littoral\n"
    )


def test_csv_starts_with_a_row_per_audit_left_out(run_main, portfolio: Path) -> None:
    """CSV: the first row under the headers names the client, says what to do in
    'Statut' and where in 'Fichier': a filter on the organisation keeps it."""
    result = run_main("export", ".", *TODAY, cwd=portfolio)
    assert result.exit_code == 1
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter=";"))
    assert rows[1] == [
        "Atelier Nord", "audit en erreur, non traité", "", "", "", "", "", "", "", "", "",
        "", "", "1 erreur : lancez qnc check", "", "", "", "", "a-broken",
    ]  # fmt: skip
    assert rows[2][:3] == ["Formations du Littoral", "Audit initial les 9 et 10 mars 2026",
                           "NC-01"]  # fmt: skip


def test_workbook_shows_it_in_red_on_both_sheets(run_main, portfolio: Path) -> None:
    """XLSX: the same row at the top of the actions and of the NCs, in bold red."""
    openpyxl = pytest.importorskip("openpyxl")
    out = portfolio / "suivi.xlsx"
    assert run_main("export", ".", *TODAY, "--out", str(out), cwd=portfolio).exit_code == 1
    workbook = openpyxl.load_workbook(out)
    for sheet, column in ((workbook["Actions"], "N"), (workbook["Non-conformités"], "H")):
        assert sheet["A2"].value == "Atelier Nord"
        assert sheet[f"{column}2"].value == "1 erreur : lancez qnc check"
        assert (sheet["A2"].font.bold, sheet["A2"].font.color.rgb) == (True, "00C00000")
        assert sheet["A3"].value == "Formations du Littoral"
        assert not sheet["A3"].font.bold


def test_calendar_has_an_event_on_the_day_of_the_export(run_main, portfolio: Path) -> None:
    """calendar: an all-day event on --today says the client's due dates are missing; its
    UID comes from the folder, so that a later export moves it instead of adding one."""
    icalendar = pytest.importorskip("icalendar")
    result = run_main("calendar", ".", *TODAY, cwd=portfolio)
    assert result.exit_code == 1
    calendar = icalendar.Calendar.from_ical(result.stdout)
    (event,) = [e for e in calendar.walk("VEVENT") if "Atelier Nord" in str(e["summary"])]
    assert str(event["summary"]) == (
        "Atelier Nord : fichiers en erreur, échéances absentes de ce calendrier (lancez qnc check)"
    )
    assert (event["dtstart"].to_ical(), event["dtend"].to_ical()) == (b"20260410", b"20260411")
    assert str(event["description"]).splitlines() == [
        "Dossier : a-broken",
        "1 erreur : lancez qnc check",
        "Export du 10 avril 2026 : une fois les fichiers corrigés, exportez de nouveau le "
        "calendrier.",
    ]
    assert event.walk("VALARM") == []
    later = run_main("calendar", ".", "--today", "2026-04-17", cwd=portfolio)
    moved = icalendar.Calendar.from_ical(later.stdout)
    assert str(event["uid"]) in {str(e["uid"]) for e in moved.walk("VEVENT")}


@pytest.mark.parametrize("command", ["export", "calendar"])
def test_out_never_replaces_a_file_of_the_audit_left_out(
    run_main, portfolio: Path, command: str
) -> None:
    """--out --force on a file of the audit with errors is refused: it is the user's."""
    target = portfolio / "a-broken" / "nc" / "NC-01.yaml"
    result = run_main(command, ".", *TODAY, "--out", str(target), "--force", cwd=portfolio)
    assert result.exit_code == 1
    assert "est un des fichiers de l'audit" in result.stderr
    assert target.read_text("utf-8") == BROKEN_NC
