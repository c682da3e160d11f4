"""Every rule of ``qnc check`` that reads the records of one audit (spec §2.4), except
the deadlines (:mod:`qnc.checks.deadlines`), which need the clocks of the whole run.

Pure: the file system is consulted only through the ``exists`` function of the context.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from qnc.checks.context import Context
from qnc.checks.dates import audit_dates, facts_before_notification
from qnc.checks.duplicates import duplicate_ncs
from qnc.checks.indicators import indicator
from qnc.checks.nc import check_nc_alone
from qnc.checks.references import reference
from qnc.diagnostics import Problem
from qnc.model.folder import AUDIT_FILE, AuditFolder, NcFile


def check_audit(folder: AuditFolder, ctx: Context) -> list[Problem]:
    """The audit's own dates and references, its NCs alone, and each NC in its audit."""
    problems = list(audit_dates(folder))
    previous = folder.audit.audit.previous
    if previous is not None:
        problems += reference(folder.path, previous, folder.audit_file, ("audit", "precedent"),
                              ctx, expected=AUDIT_FILE)  # fmt: skip
    problems += check_ncs_alone(folder.path, folder.ncs, ctx)
    for entry in folder.ncs:
        problems += [*indicator(folder, entry), *facts_before_notification(folder, entry)]
    return problems


def check_ncs_alone(base: Path, ncs: tuple[NcFile, ...], ctx: Context) -> list[Problem]:
    """The rules that hold without audit.yaml: still run when it has errors of its own."""
    ids = Counter(entry.nc.id for entry in ncs)
    problems: list[Problem] = []
    for entry in ncs:
        problems += check_nc_alone(base, entry, ctx, duplicate_id=ids[entry.nc.id] > 1)
    problems += duplicate_ncs(ncs)
    return problems
