"""Words for the values users see: steps, statuses, grades, verdicts, priority groups,
audit and action types. The one table of them: rules, terminal and documents share it."""

from __future__ import annotations

from qnc.i18n import Msg, t
from qnc.model.records import ActionType, AuditType, Grade
from qnc.rules.states import Group, Status, StepKind, Verdict

_STEPS = {
    StepKind.CORRECTION: t("corrections in place, proof sent"),
    StepKind.DECISION: t("certifier's decision"),
    StepKind.PLAN: t("action plan sent"),
    StepKind.IMPLEMENTATION: t("action plan carried out"),
}
_SHORT_STEPS = {
    StepKind.CORRECTION: t("proof sent"),
    StepKind.DECISION: t("decision"),
    StepKind.PLAN: t("plan sent"),
    StepKind.IMPLEMENTATION: t("plan carried out"),
}
# What a step asks for, as a calendar event's title says it.
_STEP_TODOS = {
    StepKind.CORRECTION: t("{nc} — proof to send to the certifier"),
    StepKind.DECISION: t("{nc} — certifier's decision expected"),
    StepKind.PLAN: t("{nc} — action plan to send to the certifier"),
    StepKind.IMPLEMENTATION: t("{nc} — action plan to carry out"),
}
# The key of the NC file to fill in once the step is met.
STEP_FACTS = {
    StepKind.CORRECTION: "preuves_envoyees_le",
    StepKind.DECISION: "levee_le",
    StepKind.PLAN: "plan_envoye_le",
    StepKind.IMPLEMENTATION: "fait_le",
}
_STATUSES = {
    Status.MET: t("met"),
    Status.MET_LATE: t("met late"),
    Status.OVERDUE: t("overdue"),
    Status.NEAR: t("near"),
    Status.UPCOMING: t("upcoming"),
}
_GRADES = {Grade.MINOR: t("minor"), Grade.MAJOR: t("major")}
_AUDIT_TYPES = {
    AuditType.INITIAL: t("initial audit"),
    AuditType.SURVEILLANCE: t("surveillance audit"),
    AuditType.RENEWAL: t("renewal audit"),
    AuditType.COMPLEMENTARY: t("complementary audit"),
    AuditType.EXTENSION: t("extension audit"),
}
_ACTION_TYPES = {
    ActionType.CORRECTION: t("correction"),
    ActionType.CORRECTIVE: t("corrective action"),
    ActionType.PREVENTIVE: t("preventive action"),
}
_VERDICTS = {
    Verdict.CLOSED: t("closed"),
    Verdict.COMPROMISED: t("compromised"),
    Verdict.BLOCKED: t("blocked"),
    Verdict.IN_PROGRESS: t("in progress"),
    Verdict.UPCOMING: t("audit to come"),
}
_GROUPS = {
    Group.OVERDUE: t("late"),
    Group.BLOCKING: t("blocking"),
    Group.OTHER: t("open"),
    Group.LIFTED: t("lifted"),
}
_LATE_STEPS = {
    StepKind.CORRECTION: t("late proof"),
    StepKind.DECISION: t("late decision"),
    StepKind.PLAN: t("late plan"),
    StepKind.IMPLEMENTATION: t("late implementation"),
}


def step_label(kind: StepKind) -> Msg:
    return _STEPS[kind]


def short_step_label(kind: StepKind) -> Msg:
    """A step in a word or two, for a table column (the whole label elsewhere)."""
    return _SHORT_STEPS[kind]


def step_todo_label(kind: StepKind, nc_id: str) -> Msg:
    """``NC-01 — preuves à envoyer au certificateur``."""
    todo = _STEP_TODOS[kind]
    return t(todo.text, nc=nc_id)


def late_step_label(kind: StepKind) -> Msg:
    """A step met after its due date, in a word or two (table cells are narrow)."""
    return _LATE_STEPS[kind]


def status_label(status: Status) -> Msg:
    return _STATUSES[status]


def grade_label(grade: Grade) -> Msg:
    return _GRADES[grade]


def audit_type_label(kind: AuditType) -> Msg:
    return _AUDIT_TYPES[kind]


def action_type_label(kind: ActionType) -> Msg:
    return _ACTION_TYPES[kind]


def verdict_label(verdict: Verdict) -> Msg:
    return _VERDICTS[verdict]


def group_label(group: Group) -> Msg:
    return _GROUPS[group]


def waiting_for_lift(*, short: bool = False) -> Msg:
    """An open NC whose steps are all met: the next move is the certifier's; ``short``,
    in two words, for a table column."""
    return t("lift awaited") if short else t("waiting for the certifier to lift it")
