"""Option values typed wrong and required options left out: said in the user's language on
one clean line (no escape sequence, none of Click's or Pydantic's English), exit status 2.
Each table below covers every option of its kind, which the last test checks."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import pytest
import typer

from qnc.cli.app import build_command
from qnc.cli.commands import COMMANDS
from qnc.cli.localized import Command, UsageError
from qnc.cli.usage import report_usage_error

Run = Callable[..., Any]

LANG = "fr, en"
# Every option (or argument) that takes one value of a list, with the values listed.
CHOICES = {
    ("status", "--format"): "table, json",
    ("historique", "--format"): "table, json",
    ("plan", "--format"): "md, docx",
    ("check", "--format"): "text, json, github",
    ("indicateurs", "--referentiel"): "rnq-2019, rnq-2026",
    ("indicateurs", "--categorie"): "AF, BC, VAE, CFA",
    ("indicateurs", "--format"): "table, json",
    ("add", "--gravite"): "mineure, majeure",
    ("add-action", "--type"): "correction, corrective, preventive",
    ("verify", "--resultat"): "efficace, inefficace",
    ("relances", "--format"): "text, markdown, json",
    ("relances", "--par"): "organisme, responsable",
    ("export", "--format"): "csv, xlsx",
    **{(command, "--lang"): LANG for command in COMMANDS},
}
# Every option that takes a number or a date.
NUMBERS = {("add", "--indicateur")}
DATES = {
    *((command, "--today") for command in COMMANDS),
    ("init", "--debut"), ("init", "--fin"), ("init", "--notification"),
    ("add-action", "--echeance"), ("add-action", "--debut"),
    ("done", "--le"), ("sent", "--le"), ("verify", "--le"), ("lift", "--le"),
}  # fmt: skip


def error_line(run_main: Run, *args: str) -> str:
    """The last line of a usage error, after the usage and the hint (checked here)."""
    result = run_main(*args)
    lines = result.stderr.splitlines()
    assert (result.exit_code, result.stdout, len(lines), lines[2]) == (2, "", 4, "")
    assert "\\x" not in result.stderr
    return str(lines[3])


@pytest.mark.parametrize(("command", "option"), sorted(CHOICES))
def test_a_value_not_in_the_list(run_main: Run, command: str, option: str) -> None:
    """A value not in the list: the option and the values it takes, in French or English."""
    values = CHOICES[command, option]
    assert error_line(run_main, command, option, "bogus") == (
        f"Erreur : valeur invalide pour {option} : « bogus » ne fait pas partie de : {values}"
    )
    assert error_line(run_main, "--lang", "en", command, option, "bogus") == (
        f"Error: invalid value for {option}: 'bogus' is not one of: {values}"
    )


def test_a_required_choice_left_out(run_main: Run) -> None:
    """qnc verify without --resultat: the option and its two values, on one line."""
    assert error_line(run_main, "verify", "NC-01") == (
        "Erreur : option manquante : --resultat (efficace ou inefficace)"
    )
    assert error_line(run_main, "--lang", "en", "verify", "NC-01") == (
        "Error: missing option: --resultat (efficace or inefficace)"
    )


@pytest.mark.parametrize("value", ["abc", "3.5", "", "１１"])
def test_not_a_whole_number(run_main: Run, value: str) -> None:
    """--indicateur: the value quoted back, not Pydantic's English."""
    assert error_line(run_main, "add", "--indicateur", value) == (
        f"Erreur : valeur invalide pour --indicateur : « {value} » n'est pas un nombre entier"
    )
    assert error_line(run_main, "add", "--indicateur", value, "--lang", "en") == (
        f"Error: invalid value for --indicateur: '{value}' is not a whole number"
    )


@pytest.mark.parametrize(("command", "option"), sorted(DATES))
def test_not_a_date(run_main: Run, command: str, option: str) -> None:
    """Every date option: what is wrong, and how to write it."""
    assert error_line(run_main, command, option, "demain") == (
        f"Erreur : valeur invalide pour {option} : « demain » n'est pas une date ; "
        "écrivez-la sous la forme AAAA-MM-JJ"
    )
    assert error_line(run_main, command, option, "15/04/2026", "--lang", "en") == (
        f"Error: invalid value for {option}: '15/04/2026' is not in ISO form; write 2026-04-15"
    )


def test_a_date_converted_by_typer_is_said_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A date option without qnc's own check (none today) is still said in French."""
    app = typer.Typer(add_completion=False)

    @app.command(cls=Command)
    def show(day: Annotated[date, typer.Option("--le")]) -> None:
        """Show a day."""

    monkeypatch.setattr(sys, "argv", ["qnc"])
    monkeypatch.delenv("QNC_LANG", raising=False)
    with pytest.raises(UsageError) as caught:
        app(["--le", "2026-02-30"], standalone_mode=False, prog_name="qnc")
    assert report_usage_error(caught.value) == 2
    assert capsys.readouterr().err.endswith(
        "Erreur : valeur invalide pour --le : « 2026-02-30 » n'est pas une date du calendrier\n"
    )


def test_the_tables_cover_every_option() -> None:
    """A new option with a list of values, a number or a date is added to a table above."""
    choices, numbers, dates = set(), set(), set()
    for name in COMMANDS:
        for param in build_command(name).params:
            kind = param.type_descriptor
            key = (name, param.opts[0] if param.param_type_name == "option" else "")
            if kind.is_choice and key[1]:
                choices.add(key)
            elif kind.annotation is int:
                numbers.add(key)
            elif kind.annotation is date:
                dates.add(key)
    assert (choices, numbers, dates) == (set(CHOICES), NUMBERS, DATES)
