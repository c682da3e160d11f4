"""Problems found in audit files, with their position, as linters report them."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, TypeAlias

from qnc.codes import CODES, Severity
from qnc.i18n import Msg
from qnc.model.ids import natural_key

__all__ = ["Diagnostic", "Loc", "Problem", "Severity", "error", "excerpt", "warning"]

Loc: TypeAlias = tuple[str | int, ...]


def _registered(code: str, severity: Severity) -> None:
    """Every code is in :data:`qnc.codes.CODES`, at the level it has there."""
    known = CODES.get(code)
    if known is None or known.severity is not severity:
        raise ValueError(f"diagnostic code {code!r} ({severity}) is not in qnc.codes.CODES")


class _ProblemFields(NamedTuple):
    file: Path
    loc: Loc
    severity: Severity
    code: str
    message: Msg
    on_key: bool = False


class Problem(_ProblemFields):
    """A problem found by the rules, located by its key path inside a file.

    ``on_key`` points at the key itself (an unknown or duplicated key) rather than
    at its value. The loader turns the key path into a line and column.
    """

    __slots__ = ()

    def __new__(cls, file: Path, loc: Loc, severity: Severity, code: str, message: Msg,
                on_key: bool = False) -> Problem:  # fmt: skip
        _registered(code, severity)
        return super().__new__(cls, file, loc, severity, code, message, on_key)


class _DiagnosticFields(NamedTuple):
    path: Path
    line: int
    column: int
    severity: Severity
    code: str
    message: Msg


class Diagnostic(_DiagnosticFields):
    """A problem with its 1-based line and column, ready to print."""

    __slots__ = ()

    def __new__(cls, path: Path, line: int, column: int, severity: Severity, code: str,
                message: Msg) -> Diagnostic:  # fmt: skip
        _registered(code, severity)
        return super().__new__(cls, path, line, column, severity, code, message)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[object, ...]:
        """By file (NC-2 before NC-10), then line, column and code."""
        return (natural_key(str(self.path)), self.line, self.column, self.code)


EXCERPT = 80
"""Characters of a file's text a message quotes at most."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text`` as a message quotes it: a key or value of a file, cut past ``limit``
    characters (a 5,000-digit number is not echoed in full)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error(file: Path, loc: Loc, code: str, message: Msg, *, on_key: bool = False) -> Problem:
    return Problem(file, loc, Severity.ERROR, code, message, on_key)


def warning(file: Path, loc: Loc, code: str, message: Msg, *, on_key: bool = False) -> Problem:
    return Problem(file, loc, Severity.WARNING, code, message, on_key)
