"""Rules about one NC file that hold without its audit.yaml (which may be broken)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

from qnc.checks.context import Context
from qnc.checks.dates import (
    action_starts,
    future_facts,
    lifted_before_sent,
    lifted_without_sending,
)
from qnc.checks.references import evidence, reference
from qnc.diagnostics import Problem, error, warning
from qnc.i18n import t
from qnc.model.folder import NcFile
from qnc.model.values import NcValues
from qnc.rules.clocks import known
from qnc.rules.cycle.carry import nc_key


def check_nc_values(
    base: Path, nc: NcValues, ctx: Context, *, duplicate_id: bool
) -> Iterator[Problem]:
    """What the values of one NC file of the audit folder ``base`` say on their own, as
    far as they could be read (a file with schema errors is checked too).

    ``duplicate_id`` spares the advice to name the file after an id another file holds.
    """
    file = nc.path
    # Ids are NFC (qnc.model.fields); a macOS disk may spell the file's name in NFD.
    name = unicodedata.normalize("NFC", file.name)
    if nc.id is not None and not duplicate_id and name != f"{nc.id}.yaml":
        yield warning(
            file,
            ("id",),
            "nom-fichier",
            t("the file should be named after its id: {expected}", expected=f"{nc.id}.yaml"),
        )
    yield from future_facts(nc, ctx)
    if nc.origin is not None:
        yield from _origin(base, file, nc.origin, ctx)
    for loc, target in nc.evidence:
        yield from evidence(base, target, file, loc, ctx)


def check_nc_record(entry: NcFile, ctx: Context) -> Iterator[Problem]:
    """What only a whole record tells: a plan sent without its analysis or its actions
    (while the NC is open), an action started after it was done."""
    nc, file = entry.nc, entry.path
    yield from action_starts(entry)
    yield from lifted_before_sent(entry)
    yield from lifted_without_sending(entry)
    open_nc = known(nc.lifted, ctx.today) is None  # once lifted, the plan is settled
    if nc.plan_sent and not nc.root_cause and open_nc:
        yield warning(
            file,
            ("plan_envoye_le",),
            "analyse-causes",
            t("the action plan was sent without a root cause analysis; add 'analyse_causes:'"),
        )
    if not nc.actions and nc.plan_sent and open_nc:
        yield warning(
            file,
            ("plan_envoye_le",),
            "sans-action",
            t("the action plan was sent, but no action is listed; add them under 'actions:'"),
        )


def _origin(base: Path, file: Path, origin: str, ctx: Context) -> Iterator[Problem]:
    """``origine`` names the same NC in an earlier audit, which must exist."""
    if nc_key(base / origin).is_relative_to(nc_key(base)):
        yield error(
            file,
            ("origine",),
            "reference-introuvable",
            t(
                "'{target}' is in this audit: 'origine' names the same NC in the previous "
                "audit, as a path such as ../2024-03-audit-initial/nc/NC-03.yaml",
                target=origin,
            ),
        )
    else:
        yield from reference(base, origin, file, ("origine",), ctx)
