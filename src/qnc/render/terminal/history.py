"""``qnc historique`` in the terminal: each organisation's audits in order, with their
NCs and what became of them, the certificate and the next audit due.

Lines of text and no table: written without Rich (:mod:`qnc.render.terminal.styled`),
whose import would cost more than the rest of the command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from qnc.i18n import Msg, Translator, t, tn
from qnc.model.records import Grade
from qnc.render.broken import BROKEN_TITLE, broken_line
from qnc.render.cycle import (
    certificate_phrase,
    closed_phrase,
    nc_notes,
    next_audit_phrase,
    undated,
)
from qnc.render.diagnostics import display_path
from qnc.render.phrases import audit_title, state_of
from qnc.render.terminal.styled import Styled, stacked
from qnc.render.terminal.styles import GROUP_STYLES, VERDICT_STYLES
from qnc.rules.cycle.history import OrganisationHistory
from qnc.rules.report import AuditReport
from qnc.rules.words import grade_label, verdict_label

if TYPE_CHECKING:
    from qnc.inspection import Broken


def history_view(stories: Sequence[OrganisationHistory], tr: Translator, *,
                 broken: Sequence[Broken] = ()) -> Styled:  # fmt: skip
    """Each organisation as a block of lines (a wrapped line keeps its block's indent
    when written). The audits left out for their errors come first: their story is
    missing."""
    parts = [left_out(broken, tr)] if broken else []
    if not stories:
        parts.append(Styled(tr(t("no audit to tell"))))
        return stacked(parts)
    parts += [_organisation(story, tr) for story in stories]
    # How to date an undated next audit: said once, not once per organisation.
    undated_count = sum(undated(story.next_audit) for story in stories)
    if undated_count:
        parts.append(Styled(tr(tn(
            "{n} organisation has no certificate recorded: write 'certificat: obtenu_le' in "
            "the audit.yaml of its current audit to date its next audit.",
            "{n} organisations have no certificate recorded: write 'certificat: obtenu_le' "
            "in the audit.yaml of their current audit to date their next audit.",
            undated_count))))  # fmt: skip
    return stacked(parts)


def left_out(broken: Sequence[Broken], tr: Translator) -> Styled:
    """The audits with errors, as a block of lines."""
    text = Styled(tr(BROKEN_TITLE) + "\n", "bold red")
    for entry in broken:
        text.append(f"- {broken_line(entry, tr)}\n")
    return text


def _organisation(story: OrganisationHistory, tr: Translator) -> Styled:
    title = story.name + (f" — SIRET {story.siret}" if story.siret else "")
    text = Styled(title + "\n", "bold")
    if story.certificate is not None:
        _line(text, t("Certificate"), tr(certificate_phrase(story.certificate)), tr)
    window = story.next_audit
    if window is not None:
        late = window.closes is not None and window.closes < story.current.today
        phrase = next_audit_phrase(window, story.current, advice=False)
        _line(text, t("Next audit"), tr(phrase), tr,
              style="bold red" if late else "")  # fmt: skip
    for number, report in enumerate(story.audits, start=1):
        _audit(text, number, report, report is story.current, tr)
    return text


def _audit(text: Styled, number: int, report: AuditReport, current: bool, tr: Translator) -> None:
    where = display_path(report.folder.path)
    text.append(f"\n{number}. {tr(audit_title(report))} — {where}")
    if current:
        text.append(" — " + tr(t("current audit")), "bold")
    text.append("\n")
    outcome = report.outcome
    text.append("   " + tr(t("{label}: ", label=t("Verdict"))))
    text.append(tr(verdict_label(outcome.verdict)), VERDICT_STYLES[outcome.verdict])
    text.append(f" — {tr(outcome.reason)}\n")
    later = report.closed_by
    if later is not None:
        text.append("   " + tr(t("{label}: ", label=t("Closed"))) +
                    tr(closed_phrase(report, later)) + "\n")  # fmt: skip
    for state in sorted(report.ncs, key=lambda s: s.file.nc.id):
        nc = state.file.nc
        grade = tr(grade_label(nc.grade))
        label = tr(t("indicator {number}", number=nc.indicator))
        text.append(f"   - {nc.id} — {label} — ")
        text.append(grade, "bold" if nc.grade is Grade.MAJOR else "")
        text.append(" — ")
        text.append(tr(state_of(state)), GROUP_STYLES[state.group])
        text.append("\n")
        for note in nc_notes(state, report):
            text.append(f"     {tr(note)}\n")


def _line(text: Styled, label: Msg, value: str, tr: Translator, *, style: str = "") -> None:
    text.append(tr(t("{label}: ", label=label)), "bold")
    text.append(value + "\n", style)
