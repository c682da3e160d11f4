"""New entrants (nouveaux entrants): a provider in its first year, or starting a new
category, then only for that category (shared/domain/qualiopi.md, MED-HIGH).

For the new-entrant indicators (2, 3, 11, 13, 14, 19, 22, 24, 25, 26, 32) the initial
audit checks only that the process is written down; its use is checked at the
surveillance audit, which for a new entrant reviews every indicator. A new category
comes with an extension audit, "like an initial audit on the new scope".
"""

from __future__ import annotations

from qnc.model.folder import AuditFolder
from qnc.model.records import AuditType
from qnc.model.referential import Indicator

FIRST_AUDITS = (AuditType.INITIAL, AuditType.EXTENSION)


def written_only(indicator: Indicator | None, folder: AuditFolder) -> bool:
    """Whether an NC on ``indicator`` at ``folder`` can only be about the written process:
    a new-entrant indicator, at the first audit of a category the organisation is new in."""
    if indicator is None or not indicator.new_entrant:
        return False
    if folder.audit.audit.type not in FIRST_AUDITS:
        return False
    return any(c in indicator.applies for c in folder.audit.organisation.new_entrant_categories)


def entrant_indicators(folder: AuditFolder) -> tuple[int, ...]:
    """The new-entrant indicators whose use the next surveillance audit checks, for the
    categories ``folder``'s organisation is new in (none when it is not a new entrant)."""
    categories = folder.audit.organisation.new_entrant_categories
    return tuple(
        i.number
        for i in folder.grid.indicators.values()
        if i.new_entrant and any(c in i.applies for c in categories)
    )
