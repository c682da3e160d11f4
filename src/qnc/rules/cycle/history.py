"""The history of each organisation: its audits in order, with what became of their NCs,
the certificate and the next audit due (``qnc historique``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from qnc.model.records import Certificate
from qnc.rules.cycle.carry import nc_key
from qnc.rules.cycle.certificate import Window
from qnc.rules.cycle.lineage import held as held_order
from qnc.rules.report import AuditReport


class OrganisationHistory(NamedTuple):
    audits: tuple[AuditReport, ...]
    """First held first."""

    @property
    def current(self) -> AuditReport:
        """The latest audit held (an audit dated after the day of the run is to come)."""
        held = [r for r in self.audits if r.folder.audit.audit.start <= r.today]
        return (held or self.audits)[-1]

    @property
    def name(self) -> str:
        return self.current.folder.audit.organisation.name

    @property
    def siret(self) -> str | None:
        return next((r.folder.audit.organisation.siret for r in reversed(self.audits)
                     if r.folder.audit.organisation.siret), None)  # fmt: skip

    @property
    def certificate(self) -> Certificate | None:
        """The latest certificate recorded in its audits."""
        recorded = [r.folder.audit.certificate for r in self.audits if r.folder.audit.certificate]
        return max(recorded, key=lambda c: c.obtained, default=None)

    @property
    def next_audit(self) -> Window | None:
        return self.current.cycle.next_audit


def current_audit(reports: Sequence[AuditReport]) -> AuditReport | None:
    """The audit that a folder holding one organisation's audits stands for: the one not
    closed by a later audit, as ``qnc status`` folds them; the latest held (by its first
    day) if several are open. None when ``reports`` are of several organisations."""
    if len({_organisation(r) for r in reports}) != 1:
        return None
    candidates = [r for r in reports if r.closed_by is None] or list(reports)
    held = [r for r in candidates if r.folder.audit.audit.start <= r.today] or candidates
    return max(held, key=lambda r: held_order(r.folder))


def _organisation(report: AuditReport) -> Path:
    lineage = report.cycle.lineage
    return nc_key((lineage[0] if lineage else report.folder).path)


def histories(reports: Sequence[AuditReport],
              asked: Sequence[Path]) -> list[OrganisationHistory]:  # fmt: skip
    """The reports grouped by organisation (:func:`qnc.rules.cycle.lineage.lineages`), for the
    organisations of the ``asked`` audit folders, by name."""
    wanted = {nc_key(path) for path in asked}
    groups: dict[tuple[str, ...], list[AuditReport]] = {}
    for report in reports:
        lineage = report.cycle.lineage or (report.folder,)
        groups.setdefault(tuple(str(nc_key(f.path)) for f in lineage), []).append(report)
    found = []
    for key, members in groups.items():
        if not wanted & {nc_key(r.folder.path) for r in members}:
            continue
        order = {path: i for i, path in enumerate(key)}
        members.sort(key=lambda r: order[str(nc_key(r.folder.path))])
        found.append(OrganisationHistory(tuple(members)))
    return sorted(found, key=lambda h: (h.name.casefold(), str(h.current.folder.path)))
