"""``qnc schema``: the JSON schema of audit.yaml and of an NC file, for editors.

Built from the records, then told all a JSON schema can say: a French description and
an example on every key, the indicators of the grids (each with its label), the date,
id and fingerprint patterns, a null where qnc takes an empty key, and 'majeure' required
on the indicators that only give major NCs. Pydantic's generated titles and the code's
English docstrings are left out. What needs several files or the calendar (an indicator
of the audit's own grid, a date that exists, deadlines) stays for ``qnc check``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from qnc.i18n import Msg, Translator, t
from qnc.model.referential import GRIDS, Indicator
from qnc.render import schema_words as words

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NULLABLE = {("Organisation", "activites"), ("Action", "preuves"),
             ("NonConformity", "actions"), ("Audit", "regles"),
             ("Audit", "signataire")}  # fmt: skip
"""Keys qnc reads as empty when nothing follows them (``actions:`` alone)."""
_IDS = {("NonConformity", "id"), ("Action", "id")}
_DIGITS = {("Organisation", "siret"): 14, ("Organisation", "nda"): 11}


def json_schema(model: type[BaseModel], tr: Translator) -> dict[str, Any]:
    generated = _plain(model.model_json_schema(by_alias=True, mode="validation"))
    defs: dict[str, Any] = generated.pop("$defs", {})
    records = {model.__name__: generated, **defs}
    for name, record in records.items():
        _describe(name, record, tr)
    if model.__name__ == "NonConformity":
        _indicators(generated["properties"]["indicateur"], tr)
        generated.update(_major_only(tr))
    if model.__name__ == "Audit":
        referentiel = defs["AuditInfo"]["properties"]["referentiel"]["anyOf"][0]
        referentiel["enum"] = list(GRIDS)
    head = {"$schema": DIALECT}
    return {**head, **generated, **({"$defs": defs} if defs else {})}


def _describe(name: str, record: dict[str, Any], tr: Translator) -> None:
    own = words.described(name, "")
    if own is not None:
        record["description"] = tr(own[0])
    for key, prop in record.get("properties", {}).items():
        found = words.described(name, key)
        if found is not None:
            description, example = found
            prop["description"] = tr(description)
            if example is not None:
                prop["examples"] = [example]
        if (name, key) in _NULLABLE:
            record["properties"][key] = prop = _or_null(prop)
        if (name, key) in _IDS:
            prop["pattern"] = r"\S"  # at least one visible character
        if (name, key) in _DIGITS:
            pattern = rf"^ *([0-9] *){{{_DIGITS[name, key]}}}$"
            prop["anyOf"][0]["pattern"] = pattern


def _or_null(prop: dict[str, Any]) -> dict[str, Any]:
    annotations: dict[str, Any] = {
        k: prop.pop(k) for k in ("description", "examples", "default") if k in prop
    }
    return {"anyOf": [prop, {"type": "null"}], **annotations}


def _indicators(prop: dict[str, Any], tr: Translator) -> None:
    """Every indicator of every grid, each described by its label."""
    known: dict[int, tuple[Indicator, list[str]]] = {}
    for grid in GRIDS.values():
        for number, indicator in grid.indicators.items():
            known.setdefault(number, (indicator, []))[1].append(grid.id)
    numbers = sorted(known)
    prop["enum"] = numbers
    prop["enumDescriptions"] = [_indicator(*known[n], tr) for n in numbers]


def _indicator(indicator: Indicator, grids: list[str], tr: Translator) -> str:
    text = tr(_with(words.INDICATOR, number=indicator.number, label=tr.text(indicator.label)))
    if indicator.major_only:
        text = tr(_with(words.MAJOR_ONLY, description=text))
    unverified = [g for g in grids if not GRIDS[g].verified]
    if unverified == grids:
        text = tr(_with(words.UNVERIFIED, description=text, grid=unverified[0]))
    return text


def _major_only(tr: Translator) -> dict[str, Any]:
    """'gravite: majeure' on an indicator that only gives major NCs (in every grid)."""
    major = sorted(
        n
        for n in {n for g in GRIDS.values() for n in g.indicators}
        if all(g.indicators[n].major_only for g in GRIDS.values() if n in g.indicators)
    )
    grade = {"const": "majeure", "description": tr(words.GRADE_FOR_MAJOR_ONLY)}
    return {
        "if": {"properties": {"indicateur": {"enum": major}}, "required": ["indicateur"]},
        "then": {"properties": {"gravite": grade}},
    }


def _with(template: Msg, **args: object) -> Msg:
    """``template`` (a message of :mod:`qnc.render.schema_words`) with its arguments."""
    return t(template.text, **args)


def _plain(node: Any, *, names: bool = False) -> Any:
    """The schema without Pydantic's titles ("Fait Le") and the code's English docstrings,
    which an editor would show to French users; ``names`` marks a mapping of property
    names, whose keys are kept whatever they are (an action has a 'description')."""
    if isinstance(node, dict):
        return {
            key: _plain(value, names=key in ("properties", "$defs") and not names)
            for key, value in node.items()
            if names or key not in ("title", "description")
        }
    if isinstance(node, list):
        return [_plain(item) for item in node]
    return node
