"""The Référentiel National Qualité as data: criteria, indicators and grid versions.

Facts (numbers, criteria, applicability, major-only, new-entrant) come from
``shared/domain/qualiopi.md``: décret n° 2019-565 and arrêté du 6 juin 2019.
Labels are our own short wording (English msgids, French in the catalog).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final, NamedTuple


class Category(StrEnum):
    """Categories of action (Code du travail art. L. 6313-1)."""

    AF = "AF"
    BC = "BC"
    VAE = "VAE"
    CFA = "CFA"


class Activity(StrEnum):
    """Activities that make conditional indicators apply."""

    CERTIFIANT = "certifiant"
    ALTERNANCE = "alternance"
    SOUS_TRAITANCE = "sous_traitance"


class Indicator(NamedTuple):
    number: int
    criterion: int | None
    label: str
    applies: MappingProxyType[Category, Activity | None]
    """Category -> the activity the indicator needs there (None: always applies)."""
    major_only: bool
    new_entrant: bool

    @property
    def categories(self) -> tuple[Category, ...]:
        return tuple(c for c in Category if c in self.applies)


class Grid(NamedTuple):
    id: str
    label: str
    applies_from: date
    verified: bool
    indicators: MappingProxyType[int, Indicator]


CRITERIA: Final = MappingProxyType(
    {
        1: "Public information on the offer",
        2: "Objectives and design of the service",
        3: "Fit to the public: welcome, support, follow-up, assessment",
        4: "Teaching, technical and supervision resources",
        5: "Staff qualification and development",
        6: "Involvement in the professional environment",
        7: "Feedback, complaints and improvement",
    }
)

_ALL = "all"
_A, _C, _S = Activity.ALTERNANCE, Activity.CERTIFIANT, Activity.SOUS_TRAITANCE
AF, BC, VAE, CFA = Category

# number, criterion, label, applies-to, major-only, new-entrant
_RNQ_2019: tuple[_Row, ...] = (
    (1, 1, "Clear, accurate public information on the offer", _ALL, False, False),
    (2, 1, "Published result indicators", _ALL, False, True),
    (
        3,
        1,
        "Certifying offers: pass rates and outcomes published",
        {AF: _C, VAE: _C, CFA: _C},
        False,
        True,
    ),
    (4, 2, "Needs of each beneficiary analysed", _ALL, True, False),
    (5, 2, "Operational, measurable objectives", _ALL, True, False),
    (6, 2, "Content and methods fit the objectives", _ALL, True, False),
    (7, 2, "Content matches the targeted certification", {AF: _C, CFA: _C}, True, False),
    (8, 2, "Entry positioning and prior learning", {AF: None, CFA: None}, False, False),
    (9, 3, "Beneficiaries told how the service runs", _ALL, False, False),
    (10, 3, "Delivery, support and follow-up adapted", _ALL, True, False),
    (11, 3, "Achievement of objectives assessed", _ALL, True, True),
    (12, 3, "Engagement fostered, dropout prevented", _ALL, False, False),
    (
        13,
        3,
        "Work-study: training centre and company coordinated",
        {AF: _A, CFA: None},
        False,
        True,
    ),
    (14, 3, "Social, educational and civic support", {CFA: None}, True, True),
    (15, 3, "Apprentices told their rights, duties, health and safety", {CFA: None}, True, False),
    (16, 3, "Exam entry follows the certifier's rules", {AF: _C, VAE: _C, CFA: _C}, True, False),
    (17, 4, "Adequate staff, premises and equipment", _ALL, False, False),
    (18, 4, "People involved are coordinated", _ALL, False, False),
    (19, 4, "Learning resources made available", _ALL, False, True),
    (20, 4, "Mobility, disability referents and improvement council", {CFA: None}, True, False),
    (21, 5, "Staff skills defined and checked", _ALL, True, False),
    (22, 5, "Staff skills kept up to date", _ALL, True, True),
    (23, 6, "Legal and regulatory watch", _ALL, False, False),
    (24, 6, "Jobs and skills watch", _ALL, False, True),
    (25, 6, "Teaching and technology watch", _ALL, False, True),
    (26, 6, "Disability: expertise and partner network", _ALL, True, True),
    (27, 6, "Subcontracting meets the quality framework", dict.fromkeys(Category, _S), True, False),
    (28, 6, "Partners for work-based periods", {AF: _A, CFA: _A}, False, False),
    (29, 6, "Job entry or further study supported", {CFA: None}, True, False),
    (30, 7, "Stakeholders' feedback collected", _ALL, False, False),
    (31, 7, "Difficulties, complaints and incidents handled", _ALL, True, False),
    (32, 7, "Improvements drawn from feedback and complaints", _ALL, True, True),
)

# Reported, not verified: décret n° 2026-728 (see shared/domain/qualiopi.md). Its
# criterion and wording are unknown, so none is invented here.
_INDICATOR_33: _Row = (
    33,
    None,
    "Apprenticeship indicator of the 2026 grid (content not verified)",
    {CFA: None},
    False,
    False,
)


_Row = tuple[int, int | None, str, str | dict[Category, Activity | None], bool, bool]


IMPLIED: Final = MappingProxyType({CFA: frozenset({_A, _C}), VAE: frozenset({_C})})
"""Conditions a category always meets: apprenticeship always alternates company and
training centre and always leads to a certification (Code du travail L. 6211-1,
L. 6211-2); VAE always aims at a certification (L. 6313-5). See shared/domain/qualiopi.md."""


def _indicators(rows: tuple[_Row, ...]) -> MappingProxyType[int, Indicator]:
    result = {}
    for number, criterion, label, applies, major, new in rows:
        mapping = dict.fromkeys(Category) if isinstance(applies, str) else applies
        # A condition the category always meets is no condition there (IMPLIED).
        mapping = {c: None if a in IMPLIED.get(c, ()) else a for c, a in mapping.items()}
        result[number] = Indicator(number, criterion, label, MappingProxyType(mapping), major, new)
    return MappingProxyType(result)


RNQ_2019: Final = Grid(
    "rnq-2019", "RNQ 2019 (32 indicators)", date(2019, 6, 6), True, _indicators(_RNQ_2019)
)
RNQ_2026: Final = Grid(
    "rnq-2026",
    "RNQ 2026 (33 indicators, reported, not verified)",
    date(2026, 11, 1),
    False,
    _indicators((*_RNQ_2019, _INDICATOR_33)),
)
GRIDS: Final = MappingProxyType({grid.id: grid for grid in (RNQ_2019, RNQ_2026)})


def grid_for(audit_start: date, override: str | None = None) -> Grid:
    """The grid of an audit: the override if given, else the latest in force at its start."""
    if override is not None:
        return GRIDS[override]
    in_force = [g for g in GRIDS.values() if g.applies_from <= audit_start]
    return max(in_force, key=lambda g: g.applies_from) if in_force else RNQ_2019
