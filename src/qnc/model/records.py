"""Validated, immutable records of audit.yaml and nc/*.yaml.

Attributes are English; the YAML keys users write are French aliases. Unknown keys
are refused (``extra="forbid"``) so that a typo never goes unnoticed. Rules that span
several records (duplicate ids, grid membership, date order) live in ``qnc.checks.audit``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from qnc.i18n import Language
from qnc.model.dates import ISO_SHAPE, near_miss
from qnc.model.durations import Duration, Unit, parse_duration
from qnc.model.referential import GRIDS, Activity, Category

_LA_POSTE = "356000000"
FIRST_YEAR, LAST_YEAR = 2000, 2099
"""Dates outside these years are typing mistakes (Qualiopi began in 2019); bounding them
also keeps every due date computable."""
FOUR_YEAR_TERM_BEFORE = date(2021, 1, 1)
"""Certificates obtained before this day were issued for 4 years instead of 3."""
MAX_DURATION = {Unit.DAYS: 3660, Unit.WEEKS: 520, Unit.MONTHS: 120, Unit.YEARS: 10}
"""No certifier rule runs past ten years."""


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    text = _text(value).strip()
    if ISO_SHAPE.fullmatch(text):
        return _in_range(_calendar_date(text, *(int(part) for part in text.split("-"))))
    parts = near_miss(text)
    if parts is None:
        raise PydanticCustomError("qnc_date", "not a date", {"value": text})
    iso = _in_range(_calendar_date(text, *parts)).isoformat()
    raise PydanticCustomError("qnc_date_french", "not ISO", {"value": text, "iso": iso})


def _in_range(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PydanticCustomError(
            "qnc_date_range", "out of range", {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return day


def _calendar_date(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("qnc_date_impossible", "no such date", {"value": text}) from None


def _duration(value: Any) -> Any:
    if isinstance(value, Duration):
        return value
    duration = parse_duration(str(value)) if isinstance(value, str) else None
    if duration is None:
        raise PydanticCustomError("qnc_duration", "not a duration", {"value": _text(value)})
    if duration.amount > MAX_DURATION[duration.unit]:
        raise PydanticCustomError("qnc_duration_range", "too long", {"value": value})
    return duration


def _text(value: Any) -> str:
    return "null" if value is None else str(value)


def _none_as_empty(value: Any) -> Any:
    """``actions:`` with nothing under it (or every line commented out) means no action."""
    return () if value is None else value


def _none_as_default(value: Any) -> Any:
    return {} if value is None else value


def _digits(length: int, code: str, luhn: bool) -> Any:
    def check(value: Any) -> Any:
        text = str(value).replace(" ", "")
        if not (text.isdigit() and len(text) == length) or (luhn and not _luhn_ok(text)):
            raise PydanticCustomError(code, "bad number", {"value": str(value)})
        return text

    return check


def _luhn_ok(digits: str) -> bool:
    if digits.startswith(_LA_POSTE) and len(digits) == 14:
        # La Poste's establishments share one SIREN; their SIRET digits add up to a
        # multiple of 5 instead of passing the Luhn check (INSEE rule).
        return sum(int(c) for c in digits) % 5 == 0
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _whole_number(value: Any) -> Any:
    # YAML true/false would silently become 1/0, and 1e1 would become 10
    if isinstance(value, bool | float):
        raise PydanticCustomError("qnc_number", "not a number", {"value": str(value).lower()})
    return value


def _grid(value: Any) -> Any:
    if not isinstance(value, str) or value not in GRIDS:
        raise PydanticCustomError("qnc_grid", "unknown grid", {"value": str(value)})
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
DURATION_PATTERN = r"^\s*[0-9]{1,4}\s*(jours?|days?|semaines?|weeks?|mois|months?|ans?|years?)\s*$"
DurationField = Annotated[
    Duration,
    BeforeValidator(_duration),
    # In the files (and so in the JSON schema), a duration is text such as "3 mois".
    WithJsonSchema({"type": "string", "pattern": DURATION_PATTERN}),
]
Text = Annotated[str, StringConstraints(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_by_alias=True, validate_by_name=False
    )


class Grade(StrEnum):
    MINOR = "mineure"
    MAJOR = "majeure"


class AuditType(StrEnum):
    INITIAL = "initial"
    SURVEILLANCE = "surveillance"
    RENEWAL = "renouvellement"
    COMPLEMENTARY = "complementaire"
    EXTENSION = "extension"


class ActionType(StrEnum):
    CORRECTION = "correction"
    CORRECTIVE = "corrective"
    PREVENTIVE = "preventive"


class Organisation(Record):
    name: Text = Field(alias="nom")
    siret: Annotated[str, BeforeValidator(_digits(14, "qnc_siret", luhn=True))] | None = None
    nda: Annotated[str, BeforeValidator(_digits(11, "qnc_nda", luhn=False))] | None = None
    categories: tuple[Category, ...] = Field(alias="categories", min_length=1)
    activities: Annotated[tuple[Activity, ...], BeforeValidator(_none_as_empty)] = Field(
        default=(), alias="activites"
    )
    new_entrant: bool = Field(default=False, alias="nouvel_entrant")


class Certifier(Record):
    name: Text = Field(alias="nom")
    contact: str | None = None


class AuditInfo(Record):
    type: AuditType
    start: IsoDate = Field(alias="debut")
    end: IsoDate | None = Field(default=None, alias="fin")
    notification: IsoDate | None = None
    auditor: str | None = Field(default=None, alias="auditeur")
    grid: Annotated[str, BeforeValidator(_grid)] | None = Field(default=None, alias="referentiel")
    previous: str | None = Field(default=None, alias="precedent")

    @property
    def last_day(self) -> date:
        return self.end or self.start

    @property
    def clock_start(self) -> date:
        """Every clock runs from the notification; the last audit day by default."""
        return self.notification or self.last_day


class Certificate(Record):
    obtained: IsoDate = Field(alias="obtenu_le")
    expires: IsoDate | None = Field(default=None, alias="expire_le")

    @property
    def end(self) -> date:
        """The last day of validity, ``expire_le`` or else the day before the certificate's
        anniversary: 3 years on, 4 for one obtained before 1 January 2021
        (shared/domain/qualiopi.md). From 29 February, in a year without one, the
        anniversary is 1 March, so 28 February is still covered."""
        if self.expires is not None:
            return self.expires
        from dateutil.relativedelta import relativedelta

        years = 4 if self.obtained < FOUR_YEAR_TERM_BEFORE else 3
        anniversary = self.obtained + relativedelta(years=years)
        if anniversary.day != self.obtained.day:  # 29 February clamped to the 28th
            return anniversary
        return anniversary - relativedelta(days=1)


def _rule(default: str, alias: str) -> Any:
    """A rule of ``regles`` with its default, written as users write it."""
    duration = parse_duration(default)
    assert duration is not None  # the defaults above are well-formed
    return Field(default=duration, alias=alias, json_schema_extra={"default": default})


class Rules(Record):
    """Certifier practice; defaults from arrêté du 6 juin 2019 art. 5 and usual practice."""

    minor_plan: DurationField = _rule("30 jours", "plan_mineure")
    major_correction: DurationField = _rule("3 mois", "correction_majeure")
    decision: DurationField = _rule("1 mois", "decision")
    minor_implementation: DurationField = _rule("6 mois", "mise_en_oeuvre_mineure")
    alert: DurationField = _rule("14 jours", "alerte")


class Audit(Record):
    """The contents of audit.yaml."""

    organisation: Organisation = Field(alias="organisme")
    certifier: Certifier = Field(alias="certificateur")
    audit: AuditInfo
    certificate: Certificate | None = Field(default=None, alias="certificat")
    rules: Annotated[Rules, BeforeValidator(_none_as_default)] = Field(
        default_factory=Rules, alias="regles"
    )
    language: Language | None = Field(default=None, alias="langue")


class Action(Record):
    id: Text
    type: ActionType = ActionType.CORRECTIVE
    description: str = ""
    owner: Text = Field(alias="responsable")
    due: IsoDate = Field(alias="echeance")
    done: IsoDate | None = Field(default=None, alias="fait_le")
    expected_evidence: str | None = Field(default=None, alias="preuve_attendue")
    evidence: Annotated[tuple[str, ...], BeforeValidator(_none_as_empty)] = Field(
        default=(), alias="preuves"
    )


class Effectiveness(Record):
    checked: IsoDate = Field(alias="verifiee_le")
    result: str | None = Field(default=None, alias="resultat")


class NonConformity(Record):
    """The contents of one nc/<id>.yaml file."""

    id: Text
    indicator: Annotated[int, BeforeValidator(_whole_number)] = Field(alias="indicateur")
    grade: Grade = Field(alias="gravite")
    finding: Text = Field(alias="constat")
    requirement: str | None = Field(default=None, alias="exigence")
    root_cause: str | None = Field(default=None, alias="analyse_causes")
    correction: str | None = None
    actions: Annotated[tuple[Action, ...], BeforeValidator(_none_as_empty)] = ()
    plan_sent: IsoDate | None = Field(default=None, alias="plan_envoye_le")
    evidence_sent: IsoDate | None = Field(default=None, alias="preuves_envoyees_le")
    effectiveness: Effectiveness | None = Field(default=None, alias="efficacite")
    lifted: IsoDate | None = Field(default=None, alias="levee_le")
    origin: str | None = Field(default=None, alias="origine")
