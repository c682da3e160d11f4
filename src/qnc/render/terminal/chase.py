"""The actions to chase, under the status of one audit or of a portfolio: who owes what."""

from __future__ import annotations

from collections.abc import Sequence

from qnc.i18n import Translator, t
from qnc.render.diagnostics import display_path
from qnc.render.phrases import days_left
from qnc.render.terminal.lines import shown
from qnc.render.terminal.styled import Styled
from qnc.render.terminal.styles import STATUS_STYLES
from qnc.rules.report import AuditReport


def actions_to_chase(reports: Sequence[AuditReport], tr: Translator, *,
                     named: bool = False) -> Styled | None:  # fmt: skip
    """Open actions that are late or due soon, nearest first, with their owners;
    ``named`` (a portfolio), each line starts with its organisation and folder."""
    pending = [(item, nc, report) for report in reports for nc in report.ncs
               for item in nc.to_chase]  # fmt: skip
    if not pending:
        return None
    text = Styled(tr(t("Actions to chase (late or due soon)")) + "\n", "bold")
    for item, nc, report in sorted(pending, key=lambda entry: entry[0].action.due):
        action = item.action
        text.append("- ")
        if named:
            where = display_path(report.folder.path)
            text.append(f"{shown(report.folder.audit.organisation.name)} ({where}) — ")
        owners = shown(", ".join(action.owners))
        text.append(f"{shown(nc.file.nc.id)} {shown(action.id)} — {owners} — ")
        text.append(
            tr(t("{due} ({left})", due=tr.short_date(action.due), left=days_left(item.days_left))),
            STATUS_STYLES[item.status],
        )
        if action.description:
            text.append(f" — {shown(action.description)}")
        text.append("\n")
    return text
