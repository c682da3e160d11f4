"""Every rule of ``qnc check`` that reads the records of one audit (spec §2.4), except
the deadlines (:mod:`qnc.checks.deadlines`), which need the clocks of the whole run.

An NC file with schema errors has no record, but the values that could be read of it
(:class:`NcValues`) go through the same checks of one value as a valid one.

Pure: the file system is consulted only through the ``exists`` function of the context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from qnc.checks.context import Context
from qnc.checks.dates import audit_dates, facts_before_audit, ncs_before_audit
from qnc.checks.duplicates import duplicate_ncs
from qnc.checks.indicators import indicator, new_entrant, requirement_summary
from qnc.checks.legal import legal_delays
from qnc.checks.nc import check_nc_record, check_nc_values
from qnc.checks.references import reference
from qnc.diagnostics import Problem
from qnc.model.folder import AUDIT_FILE, AuditFolder, NcFile
from qnc.model.values import NcValues, values_of


def check_audit(
    folder: AuditFolder, ctx: Context, *, partial: Sequence[NcValues] = ()
) -> list[Problem]:
    """The audit's own dates and references, its NCs alone, and each NC in its audit;
    ``partial``: what could be read of the NC files with schema errors."""
    problems = [*audit_dates(folder), *ncs_before_audit(folder, ctx), *legal_delays(folder),
                *new_entrant(folder)]  # fmt: skip
    previous = folder.audit.audit.previous
    if previous is not None:
        problems += reference(folder.path, previous, folder.audit_file, ("audit", "precedent"),
                              ctx, expected=AUDIT_FILE)  # fmt: skip
    ncs = [*map(values_of, folder.ncs), *partial]
    problems += _alone(folder.path, folder.ncs, ncs, ctx)
    for nc in ncs:
        problems += [*indicator(folder, nc), *requirement_summary(folder, nc),
                     *facts_before_audit(folder, nc)]  # fmt: skip
    return problems


def check_ncs_alone(
    base: Path, ncs: tuple[NcFile, ...], ctx: Context, *, partial: Sequence[NcValues] = ()
) -> list[Problem]:
    """The rules that hold without audit.yaml: still run when it has errors of its own."""
    return _alone(base, ncs, [*map(values_of, ncs), *partial], ctx)


def _alone(
    base: Path, records: tuple[NcFile, ...], ncs: Sequence[NcValues], ctx: Context
) -> list[Problem]:
    ids = Counter(nc.id for nc in ncs)
    problems: list[Problem] = []
    for nc in ncs:
        problems += check_nc_values(base, nc, ctx, duplicate_id=ids[nc.id] > 1)
    for entry in records:
        problems += check_nc_record(entry, ctx)
    problems += duplicate_ncs(ncs)
    return problems
