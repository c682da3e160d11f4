"""The referential as data (shared/domain/qualiopi.md): counts, grades, applicability."""

from __future__ import annotations

from datetime import date

import pytest

from qnc.model.referential import CRITERIA, GRIDS, RNQ_2019, RNQ_2026, Activity, Category, grid_for

MAJOR_ONLY = {4, 5, 6, 7, 10, 11, 14, 15, 16, 20, 21, 22, 26, 27, 29, 31, 32}
NEW_ENTRANT = {2, 3, 11, 13, 14, 19, 22, 24, 25, 26, 32}
CRITERION_RANGES = {1: (1, 3), 2: (4, 8), 3: (9, 16), 4: (17, 20), 5: (21, 22), 6: (23, 29),
                    7: (30, 32)}  # fmt: skip


def test_2019_grid_has_32_indicators_in_7_criteria() -> None:
    """32 indicators, numbered 1 to 32, each in the criterion the décret gives."""
    assert list(RNQ_2019.indicators) == list(range(1, 33))
    assert set(CRITERIA) == set(range(1, 8))
    for criterion, (first, last) in CRITERION_RANGES.items():
        for number in range(first, last + 1):
            assert RNQ_2019.indicators[number].criterion == criterion


def test_major_only_and_new_entrant_indicators() -> None:
    """Major-only and new-entrant flags match the arrêté and the reading guide."""
    grid = RNQ_2019.indicators.values()
    assert {i.number for i in grid if i.major_only} == MAJOR_ONLY
    assert {i.number for i in grid if i.new_entrant} == NEW_ENTRANT


@pytest.mark.parametrize(("category", "count"), [("AF", 28), ("BC", 22), ("VAE", 24), ("CFA", 32)])
def test_indicators_per_category(category: str, count: int) -> None:
    """At most 28 indicators apply to AF, 22 to BC, 24 to VAE, 32 to CFA."""
    applying = [i for i in RNQ_2019.indicators.values() if Category(category) in i.applies]
    assert len(applying) == count


@pytest.mark.parametrize(
    ("number", "applies"),
    [
        (3, {Category.AF: Activity.CERTIFIANT, Category.VAE: None, Category.CFA: None}),
        (7, {Category.AF: Activity.CERTIFIANT, Category.CFA: None}),
        (13, {Category.AF: Activity.ALTERNANCE, Category.CFA: None}),
        (16, {Category.AF: Activity.CERTIFIANT, Category.VAE: None, Category.CFA: None}),
        (27, dict.fromkeys(Category, Activity.SOUS_TRAITANCE)),
        (28, {Category.AF: Activity.ALTERNANCE, Category.CFA: None}),
        (14, {Category.CFA: None}),
    ],
)  # fmt: skip
def test_conditional_indicators(number: int, applies: dict[Category, Activity | None]) -> None:
    """Conditional indicators name the activity each category needs; CFA always meets
    'alternance' and 'certifiant', VAE 'certifiant' (L. 6211-1, L. 6211-2, L. 6313-5),
    while subcontracting stays a condition everywhere."""
    assert dict(RNQ_2019.indicators[number].applies) == applies


def test_2026_grid_is_marked_unverified_and_adds_33() -> None:
    """The reported 2026 grid keeps 1-32 and adds 33 (apprenticeship, graded, not NE)."""
    assert not RNQ_2026.verified and RNQ_2019.verified
    assert list(RNQ_2026.indicators) == list(range(1, 34))
    assert all(RNQ_2026.indicators[n] == RNQ_2019.indicators[n] for n in range(1, 33))
    added = RNQ_2026.indicators[33]
    assert (added.categories, added.major_only, added.new_entrant) == ((Category.CFA,), False,
                                                                      False)  # fmt: skip


@pytest.mark.parametrize(
    ("start", "override", "grid"),
    [
        (date(2026, 10, 31), None, "rnq-2019"),
        (date(2026, 11, 1), None, "rnq-2026"),
        (date(2027, 3, 1), "rnq-2019", "rnq-2019"),
        (date(2026, 3, 1), "rnq-2026", "rnq-2026"),
        (date(2019, 1, 1), None, "rnq-2019"),
    ],
)
def test_grid_chosen_by_audit_start_unless_overridden(
    start: date, override: str | None, grid: str
) -> None:
    """From 1 November 2026 the 2026 grid applies; audit.referentiel overrides."""
    assert grid_for(start, override) is GRIDS[grid]
