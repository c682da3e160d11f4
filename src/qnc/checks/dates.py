"""Dates in their order: the audit's own, and the facts of an NC against the audit and
the day of the check (spec §2.4)."""

from __future__ import annotations

from collections.abc import Iterator

from qnc.checks.context import Context
from qnc.diagnostics import Problem, error, warning
from qnc.i18n import t, tn
from qnc.model.folder import AuditFolder, NcFile
from qnc.model.records import Grade
from qnc.model.values import NcValues


def audit_dates(folder: AuditFolder) -> Iterator[Problem]:
    """The audit ends after it starts, and its NCs are notified once it has started."""
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


def future_facts(nc: NcValues, ctx: Context) -> Iterator[Problem]:
    """A fact is recorded once it has happened."""
    for loc, day in nc.facts:
        if day > ctx.today:
            yield warning(
                nc.path,
                loc,
                "date-future",
                t("{date} is in the future: record a fact only once it has happened", date=day),
            )


def ncs_before_audit(folder: AuditFolder, ctx: Context) -> Iterator[Problem]:
    """NCs come from the auditor's report: an audit yet to start that already has NCs
    has a mistyped date, or NC files written too soon (its NCs would be counted and
    chased as if raised)."""
    start = folder.audit.audit.start
    if folder.ncs and start > ctx.today:
        yield warning(
            folder.audit_file,
            ("audit", "debut"),
            "nc-avant-audit",
            tn(
                "the audit starts on {start}, after today, yet {n} NC is already recorded: "
                "an NC comes from the audit's report; check the audit's dates",
                "the audit starts on {start}, after today, yet {n} NCs are already "
                "recorded: NCs come from the audit's report; check the audit's dates",
                len(folder.ncs),
                start=start,
            ),
        )


def facts_before_audit(folder: AuditFolder, nc: NcValues) -> Iterator[Problem]:
    """A fact, or a due date, cannot come before the audit that raised the NC. Work often
    starts at the closing meeting, before the NCs are notified: a fact between the audit's
    first day and the notification is valid, the clocks still running from the
    notification (shared/domain/qualiopi.md, deadlines)."""
    start = folder.audit.audit.start
    for loc, day in nc.facts:
        if day < start:
            yield error(
                nc.path,
                loc,
                "ordre-dates",
                t("{date} is before the audit started ({start})", date=day, start=start),
            )
    for loc, day in nc.due:
        if day < start:
            yield error(
                nc.path,
                loc,
                "ordre-dates",
                t(
                    "due on {date}, before the audit started ({start}): a due date comes "
                    "after the audit that raised the NC; check the date",
                    date=day,
                    start=start,
                ),
            )


def action_starts(entry: NcFile) -> Iterator[Problem]:
    """An action cannot begin after the day it was done."""
    for i, action in enumerate(entry.nc.actions):
        if action.start and action.done and action.done < action.start:
            yield error(
                entry.path,
                ("actions", i, "debut"),
                "ordre-dates",
                t(
                    "the action starts ({start}) after it was done ({done})",
                    start=action.start,
                    done=action.done,
                ),
            )


def lifted_without_sending(entry: NcFile) -> Iterator[Problem]:
    """The certifier lifts a major NC on the proof of its correction, and a minor NC owes
    its action plan whenever it is lifted: a lift with what the NC owes not recorded as
    sent (for a minor NC, neither its plan nor a proof) most likely lacks that fact."""
    nc = entry.nc
    if nc.lifted is None or nc.evidence_sent is not None:
        return
    if nc.grade is Grade.MAJOR:
        code, missing = (
            "levee-sans-preuves",
            t(
                "this major NC is lifted, but the day its proof was sent is not recorded: "
                "write it (qnc sent {id} --preuves --le DATE)",
                id=nc.id,
            ),
        )
    elif nc.plan_sent is None:
        code, missing = (
            "levee-sans-plan",
            t(
                "this minor NC is lifted, but the day its action plan was sent is not "
                "recorded: write it (qnc sent {id} --plan --le DATE)",
                id=nc.id,
            ),
        )
    else:
        return
    yield warning(entry.path, ("levee_le",), code, missing)


def lifted_before_sent(entry: NcFile) -> Iterator[Problem]:
    """The certifier lifts an NC once it has what it asked for: a plan or proof sent after
    the lift is a date mistyped on one side. The actions may end later (a minor NC lifted
    on its plan), so only what is sent is compared."""
    nc = entry.nc
    if nc.lifted is None:
        return
    for key, sent in (("plan_envoye_le", nc.plan_sent), ("preuves_envoyees_le", nc.evidence_sent)):
        if sent is not None and sent > nc.lifted:
            yield warning(
                entry.path,
                (key,),
                "levee-avant-envoi",
                t(
                    "sent on {sent}, after the NC was lifted on {lifted}: check one of the "
                    "two dates",
                    sent=sent,
                    lifted=nc.lifted,
                ),
            )
