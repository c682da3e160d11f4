"""A Mermaid ``gantt`` timeline: actions against the regulatory due dates.

GitHub and GitLab draw it; elsewhere it stays a readable block of dates.
"""

from __future__ import annotations

import re

from qnc.i18n import Translator, t
from qnc.rules.report import AuditReport
from qnc.rules.states import Status
from qnc.rules.words import step_label

# What Mermaid reads as syntax in a task name ('"' and '<>' as markup, ':' ends the name,
# ';' and newlines end the line, '#' starts an entity), and every control character.
_UNSAFE = re.compile(r"[<>\";:#`\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# A name starting with one of these words would be read as a statement (or a comment).
_KEYWORD = re.compile(
    r"(?:%%|(?:section|title|click|call|href|dateformat|axisformat|tickinterval|todaymarker"
    r"|excludes|includes|inclusiveenddates|topaxis|weekday|weekend|acctitle|accdescr)\b)",
    re.IGNORECASE,
)


def gantt(report: AuditReport, tr: Translator) -> str:
    start = report.folder.audit.audit.clock_start
    lines = [
        "```mermaid",
        "gantt",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %d/%m",
        "    todayMarker off",
    ]
    for state in report.ncs:
        nc = state.file.nc
        lines.append(f"    section {_name(nc.id, fallback='NC')}")
        for item in state.actions:
            action = item.action
            done = action.done if item.done else None  # done by the report's day
            late = item.status is Status.OVERDUE and state.clocked.open  # as NcState.late
            tags = ["done"] if done else ["crit"] if late else []
            end = done or action.due
            begin = min(start, end)
            label = _name(f"{action.id} {action.description}", fallback=tr(t("Action")))
            lines.append(f"    {label} :{', '.join([*tags, ''])}{begin}, {end}")
        for step in state.clocked.steps:
            tag = "crit, milestone" if step.status is Status.OVERDUE else "milestone"
            label = _name(tr(t("Deadline — {step}", step=step_label(step.kind))), fallback="—")
            lines.append(f"    {label} :{tag}, {step.due}, 0d")
    lines.append("```")
    return "\n".join(lines) + "\n"


def _name(text: str, *, fallback: str) -> str:
    """A task or section name Mermaid reads as plain text, short and never empty."""
    clean = " ".join(_UNSAFE.sub(" ", text).split()) or fallback
    if _KEYWORD.match(clean):
        clean = "· " + clean
    return clean if len(clean) <= 60 else clean[:59] + "…"
