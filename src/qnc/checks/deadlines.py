"""Deadlines of the NCs of an audit, from their clocks (computed once per run and shared
with the reports): actions planned too late, steps overdue, a certificate ending first.

These run once every audit of the run is read, since an NC a later audit closed is no
longer late here; :func:`anchors` and :func:`audit_anchors` say where the problems of
the checks that run then may point, so that the positions of a file can be kept after
its YAML is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qnc.diagnostics import Loc, Problem, warning
from qnc.i18n import t, tn
from qnc.model.folder import AuditFolder
from qnc.model.records import AuditType, Certificate, Grade, NonConformity
from qnc.rules.clocks import Clocked, regulatory_due
from qnc.rules.legal import MINOR_LIMIT, lawful
from qnc.rules.states import Status, StepKind
from qnc.rules.words import step_label


def anchors(nc: NonConformity) -> list[Loc]:
    """The key paths that the problems of :func:`check_deadlines` may point at."""
    return [("id",), ("gravite",), *(("actions", i, "echeance") for i in range(len(nc.actions))),
            ("efficacite", "echeance")]  # fmt: skip


def audit_anchors() -> list[Loc]:
    """The key paths of audit.yaml that the checks run after reading every audit may
    point at (here and in :mod:`qnc.checks.cycle`)."""
    return [("organisme", "siret"), ("audit",), ("audit", "type"), ("audit", "debut"),
            ("audit", "precedent"), ("certificat",)]  # fmt: skip


def check_deadlines(folder: AuditFolder, clocked: Sequence[Clocked],
                    certificate: Certificate | None) -> Iterator[Problem]:  # fmt: skip
    """``certificate`` is the one the audit deals with (for a renewal, the one to renew)."""
    for item in clocked:
        if item.open:  # a lifted or closed NC's plan is settled: no advice on its dates
            yield from _action_dates(item)
            yield from _effectiveness_date(item)
        yield from _steps(folder, item, certificate)
    yield from _minors_after_end(folder, clocked, certificate)


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


def _effectiveness_date(clocked: Clocked) -> Iterator[Problem]:
    """A major NC's proof is due at its correction due date: an effectiveness check
    planned later cannot be part of it."""
    check = clocked.nc.effectiveness
    if clocked.nc.grade is not Grade.MAJOR or check is None or check.planned is None:
        return
    limit = regulatory_due(clocked)
    if check.planned > limit:
        yield warning(
            clocked.file.path,
            ("efficacite", "echeance"),
            "echeance-efficacite",
            t(
                "the effectiveness check is planned for {planned}, after the correction due "
                "date of this major NC ({limit}), by which the proof is sent: plan a first "
                "check by then",
                planned=check.planned,
                limit=limit,
            ),
        )


def _steps(folder: AuditFolder, clocked: Clocked,
           certificate: Certificate | None) -> Iterator[Problem]:  # fmt: skip
    file = clocked.file.path
    if clocked.closure is not None:  # followed by the later audit that closed it
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


def _minors_after_end(folder: AuditFolder, clocked: Sequence[Clocked],
                      certificate: Certificate | None) -> Iterator[Problem]:  # fmt: skip
    """Five open minor NCs count as a major one (arrêté art. 5): at a renewal, the decision
    on them may come after the certificate ends, as for a major NC."""
    open_minors = sum(1 for c in clocked if c.open and c.nc.grade is Grade.MINOR)
    audit = folder.audit
    if audit.audit.type is not AuditType.RENEWAL or certificate is None:
        return
    if open_minors < MINOR_LIMIT:
        return
    notified = audit.audit.clock_start
    rules = lawful(audit.rules, notified)
    due = rules.decision.after(rules.major_correction.after(notified))
    if due <= certificate.end:
        return
    where: Loc = ("certificat",) if audit.certificate is not None else ("audit", "type")
    yield warning(
        folder.audit_file,
        where,
        "certificat-echu",
        t(
            "{n} minor NCs are open: together they count as a major NC, and the certifier's "
            "decision on them may come as late as {due}, after the certificate ends ({end}): "
            "without a decision by then the certificate lapses; bring them under 5 early",
            n=open_minors,
            due=due,
            end=certificate.end,
        ),
        on_key=True,
    )
