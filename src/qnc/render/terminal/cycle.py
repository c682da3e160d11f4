"""The certification cycle in ``qnc status``: the header's lines about the next audit
(or the audit that closed this one), and the block of what ties the audit and its NCs
to the other audits of the organisation."""

from __future__ import annotations

from qnc.i18n import Msg, Translator, t
from qnc.render.cycle import closed_phrase, cycle_notes, next_audit_phrase
from qnc.render.terminal.styled import Styled
from qnc.rules.report import AuditReport


def cycle_fields(text: Styled, report: AuditReport, tr: Translator) -> None:
    """The audit that closed this one, or else the next audit due."""
    later = report.closed_by
    if later is not None:
        field(text, t("Closed"), tr)
        text.append(tr(closed_phrase(report, later)) + "\n")
        return
    window = report.cycle.next_audit
    if window is not None:
        field(text, t("Next audit"), tr)
        late = window.closes is not None and window.closes < report.today
        text.append(tr(next_audit_phrase(window, report)) + "\n", "bold red" if late else "")


def cycle_block(report: AuditReport, tr: Translator) -> Styled | None:
    """What ties this audit and its NCs to the other audits of the organisation."""
    notes = cycle_notes(report)
    if not notes:
        return None
    text = Styled(tr(t("Between audits")) + "\n", "bold")
    for note in notes:
        text.append(f"- {tr(note)}\n")
    return text


def field(text: Styled, label: Msg, tr: Translator) -> None:
    """``label`` in bold, as each field of the status header starts."""
    text.append(tr(t("{label}: ", label=label)), "bold")
