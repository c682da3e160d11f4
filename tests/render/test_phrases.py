"""Phrases shared by the terminal and the plan, in French and in English."""

from __future__ import annotations

from datetime import date

import pytest

from qnc.i18n import translator
from qnc.render.phrases import audit_title, days_left, grid_phrase, notification_phrase, state_of
from tests.rules.builders import TODAY, audit, folder, nc, report, sample

FR, EN = translator("fr"), translator("en")


@pytest.mark.parametrize(
    ("days", "french", "english"),
    [
        (28, "dans 28 jours", "in 28 days"),
        (1, "dans 1 jour", "in 1 day"),
        (0, "aujourd'hui", "today"),
        (-1, "1 jour de retard", "1 day late"),
        (-3, "3 jours de retard", "3 days late"),
    ],
)
def test_days_left(days: int, french: str, english: str) -> None:
    """Days left, today, or days late, with the singular for one day."""
    assert (FR(days_left(days)), EN(days_left(days))) == (french, english)


def test_state_of_each_group() -> None:
    """The state of a late, a blocking and a lifted NC (with its day)."""
    ncs = sample().ncs
    assert [FR(state_of(n)) for n in ncs] == ["en retard", "bloquante", "levée le 20 avril 2026"]
    assert [EN(state_of(n)) for n in ncs] == ["late", "blocking", "lifted on 20 April 2026"]


def test_state_of_a_step_met_late() -> None:
    """A plan sent after its due date (11 April) is said beside the state."""
    state = report(folder([nc("NC-1", plan_envoye_le="2026-04-20")]), TODAY).ncs[0]
    assert (FR(state_of(state)), EN(state_of(state))) == ("ouverte, plan tardif", "open, late plan")


def test_state_of_a_carried_over_nc() -> None:
    """An NC a later audit took over is carried over on that audit's notification."""
    state = report(folder([nc("NC-1")]), TODAY, carried={"NC-1": date(2026, 4, 15)}).ncs[0]
    assert FR(state_of(state)) == "reprise le 15 avril 2026"
    assert EN(state_of(state)) == "carried over on 15 April 2026"


@pytest.mark.parametrize(
    ("info", "french", "english"),
    [
        ({}, "audit initial les 9 et 10 mars 2026", "initial audit on 9 and 10 March 2026"),
        ({"fin": None}, "audit initial le 9 mars 2026", "initial audit on 9 March 2026"),
        ({"fin": "2026-03-09"}, "audit initial le 9 mars 2026", "initial audit on 9 March 2026"),
        (
            {"debut": "2026-04-01", "fin": None},
            "audit initial le 1er avril 2026",
            "initial audit on 1 April 2026",
        ),
        (
            {"type": "surveillance", "debut": "2026-03-30", "fin": "2026-04-02"},
            "audit de surveillance du 30 mars au 2 avril 2026",
            "surveillance audit from 30 March to 2 April 2026",
        ),
        (
            {"type": "renouvellement", "debut": "2025-12-30", "fin": "2026-01-02"},
            "audit de renouvellement du 30 décembre 2025 au 2 janvier 2026",
            "renewal audit from 30 December 2025 to 2 January 2026",
        ),
    ],
)
def test_audit_title(info: dict[str, str | None], french: str, english: str) -> None:
    """One day, or a span that repeats only what the two days do not share."""
    built = report(folder(record=audit(**info)), TODAY)
    assert (FR(audit_title(built)), EN(audit_title(built))) == (french, english)


def test_notification_given() -> None:
    """A notification given and passed is the date alone."""
    built = sample()
    assert (FR(notification_phrase(built)), EN(notification_phrase(built))) == (
        "12 mars 2026",
        "12 March 2026",
    )


def test_notification_defaulted() -> None:
    """Without a notification the clocks start on the last audit day, and it is said."""
    built = report(folder(record=audit(notification=None)), TODAY)
    assert FR(notification_phrase(built)) == (
        "10 mars 2026 (pas de date de notification : dernier jour d'audit)"
    )
    assert EN(notification_phrase(built)) == (
        "10 March 2026 (no notification date given: last audit day)"
    )


def test_notification_not_yet() -> None:
    """Evaluated the day before the notification, the deadlines have not started."""
    built = report(folder(), date(2026, 3, 11))
    assert FR(notification_phrase(built)) == (
        "12 mars 2026 (pas encore : les délais n'ont pas commencé)"
    )
    assert EN(notification_phrase(built)) == (
        "12 March 2026 (not yet: the deadlines have not started)"
    )
    on_the_day = report(folder(), date(2026, 3, 12))
    assert FR(notification_phrase(on_the_day)) == "12 mars 2026"


def test_grid_in_force() -> None:
    """Without 'referentiel', the grid in force on the first audit day, and why."""
    built = sample()
    assert grid_phrase(built, FR) == (
        "RNQ 2019 (32 indicateurs), en vigueur au 9 mars 2026 (premier jour de l'audit)"
    )
    assert grid_phrase(built, EN) == (
        "RNQ 2019 (32 indicators), in force on 9 March 2026 (first day of the audit)"
    )


def test_grid_set_by_referentiel() -> None:
    """A grid named in audit.yaml is said to be set there."""
    built = report(folder(record=audit(referentiel="rnq-2026")), TODAY)
    assert grid_phrase(built, FR) == (
        "RNQ 2026 (33 indicateurs, annoncé, non vérifié), fixé par « referentiel » dans audit.yaml"
    )
    assert grid_phrase(built, EN) == (
        "RNQ 2026 (33 indicators, reported, not verified), set by 'referentiel' in audit.yaml"
    )
