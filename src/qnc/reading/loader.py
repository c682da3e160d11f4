"""Read one audit folder: parse its YAML files, validate them, locate every problem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from qnc.checks.audit import Context, check_audit, check_ncs_alone
from qnc.checks.nc import duplicate_action_ids
from qnc.diagnostics import Diagnostic, Problem, Severity
from qnc.i18n import t
from qnc.model.folder import AUDIT_FILE, AuditFolder, NcFile
from qnc.model.records import Audit, NonConformity
from qnc.reading.document import Document, YamlError, read_yaml
from qnc.reading.layout import read_layout
from qnc.reading.schema_errors import problems_from

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class Loaded:
    """An audit folder as read: the folder when audit.yaml is valid, and every problem."""

    path: Path
    folder: AuditFolder | None
    diagnostics: tuple[Diagnostic, ...]
    files: int

    @property
    def has_errors(self) -> bool:
        return self.folder is None or any(d.is_error for d in self.diagnostics)


class _Reader:
    def __init__(self) -> None:
        self.documents: dict[Path, Document] = {}
        self.diagnostics: list[Diagnostic] = []
        self.problems: list[Problem] = []

    def record(self, path: Path, model: type[R]) -> R | None:
        try:
            document = read_yaml(path)
        except YamlError as exc:
            self.diagnostics += exc.diagnostics
            return None
        self.documents[path] = document
        if not isinstance(document.data, dict):
            self.problems.append(Problem(path, (), *_NOT_MAPPING))
            return None
        try:
            return model.model_validate(document.data)
        except ValidationError as exc:
            self.problems += problems_from(exc, model, path, document.data)
            return None

    def locate(self, problem: Problem) -> Diagnostic:
        document = self.documents.get(problem.file)
        line, column = document.position(problem.loc, on_key=problem.on_key) if document else (1, 1)
        return Diagnostic(
            problem.file, line, column, problem.severity, problem.code, problem.message
        )


def load_audit(path: Path, *, today: date, carried: Mapping[Path, date] | None = None) -> Loaded:
    """Read ``path`` (an audit folder) and check it as of ``today``; ``carried`` are the
    NC files a later audit took over (:func:`qnc.rules.carry.carried_over`)."""
    reader = _Reader()
    audit = reader.record(path / AUDIT_FILE, Audit)
    layout = read_layout(path)
    reader.diagnostics += layout.problems
    ncs = []
    for file in layout.nc_files:
        nc = reader.record(file, NonConformity)
        document = reader.documents.get(file)
        if document is not None:
            reader.problems += duplicate_action_ids(file, document.data)
        if nc is not None:
            ncs.append(NcFile(file, nc))
    folder = None
    context = Context(today=today, exists=_exists, repository=_repository(path),
                      carried=carried or {})  # fmt: skip
    if audit is not None:
        folder = AuditFolder(path, audit, tuple(ncs))
        reader.problems += check_audit(folder, context)
    else:
        reader.problems += check_ncs_alone(path, tuple(ncs), context)
    diagnostics = reader.diagnostics + [reader.locate(p) for p in reader.problems]
    diagnostics.sort(key=Diagnostic.sort_key)
    return Loaded(path, folder, tuple(diagnostics), 1 + len(layout.nc_files))


def _exists(path: Path) -> bool:
    """Whether ``path`` exists, for references and evidence; never an exception.

    Path.exists() raises below a folder that may not be entered: such a path is taken
    as present (qnc cannot tell, and must not call it missing). A name too long for
    the system cannot exist.
    """
    try:
        return path.exists()
    except PermissionError:
        return True
    except OSError:
        return False


def _repository(folder: Path) -> Path:
    """The git work tree holding ``folder``, or the folder itself outside git."""
    for parent in (folder, *folder.parents):
        if (parent / ".git").exists():
            return parent
    return folder


_NOT_MAPPING = (
    Severity.ERROR,
    "pas-un-mapping",
    t("the file must hold keys and values (key: value) at its top level, not a list or a text"),
)
