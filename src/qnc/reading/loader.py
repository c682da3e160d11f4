"""Read one audit folder: parse its YAML files and validate them into records, with every
problem found on the way and what is needed to place later ones in the files."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from qnc.diagnostics import Diagnostic, Problem, error
from qnc.i18n import t
from qnc.model.folder import AUDIT_FILE, NC_DIR, AuditFolder, NcFile
from qnc.model.ids import natural_key
from qnc.model.records import Audit, NonConformity
from qnc.model.values import NcValues, nc_values
from qnc.reading.document import Document, YamlError, parse_yaml, read_yaml
from qnc.reading.layout import Layout, read_layout
from qnc.reading.links import Boundary, left
from qnc.reading.partial import readable
from qnc.reading.schema_errors import problems_from

R = TypeVar("R", bound=BaseModel)


IDENTITY = (("organisme", "siret"), ("audit", "type"), ("audit", "debut"), ("audit", "fin"))
"""The keys of audit.yaml that tell an audit apart, by section."""


class ReadFolder:
    """An audit folder as read: its records, the problems found, its parsed documents."""

    def __init__(self, path: Path, *, pending: Mapping[Path, bytes] | None = None) -> None:
        self.path = path
        self.audit: Audit | None = None
        """None when audit.yaml is missing or has errors."""
        self.ncs: list[NcFile] = []
        """The NC files that are valid records."""
        self.documents: dict[Path, Document] = {}
        self.diagnostics: list[Diagnostic] = []
        """Problems placed by the reader itself (syntax, encoding, layout)."""
        self.problems: list[Problem] = []
        """Problems of the records, to :meth:`locate` in their documents."""
        self.partial: dict[Path, dict[str, Any]] = {}
        """The values still valid in each file with schema errors."""
        self.nc_files = 0
        self.pending: Mapping[Path, bytes] = pending or {}
        """Files read from these bytes instead of the disk: a change checked before it is
        written."""

    @property
    def folder(self) -> AuditFolder | None:
        return AuditFolder(self.path, self.audit, tuple(self.ncs)) if self.audit else None

    @property
    def files(self) -> int:
        return 1 + self.nc_files

    @property
    def organisation(self) -> str | None:
        """The organisation's name, even from an audit.yaml with errors elsewhere."""
        if self.audit is not None:
            return self.audit.organisation.name
        section = self.partial.get(self.path / AUDIT_FILE, {}).get("organisme", {})
        name = section.get("nom") if isinstance(section, dict) else None
        return name if isinstance(name, str) else None

    @property
    def identity(self) -> tuple[tuple[str, str], ...]:
        """What tells the audit apart (SIRET, type, dates) as far as audit.yaml could be
        read, as (key, text) pairs: for an audit listed with its errors."""
        if self.audit is not None:
            data: dict[str, Any] = self.audit.model_dump(by_alias=True)
        else:
            data = self.partial.get(self.path / AUDIT_FILE, {})
        found = []
        for section, key in IDENTITY:
            values = data.get(section)
            value = values.get(key) if isinstance(values, dict) else None
            if value is not None:
                found.append((key, value.isoformat() if isinstance(value, date) else str(value)))
        return tuple(found)

    @property
    def partial_ncs(self) -> tuple[NcValues, ...]:
        """What could be read of the NC files with schema errors."""
        audit_file = self.path / AUDIT_FILE
        return tuple(nc_values(p, d) for p, d in self.partial.items() if p != audit_file)

    def locate(self, problem: Problem) -> Diagnostic:
        """``problem`` at its line and column (the first of the file when it was not parsed)."""
        document = self.documents.get(problem.file)
        line, column = document.position(problem.loc, on_key=problem.on_key) if document else (1, 1)
        return Diagnostic(
            problem.file, line, column, problem.severity, problem.code, problem.message
        )

    def _record(self, path: Path, model: type[R], boundary: Boundary) -> R | None:
        if boundary.leaves(path):
            self.diagnostics.append(left(path))
            return None
        try:
            pending = self.pending.get(path)
            document = read_yaml(path) if pending is None else parse_yaml(pending, path)
        except YamlError as exc:
            self.diagnostics += exc.diagnostics
            return None
        self.documents[path] = document
        if not isinstance(document.data, dict):
            self.problems.append(error(path, (), "pas-un-mapping", _NOT_MAPPING))
            return None
        try:
            return model.model_validate(document.data)
        except ValidationError as exc:
            self.problems += problems_from(exc, model, path, document.data)
            self.partial[path] = readable(model, document.data)
            return None


def read_audit(
    path: Path, *, given: Path | None = None, pending: Mapping[Path, bytes] | None = None
) -> ReadFolder:
    """Read the audit folder ``path``: audit.yaml, then each file of nc/. Outside git, no
    link is followed out of ``given``, the folder it was found from (``path`` itself by
    default).

    ``pending`` maps files (new ones included) to the bytes to read instead of the disk:
    the folder as a change would leave it, checked before it is written.
    """
    read = ReadFolder(path, pending=pending)
    boundary = Boundary(path, given or path)
    read.audit = read._record(path / AUDIT_FILE, Audit, boundary)
    layout = read_layout(path) if path.is_dir() else Layout()  # `qnc init`: not yet made
    new = [f for f in read.pending if f.parent == path / NC_DIR and f not in layout.nc_files]
    layout.nc_files = sorted([*layout.nc_files, *new], key=lambda f: natural_key(f.name))
    read.diagnostics += layout.problems
    read.nc_files = len(layout.nc_files)
    for file in layout.nc_files:
        nc = read._record(file, NonConformity, boundary)
        if nc is not None:
            read.ncs.append(NcFile(file, nc))
    return read


_NOT_MAPPING = t(
    "the file must hold keys and values (key: value) at its top level, not a list or a text"
)
