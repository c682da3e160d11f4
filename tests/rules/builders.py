"""Records, folders and reports built in memory, for the tests of the report and renderers.

Paths are relative (``audits/littoral``): a relative path is shown as written, whatever
the folder the tests run from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import Audit, NonConformity
from qnc.rules.clocks import Clocked, clock
from qnc.rules.cycle.carry import Closure
from qnc.rules.report import AuditReport, build_report

NOTIFIED = date(2026, 3, 12)
"""The notification of :func:`audit`: plans due 11 April, corrections 12 June 2026."""
FOLDER = Path("audits/littoral")
TODAY = date(2026, 5, 1)
"""The day of :func:`sample`."""


def audit(*, organisation: str = "Formations du Littoral", top: dict[str, Any] | None = None,
          **info: Any) -> Audit:  # fmt: skip
    """An initial audit on 9-10 March 2026 notified on 12 March; ``info`` overrides keys of
    its ``audit`` section (None drops one), ``top`` adds sections (``certificat``)."""
    section = {"type": "initial", "debut": "2026-03-09", "fin": "2026-03-10",
               "notification": NOTIFIED.isoformat(), **info}  # fmt: skip
    return Audit.model_validate(
        {
            "organisme": {"nom": organisation, "categories": ["AF"]},
            "certificateur": {"nom": "Certif Exemple"},
            "audit": {k: v for k, v in section.items() if v is not None},
            **(top or {}),
        }
    )


def nc(id: str, grade: str = "mineure", indicator: int = 12, **fields: Any) -> NonConformity:
    """An NC; ``fields`` are YAML keys (``plan_envoye_le``, ``actions``…)."""
    return NonConformity.model_validate(
        {"id": id, "indicateur": indicator, "gravite": grade, "constat": "Constat.", **fields}
    )


def action(id: str, due: str, done: str | None = None, **fields: Any) -> dict[str, Any]:
    """An action as written under ``actions``, owned by Mme Durand."""
    written = {"id": id, "responsable": "Mme Durand", "echeance": due, **fields}
    return written if done is None else {**written, "fait_le": done}


def folder(ncs: Sequence[NonConformity] = (), *, path: Path = FOLDER,
           record: Audit | None = None) -> AuditFolder:  # fmt: skip
    return AuditFolder(
        path, record or audit(), tuple(NcFile(path / "nc" / f"{n.id}.yaml", n) for n in ncs)
    )


def clocks(audit_folder: AuditFolder, today: date,
           carried: Mapping[str, date] | None = None) -> tuple[Clocked, ...]:  # fmt: skip
    """The clocks of every NC of the folder, as the application works them out;
    ``carried`` maps the id of an NC a later audit took over to that audit's notification."""
    info, taken = audit_folder.audit, carried or {}
    start, rules = info.audit.clock_start, info.rules
    return tuple(
        clock(n, notified=start, rules=rules, today=today, closure=_taken_over(n, taken))
        for n in audit_folder.ncs
    )


LATER = Path("audits/littoral-surveillance")
"""The folder of the later audit that takes NCs over in :func:`clocks`."""


def _taken_over(entry: NcFile, carried: Mapping[str, date]) -> Closure | None:
    day = carried.get(entry.nc.id)
    if day is None:
        return None
    later = folder(path=LATER, record=audit(type="surveillance", debut="2026-04-13",
                                            fin=None, notification=day.isoformat()))  # fmt: skip
    return Closure(day, later, LATER / "nc" / f"{entry.nc.id}.yaml")


def report(audit_folder: AuditFolder, today: date,
           carried: Mapping[str, date] | None = None) -> AuditReport:  # fmt: skip
    return build_report(audit_folder, clocks(audit_folder, today, carried), today=today)


def sample() -> AuditReport:
    """A blocking major with three actions, a minor without plan, a lifted minor."""
    actions = [
        action("A1", "2026-04-20", description="Former l'équipe", preuves=["preuves/liste.pdf"]),
        action("A2", "2026-05-10", preuve_attendue="Compte rendu"),
        action(
            "A3",
            "2026-04-15",
            done="2026-04-01",
            type="correction",
            preuves=["https://exemple.fr/preuve"],
        ),
    ]
    major = nc("NC-1", "majeure", 11, exigence="Suivre les absences.", actions=actions)
    chased = [action("B1", "2026-04-01")]
    lifted = nc("NC-3", levee_le="2026-04-20", analyse_causes="Oubli.", actions=chased)
    return report(folder([major, nc("NC-2", "mineure", 1), lifted]), TODAY)
