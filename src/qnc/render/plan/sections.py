"""One NC of the plan: the finding and its analysis, the actions, the due dates, the check
of effectiveness. The working view adds the rank, statuses and countdowns.

Dates in tables are short (``18/12/2026``), in sentences written out.
"""

from __future__ import annotations

from pathlib import Path

from qnc.i18n import Msg, Translator, t
from qnc.render.cycle import nc_notes, origin_note
from qnc.render.phrases import days_left
from qnc.render.plan.blocks import Block, Bullets, Heading, Paragraph, Table, UserText
from qnc.render.plan.evidence import evidence
from qnc.render.plan.facts import action_done, action_not_done, step_met
from qnc.rules.clocks import Step
from qnc.rules.legal import set_by_law
from qnc.rules.report import AuditReport, NcState
from qnc.rules.states import StepKind
from qnc.rules.words import action_type_label, grade_label, status_label, step_label


def nc_section(state: NcState, report: AuditReport, tr: Translator, *, working: bool,
               links_from: Path) -> list[Block]:  # fmt: skip
    nc = state.file.nc
    blocks: list[Block] = [Heading(2, tr(_title(state, tr)))]
    if working:
        rank = t("Rank {rank} of {total} — {reason}", rank=state.rank, total=len(report.ncs),
                 reason=state.reason)  # fmt: skip
        blocks.append(Paragraph((tr(rank),), italic=True))
    # What ties the NC to the other audits: for the certifier, the NC it takes over; in
    # the working view also recurrence, suspension and withdrawal days, new entrant.
    notes = nc_notes(state, report) if working else [origin_note(state)] if state.origin else []
    if notes:
        blocks.append(Bullets(tuple((tr(note),) for note in notes)))
    # The certifier expects the root cause analysis with the plan: while the NC is open,
    # a missing one is said, not hidden. A requirement or a correction left out is said
    # too, so that "none" (written so) is told from "forgotten".
    not_given = t("Not given.")
    for heading, text, missing in (
        (t("Finding"), nc.finding, None),
        (t("Requirement"), nc.requirement, not_given),
        (t("Root cause analysis"), nc.root_cause, _TO_COMPLETE if state.clocked.open else None),
        (t("Immediate correction"), nc.correction, not_given),
    ):
        if text:
            blocks += [Heading(3, tr(heading)), UserText(text)]
        elif missing is not None:
            blocks += [Heading(3, tr(heading)), Paragraph((tr(missing),), italic=True)]
    blocks.append(Heading(3, tr(t("Actions"))))
    if state.actions:
        blocks.append(_actions(state, tr, working=working))
        blocks += evidence(state, report.folder.path, tr, links_from)
    else:
        blocks.append(Paragraph((tr(t("No action recorded yet.")),)))
    blocks += [Heading(3, tr(t("Due dates"))), _steps(state, report, tr, working)]
    blocks += _effectiveness(state, report, tr)
    return blocks


_TO_COMPLETE = t("To be completed.")


def _title(state: NcState, tr: Translator) -> Msg:
    nc, indicator = state.file.nc, state.indicator
    label = tr.text(indicator.label) if indicator else "?"
    grade = grade_label(nc.grade)
    if indicator is None or indicator.criterion is None:  # the unverified indicator 33
        return t("{id} — indicator {number}: {label} ({grade})", id=nc.id, number=nc.indicator,
                 label=label, grade=grade)  # fmt: skip
    return t("{id} — criterion {criterion} — indicator {number}: {label} ({grade})", id=nc.id,
             criterion=indicator.criterion, number=nc.indicator, label=label,
             grade=grade)  # fmt: skip


def _actions(state: NcState, tr: Translator, *, working: bool) -> Table:
    rows = []
    for item in state.actions:
        action = item.action
        done: Msg | None = action_done(item, day=tr.short_date)
        if done is None and working and state.clocked.open:
            done = t("{status} ({left})", status=status_label(item.status),
                     left=days_left(item.days_left))  # fmt: skip
        what = f"{action.id} — {action.description}" if action.description else action.id
        rows.append(
            (
                what,
                tr(action_type_label(action.type)),
                ", ".join(action.owners),
                tr.short_date(action.due),
                action.expected_evidence or "—",
                tr(done or action_not_done(state, item)),
            )
        )
    headers = (t("Action"), t("Type"), t("Owner"), t("Due"), t("Expected evidence"),
               t("Done"))  # fmt: skip
    return Table(tuple(tr(h) for h in headers), tuple(rows), (4.4, 2.2, 2.5, 2.1, 3.2, 2.6))


def _steps(state: NcState, report: AuditReport, tr: Translator, working: bool) -> Table:
    rows: list[tuple[str, ...]] = []
    for step in state.clocked.steps:
        met = step_met(step, state, day=tr.short_date)
        due, basis = tr.short_date(step.due), tr(_basis(step, report, tr, working=working))
        if not working:
            rows.append((tr(step_label(step.kind)), due, basis, tr(met) if met else "—"))
            continue
        status = met or t(
            "{status} ({left})", status=status_label(step.status), left=days_left(step.days_left)
        )
        rows.append((tr(step_label(step.kind)), due, basis, tr(status)))
    last = t("Status") if working else t("Done")
    headers = (t("Step"), t("Due date"), t("Basis"), last)
    return Table(tuple(tr(h) for h in headers), tuple(rows), (4.2, 2.3, 6.5, 4.0))


def _basis(step: Step, report: AuditReport, tr: Translator, *, working: bool) -> Msg:
    """What a due date rests on: the delay, counted from what, and who set it — the
    arrêté for the 3 and 6 months and the decision, the certifier for a minor NC's plan
    (shared/domain/qualiopi.md), or usual practice when its delay is not written."""
    delay = step.basis.describe()
    decision = step.kind is StepKind.DECISION
    if working and decision:
        counted = t("correction due date + {duration}", duration=delay)
    elif working:
        notified = tr.short_date(report.folder.audit.audit.clock_start)
        counted = t("notification ({day}) + {duration}", day=notified, duration=delay)
    elif decision:
        counted = t("{duration} after the correction due date", duration=delay)
    else:
        counted = t("{duration} after the notification", duration=delay)
    if set_by_law(step.kind, step.basis):
        source = t("arrêté of 6 June 2019, art. 5")
    elif (
        step.kind is StepKind.PLAN
        and "minor_plan" not in report.folder.audit.rules.model_fields_set
    ):
        # qnc's default, not a delay the certifier gave: say so to the certifier.
        source = t("usual certifier practice (no delay written in 'regles')")
    else:
        source = t("delay set by the certifier")
    return t("{basis} — {source}", basis=counted, source=source)


def _effectiveness(state: NcState, report: AuditReport, tr: Translator) -> list[Block]:
    """How the effect of the actions is checked, by whom and when, and what the check
    found once made."""
    check = state.file.nc.effectiveness
    if check is None:
        check_blocks: list[Block] = []
    else:
        check_blocks = [UserText(check.method)] if check.method else []
        owners = ", ".join(check.owners or ())
        planned = _planned(owners, check.planned)
        if planned is not None:
            check_blocks.append(Paragraph((tr(planned),)))
        if check.checked is not None and check.checked <= report.today:
            result = t("Checked on {day}: {result}", day=check.checked,
                       result=check.result or "—")  # fmt: skip
            check_blocks.append(Paragraph((tr(result),)))
    if not check_blocks and not state.clocked.open:
        return []
    heading = Heading(3, tr(t("Effectiveness check")))
    return [heading, *(check_blocks or [Paragraph((tr(_TO_COMPLETE),), italic=True)])]


def _planned(owners: str, day: object) -> Msg | None:
    if owners and day is not None:
        return t("Carried out by {owners}, planned for {day}.", owners=owners, day=day)
    if owners:
        return t("Carried out by {owners}.", owners=owners)
    if day is not None:
        return t("Planned for {day}.", day=day)
    return None
