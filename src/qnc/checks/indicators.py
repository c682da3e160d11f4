"""An NC's indicator against the audit's grid and the organisation's categories."""

from __future__ import annotations

from collections.abc import Iterator

from qnc.diagnostics import Problem, error, warning
from qnc.i18n import LANGUAGES, t, translator
from qnc.model.folder import AuditFolder
from qnc.model.records import Grade
from qnc.model.values import NcValues


def indicator(folder: AuditFolder, nc: NcValues) -> Iterator[Problem]:
    """In the grid; a minor NC only on a graded indicator; applicable to the organisation.
    Checked as far as the NC's indicator and grade could be read."""
    file, grid = nc.path, folder.grid
    if nc.indicator is None:
        return
    found = grid.indicators.get(nc.indicator)
    if found is None:
        yield error(
            file,
            ("indicateur",),
            "indicateur-inconnu",
            t(
                "indicator {number} does not exist in the grid {grid} (1 to {last})",
                number=nc.indicator,
                grid=grid.id,
                last=max(grid.indicators),
            ),
        )
        return
    if found.major_only and nc.grade is Grade.MINOR:
        yield error(
            file,
            ("gravite",),
            "indicateur-majeur",
            t(
                "indicator {number} only gives major NCs; write 'gravite: majeure'",
                number=nc.indicator,
            ),
        )
    organisation = folder.audit.organisation
    applicable = [c for c in organisation.categories if c in found.applies]
    if not applicable:
        yield error(
            file,
            ("indicateur",),
            "categorie",
            t(
                "indicator {number} applies to {categories} only, "
                "and the organisation declares {own}",
                number=nc.indicator,
                categories=", ".join(found.categories),
                own=", ".join(organisation.categories),
            ),
        )
        return
    # CFA and VAE always meet the conditions that concern them: the grid says so
    # (qnc.model.referential.IMPLIED), so only a declared activity can be missing here.
    needed = {found.applies[c] for c in applicable}
    if None not in needed and not needed & set(organisation.activities):
        yield warning(
            file,
            ("indicateur",),
            "activite",
            t(
                "indicator {number} applies only with the activity {activity}, missing from "
                "'activites' in audit.yaml",
                number=nc.indicator,
                activity=" / ".join(sorted(a.value for a in needed if a)),
            ),
        )


def requirement_summary(folder: AuditFolder, nc: NcValues) -> Iterator[Problem]:
    """``exigence`` still holds the one-line summary of the indicator that ``qnc add``
    writes when the requirement is not given: the plan would send qnc's words as the
    audit report's."""
    found = folder.grid.indicators.get(nc.indicator) if nc.indicator is not None else None
    if found is None or nc.requirement is None:
        return
    written = " ".join(nc.requirement.split())
    if any(written == translator(language).text(found.label) for language in LANGUAGES):
        yield warning(
            nc.path,
            ("exigence",),
            "exigence-resume",
            t(
                "'exigence' is still qnc's summary of indicator {number}, written by qnc add: "
                "replace it with the requirement as the audit report words it, or delete "
                "the line",
                number=nc.indicator,
            ),
        )


def new_entrant(folder: AuditFolder) -> Iterator[Problem]:
    """``nouvel_entrant`` names categories the organisation declares."""
    organisation = folder.audit.organisation
    if isinstance(organisation.new_entrant, bool):
        return
    unknown = [c for c in organisation.new_entrant if c not in organisation.categories]
    if unknown:
        yield error(
            folder.audit_file,
            ("organisme", "nouvel_entrant"),
            "nouvel-entrant",
            t(
                "'nouvel_entrant' names {unknown}, which 'categories' does not declare "
                "({own}): a new entrant is new in categories it is certified for",
                unknown=", ".join(unknown),
                own=", ".join(organisation.categories),
            ),
        )
