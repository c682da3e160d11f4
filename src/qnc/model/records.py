"""Validated, immutable records of audit.yaml and nc/*.yaml.

Attributes are English; the YAML keys users write are French aliases. Unknown keys
are refused (``extra="forbid"``) so that a typo never goes unnoticed. Rules that span
several records (duplicate ids, grid membership, date order) live in :mod:`qnc.checks`.
"""

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from qnc.i18n import Language
from qnc.model.durations import parse_duration
from qnc.model.fields import (
    DurationField,
    Fingerprint,
    Identifier,
    IsoDate,
    NewEntrant,
    Owners,
    PlainText,
    Text,
    digits,
    evidence_item,
    grid_id,
    none_as_default,
    none_as_empty,
    whole_number,
)
from qnc.model.referential import Activity, Category

FOUR_YEAR_TERM_BEFORE = date(2021, 1, 1)
"""Certificates obtained before this day were issued for 4 years instead of 3."""


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
    siret: Annotated[str, BeforeValidator(digits(14, "qnc_siret", luhn=True))] | None = None
    nda: Annotated[str, BeforeValidator(digits(11, "qnc_nda", luhn=False))] | None = None
    categories: tuple[Category, ...] = Field(alias="categories", min_length=1)
    activities: Annotated[tuple[Activity, ...], BeforeValidator(none_as_empty)] = Field(
        default=(), alias="activites"
    )
    new_entrant: NewEntrant = Field(default=False, alias="nouvel_entrant")
    """True (every category), or the categories the organisation starts (a new entrant
    only there: shared/domain/qualiopi.md, new entrants)."""

    @property
    def new_entrant_categories(self) -> tuple[Category, ...]:
        if self.new_entrant is True:
            return self.categories
        return self.new_entrant or ()


class Certifier(Record):
    name: Text = Field(alias="nom")
    contact: PlainText | None = None


class AuditInfo(Record):
    type: AuditType
    start: IsoDate = Field(alias="debut")
    end: IsoDate | None = Field(default=None, alias="fin")
    notification: IsoDate | None = None
    auditor: PlainText | None = Field(default=None, alias="auditeur")
    grid: Annotated[str, BeforeValidator(grid_id)] | None = Field(default=None, alias="referentiel")
    previous: PlainText | None = Field(default=None, alias="precedent")

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


class Signatory(Record):
    """Who signs the action plan sent to the certifier; what is missing is left blank."""

    name: PlainText | None = Field(default=None, alias="nom")
    function: PlainText | None = Field(default=None, alias="fonction")
    place: PlainText | None = Field(default=None, alias="lieu")
    day: IsoDate | None = Field(default=None, alias="date")


class Audit(Record):
    """The contents of audit.yaml."""

    organisation: Organisation = Field(alias="organisme")
    certifier: Certifier = Field(alias="certificateur")
    audit: AuditInfo
    certificate: Certificate | None = Field(default=None, alias="certificat")
    rules: Annotated[Rules, BeforeValidator(none_as_default)] = Field(
        default_factory=Rules, alias="regles"
    )
    language: Language | None = Field(default=None, alias="langue")
    signatory: Annotated[Signatory, BeforeValidator(none_as_default)] = Field(
        default_factory=Signatory, alias="signataire"
    )


class EvidenceFile(Record):
    """An evidence file or address, and the fingerprint the file had when it was sent."""

    path: PlainText = Field(alias="chemin")
    fingerprint: Fingerprint | None = Field(default=None, alias="empreinte")


Evidence = Annotated[
    EvidenceFile,
    # A plain path in the files, or {chemin, empreinte}: the schema says both.
    BeforeValidator(evidence_item, json_schema_input_type=str | EvidenceFile),
]


class Action(Record):
    id: Identifier
    type: ActionType = ActionType.CORRECTIVE
    description: PlainText = ""
    owners: Owners = Field(alias="responsable")
    """One person or several sharing the action."""
    start: IsoDate | None = Field(default=None, alias="debut")
    """The day work on the action began (or is planned to): where its bar starts."""
    due: IsoDate = Field(alias="echeance")
    done: IsoDate | None = Field(default=None, alias="fait_le")
    expected_evidence: PlainText | None = Field(default=None, alias="preuve_attendue")
    evidence: Annotated[tuple[Evidence, ...], BeforeValidator(none_as_empty)] = Field(
        default=(), alias="preuves"
    )


class Effectiveness(Record):
    method: PlainText | None = Field(default=None, alias="methode")
    """How the actions' effect will be checked: what the certifier expects with the plan."""
    owners: Owners | None = Field(default=None, alias="responsable")
    """Who checks it: one person or several."""
    planned: IsoDate | None = Field(default=None, alias="echeance")
    """The day the check is planned for."""
    checked: IsoDate | None = Field(default=None, alias="verifiee_le")
    result: PlainText | None = Field(default=None, alias="resultat")


class NonConformity(Record):
    """The contents of one nc/<id>.yaml file."""

    id: Identifier
    indicator: Annotated[int, BeforeValidator(whole_number)] = Field(alias="indicateur")
    grade: Grade = Field(alias="gravite")
    finding: Text = Field(alias="constat")
    requirement: PlainText | None = Field(default=None, alias="exigence")
    root_cause: PlainText | None = Field(default=None, alias="analyse_causes")
    correction: PlainText | None = None
    actions: Annotated[tuple[Action, ...], BeforeValidator(none_as_empty)] = ()
    plan_sent: IsoDate | None = Field(default=None, alias="plan_envoye_le")
    evidence_sent: IsoDate | None = Field(default=None, alias="preuves_envoyees_le")
    effectiveness: Effectiveness | None = Field(default=None, alias="efficacite")
    lifted: IsoDate | None = Field(default=None, alias="levee_le")
    origin: PlainText | None = Field(default=None, alias="origine")
