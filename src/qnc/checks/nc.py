"""Rules about one NC file, in the context of its audit (spec §2.4).

Pure: the file system is consulted only through the ``exists`` function of the context.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from qnc.checks.references import Context, reference
from qnc.checks.references import evidence as _evidence
from qnc.diagnostics import Loc, Problem, error, warning
from qnc.i18n import t, tn
from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import AuditType, Grade
from qnc.rules.carry import nc_key
from qnc.rules.clocks import Clocked, clock, known, regulatory_due
from qnc.rules.states import Status, StepKind
from qnc.rules.words import step_label


def check_nc_alone(
    base: Path, entry: NcFile, ctx: Context, *, duplicate_id: bool
) -> Iterator[Problem]:
    """What can be checked in one NC file without its audit.yaml (which may be broken).

    ``duplicate_id`` spares the advice to name the file after an id another file holds.
    """
    nc, file = entry.nc, entry.path
    if not duplicate_id and file.name != f"{nc.id}.yaml":
        yield warning(
            file,
            ("id",),
            "nom-fichier",
            t("the file should be named after its id: {expected}", expected=f"{nc.id}.yaml"),
        )
    yield from _future_facts(entry, ctx)
    if nc.plan_sent and not nc.root_cause:
        yield warning(
            file,
            ("plan_envoye_le",),
            "analyse-causes",
            t("the action plan was sent without a root cause analysis; add 'analyse_causes:'"),
        )
    if not nc.actions and nc.plan_sent and known(nc.lifted, ctx.today) is None:
        yield warning(
            file,
            ("plan_envoye_le",),
            "sans-action",
            t("the action plan was sent, but no action is listed; add them under 'actions:'"),
        )
    if nc.origin is not None and nc_key(base / nc.origin).is_relative_to(nc_key(base)):
        yield error(
            file,
            ("origine",),
            "reference-introuvable",
            t(
                "'{target}' is in this audit: 'origine' names the same NC in the previous "
                "audit, as a path such as ../2024-03-audit-initial/nc/NC-03.yaml",
                target=nc.origin,
            ),
        )
    elif nc.origin is not None:
        yield from reference(base, nc.origin, file, ("origine",), ctx)
    for i, action in enumerate(nc.actions):
        for j, target in enumerate(action.evidence):
            yield from _evidence(base, target, file, ("actions", i, "preuves", j), ctx)


def duplicate_action_ids(file: Path, data: object) -> Iterator[Problem]:
    """Actions of one NC sharing an id, read from the file as written: said even when
    the NC has other errors, so that one run of qnc check reports everything."""
    actions = data.get("actions") if isinstance(data, dict) else None
    seen: set[str] = set()
    for i, action in enumerate(actions if isinstance(actions, list) else ()):
        value = action.get("id") if isinstance(action, dict) else None
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        if str(value) in seen:
            yield error(
                file,
                ("actions", i, "id"),
                "action-dupliquee",
                t("the action id '{id}' is used twice in this NC", id=str(value)),
            )
        seen.add(str(value))


def check_nc_in_audit(folder: AuditFolder, entry: NcFile, ctx: Context) -> Iterator[Problem]:
    """What one NC file must agree on with its audit: grid, dates, deadlines."""
    yield from _indicator(folder, entry)
    yield from _before_notification(folder, entry)
    audit = folder.audit
    clocked = clock(entry, notified=audit.audit.clock_start, rules=audit.rules, today=ctx.today,
                    carried_on=ctx.carried.get(nc_key(entry.path)))  # fmt: skip
    yield from _action_dates(clocked)
    yield from _steps(folder, clocked)


def _action_dates(clocked: Clocked) -> Iterator[Problem]:
    limit = regulatory_due(clocked)
    for i, action in enumerate(clocked.nc.actions):
        if action.due > limit:
            yield warning(
                clocked.file.path,
                ("actions", i, "echeance"),
                "echeance-action",
                t(
                    "this action is due on {due}, "
                    "after the regulatory due date of the NC ({limit})",
                    due=action.due,
                    limit=limit,
                ),
            )


def _steps(folder: AuditFolder, clocked: Clocked) -> Iterator[Problem]:
    file = clocked.file.path
    if clocked.carried:  # followed by the later audit that took it over
        return
    for step in clocked.steps:
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
    certificate = folder.audit.certificate
    if folder.audit.audit.type is not AuditType.RENEWAL or certificate is None or not clocked.open:
        return
    for step in clocked.steps:
        if step.kind is StepKind.DECISION and step.due > certificate.end:
            yield warning(
                file,
                ("gravite",),
                "certificat-echu",
                t(
                    "the certifier's decision on this major NC may come as late as {due}, "
                    "after the certificate ends ({end}): without a decision by then the "
                    "certificate lapses; send the proof early",
                    due=step.due,
                    end=certificate.end,
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


def _facts(entry: NcFile) -> Iterator[tuple[Loc, date]]:
    nc = entry.nc
    facts: list[tuple[Loc, date | None]] = [
        (("plan_envoye_le",), nc.plan_sent),
        (("preuves_envoyees_le",), nc.evidence_sent),
        (("levee_le",), nc.lifted),
        (("efficacite", "verifiee_le"), nc.effectiveness.checked if nc.effectiveness else None),
        *((("actions", i, "fait_le"), a.done) for i, a in enumerate(nc.actions)),
    ]
    yield from ((loc, day) for loc, day in facts if day is not None)


def _future_facts(entry: NcFile, ctx: Context) -> Iterator[Problem]:
    for loc, day in _facts(entry):
        if day > ctx.today:
            yield warning(
                entry.path,
                loc,
                "date-future",
                t("{date} is in the future: record a fact only once it has happened", date=day),
            )


def _before_notification(folder: AuditFolder, entry: NcFile) -> Iterator[Problem]:
    notified = folder.audit.audit.clock_start
    for loc, day in _facts(entry):
        if day < notified:
            yield error(
                entry.path,
                loc,
                "ordre-dates",
                t(
                    "{date} is before the notification of the NCs ({notified})",
                    date=day,
                    notified=notified,
                ),
            )
