"""Usage errors and --help in the user's language: nothing of Click's English leaks out."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer

from qnc.cli.localized import Command, UsageError
from qnc.cli.usage import report_usage_error, reworded
from qnc.i18n import translator
from tests.conftest import AUDIT, EXAMPLES

Run = Callable[..., Any]


def usage(command: str, arguments: str = "") -> str:
    line = (
        f"qnc {command} [OPTIONS]{arguments}"
        if command
        else "qnc [OPTIONS] COMMANDE [ARGUMENTS]..."
    )
    name = f"qnc {command}" if command else "qnc"
    return f"Utilisation : {line}\nEssayez « {name} --help » pour l'aide.\n\n"


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["plan", "a", "b"],
            usage("plan", " [CHEMIN]") + "Erreur : argument en trop : « b »\n",
        ),
        (
            ["plan", "a", "b", "c"],
            usage("plan", " [CHEMIN]") + "Erreur : arguments en trop : « b », « c »\n",
        ),
        (
            ["status", "--bogus"],
            usage("status", " [CHEMINS]...") + "Erreur : option inconnue : --bogus\n",
        ),
        (
            ["status", "--formt", "json"],
            usage("status", " [CHEMINS]...")
            + "Erreur : option inconnue : --formt (options possibles : --format)\n",
        ),
        (
            ["stat"],
            usage("") + "Erreur : commande inconnue : « stat » ; vouliez-vous dire « status » ?\n",
        ),
        (["nope"], usage("") + "Erreur : commande inconnue : « nope »\n"),
        (["plan", "--out"], "\nErreur : l'option --out attend une valeur\n"),
        (["plan", "--force=oui"], "\nErreur : l'option --force ne prend pas de valeur\n"),
        (
            ["status", "--format", "xml"],
            usage("status", " [CHEMINS]...")
            + "Erreur : valeur invalide pour --format : « xml » ne fait pas partie de : "
            "table, json\n",
        ),
        (
            ["indicateurs", "--categorie", "XX"],
            usage("indicateurs")
            + "Erreur : valeur invalide pour --categorie : « XX » ne fait pas partie de : "
            "AF, BC, VAE, CFA\n",
        ),
    ],
)
def test_usage_errors_are_french(run_main: Run, args: list[str], stderr: str) -> None:
    """Each of Click's usage errors is said in French, on stderr, with exit status 2."""
    result = run_main(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_usage_errors_in_english(run_main: Run) -> None:
    """With QNC_LANG=en the same errors read as English sentences of the catalog."""
    result = run_main("status", "--format", "xml", env={"QNC_LANG": "en"})
    assert result.stderr.endswith(
        "Error: invalid value for --format: 'xml' is not one of: table, json\n"
    )
    assert run_main("stat", env={"QNC_LANG": "en"}).stderr.endswith(
        "Error: unknown command: 'stat'; did you mean 'status'?\n"
    )


@pytest.mark.parametrize(
    ("english", "french"),
    [
        (
            "No such option: --formt Did you mean --format?",
            "option inconnue : --formt ; vouliez-vous dire --format ?",
        ),
        ("Missing option '--out'.", "option manquante : --out"),
        ("Missing command.", "commande manquante"),
        ("Invalid value: trop tard", "valeur invalide : trop tard"),
        ("Something Click never said.", "Something Click never said."),
    ],
)
def test_other_click_messages(english: str, french: str) -> None:
    """Click's rarer messages, which no qnc command triggers today, are French too."""
    assert translator("fr")(reworded(english)) == french


def test_missing_argument_is_french(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A required argument left out (no qnc command has one yet) is said in French."""
    app = typer.Typer(add_completion=False)

    @app.command(cls=Command)
    def show(path: Annotated[Path, typer.Argument(metavar="CHEMIN")]) -> None:
        """Show a path."""

    monkeypatch.setattr(sys, "argv", ["qnc"])
    monkeypatch.delenv("QNC_LANG", raising=False)
    with pytest.raises(UsageError) as caught:
        app([], standalone_mode=False, prog_name="qnc")
    assert report_usage_error(caught.value) == 2
    assert capsys.readouterr().err == (
        "Utilisation : qnc [OPTIONS] CHEMIN\nEssayez « qnc --help » pour l'aide.\n\n"
        "Erreur : argument manquant : CHEMIN\n"
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["--today", "2026-02-30"],
            "« 2026-02-30 » n'est pas une date du calendrier",
        ),
        (
            ["--today", "15/04/2026"],
            "« 15/04/2026 » n'est pas au format ISO ; écrivez 2026-04-15",
        ),
        (
            ["--today", "2026-4-5"],
            "« 2026-4-5 » n'est pas au format ISO ; écrivez 2026-04-05",
        ),
        (
            ["--today", "2026/04/31"],
            "« 2026/04/31 » n'est pas une date du calendrier",
        ),
        (
            ["--today", "12 mars 2026"],
            "« 12 mars 2026 » n'est pas au format ISO ; écrivez 2026-03-12",
        ),
        (
            ["--today", "demain"],
            "« demain » n'est pas une date ; écrivez-la sous la forme AAAA-MM-JJ",
        ),
    ],
)
def test_bad_today_says_what_to_write(run_main: Run, args: list[str], stderr: str) -> None:
    """--today: an impossible date, a day-first date (with its ISO form), or no date at all."""
    result = run_main("status", *args)
    assert (result.exit_code, result.stderr) == (
        2,
        usage("status", " [CHEMINS]...") + f"Erreur : valeur invalide pour --today : {stderr}\n",
    )


def test_bad_today_from_the_environment_says_so(run_main: Run) -> None:
    """A bad QNC_TODAY (no --today given) is named in the message."""
    result = run_main("status", env={"QNC_TODAY": "15/04/2026"})
    assert (result.exit_code, result.stderr) == (
        2,
        usage("status", " [CHEMINS]...")
        + "Erreur : valeur invalide pour --today : « 15/04/2026 » n'est pas au format ISO ; "
        "écrivez 2026-04-15 (valeur de la variable d'environnement QNC_TODAY)\n",
    )


def test_today_on_the_command_line_wins_over_the_environment(run_main: Run) -> None:
    """--today given: QNC_TODAY is not read, and not blamed."""
    result = run_main(
        "indicateurs", "--today", "2026-02-30", "--format", "json", env={"QNC_TODAY": "x"}
    )
    assert result.stderr.endswith(
        "Erreur : valeur invalide pour --today : « 2026-02-30 » n'est pas une date du calendrier\n"
    )


def help_of(run_main: Run, *args: str) -> str:
    result = run_main(*args, "--help", env={"COLUMNS": "80"})
    assert (result.exit_code, result.stderr) == (0, "")
    return str(result.stdout)


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--today", "2026-04-20", "plan"], "qnc plan --today …"),
        (["--format", "json", "status"], "qnc status --format …"),
        (["--strict"], "qnc check --strict …"),
        (["--out", "plan.md"], "qnc plan --out …"),
        (["--today", "2026-04-20"], "qnc status --today …"),
    ],
)
def test_command_option_before_the_command_says_where_it_goes(run_main: Run, args: list[str],
                                                               hint: str) -> None:  # fmt: skip
    """`qnc --today … plan`: exit 2, and the hint to put the option after the command."""
    result = run_main(*args)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"les options se placent après la commande : {hint}\n")


@pytest.mark.parametrize("args", [["--explain", "plan"], ["--bogus", "status"]])
def test_no_hint_for_an_option_the_command_does_not_take(run_main: Run, args: list[str]) -> None:
    """plan takes no --explain, no command takes --bogus: no hint that would mislead."""
    result = run_main(*args)
    assert result.exit_code == 2
    assert "se placent après" not in result.stderr


def test_root_help_names_the_command_in_french(run_main: Run) -> None:
    """The usage line of 'qnc --help' reads COMMANDE [ARGUMENTS]..."""
    assert help_of(run_main).startswith("Utilisation : qnc [OPTIONS] COMMANDE [ARGUMENTS]...\n")


def test_argument_help_shows_no_python_type(run_main: Run) -> None:
    """Arguments show their French name alone, not <list[Path]> or <path>."""
    status = help_of(run_main, "status")
    assert "\n  CHEMINS  Dossiers d'audit, fichiers d'un dossier d'audit" in status
    plan = help_of(run_main, "plan")
    assert plan.startswith("Utilisation : qnc plan [OPTIONS] [CHEMIN]\n")
    assert "\n  CHEMIN  Le dossier d'audit (par défaut : le dossier courant).\n" in plan
    for shown in (status, plan, help_of(run_main, "check")):
        assert "<list" not in shown and "<path>" not in shown


def test_several_paths_are_still_parsed(run_main: Run, write_audit: Callable[..., Path]) -> None:
    """Without the type in --help, CHEMINS still takes several paths."""
    write_audit(name="a")
    write_audit(AUDIT.replace("Formations du Littoral", "Atelier Nord"), name="b")
    result = run_main("check", "a", "b", "--today", "2026-03-20")
    assert (result.exit_code, result.stdout) == (0, "4 fichiers vérifiés : aucun problème.\n")


def test_command_lang_wins_over_a_bad_qnc_lang(run_main: Run) -> None:
    """QNC_LANG=en_US (not a language qnc knows) and --lang fr typed: French, no error;
    and `qnc --lang en` before the command gives English."""
    example = str(EXAMPLES / "2028-03-audit-surveillance")
    day = {"QNC_TODAY": "2028-04-20"}
    typed = run_main("check", example, "--lang", "fr", env={"QNC_LANG": "en_US", **day})
    assert (typed.exit_code, typed.stdout) == (0, "3 fichiers vérifiés : aucun problème.\n")
    before = run_main("--lang", "en", "check", example, env=day)
    assert (before.exit_code, before.stdout) == (0, "3 files checked: no problem.\n")


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("init", '    qnc init 2026-09-audit-initial --nom "Formations Horizon" \\\n'),
        ("add", "    qnc add --indicateur 11 --gravite majeure \\\n"),
        ("add-action", '    qnc add-action NC-02 --description "Former les formateurs" \\\n'),
        ("done", "    qnc done NC-02 A1 --preuve preuves/liste-emargement.pdf\n"),
        ("sent", "    qnc sent NC-02 --plan --le 2026-10-12\n"),
        ("verify", "    qnc verify NC-02 --resultat efficace\n"),
        ("lift", "    qnc lift NC-02 --le 2027-01-15\n"),
        ("check", "    qnc check --fix --dry-run\n"),
    ],
)
def test_help_of_a_command_that_writes_shows_an_example(run_main: Run, command: str,
                                                        example: str) -> None:  # fmt: skip
    """Each command that writes has its help in French with an example kept on its own
    lines (never rewrapped), and in English with --lang en."""
    french = help_of(run_main, command)
    assert f"\n  Exemple :\n{example}" in french
    english = help_of(run_main, "--lang", "en", command)
    assert f"\n  Example:\n{example}" in english


def test_a_required_argument_is_shown_plainly(run_main: Run) -> None:
    """The usage line shows ID-NC as it is typed, without Typer's braces."""
    result = run_main("lift")
    assert (result.exit_code, result.stderr) == (2, (
        "Utilisation : qnc lift [OPTIONS] ID-NC\nEssayez « qnc lift --help » pour l'aide.\n\n"
        "Erreur : argument manquant : ID-NC\n"
    ))  # fmt: skip
    assert help_of(run_main, "done").startswith(
        "Utilisation : qnc done [OPTIONS] ID-NC ID-ACTION\n"
    )
