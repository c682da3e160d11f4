"""Diagnostics as text (compiler style), JSON or GitHub Actions annotations."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from qnc.diagnostics import Diagnostic, Severity
from qnc.i18n import Translator, t, tn
from qnc.model.characters import CONTROL, CONTROL_CHARACTERS


def display_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (the current folder by default) when below it, else
    absolute."""
    try:
        return str(path.relative_to(base or Path.cwd()))
    except ValueError:
        return str(path)


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` without a character that a terminal would obey or that would reorder what
    it shows (:data:`qnc.model.characters.CONTROL`): each becomes a visible escape
    (``\\x1b``, ``\\u202e``), as Python writes it. Tabs and line breaks are escaped too,
    unless ``lines`` (a document or a table, not a one-line message). Every output of qnc
    goes through it, or through :func:`json_text`."""
    return (_IN_LINES if lines else _ON_ONE_LINE).sub(_escape_control, text)


_IN_LINES = CONTROL
_ON_ONE_LINE = re.compile(f"[\t\n{CONTROL_CHARACTERS}]")


def _escape_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def as_text(diagnostics: Sequence[Diagnostic], tr: Translator) -> str:
    return "".join(
        f"{visible(display_path(d.path))}:{d.line}:{d.column}: {tr(_SEVERITY[d.severity])}: "
        f"{visible(tr(d.message))} [{d.code}]\n"
        for d in diagnostics
    )


def as_json(diagnostics: Sequence[Diagnostic], tr: Translator, files: int) -> str:
    errors, warnings = counts(diagnostics)
    payload = {
        "fichiers": files,
        "erreurs": errors,
        "avertissements": warnings,
        "diagnostics": [
            {
                "chemin": display_path(d.path),
                "ligne": d.line,
                "colonne": d.column,
                "niveau": d.severity.value,
                "code": d.code,
                "message": tr(d.message),
            }
            for d in diagnostics
        ],
    }
    return json_text(payload)


def json_text(payload: object) -> str:
    """``payload`` as JSON that a terminal shows safely: json.dumps escapes C0 controls
    only, so C1 controls and bidirectional overrides become ``\\uNNNN`` escapes too."""
    import json  # only for JSON output: not on the text path of qnc check

    text = json.dumps(payload, ensure_ascii=False, indent=2)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def as_github(diagnostics: Sequence[Diagnostic], tr: Translator) -> str:
    """Workflow commands that GitHub Actions shows as annotations on the files. Paths are
    relative to ``GITHUB_WORKSPACE`` (the repository) when set, as GitHub expects, even
    for a step run in a sub-folder; line breaks become GitHub's ``%0A``."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    lines = []
    for d in diagnostics:
        level = "error" if d.is_error else "warning"
        path = display_path(d.path, Path(workspace) if workspace else None)
        props = ",".join(
            [
                f"file={visible(_escape_property(path.replace(os.sep, '/')))}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property(f'qnc [{d.code}]')}",
            ]
        )
        lines.append(f"::{level} {props}::{visible(_escape_data(tr(d.message)))}\n")
    return "".join(lines)


def summary(diagnostics: Sequence[Diagnostic], tr: Translator, files: int, *,
            warnings_shown: bool = True) -> str:  # fmt: skip
    """The counts under the diagnostics; ``warnings_shown`` False when only the errors
    were printed (the warnings then point at ``qnc check``)."""
    errors, warnings = counts(diagnostics)
    checked = tn("{n} file checked", "{n} files checked", files)
    if not errors and not warnings:
        return tr(t("{checked}: no problem.", checked=checked)) + "\n"
    if warnings and not warnings_shown:
        hidden = tn(
            "{checked}: {errors}, and {n} warning not shown here: run 'qnc check' to see it.",
            "{checked}: {errors}, and {n} warnings not shown here: run 'qnc check' to see them.",
            warnings,
            checked=checked,
            errors=tn("{n} error", "{n} errors", errors),
        )
        return tr(hidden) + "\n"
    return (
        tr(
            t(
                "{checked}: {errors}, {warnings}.",
                checked=checked,
                errors=tn("{n} error", "{n} errors", errors),
                warnings=tn("{n} warning", "{n} warnings", warnings),
            )
        )
        + "\n"
    )


def counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(d.is_error for d in diagnostics)
    return errors, len(diagnostics) - errors


_SEVERITY = {Severity.ERROR: t("error"), Severity.WARNING: t("warning")}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
