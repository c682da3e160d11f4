"""Deadlines of the NCs of an audit, from their clocks (computed once per run and shared
with the reports): actions planned too late, steps overdue, a certificate ending first.

These run once every audit of the run is read, since an NC a later audit took over is
no longer late here; :func:`anchors` says where their problems may point, so that the
positions of a file can be kept after its YAML is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qnc.diagnostics import Loc, Problem, warning
from qnc.i18n import t, tn
from qnc.model.folder import AuditFolder
from qnc.model.records import AuditType, NonConformity
from qnc.rules.clocks import Clocked, regulatory_due
from qnc.rules.states import Status, StepKind
from qnc.rules.words import step_label


def anchors(nc: NonConformity) -> list[Loc]:
    """The key paths that the problems of :func:`check_deadlines` may point at."""
    return [("id",), ("gravite",), *(("actions", i, "echeance") for i in range(len(nc.actions)))]


def check_deadlines(folder: AuditFolder, clocked: Sequence[Clocked]) -> Iterator[Problem]:
    for item in clocked:
        yield from _action_dates(item)
        yield from _steps(folder, item)


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
