"""Values written as YAML text: plain when qnc reads them back the same, else quoted."""

from __future__ import annotations

import datetime as dt

import pytest

from qnc.writing.edits import Value
from qnc.writing.scalars import render


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("mineure", "mineure"),
        ("2026-11-05", "2026-11-05"),  # qnc reads dates as text: the same either way
        (dt.date(2026, 11, 5), "2026-11-05"),
        ("12", "'12'"),  # a text stays a text
        ("true", "'true'"),
        ("~", "'~'"),
        ("", "''"),
        ("ligne 1\nligne 2", '"ligne 1\\nligne 2"'),
        ("à # près", "'à # près'"),  # `#` after a space starts a comment
        ("a#b", "a#b"),
        ("note : x", "'note : x'"),
        ("Former l'équipe", "Former l'équipe"),
        ("l'été : x", '"l\'été : x"'),  # French apostrophes read better in double quotes
        ("- tiret", "'- tiret'"),
        ("Évaluation des acquis", "Évaluation des acquis"),  # never \u00c9
        (True, "true"),
        (7, "7"),
        (("Marie Dupont", "Paul Martin"), "[Marie Dupont, Paul Martin]"),
        (("a, b", "c"), "['a, b', c]"),
    ],
)
def test_render(value: Value, written: str) -> None:
    """Each value is written the simplest way that reads back as itself."""
    assert render(value) == written


def test_render_keeps_the_quotes_of_the_value_replaced() -> None:
    """A quoted value replaced keeps its quotes when they still read right."""
    assert render("mineure", prefer='"') == '"mineure"'
    assert render("mineure", prefer="'") == "'mineure'"


def test_render_in_a_flow_list_quotes_commas_and_brackets() -> None:
    """Inside [ ] a comma or a bracket would end the value: such text is quoted."""
    assert render("a, b.pdf", flow=True) == "'a, b.pdf'"
    assert render("x]", flow=True) == "'x]'"
    assert render("a, b.pdf") == "a, b.pdf"
