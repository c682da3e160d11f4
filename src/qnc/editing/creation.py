"""New files: an NC (``qnc add``) and an audit folder (``qnc init``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from qnc.editing.facts import Recorded
from qnc.editing.given import Options, check_given
from qnc.editing.session import Change, Session, shown
from qnc.editing.templates import (
    AUDIT_SCHEMA,
    NC_SCHEMA,
    AuditValues,
    audit_text,
    nc_text,
    precommit_text,
)
from qnc.i18n import t, translator
from qnc.model.folder import AUDIT_FILE, NC_DIR
from qnc.model.ids import next_id
from qnc.model.records import AuditType
from qnc.reading.layout import YAML_SUFFIXES
from qnc.rules.words import audit_type_label

PRECOMMIT_FILE = ".pre-commit-config.yaml"


def add(
    session: Session, *, indicator: int, grade: str, finding: str, requirement: str | None
) -> Recorded:
    """A new NC file, named after the next free id; ``exigence`` is qnc's summary of the
    indicator when not given (said so in a comment beside it)."""
    audit = session.audit()
    nc_id = next_id([n.nc.id for n in audit.ncs] + _nc_stems(session.folder), first="NC-01")
    known = audit.grid.indicators.get(indicator)
    tr = translator(session.language)
    text = nc_text(
        nc_id=nc_id,
        indicator=indicator,
        grade=grade,
        finding=finding,
        requirement=requirement,
        summary=tr.text(known.label) if known else None,
        today=session.today,
        tr=tr,
        schema=(session.folder / NC_SCHEMA).is_file(),
    )
    path = session.folder / NC_DIR / f"{nc_id}.yaml"
    changes = (session.create(path, text),)
    fact = t(
        "{nc}: new NC, indicator {n}, {grade} ({file})",
        nc=nc_id,
        n=indicator,
        grade=grade,
        file=shown(path),
    )
    warnings = tuple(check_given(session, changes, ADD_OPTIONS))
    return Recorded(fact, changes, warnings, organisation=audit.audit.organisation.name)


ADD_OPTIONS: Options = {
    ("indicateur",): "--indicateur",
    ("gravite",): "--gravite",
    ("constat",): "--constat",
    ("exigence",): "--exigence",
}
INIT_OPTIONS: Options = {
    ("organisme", "nom"): "--nom",
    ("organisme", "siret"): "--siret",
    ("organisme", "nda"): "--nda",
    ("organisme", "categories"): "--categories",
    ("certificateur", "nom"): "--certificateur",
    ("audit", "type"): "--type",
    ("audit", "debut"): "--debut",
    ("audit", "fin"): "--fin",
    ("audit", "notification"): "--notification",
}
"""The key each option of ``qnc add`` and ``qnc init`` writes."""


def _nc_stems(folder: Path) -> list[str]:
    """The names of the files of nc/, readable or not: their ids are taken too."""
    try:
        with os.scandir(folder / NC_DIR) as entries:
            return [Path(e.name).stem for e in entries if e.name.endswith(YAML_SUFFIXES)]
    except OSError:
        return []


def init(
    session: Session, values: AuditValues, *, schemas: Mapping[str, str], hook: bool
) -> Recorded:
    """A new audit folder: audit.yaml from the template, the schemas for editors, and
    with ``hook`` the pre-commit configuration. Nothing existing is written over."""
    tr = translator(session.language)
    folder = session.folder
    files = {
        AUDIT_FILE: audit_text(values, tr, schema=AUDIT_SCHEMA in schemas),
        **{name: schemas[name] for name in (AUDIT_SCHEMA, NC_SCHEMA) if name in schemas},
    }
    if hook:
        files[PRECOMMIT_FILE] = precommit_text(tr)
    changes = tuple(session.create(folder / name, text) for name, text in files.items())
    audit_change: Change = changes[0]
    fact = t(
        "{name}: audit folder created ({type} of {day})",
        name=values.name,
        type=audit_type_label(AuditType(values.type)),
        day=values.start,
    )
    return Recorded(fact, changes, tuple(check_given(session, [audit_change], INIT_OPTIONS)))
