"""Colours of the terminal views. They only underline what the words say (late, near,
met), so the text reads the same without them: with NO_COLOR, in a pipe, or in a
screen reader."""

from __future__ import annotations

from qnc.rules.states import Group, Status, Verdict

STATUS_STYLES = {
    Status.OVERDUE: "bold red",
    Status.NEAR: "yellow",
    Status.MET: "green",
    Status.MET_LATE: "green",
    Status.UPCOMING: "",
}
VERDICT_STYLES = {
    Verdict.COMPROMISED: "bold red",
    Verdict.BLOCKED: "bold yellow",
    Verdict.IN_PROGRESS: "cyan",
    Verdict.CLOSED: "green",
    Verdict.UPCOMING: "",
}
GROUP_STYLES = {
    Group.OVERDUE: "bold red",
    Group.BLOCKING: "yellow",
    Group.OTHER: "",
    Group.LIFTED: "green",
}
