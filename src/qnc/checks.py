"""Rules that span records (spec §2.4): what a single file's schema cannot see.

Pure: the file system is consulted only through the ``exists`` function passed in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qnc.clocks import Status, regulatory_due, steps_for
from qnc.diagnostics import Problem, error, warning
from qnc.folder import AUDIT_FILE, AuditFolder, NcFile
from qnc.i18n import t, tn
from qnc.labels import step_label
from qnc.models import Grade


@dataclass(frozen=True)
class Context:
    today: date
    exists: Callable[[Path], bool]
    repository: Path
    """Evidence must stay inside this folder (the git work tree holding the audit)."""


def check_audit(folder: AuditFolder, ctx: Context) -> list[Problem]:
    problems = list(_audit_dates(folder, ctx))
    seen_ids: dict[str, NcFile] = {}
    seen_indicators: dict[int, NcFile] = {}
    for entry in folder.ncs:
        problems += _nc(folder, entry, ctx)
        first = seen_ids.setdefault(entry.nc.id, entry)
        if first is not entry:
            problems.append(
                error(
                    entry.path,
                    ("id",),
                    "id-duplique",
                    t(
                        "the id '{id}' is already used by {other}; give each NC its own id",
                        id=entry.nc.id,
                        other=first.path.name,
                    ),
                )
            )
        first = seen_indicators.setdefault(entry.nc.indicator, entry)
        if first is not entry:
            problems.append(
                error(
                    entry.path,
                    ("indicateur",),
                    "indicateur-duplique",
                    t(
                        "indicator {number} already has an NC ({other}); "
                        "one indicator gives one NC per audit: merge the findings",
                        number=entry.nc.indicator,
                        other=first.path.name,
                    ),
                )
            )
    return problems


def _audit_dates(folder: AuditFolder, ctx: Context) -> Iterator[Problem]:
    info, file = folder.audit.audit, folder.audit_file
    if info.end and info.end < info.start:
        yield error(
            file,
            ("audit", "fin"),
            "ordre-dates",
            t("the audit ends ({end}) before it starts ({start})", end=info.end, start=info.start),
        )
    if info.notification is None:
        yield warning(
            file,
            ("audit",),
            "notification-absente",
            t(
                "no notification date: clocks start on the last audit day ({day}); "
                "add 'notification:' with the date the NCs were notified",
                day=info.last_day,
            ),
            on_key=True,
        )
    elif info.notification < info.start:
        yield error(
            file,
            ("audit", "notification"),
            "ordre-dates",
            t(
                "the notification ({date}) comes before the audit starts ({start})",
                date=info.notification,
                start=info.start,
            ),
        )
    certificate = folder.audit.certificate
    if certificate and certificate.expires and certificate.expires < certificate.obtained:
        yield error(
            file,
            ("certificat", "expire_le"),
            "ordre-dates",
            t(
                "the certificate expires ({end}) before it was obtained ({start})",
                end=certificate.expires,
                start=certificate.obtained,
            ),
        )
    if info.previous is not None:
        yield from _reference(
            folder.path, info.previous, file, ("audit", "precedent"), ctx, expected=AUDIT_FILE
        )


def _nc(folder: AuditFolder, entry: NcFile, ctx: Context) -> Iterator[Problem]:
    nc, file = entry.nc, entry.path
    if file.stem != nc.id:
        yield warning(
            file,
            ("id",),
            "nom-fichier",
            t("the file should be named after its id: {expected}", expected=f"{nc.id}.yaml"),
        )
    yield from _indicator(folder, entry)
    yield from _fact_dates(folder, entry, ctx)
    if nc.plan_sent and not nc.root_cause:
        yield warning(
            file,
            ("plan_envoye_le",),
            "analyse-causes",
            t("the action plan was sent without a root cause analysis; add 'analyse_causes:'"),
        )
    if nc.origin is not None:
        yield from _reference(folder.path, nc.origin, file, ("origine",), ctx)
    notified, rules = folder.audit.audit.clock_start, folder.audit.rules
    limit = regulatory_due(nc, notified=notified, rules=rules)
    seen: set[str] = set()
    for i, action in enumerate(nc.actions):
        if action.id in seen:
            yield error(
                file,
                ("actions", i, "id"),
                "action-dupliquee",
                t("the action id '{id}' is used twice in this NC", id=action.id),
            )
        seen.add(action.id)
        if action.due > limit:
            yield warning(
                file,
                ("actions", i, "echeance"),
                "echeance-action",
                t(
                    "this action is due on {due}, "
                    "after the regulatory due date of the NC ({limit})",
                    due=action.due,
                    limit=limit,
                ),
            )
        for j, evidence in enumerate(action.evidence):
            yield from _evidence(folder.path, evidence, file, ("actions", i, "preuves", j), ctx)
    for step in steps_for(nc, notified=notified, rules=rules, today=ctx.today):
        if step.status is Status.OVERDUE and step.blocking:
            yield warning(
                file,
                ("id",),
                "etape-depassee",
                tn(
                    "the step '{step}' was due on {due} and is late by {n} day",
                    "the step '{step}' was due on {due} and is late by {n} days",
                    -step.days_left,
                    step=step_label(step.kind),
                    due=step.due,
                ),
            )


def _indicator(folder: AuditFolder, entry: NcFile) -> Iterator[Problem]:
    nc, file, grid = entry.nc, entry.path, folder.grid
    indicator = grid.indicators.get(nc.indicator)
    if indicator is None:
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
    if indicator.major_only and nc.grade is Grade.MINOR:
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
    applicable = [c for c in organisation.categories if c in indicator.applies]
    if not applicable:
        yield error(
            file,
            ("indicateur",),
            "categorie",
            t(
                "indicator {number} applies to {categories} only, "
                "and the organisation declares {own}",
                number=nc.indicator,
                categories=", ".join(indicator.categories),
                own=", ".join(organisation.categories),
            ),
        )
        return
    needed = {indicator.applies[c] for c in applicable}
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


def _fact_dates(folder: AuditFolder, entry: NcFile, ctx: Context) -> Iterator[Problem]:
    nc, file = entry.nc, entry.path
    notified = folder.audit.audit.clock_start
    facts = [
        (("plan_envoye_le",), nc.plan_sent),
        (("preuves_envoyees_le",), nc.evidence_sent),
        (("levee_le",), nc.lifted),
        (("efficacite", "verifiee_le"), nc.effectiveness.checked if nc.effectiveness else None),
        *((("actions", i, "fait_le"), a.done) for i, a in enumerate(nc.actions)),
    ]
    for loc, day in facts:
        if day is None:
            continue
        if day < notified:
            yield error(
                file,
                loc,
                "ordre-dates",
                t(
                    "{date} is before the notification of the NCs ({notified})",
                    date=day,
                    notified=notified,
                ),
            )
        if day > ctx.today:
            yield warning(
                file,
                loc,
                "date-future",
                t("{date} is in the future: record a fact only once it has happened", date=day),
            )


def _reference(
    base: Path, target: str, file: Path, loc: tuple[str, ...], ctx: Context, *, expected: str = ""
) -> Iterator[Problem]:
    """``target`` must exist; ``expected`` names a file it must hold (an audit folder)."""
    if not ctx.exists(Path(os.path.normpath(base / target / expected))):
        yield error(
            file,
            loc,
            "reference-introuvable",
            t(
                "'{target}' does not exist (the path is relative to the audit folder)",
                target=target,
            ),
        )


def _evidence(
    base: Path, target: str, file: Path, loc: tuple[str | int, ...], ctx: Context
) -> Iterator[Problem]:
    if target.startswith(("http://", "https://")):
        return
    path = Path(os.path.normpath(base / target))
    if not path.is_relative_to(ctx.repository):
        yield warning(
            file,
            loc,
            "preuve-hors-depot",
            t(
                "the evidence '{target}' lies outside the repository; copy it into the audit "
                "folder so that it is versioned with it",
                target=target,
            ),
        )
    elif not ctx.exists(path):
        yield warning(
            file,
            loc,
            "preuve-introuvable",
            t(
                "the evidence '{target}' does not exist (the path is relative to the audit folder)",
                target=target,
            ),
        )
