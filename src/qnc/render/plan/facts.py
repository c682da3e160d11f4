"""What happened, in dated facts: the words of the document sent to the certifier.

The certifier reads what was done and when ("plan envoyé le…", "faite le…, après
l'échéance du…"), never a countdown nor qnc's own judgement.
"""

from __future__ import annotations

from datetime import date

from qnc.i18n import Msg, t
from qnc.rules.clocks import Step, actions_done_on, known
from qnc.rules.report import ActionState, NcState
from qnc.rules.states import Status, StepKind


def nc_facts(state: NcState) -> Msg:
    """Where an NC stands, as facts: lifted (or carried over), else what was sent or done."""
    clocked = state.clocked
    if clocked.lifted is not None:
        if clocked.carried:
            return t("carried over on {day}", day=clocked.lifted)
        if clocked.closure is not None:  # closed by a later audit, neither lifted nor taken
            return t("closed on {day} by a later audit", day=clocked.lifted)
        return t("lifted on {day}", day=clocked.lifted)
    nc, today = clocked.nc, clocked.today
    sent, proof = known(nc.plan_sent, today), known(nc.evidence_sent, today)
    done = actions_done_on(nc.actions, today)
    facts: list[Msg] = []
    if sent is not None:
        facts.append(_dated(t("plan sent on {day}", day=sent), state, StepKind.PLAN))
    if done is not None:
        facts.append(_dated(t("actions carried out on {day}", day=done), state,
                            StepKind.IMPLEMENTATION))  # fmt: skip
    if proof is not None:
        facts.append(_dated(t("proof sent on {day}", day=proof), state, StepKind.CORRECTION))
    if not facts:
        return t("nothing sent yet")
    return _joined(facts)


def _dated(fact: Msg, state: NcState, kind: StepKind) -> Msg:
    """``fact``, and that it came after the due date of its step, if it did."""
    late = any(s.kind is kind and s.status is Status.MET_LATE for s in state.clocked.steps)
    return t("{fact}, after the due date", fact=fact) if late else fact


def _joined(facts: list[Msg]) -> Msg:
    joined = facts[0]
    for fact in facts[1:]:
        joined = t("{first}; {then}", first=joined, then=fact)
    return joined


def action_done(item: ActionState) -> Msg | None:
    """The day an action was done, and whether after its due date; None while to do."""
    action = item.action
    if not item.done or action.done is None:
        return None
    if item.status is Status.MET_LATE:
        return t("done on {day}, after its due date of {due}", day=action.done, due=action.due)
    return t("done on {day}", day=action.done)


def action_not_done(state: NcState) -> Msg:
    """An action still to do, as the certifier reads it."""
    if state.clocked.carried:
        return t("not done (the NC is carried over to a later audit)")
    if state.clocked.closure is not None:
        return t("not done (the NC is closed by a later audit)")
    if not state.clocked.open:
        return t("not done (the NC is lifted)")
    return t("to do")


def step_met(step: Step, state: NcState) -> Msg | None:
    """A regulatory step met, in the words of what happened; None while it is not."""
    if not step.status.is_met:
        return None
    day = _recorded(step, state)
    if day is None:  # met only because the certifier lifted the NC
        return t("not recorded (the NC is lifted)")
    met = {
        StepKind.PLAN: t("sent on {day}", day=day),
        StepKind.CORRECTION: t("proof sent on {day}", day=day),
        StepKind.IMPLEMENTATION: t("carried out on {day}", day=day),
        # The certifier's decision is given (rendue), not met.
        StepKind.DECISION: t("given on {day}", day=day),
    }[step.kind]
    if day > step.due:
        return t("{fact}, after the due date", fact=met)
    return met


def _recorded(step: Step, state: NcState) -> date | None:
    """The day the files give for a step: a lifted NC has every step met on the day it
    was lifted (rules.clocks), which is not a fact about that step."""
    clocked = state.clocked
    if clocked.open or clocked.closure is not None:
        return step.met_on
    nc, today = clocked.nc, clocked.today
    return {
        StepKind.PLAN: known(nc.plan_sent, today),
        StepKind.CORRECTION: known(nc.evidence_sent, today),
        StepKind.IMPLEMENTATION: actions_done_on(nc.actions, today),
        StepKind.DECISION: clocked.lifted,
    }[step.kind]
