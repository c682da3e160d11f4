"""Delays of 'regles' against the arrêté: shorter ones used, longer ones capped."""

from __future__ import annotations

from datetime import date

import pytest

from qnc.model.durations import Duration, Unit
from qnc.model.records import Rules
from qnc.rules.legal import excesses, lawful


def rules(**written: str) -> Rules:
    return Rules.model_validate(written)


@pytest.mark.parametrize(
    ("written", "notified", "keys"),
    [
        ({"correction_majeure": "4 mois"}, date(2026, 3, 12), ["correction_majeure"]),
        ({"correction_majeure": "2 mois"}, date(2026, 3, 12), []),
        ({"correction_majeure": "3 mois"}, date(2026, 3, 12), []),
        # 13 weeks are 91 days: more than 3 months from 31 January (89 days to 30 April)…
        ({"correction_majeure": "13 semaines"}, date(2026, 1, 31), ["correction_majeure"]),
        # …fewer than 3 months from 1 June (92 days to 1 September)
        ({"correction_majeure": "13 semaines"}, date(2026, 6, 1), []),
        ({"mise_en_oeuvre_mineure": "7 mois"}, date(2026, 3, 12), ["mise_en_oeuvre_mineure"]),
        ({"mise_en_oeuvre_mineure": "181 jours"}, date(2026, 3, 12), []),  # to 9 September
        ({"mise_en_oeuvre_mineure": "185 jours"}, date(2026, 3, 12), ["mise_en_oeuvre_mineure"]),
        ({"decision": "6 semaines"}, date(2026, 3, 12), ["decision"]),
        ({"plan_mineure": "90 jours"}, date(2026, 3, 12), []),  # the certifier's to set
    ],
)
def test_excesses(written: dict[str, str], notified: date, keys: list[str]) -> None:
    """A delay is too long when it ends later than the legal one from the same day."""
    assert [e.key for e in excesses(rules(**written), notified)] == keys


def test_lawful_caps_longer_delays_and_keeps_shorter_ones() -> None:
    """4 months for a major NC becomes the legal 3; 2 months for a minor plan stays."""
    capped = lawful(rules(correction_majeure="4 mois", mise_en_oeuvre_mineure="5 mois",
                          plan_mineure="2 mois"), date(2026, 3, 12))  # fmt: skip
    assert (capped.major_correction, capped.minor_implementation, capped.minor_plan) == (
        Duration(3, Unit.MONTHS), Duration(5, Unit.MONTHS), Duration(2, Unit.MONTHS))  # fmt: skip
