"""Rules about one NC file that hold without its audit.yaml (which may be broken)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qnc.checks.context import Context
from qnc.checks.dates import future_facts
from qnc.checks.references import evidence, reference
from qnc.diagnostics import Problem, error, warning
from qnc.i18n import t
from qnc.model.folder import NcFile
from qnc.rules.carry import nc_key
from qnc.rules.clocks import known


def check_nc_alone(
    base: Path, entry: NcFile, ctx: Context, *, duplicate_id: bool
) -> Iterator[Problem]:
    """What can be checked in one NC file of the audit folder ``base`` on its own.

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
    yield from future_facts(entry, ctx)
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
    yield from _origin(base, entry, ctx)
    for i, action in enumerate(nc.actions):
        for j, target in enumerate(action.evidence):
            yield from evidence(base, target, file, ("actions", i, "preuves", j), ctx)


def _origin(base: Path, entry: NcFile, ctx: Context) -> Iterator[Problem]:
    """``origine`` names the same NC in an earlier audit, which must exist."""
    origin = entry.nc.origin
    if origin is None:
        return
    if nc_key(base / origin).is_relative_to(nc_key(base)):
        yield error(
            entry.path,
            ("origine",),
            "reference-introuvable",
            t(
                "'{target}' is in this audit: 'origine' names the same NC in the previous "
                "audit, as a path such as ../2024-03-audit-initial/nc/NC-03.yaml",
                target=origin,
            ),
        )
    else:
        yield from reference(base, origin, entry.path, ("origine",), ctx)
