"""The values of one NC file that the checks read one or two at a time (its indicator,
its dated facts, its paths), from a valid record or from a file with schema errors.

A file with a missing key still has an indicator, dates and evidence worth checking:
:func:`nc_values` takes the file's values in their YAML shape, each one already
validated, so that the same checks word the same messages in both cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from qnc.model.folder import NcFile
from qnc.model.records import EvidenceFile, Grade

KeyPath = tuple[str | int, ...]
_FACTS = ("plan_envoye_le", "preuves_envoyees_le", "levee_le")
"""Dated facts of the NC itself; ``efficacite.verifiee_le`` and each action's
``fait_le`` are the others."""

T = TypeVar("T")


class NcValues(NamedTuple):
    """What could be read of one NC file; None (or empty) where a value is missing or
    invalid, since its own error is reported by the schema."""

    path: Path
    id: str | None = None
    indicator: int | None = None
    grade: Grade | None = None
    origin: str | None = None
    requirement: str | None = None
    facts: tuple[tuple[KeyPath, date], ...] = ()
    """Every dated fact (plan sent, action done…), with the key path it is written at."""
    due: tuple[tuple[KeyPath, date], ...] = ()
    """Every due date planned (each action's, the effectiveness check's), at its key path."""
    evidence: tuple[tuple[KeyPath, EvidenceFile], ...] = ()
    """Each evidence item (a path, or a path and its fingerprint), at its key path."""


def values_of(entry: NcFile) -> NcValues:
    """Every value of a valid NC record."""
    return nc_values(entry.path, entry.nc.model_dump(by_alias=True))


def nc_values(path: Path, data: Mapping[str, Any]) -> NcValues:
    """The values of ``data``, an NC in its YAML shape whose values are validated."""
    facts: list[tuple[KeyPath, object]] = [((key,), data.get(key)) for key in _FACTS]
    due: list[tuple[KeyPath, object]] = []
    effectiveness = data.get("efficacite")
    if isinstance(effectiveness, Mapping):
        facts.append((("efficacite", "verifiee_le"), effectiveness.get("verifiee_le")))
        due.append((("efficacite", "echeance"), effectiveness.get("echeance")))
    evidence: list[tuple[KeyPath, object]] = []
    for i, action in enumerate(_items(data.get("actions"))):
        if isinstance(action, Mapping):
            facts.append((("actions", i, "fait_le"), action.get("fait_le")))
            due.append((("actions", i, "echeance"), action.get("echeance")))
            evidence += [
                (("actions", i, "preuves", j), target)
                for j, target in enumerate(_items(action.get("preuves")))
            ]
    return NcValues(
        path,
        id=_typed(data.get("id"), str),
        indicator=_typed(data.get("indicateur"), int),
        grade=_typed(data.get("gravite"), Grade),
        origin=_typed(data.get("origine"), str),
        requirement=_typed(data.get("exigence"), str),
        facts=_dated(facts),
        due=_dated(due),
        evidence=tuple((loc, item) for loc, value in evidence if (item := _evidence(value))),
    )


def _dated(values: list[tuple[KeyPath, object]]) -> tuple[tuple[KeyPath, date], ...]:
    return tuple((loc, day) for loc, day in values if isinstance(day, date))


def _evidence(value: object) -> EvidenceFile | None:
    """An evidence item as validated (a mapping) or as written (a path alone)."""
    if isinstance(value, str):
        return EvidenceFile(chemin=value)
    path = value.get("chemin") if isinstance(value, Mapping) else None
    if not isinstance(path, str):
        return None
    fingerprint = value.get("empreinte") if isinstance(value, Mapping) else None
    return EvidenceFile(chemin=path, empreinte=fingerprint)


def _items(value: object) -> list[object] | tuple[object, ...]:
    return value if isinstance(value, list | tuple) else ()


def _typed(value: object, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None
