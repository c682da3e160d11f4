"""One NC of the plan: the finding and its analysis, the actions, the due dates, the check
of effectiveness. The working view adds the rank, statuses and countdowns."""

from __future__ import annotations

import os
from pathlib import Path

from qnc.i18n import Msg, Translator, t
from qnc.render.cycle import nc_notes, origin_note
from qnc.render.phrases import days_left
from qnc.render.plan.blocks import Block, Bullets, Heading, Inline, Link, Paragraph, Table, UserText
from qnc.render.plan.facts import action_done, action_not_done, step_met
from qnc.rules.report import AuditReport, NcState
from qnc.rules.states import StepKind
from qnc.rules.words import action_type_label, grade_label, status_label, step_label


def nc_section(state: NcState, report: AuditReport, tr: Translator, *, working: bool,
               links_from: Path) -> list[Block]:  # fmt: skip
    nc = state.file.nc
    label = tr.text(state.indicator.label) if state.indicator else "?"
    title = t("{id} — indicator {number}: {label} ({grade})", id=nc.id, number=nc.indicator,
              label=label, grade=grade_label(nc.grade))  # fmt: skip
    blocks: list[Block] = [Heading(2, tr(title))]
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
    # a missing one is said, not hidden.
    for heading, text, expected in (
        (t("Finding"), nc.finding, False),
        (t("Requirement"), nc.requirement, False),
        (t("Root cause analysis"), nc.root_cause, state.clocked.open),
        (t("Immediate correction"), nc.correction, False),
    ):
        if text:
            blocks += [Heading(3, tr(heading)), UserText(text)]
        elif expected:
            blocks += [Heading(3, tr(heading)), _to_complete(tr)]
    blocks.append(Heading(3, tr(t("Actions"))))
    if state.actions:
        blocks.append(_actions(state, tr, working=working))
        blocks += _evidence(state, report, tr, links_from)
    else:
        blocks.append(Paragraph((tr(t("No action recorded yet.")),)))
    blocks += [Heading(3, tr(t("Regulatory due dates"))), _steps(state, report, tr, working)]
    blocks += _effectiveness(state, report, tr)
    return blocks


def _to_complete(tr: Translator) -> Paragraph:
    return Paragraph((tr(t("To be completed.")),), italic=True)


def _actions(state: NcState, tr: Translator, *, working: bool) -> Table:
    rows = []
    for item in state.actions:
        action = item.action
        done: Msg | None = action_done(item)
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
                tr(done or action_not_done(state)),
            )
        )
    headers = (t("Action"), t("Type"), t("Owner"), t("Due"), t("Expected evidence"),
               t("Done"))  # fmt: skip
    return Table(tuple(tr(h) for h in headers), tuple(rows), (4.6, 2.0, 2.5, 2.1, 3.2, 2.6))


def _evidence(state: NcState, report: AuditReport, tr: Translator,
              links_from: Path) -> list[Block]:  # fmt: skip
    items: list[tuple[Inline, ...]] = []
    for item in state.actions:
        links = [_link(e.path, report.folder.path, links_from) for e in item.action.evidence]
        if links:
            parts: list[Inline] = [tr(t("{label}: ", label=item.action.id))]
            for index, link in enumerate(links):
                parts += [", ", link] if index else [link]
            items.append(tuple(parts))
    if not items:
        return []
    return [Paragraph((tr(t("Evidence supplied:")),)), Bullets(tuple(items))]


def _link(target: str, audit_dir: Path, links_from: Path) -> Link:
    if target.startswith(("http://", "https://")):
        return Link(target, target)
    # A Windows path (preuves\grille.pdf, warned about by check) still links right.
    relative = os.path.relpath(audit_dir / target.replace("\\", "/"), links_from)
    return Link(target, relative.replace(os.sep, "/"))


def _steps(state: NcState, report: AuditReport, tr: Translator, working: bool) -> Table:
    rows: list[tuple[str, ...]] = []
    notified = report.folder.audit.audit.clock_start
    for step in state.clocked.steps:
        met = step_met(step, state)
        if not working:
            rows.append((tr(step_label(step.kind)), tr(step.due), tr(met) if met else "—"))
            continue
        basis = t("notification ({day}) + {duration}", day=notified, duration=step.basis.describe())
        if step.kind is StepKind.DECISION:
            basis = t("correction due date + {duration}", duration=step.basis.describe())
        status = met or t(
            "{status} ({left})", status=status_label(step.status), left=days_left(step.days_left)
        )
        rows.append((tr(step_label(step.kind)), tr(step.due), tr(basis), tr(status)))
    if not working:
        facts = (t("Step"), t("Due date"), t("Done"))
        return Table(tuple(tr(h) for h in facts), tuple(rows), (7.0, 4.5, 5.5))
    headers = (t("Step"), t("Due date"), t("Basis"), t("Status"))
    return Table(tuple(tr(h) for h in headers), tuple(rows), (4.6, 3.4, 5.0, 4.0))


def _effectiveness(state: NcState, report: AuditReport, tr: Translator) -> list[Block]:
    """How the effect of the actions is checked, and what the check found once made."""
    check = state.file.nc.effectiveness
    method = check.method if check else None
    checked = check.checked if check and check.checked and check.checked <= report.today else None
    blocks: list[Block] = []
    if method:
        blocks.append(UserText(method))
    if checked is not None and check is not None:
        result = t("Checked on {day}: {result}", day=checked, result=check.result or "—")
        blocks.append(Paragraph((tr(result),)))
    if not blocks and not state.clocked.open:
        return []
    return [Heading(3, tr(t("Effectiveness check"))), *(blocks or [_to_complete(tr)])]
