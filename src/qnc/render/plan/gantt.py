"""A Mermaid ``gantt`` timeline: actions against the regulatory due dates.

GitHub and GitLab draw it; elsewhere it stays a readable block of dates.
"""

from __future__ import annotations

import re

from qnc.i18n import Translator, t
from qnc.render.plan.timeline import BarState, Timeline
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


def gantt(timeline: Timeline, tr: Translator) -> str:
    """The Mermaid block, one section per NC: its actions, then its regulatory due dates."""
    lines = [
        "```mermaid",
        "gantt",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %d/%m",
        "    todayMarker off",
    ]
    for nc_id in timeline.groups:
        lines.append(f"    section {_name(nc_id, fallback='NC')}")
        for bar in (b for b in timeline.bars if b.nc_id == nc_id):
            label = _name(f"{bar.action_id} {bar.description}", fallback=tr(t("Action")))
            tags = _TAGS[bar.state]
            lines.append(f"    {label} :{', '.join([*tags, ''])}{bar.start}, {bar.end}")
        for stone in (m for m in timeline.milestones if m.nc_id == nc_id):
            tag = "crit, milestone" if stone.missed else "milestone"
            label = _name(tr(t("Deadline — {step}", step=step_label(stone.kind))), fallback="—")
            lines.append(f"    {label} :{tag}, {stone.day}, 0d")
    lines.append("```")
    return "\n".join(lines) + "\n"


_TAGS = {
    BarState.DONE: ("done",),
    BarState.DONE_LATE: ("crit", "done"),
    BarState.OPEN: (),
    BarState.OVERDUE: ("crit",),
}


def _name(text: str, *, fallback: str) -> str:
    """A task or section name Mermaid reads as plain text, short and never empty."""
    clean = " ".join(_UNSAFE.sub(" ", text).split()) or fallback
    if _KEYWORD.match(clean):
        clean = "· " + clean
    return clean if len(clean) <= 60 else clean[:59] + "…"
