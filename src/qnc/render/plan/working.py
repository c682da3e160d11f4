"""What only the working view shows: qnc's verdict, the order in which to deal with the
NCs and why, countdowns and the calendar. Never sent to the certifier."""

from __future__ import annotations

from qnc.i18n import Msg, Translator, t, tn
from qnc.model.records import Grade
from qnc.render.phrases import days_left
from qnc.render.plan.blocks import Block, Bullets, Calendar, Heading, Inline, Paragraph
from qnc.rules.clocks import Step
from qnc.rules.report import AuditReport
from qnc.rules.words import step_label, verdict_label


def situation(report: AuditReport, tr: Translator) -> list[Block]:
    outcome = report.outcome
    counts = t(
        "Open NCs: {majors}, {minors}. Lifted: {lifted}.",
        majors=tn("{n} major", "{n} majors", report.open_count(Grade.MAJOR)),
        minors=tn("{n} minor", "{n} minors", report.open_count(Grade.MINOR)),
        lifted=sum(1 for n in report.ncs if not n.clocked.open),
    )
    verdict = f"{tr(verdict_label(outcome.verdict))} — {tr(outcome.reason)}"
    blocks: list[Block] = [
        Heading(2, tr(t("Situation on {day}", day=report.today))),
        Paragraph((verdict,), label=tr(t("Verdict"))),
        Paragraph((tr(counts),)),
    ]
    pending: list[tuple[Step, Msg | str, Msg]] = [
        (s, n.file.nc.id, step_label(s.kind))
        for n in report.ncs
        for s in n.clocked.steps
        if not s.status.is_met
    ]
    group = outcome.deadline
    if group is not None and group.nc_id is None and group.step.days_left >= 0:
        # 5 or more open minors: the day they must be under 5 is a due date of its own
        pending.append((group.step, group.subject, t("under 5 open minor NCs")))
    upcoming = sorted(pending, key=lambda item: item[0].due)[:5]
    if upcoming:
        items: list[tuple[Inline, ...]] = [
            (f"{tr(step.due)} — {tr(subject)} — {tr(label)} ({tr(days_left(step.days_left))})",)
            for step, subject, label in upcoming
        ]
        blocks += [Paragraph((tr(t("Next due dates:")),)), Bullets(tuple(items))]
    return blocks


def order(report: AuditReport, tr: Translator) -> list[Block]:
    """The NCs in the order to deal with them (spec §2.3), each with its reason."""
    if not report.ncs:
        return []
    items: list[tuple[Inline, ...]] = [
        (f"{state.file.nc.id} — {tr(state.reason)}",) for state in report.ncs
    ]
    return [Heading(2, tr(t("Order of treatment"))), Bullets(tuple(items), numbered=True)]


def calendar(report: AuditReport, tr: Translator) -> list[Block]:
    from qnc.render.plan.timeline import timeline  # only the working view draws it

    data = timeline(report)
    if not data.bars and not data.milestones:
        return []
    span = t(
        "Each bar runs from the start of an action to the day it was done or, while it is "
        "to do, to its due date; the marks are the regulatory due dates."
    )
    legend = [tr(span)]
    unknown = data.unknown_starts
    if unknown:
        names = ", ".join(f"{bar.nc_id} {bar.action_id}" for bar in unknown)
        legend.append(
            tr(
                tn(
                    "Start not given (bar from the notification, {day}): {actions}. Add "
                    "'debut:' to the action to place it.",
                    "Starts not given (bars from the notification, {day}): {actions}. Add "
                    "'debut:' to each action to place them.",
                    len(unknown),
                    day=data.notified,
                    actions=names,
                )
            )
        )
    caption = tr(t("Actions and regulatory due dates, as of {day}.", day=report.today))
    return [Heading(2, tr(t("Timeline"))), Calendar(data, caption, tuple(legend))]
