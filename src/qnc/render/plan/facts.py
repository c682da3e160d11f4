"""What happened, in dated facts: the words of the document sent to the certifier.

The certifier reads what was done and when ("plan envoyé le…", "faite le…, après
l'échéance du…") and what comes next with its due date, never a countdown nor qnc's
own judgement. Each function takes ``day``, how a date is written where the words go:
the date itself (in words, by the translator) or a short form for a table cell.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from qnc.i18n import Msg, t, tn
from qnc.rules.clocks import Step, actions_done_on, known
from qnc.rules.report import ActionState, NcState
from qnc.rules.states import Status, StepKind
from qnc.rules.words import waiting_for_lift

DayFormat = Callable[[date], object]


def _in_words(day: date) -> object:
    return day


def nc_facts(state: NcState, *, day: DayFormat = _in_words) -> Msg:
    """Where an NC stands, as facts: lifted (or carried over); else what was sent and
    done, and the next step with its due date."""
    clocked = state.clocked
    if clocked.lifted is not None:
        lifted = day(clocked.lifted)
        if clocked.carried:
            return t("carried over on {day}", day=lifted)
        if clocked.closure is not None:  # closed by a later audit, neither lifted nor taken
            return t("closed on {day} by a later audit", day=lifted)
        return t("lifted on {day}", day=lifted)
    nc, today = clocked.nc, clocked.today
    sent, proof = known(nc.plan_sent, today), known(nc.evidence_sent, today)
    facts: list[Msg] = []
    if sent is not None:
        facts.append(_dated(t("plan sent on {day}", day=day(sent)), state, StepKind.PLAN))
    facts.append(_progress(state, day))
    if proof is not None:
        facts.append(_dated(t("proof sent on {day}", day=day(proof)), state,
                            StepKind.CORRECTION))  # fmt: skip
    step = clocked.next
    if step is None:  # a minor NC whose plan is carried out: as qnc status says it
        facts.append(waiting_for_lift())
    else:
        waited = _OVERDUE if today > step.due else _TO_DO
        facts.append(t(waited[step.kind].text, day=day(step.due)))
    return _joined(facts)


_TO_DO = {
    StepKind.CORRECTION: t("proof to send by {day}"),
    StepKind.DECISION: t("certifier's decision expected by {day}"),
    StepKind.PLAN: t("action plan to send by {day}"),
    StepKind.IMPLEMENTATION: t("actions to carry out by {day}"),
}
_OVERDUE = {
    StepKind.CORRECTION: t("proof not sent by its due date ({day})"),
    StepKind.DECISION: t("certifier's decision awaited since {day}"),
    StepKind.PLAN: t("action plan not sent by its due date ({day})"),
    StepKind.IMPLEMENTATION: t("actions not carried out by their due date ({day})"),
}


def _progress(state: NcState, day: DayFormat) -> Msg:
    """Which actions are done, past their due date, and still to do (``A1 faite, A2 non
    faite à son échéance, A3 à faire``): a fact the certifier can check in the table."""
    if not state.actions:
        return t("no action recorded yet")
    done_on = actions_done_on(state.clocked.nc.actions, state.clocked.today)
    if done_on is not None:
        return _dated(t("actions carried out on {day}", day=day(done_on)), state,
                      StepKind.IMPLEMENTATION)  # fmt: skip
    done = [a.action.id for a in state.actions if a.done]
    late = [a.action.id for a in state.actions if a.status is Status.OVERDUE]
    left = [a.action.id for a in state.actions if not a.done and a.status is not Status.OVERDUE]
    parts: list[Msg] = []
    if done:
        parts.append(tn("{ids} done", "{ids} done", len(done), ids=_listed(done)))
    if late:
        parts.append(tn("{ids} not done by its due date", "{ids} not done by their due dates",
                        len(late), ids=_listed(late)))  # fmt: skip
    if left:
        parts.append(tn("{ids} to do", "{ids} to do", len(left), ids=_listed(left)))
    said = parts[0]
    for part in parts[1:]:
        said = t("{first}, {then}", first=said, then=part)
    return said


def _listed(ids: list[str]) -> Msg | str:
    """``A1``, ``A1 et A2``, ``A1, A2 et A4``."""
    if len(ids) == 1:
        return ids[0]
    return t("{first} and {last}", first=", ".join(ids[:-1]), last=ids[-1])


def _dated(fact: Msg, state: NcState, kind: StepKind) -> Msg:
    """``fact``, and that it came after the due date of its step, if it did."""
    late = any(s.kind is kind and s.status is Status.MET_LATE for s in state.clocked.steps)
    return t("{fact}, after the due date", fact=fact) if late else fact


def _joined(facts: list[Msg]) -> Msg:
    joined = facts[0]
    for fact in facts[1:]:
        joined = t("{first}; {then}", first=joined, then=fact)
    return joined


def action_done(item: ActionState, *, day: DayFormat = _in_words) -> Msg | None:
    """The day an action was done, and whether after its due date; None while to do."""
    action = item.action
    if not item.done or action.done is None:
        return None
    if item.status is Status.MET_LATE:
        return t("done on {day}, after its due date of {due}", day=day(action.done),
                 due=day(action.due))  # fmt: skip
    return t("done on {day}", day=day(action.done))


def action_not_done(state: NcState, item: ActionState) -> Msg:
    """An action still to do, as the certifier reads it: past its due date is a fact."""
    if state.clocked.carried:
        return t("not done (the NC is carried over to a later audit)")
    if state.clocked.closure is not None:
        return t("not done (the NC is closed by a later audit)")
    if not state.clocked.open:
        return t("not done (the NC is lifted)")
    if item.status is Status.OVERDUE:
        return t("not done by its due date")
    return t("to do")


def step_met(step: Step, state: NcState, *, day: DayFormat = _in_words) -> Msg | None:
    """A regulatory step met, in the words of what happened; None while it is not."""
    if not step.status.is_met:
        return None
    recorded = _recorded(step, state)
    if recorded is None:  # met only because the certifier lifted the NC
        return t("not recorded (the NC is lifted)")
    on = day(recorded)
    met = {
        StepKind.PLAN: t("sent on {day}", day=on),
        StepKind.CORRECTION: t("proof sent on {day}", day=on),
        StepKind.IMPLEMENTATION: t("carried out on {day}", day=on),
        # The certifier's decision is given (rendue), not met.
        StepKind.DECISION: t("given on {day}", day=on),
    }[step.kind]
    if recorded > step.due:
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
