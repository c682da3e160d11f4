"""A Mermaid ``gantt`` timeline: actions against the regulatory due dates.

GitHub and GitLab draw it; elsewhere it stays a readable block of dates.
"""

from __future__ import annotations

import re

from qnc.clocks import Status
from qnc.i18n import Translator, t
from qnc.labels import step_label
from qnc.report import AuditReport

_UNSAFE = re.compile(r"[:;#`\n\r]+")


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
        lines.append(f"    section {_name(nc.id)}")
        for item in state.actions:
            action = item.action
            tags = ["done"] if action.done else ["crit"] if item.status is Status.OVERDUE else []
            end = action.done or action.due
            begin = min(start, end)
            label = _name(f"{action.id} {action.description}")
            lines.append(f"    {label} :{', '.join([*tags, ''])}{begin}, {end}")
        for step in state.clocked.steps:
            tag = "crit, milestone" if step.status is Status.OVERDUE else "milestone"
            label = _name(tr(t("Deadline — {step}", step=step_label(step.kind))))
            lines.append(f"    {label} :{tag}, {step.due}, 0d")
    lines.append("```")
    return "\n".join(lines) + "\n"


def _name(text: str) -> str:
    """Task names may not hold ':', ';' or '#' in Mermaid; keep them short."""
    clean = _UNSAFE.sub(" ", text).strip()
    return clean if len(clean) <= 60 else clean[:59] + "…"
