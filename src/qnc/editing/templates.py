"""The files qnc creates, written as a person would: commented, in the user's language,
optional keys left as comments to fill in rather than values to delete."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from qnc.i18n import Msg, Translator, t
from qnc.writing.edits import Value
from qnc.writing.scalars import reads_back, render

_COLUMN = 35
"""Where comments beside values start: as in the README's examples."""
_WIDTH = 88


@dataclass(frozen=True)
class AuditValues:
    """What ``qnc init`` asks for."""

    name: str
    categories: tuple[str, ...]
    certifier: str
    type: str
    start: date
    siret: str | None = None
    nda: str | None = None
    end: date | None = None
    notification: date | None = None
    auditor: str | None = None
    previous: str | None = None


def audit_text(values: AuditValues, tr: Translator, *, modeline: str | None) -> str:
    """audit.yaml: the values given, the optional keys not given as comments; first,
    the ``modeline`` that points an editor at the schema."""
    v, day = values, tr(t("YYYY-MM-DD"))
    optional = t("optional")
    # (indent, key, value or None for a commented-out key, example, comment)
    rows: list[tuple[int, str, Value | None, str, Msg | None]] = [
        (2, "nom", v.name, "", None),
        (2, "siret", v.siret, '"…"', t("optional: 14 digits, in quotes")),
        (2, "nda", v.nda, '"…"', t("optional: activity declaration number, 11 digits")),
        (2, "categories", v.categories, "", t("AF | BC | VAE | CFA")),
        (2, "activites", None, "[certifiant, alternance]",
         t("optional: certifiant | alternance | sous_traitance")),
        (0, "certificateur", None, "", None),
        (2, "nom", v.certifier, "", None),
        (2, "contact", None, "…", optional),
        (0, "audit", None, "", None),
        (2, "type", v.type, "", t("initial | surveillance | renouvellement | complementaire "
                                  "| extension")),
        (2, "debut", v.start, "", None),
        (2, "fin", v.end, day, t("optional (by default: debut)")),
        (2, "notification", v.notification, day,
         t("the day the NCs were notified: every deadline runs from it")),
        (2, "auditeur", v.auditor, "…", optional),
        (2, "precedent", v.previous, "../2024-03-audit-initial",
         t("optional: the folder of the previous audit")),
    ]  # fmt: skip
    lines = [modeline] if modeline else []
    lines += _comment(tr, t("The audit, followed with qnc: 'qnc check' checks the files, and "
                            "a command records each fact (qnc add, qnc done…). Keys: see "
                            "qnc's README."))  # fmt: skip
    lines.append("organisme:")
    for indent, key, value, example, comment in rows:
        if indent == 0:
            lines.append(f"{key}:")
        elif value is None:
            lines.append(_beside(tr, f"{' ' * indent}# {key}: {example}", comment))
        else:
            lines.append(_beside(tr, f"{' ' * indent}{key}: {render(value)}", comment))
    lines += [
        _beside(tr, "# certificat:", t("once certified: obtenu_le, expire_le")),
        f"#   obtenu_le: {day}",
        _beside(tr, "# regles:", t("the certifier's practice, when it differs from the usual")),
        f"#   plan_mineure: {tr(t('30 days'))}",
        _beside(tr, "# signataire:", t("who signs the action plan sent to the certifier")),
        _beside(tr, "#   nom: …", t("a key left out stays blank in the plan, to fill in")),
        "#   fonction: …",
        _beside(tr, "#   lieu: …", t("where the plan is signed")),
        _beside(tr, f"#   date: {day}", t("left out: written by hand when signing")),
    ]
    return "\n".join(lines) + "\n"


def nc_text(*, nc_id: str, indicator: int, grade: str, finding: str,
            requirement: str | None, summary: str | None, today: date, tr: Translator,
            modeline: str | None) -> str:  # fmt: skip
    """A new NC file; ``summary`` is qnc's own label of the indicator, written as the
    requirement (and said to be one) when ``requirement`` is not given."""
    lines = [modeline] if modeline else []
    lines += _comment(tr, t("Recorded with qnc add on {day}. Next: qnc add-action {id} for "
                            "each action, then qnc done, qnc sent, qnc verify, qnc lift.",
                            day=today, id=nc_id))  # fmt: skip
    lines += [f"id: {render(nc_id)}", f"indicateur: {indicator}", f"gravite: {render(grade)}"]
    lines.append(_multiline("constat", finding))
    if requirement is not None:
        lines.append(_multiline("exigence", requirement))
    elif summary is not None:
        lines += _comment(tr, t("qnc's summary of indicator {n}: replace it with the words "
                                "of the audit report", n=indicator))  # fmt: skip
        lines.append(f"exigence: {render(summary)}")
    return "\n".join(lines) + "\n"


def precommit_text(tr: Translator) -> str:
    """A pre-commit configuration running ``qnc check`` before each commit, with the qnc
    already installed (``language: system``): nothing to download."""
    lines = _comment(tr, t("qnc check before each commit: pip install pre-commit, then "
                           "pre-commit install"))  # fmt: skip
    lines += [
        "repos:",
        "  - repo: local",
        "    hooks:",
        "      - id: qnc-check",
        "        name: qnc check",
        "        entry: qnc check",
        "        language: system",
        "        pass_filenames: false",
        # As the project's .pre-commit-hooks.yaml: every commit, an evidence file too.
        "        always_run: true",
    ]
    return "\n".join(lines) + "\n"


def _comment(tr: Translator, message: Msg) -> list[str]:
    """A comment of its own, on lines of at most 88 characters."""
    wrapped = textwrap.wrap(tr(message), width=_WIDTH - 2, break_on_hyphens=False)
    return [f"# {line}" for line in wrapped]


def _beside(tr: Translator, text: str, comment: Msg | None) -> str:
    if comment is None:
        return text
    return f"{text.ljust(_COLUMN - 1)} # {tr(comment)}"


def _multiline(key: str, text: str) -> str:
    """A text of several lines as a ``|`` block, which keeps them as typed (with one
    final line break), when it reads back so; else quoted on one line."""
    body = text.rstrip("\n")
    block = "|\n" + "\n".join(f"  {line}" if line else "" for line in body.splitlines())
    if "\n" in body and reads_back(block, body + "\n"):
        return f"{key}: {block}"
    return f"{key}: {render(text)}"
