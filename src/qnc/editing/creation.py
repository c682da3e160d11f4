"""New files: an NC (``qnc add``) and an audit folder (``qnc init``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from qnc.editing.facts import Recorded
from qnc.editing.given import Options, check_given
from qnc.editing.schemas import NC_SCHEMA, SCHEMAS, modeline, nearest_schema, schema_changes
from qnc.editing.session import Session, shown
from qnc.editing.templates import AuditValues, audit_text, nc_text, precommit_text
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
    path = session.folder / NC_DIR / f"{nc_id}.yaml"
    schema = nearest_schema(session.folder, NC_SCHEMA)
    text = nc_text(
        nc_id=nc_id,
        indicator=indicator,
        grade=grade,
        finding=finding,
        requirement=requirement,
        summary=tr.text(known.label) if known else None,
        today=session.today,
        tr=tr,
        modeline=modeline(path, schema) if schema else None,
    )
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
    session: Session,
    values: AuditValues,
    *,
    schemas: Mapping[str, str],
    schema_root: Path,
    hook: bool,
) -> Recorded:
    """A new audit folder: audit.yaml from the template, the schemas for editors (at
    ``schema_root``, by kind: ``audit``, ``nc``), and with ``hook`` the pre-commit
    configuration. Nothing existing is written over but a schema qnc wrote."""
    tr = translator(session.language)
    folder = session.folder
    audit_file = folder / AUDIT_FILE
    line = modeline(audit_file, schema_root / SCHEMAS["audit"]) if schemas else None
    audit_change = session.create(audit_file, audit_text(values, tr, modeline=line))
    files = {folder / PRECOMMIT_FILE: precommit_text(tr)} if hook else {}
    extra = [session.create(path, text) for path, text in files.items()]
    written, notes = schema_changes(session, schema_root, schemas)
    fact = t(
        "{name}: audit folder created ({type} of {day})",
        name=values.name,
        type=audit_type_label(AuditType(values.type)),
        day=values.start,
    )
    warnings = tuple(check_given(session, [audit_change], INIT_OPTIONS))
    return Recorded(fact, (audit_change, *written, *extra), warnings, tuple(notes))
