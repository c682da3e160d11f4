"""Records: strict and frozen; dates, numbers and durations checked one record at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from qnc.model.durations import Duration, Unit
from qnc.model.records import (
    Action,
    Audit,
    AuditInfo,
    Certificate,
    NonConformity,
    Organisation,
    Rules,
)

ACTION = {"id": "A1", "responsable": "Marie Dupont", "echeance": "2026-04-15"}
NC = {"id": "NC-01", "indicateur": 12, "gravite": "mineure", "constat": "Absences."}
ORGANISATION = {"nom": "Formations du Littoral", "categories": ["AF"]}


def only_error(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """The single Pydantic error of ``data``, as (type, loc, ctx)."""
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    [error] = info.value.errors(include_url=False)
    return {"type": error["type"], "loc": error["loc"], "ctx": error.get("ctx")}


def test_iso_date_is_read() -> None:
    """An ISO date written as text becomes a date."""
    assert Action.model_validate(ACTION).due == date(2026, 4, 15)


def test_french_date_suggests_iso_form() -> None:
    """A day-first date is refused, with its ISO form to write instead."""
    assert only_error(Action, {**ACTION, "echeance": "15/04/2026"}) == {
        "type": "qnc_date_french",
        "loc": ("echeance",),
        "ctx": {"value": "15/04/2026", "iso": "2026-04-15"},
    }


@pytest.mark.parametrize("text", ["2026-02-30", "2027-02-29", "2026-13-01", "30/02/2026"])
def test_impossible_date_is_refused(text: str) -> None:
    """A well-shaped date that is not in the calendar is refused as impossible."""
    assert only_error(Action, {**ACTION, "echeance": text}) == {
        "type": "qnc_date_impossible",
        "loc": ("echeance",),
        "ctx": {"value": text},
    }


@pytest.mark.parametrize("text", ["avril 2026", "2026", "le 15", "15 avril"])
def test_shapeless_date_is_refused(text: str) -> None:
    """Text that is no date at all is refused with the expected form."""
    assert only_error(Action, {**ACTION, "echeance": text})["type"] == "qnc_date"


@pytest.mark.parametrize("text", ["1999-12-31", "2100-01-01"])
def test_date_outside_the_years_is_refused(text: str) -> None:
    """A date before 2000 or after 2099 is a typing mistake: refused as out of range."""
    assert only_error(Action, {**ACTION, "echeance": text}) == {
        "type": "qnc_date_range",
        "loc": ("echeance",),
        "ctx": {"first": 2000, "last": 2099},
    }


@pytest.mark.parametrize(
    ("text", "day"),
    [("2000-01-01", date(2000, 1, 1)), ("2099-12-31", date(2099, 12, 31))],
)
def test_first_and_last_days_of_the_range_are_dates(text: str, day: date) -> None:
    """1 January 2000 and 31 December 2099 are still accepted."""
    assert Action.model_validate({**ACTION, "echeance": text}).due == day


def test_leap_day_is_a_date() -> None:
    """29 February exists in a leap year."""
    assert Action.model_validate({**ACTION, "echeance": "2028-02-29"}).due == date(2028, 2, 29)


@pytest.mark.parametrize("siret", ["83214560100015", "832 145 601 00015", 83214560100015])
def test_valid_siret_is_kept_as_digits(siret: object) -> None:
    """A SIRET with a right Luhn key is accepted, spaces removed, as text."""
    organisation = Organisation.model_validate({**ORGANISATION, "siret": siret})
    assert organisation.siret == "83214560100015"


@pytest.mark.parametrize(
    "siret", ["90142730200021", "8321456010001", "832145601000150", "8321456010001A"]
)
def test_invalid_siret_is_refused(siret: str) -> None:
    """A SIRET with a wrong Luhn key, a wrong length or a letter is refused."""
    assert only_error(Organisation, {**ORGANISATION, "siret": siret}) == {
        "type": "qnc_siret",
        "loc": ("siret",),
        "ctx": {"value": siret},
    }


def test_la_poste_siret_uses_its_own_rule() -> None:
    """La Poste's SIRET fails Luhn but its digits add up to 15, a multiple of 5: accepted."""
    organisation = Organisation.model_validate({**ORGANISATION, "siret": "35600000000010"})
    assert organisation.siret == "35600000000010"


def test_la_poste_siret_with_a_wrong_digit_sum_is_refused() -> None:
    """A La Poste SIRET whose digits add up to 16 is refused."""
    assert only_error(Organisation, {**ORGANISATION, "siret": "35600000000011"}) == {
        "type": "qnc_siret",
        "loc": ("siret",),
        "ctx": {"value": "35600000000011"},
    }


@pytest.mark.parametrize("nda", ["75331234533", "11 75 55555 75"])
def test_nda_of_eleven_digits_is_accepted(nda: str) -> None:
    """An NDA of 11 digits is accepted, spaces removed."""
    assert Organisation.model_validate({**ORGANISATION, "nda": nda}).nda == nda.replace(" ", "")


@pytest.mark.parametrize("nda", ["7533123453", "753312345333", "7533123453X"])
def test_nda_not_of_eleven_digits_is_refused(nda: str) -> None:
    """An NDA that is not exactly 11 digits is refused."""
    assert only_error(Organisation, {**ORGANISATION, "nda": nda})["type"] == "qnc_nda"


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("30 jours", Duration(30, Unit.DAYS)),
        ("3 mois", Duration(3, Unit.MONTHS)),
        ("2 semaines", Duration(2, Unit.WEEKS)),
        ("1 an", Duration(1, Unit.YEARS)),
        ("6 months", Duration(6, Unit.MONTHS)),
    ],
)
def test_rules_read_durations(text: str, duration: Duration) -> None:
    """Durations of 'regles' are read in French or English units."""
    assert Rules.model_validate({"plan_mineure": text}).minor_plan == duration


def test_bad_duration_is_refused() -> None:
    """A duration in words is refused."""
    assert only_error(Rules, {"correction_majeure": "trois mois"}) == {
        "type": "qnc_duration",
        "loc": ("correction_majeure",),
        "ctx": {"value": "trois mois"},
    }


def test_duration_of_ten_years_is_the_longest() -> None:
    """'120 mois' is accepted; '121 mois' is refused as too long."""
    assert Rules.model_validate({"decision": "120 mois"}).decision == Duration(120, Unit.MONTHS)
    assert only_error(Rules, {"decision": "121 mois"}) == {
        "type": "qnc_duration_range",
        "loc": ("decision",),
        "ctx": {"value": "121 mois"},
    }


def test_rules_default_to_regulatory_durations() -> None:
    """Without 'regles', the usual durations apply."""
    assert Rules() == Rules(
        plan_mineure=Duration(30, Unit.DAYS),
        correction_majeure=Duration(3, Unit.MONTHS),
        decision=Duration(1, Unit.MONTHS),
        mise_en_oeuvre_mineure=Duration(6, Unit.MONTHS),
        alerte=Duration(14, Unit.DAYS),
    )


def test_unknown_key_is_refused() -> None:
    """extra='forbid': a key the model does not know is an error."""
    assert only_error(NonConformity, {**NC, "statut": "ouverte"})["type"] == "extra_forbidden"


def test_english_attribute_names_are_not_keys() -> None:
    """Only the French aliases are accepted in files, not the Python attribute names."""
    with pytest.raises(ValidationError) as info:
        Organisation.model_validate({"name": "X", "categories": ["AF"]})
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [
        ("missing", ("nom",)),
        ("extra_forbidden", ("name",)),
    ]


def test_records_are_frozen() -> None:
    """A validated record cannot be changed."""
    nc = NonConformity.model_validate(NC)
    with pytest.raises(ValidationError) as info:
        nc.id = "NC-02"  # type: ignore[misc]
    assert info.value.errors()[0]["type"] == "frozen_instance"


def test_indicator_in_words_is_refused() -> None:
    """indicateur: "onze" is not a number."""
    assert only_error(NonConformity, {**NC, "indicateur": "onze"})["type"] == "int_parsing"


def test_indicator_true_is_refused() -> None:
    """indicateur: true is a wrong type, not indicator 1."""
    assert only_error(NonConformity, {**NC, "indicateur": True})["loc"] == ("indicateur",)


def test_indicator_written_as_a_float_is_refused() -> None:
    """indicateur: 1e1 (or 11.0) is refused, not read as indicator 10 (or 11)."""
    for value in (10.0, 11.0):
        error = only_error(NonConformity, {**NC, "indicateur": value})
        assert (error["type"], error["loc"]) == ("qnc_number", ("indicateur",))


def test_action_defaults() -> None:
    """An action is corrective, not done and without evidence unless told otherwise."""
    action = Action.model_validate(ACTION)
    assert (action.type, action.done, action.evidence, action.description) == (
        "corrective",
        None,
        (),
        "",
    )


@pytest.mark.parametrize(
    ("dates", "last_day", "clock_start"),
    [
        ({"debut": "2026-03-09"}, date(2026, 3, 9), date(2026, 3, 9)),
        ({"debut": "2026-03-09", "fin": "2026-03-10"}, date(2026, 3, 10), date(2026, 3, 10)),
        (
            {"debut": "2026-03-09", "fin": "2026-03-10", "notification": "2026-03-12"},
            date(2026, 3, 10),
            date(2026, 3, 12),
        ),
    ],
)
def test_clocks_start_at_notification_else_last_day(
    dates: dict[str, str], last_day: date, clock_start: date
) -> None:
    """'fin' defaults to 'debut'; clocks start at 'notification', else at the last day."""
    info = AuditInfo.model_validate({"type": "initial", **dates})
    assert (info.last_day, info.clock_start) == (last_day, clock_start)


def test_minimal_audit_is_valid() -> None:
    """organisme, certificateur and audit suffice; langue and certificat are optional."""
    audit = Audit.model_validate(
        {
            "organisme": ORGANISATION,
            "certificateur": {"nom": "Certif"},
            "audit": {"type": "initial", "debut": "2026-03-09"},
        }
    )
    assert (audit.language, audit.certificate, audit.organisation.new_entrant) == (
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("written", "iso"),
    [("2026-4-5", "2026-04-05"), ("2026/04/15", "2026-04-15"), ("20260415", "2026-04-15"),
     ("2026.04.15", "2026-04-15"), ("12 mars 2026", "2026-03-12"),
     ("1er août 2026", "2026-08-01"), ("3 Déc. 2026", "2026-12-03"),
     ("15 April 2026", "2026-04-15"), ("29 fevrier 2028", "2028-02-29")],
)  # fmt: skip
def test_near_iso_dates_get_their_iso_form(written: str, iso: str) -> None:
    """A date almost in ISO form is refused with the exact ISO form to write."""
    err = plan_sent_error(written)
    assert (err["type"], err["ctx"]["iso"]) == ("qnc_date_french", iso)


def plan_sent_error(written: str) -> Any:
    """The one error of an NC whose plan_envoye_le is ``written``."""
    with pytest.raises(ValidationError) as info:
        NonConformity.model_validate(
            {"id": "a", "indicateur": 1, "gravite": "mineure", "constat": "x",
             "plan_envoye_le": written}
        )  # fmt: skip
    (err,) = info.value.errors()
    return err


@pytest.mark.parametrize(
    ("obtained", "end"),
    [
        ("2024-05-02", date(2027, 5, 1)),  # 3 years less a day
        ("2021-01-01", date(2023, 12, 31)),  # the first day of 3-year certificates
        ("2020-12-31", date(2024, 12, 30)),  # obtained before 2021: 4 years
        ("2020-09-01", date(2024, 8, 31)),
        ("2024-02-29", date(2027, 2, 28)),  # no 29 February in 2027: 28th still covered
        ("2020-02-29", date(2024, 2, 28)),  # 4 years on, a 29 February again
        ("2021-03-01", date(2024, 2, 29)),  # the day before 1 March 2024, a leap year
    ],
)
def test_certificate_end_by_default(obtained: str, end: date) -> None:
    """Without expire_le, a certificate ends the day before its anniversary: 3 years on,
    4 for one obtained before 1 January 2021 (shared/domain/qualiopi.md)."""
    certificate = Certificate.model_validate({"obtenu_le": obtained})
    assert certificate.end == end
    given = Certificate.model_validate({"obtenu_le": obtained, "expire_le": "2030-01-01"})
    assert given.end == date(2030, 1, 1)


@pytest.mark.parametrize(
    ("written", "kind"),
    [("12 brumaire 2026", "qnc_date"), ("30 février 2026", "qnc_date_impossible"),
     ("mars 2026", "qnc_date"), ("2 juin 1999", "qnc_date_range"),
     ("15/06/1999", "qnc_date_range")],
)  # fmt: skip
def test_dates_in_words_that_are_no_date(written: str, kind: str) -> None:
    """An unknown month name is not a date; a day the month lacks is impossible; a year
    out of range is said so rather than given an ISO form that is refused in turn."""
    assert plan_sent_error(written)["type"] == kind
