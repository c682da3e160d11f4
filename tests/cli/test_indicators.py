"""`qnc indicateurs`: the grid as a table or JSON, filtered by category."""

from __future__ import annotations

import json


def test_json_lists_the_grid_in_force(run_main) -> None:
    """Without --referentiel, the grid in force on --today; keys are stable French ones."""
    before = json.loads(run_main("indicateurs", "--format", "json", "--today", "2026-10-31").stdout)
    after = json.loads(run_main("indicateurs", "--format", "json", "--today", "2026-11-01").stdout)
    assert (before["referentiel"], len(before["indicateurs"])) == ("rnq-2019", 32)
    assert (after["referentiel"], after["verifie"], len(after["indicateurs"])) == (
        "rnq-2026", False, 33,
    )  # fmt: skip
    eleven = before["indicateurs"][10]
    assert eleven == {
        "numero": 11, "critere": 3,
        "critere_libelle": "Adaptation aux publics : accueil, accompagnement, suivi, évaluation",
        "libelle": "Évaluation de l'atteinte des objectifs",
        "categories": ["AF", "BC", "VAE", "CFA"], "conditions": {}, "majeure_seule": True,
        "nouvel_entrant": True,
    }  # fmt: skip


def test_category_filter(run_main) -> None:
    """--categorie BC keeps the 22 indicators that apply to skills assessments."""
    result = run_main("indicateurs", "--categorie", "BC", "--format", "json",
                      "--referentiel", "rnq-2019")  # fmt: skip
    numbers = [i["numero"] for i in json.loads(result.stdout)["indicateurs"]]
    assert len(numbers) == 22
    assert 14 not in numbers and 8 not in numbers and 1 in numbers


def test_table_in_english(run_main) -> None:
    """The table has translated headers and labels, and the conditions in words."""
    result = run_main("indicateurs", "--referentiel", "rnq-2019", "--lang", "en",
                      env={"COLUMNS": "160"})  # fmt: skip
    assert result.exit_code == 0
    assert "Indicators of the grid RNQ 2019 (32 indicators)" in result.stdout
    assert "Achievement of objectives assessed" in result.stdout
    assert "AF (alternance), CFA" in result.stdout


def test_unverified_grid_says_so_once(run_main) -> None:
    """The 2026 grid is flagged as not verified in the table title, once."""
    result = run_main("indicateurs", "--referentiel", "rnq-2026", env={"COLUMNS": "200"})
    title = result.stdout.splitlines()[0].rstrip()
    assert title == (
        "Indicateurs de la grille rnq-2026 (33 indicateurs), "
        "annoncée mais non vérifiée au Journal officiel"
    )


def test_verified_grid_title_in_french(run_main) -> None:
    """The 2019 grid keeps its label in the title, without any warning."""
    result = run_main("indicateurs", "--referentiel", "rnq-2019", env={"COLUMNS": "200"})
    assert result.stdout.splitlines()[0].rstrip() == (
        "Indicateurs de la grille RNQ 2019 (32 indicateurs)"
    )


def test_criterion_label_in_json_follows_the_language(run_main) -> None:
    """critere_libelle is the criterion's label, in French or in English."""
    fr = json.loads(run_main("indicateurs", "--format", "json", "--referentiel", "rnq-2019").stdout)
    en = json.loads(
        run_main(
            "indicateurs", "--format", "json", "--referentiel", "rnq-2019", "--lang", "en"
        ).stdout
    )
    assert fr["indicateurs"][0]["critere_libelle"] == "Information du public sur l'offre"
    assert en["indicateurs"][0]["critere_libelle"] == "Public information on the offer"
    assert all(i["critere_libelle"] for i in fr["indicateurs"])


def test_today_help_speaks_of_the_grid(run_main) -> None:
    """In qnc indicateurs, --today chooses the grid; it evaluates no deadline."""
    result = run_main("indicateurs", "--help", env={"COLUMNS": "80"})
    text = " ".join(result.stdout.split())
    assert (
        "--today AAAA-MM-JJ Choisir la grille en vigueur à cette date au lieu d'aujourd'hui."
        in (text)
    )
    assert "échéances" not in text


def test_unknown_grid_is_a_usage_error(run_main) -> None:
    """An unknown --referentiel is a usage error (exit 2) listing the accepted grids."""
    result = run_main("indicateurs", "--referentiel", "rnq-2030")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Erreur : valeur invalide pour --referentiel : « rnq-2030 » ne fait pas partie de : "
        "rnq-2019, rnq-2026\n"
    )
