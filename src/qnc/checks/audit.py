"""Rules that span records of an audit (spec §2.4): what a single file's schema cannot see.

Pure: the file system is consulted only through the ``exists`` function passed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from qnc.checks.nc import check_nc_alone, check_nc_in_audit
from qnc.checks.references import Context, reference
from qnc.diagnostics import Problem, error, warning
from qnc.i18n import t
from qnc.model.folder import AUDIT_FILE, AuditFolder, NcFile

__all__ = ["Context", "check_audit", "check_ncs_alone"]


def check_audit(folder: AuditFolder, ctx: Context) -> list[Problem]:
    """Every rule of §2.4 across the audit and its NC files."""
    problems = list(_audit_dates(folder, ctx)) + check_ncs_alone(folder.path, folder.ncs, ctx)
    for entry in folder.ncs:
        problems += check_nc_in_audit(folder, entry, ctx)
    return problems


def check_ncs_alone(base: Path, ncs: tuple[NcFile, ...], ctx: Context) -> list[Problem]:
    """The rules that hold without audit.yaml: still run when it has errors of its own."""
    ids = Counter(entry.nc.id for entry in ncs)
    problems: list[Problem] = []
    for entry in ncs:
        problems += check_nc_alone(base, entry, ctx, duplicate_id=ids[entry.nc.id] > 1)
    problems += _duplicates(ncs)
    return problems


def _duplicates(ncs: tuple[NcFile, ...]) -> Iterator[Problem]:
    """Second and later NCs with an id or indicator already seen. A file named after its
    id comes first, so that ``NC-02 (copie).yaml`` is the one blamed, not ``NC-02.yaml``."""
    seen_ids: dict[str, NcFile] = {}
    seen_indicators: dict[int, NcFile] = {}
    for entry in sorted(ncs, key=lambda e: e.path.stem != e.nc.id):
        first = seen_ids.setdefault(entry.nc.id, entry)
        if first is not entry:
            yield error(
                entry.path,
                ("id",),
                "id-duplique",
                t(
                    "the id '{id}' is already used by {other}; give each NC its own id",
                    id=entry.nc.id,
                    other=first.path.name,
                ),
            )
        first = seen_indicators.setdefault(entry.nc.indicator, entry)
        if first is not entry:
            yield error(
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
        yield from reference(
            folder.path, info.previous, file, ("audit", "precedent"), ctx, expected=AUDIT_FILE
        )
