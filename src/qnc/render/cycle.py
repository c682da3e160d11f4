"""Phrases about the certification cycle, shared by the terminal, the plan and the
history: the certificate, the next audit due, the audit that closed this one, and what
ties each NC to the other audits (taken over, recurring, suspension, new entrant)."""

from __future__ import annotations

from qnc.i18n import Msg, t, tn
from qnc.model.folder import AuditFolder
from qnc.model.records import AuditType, Certificate, Grade
from qnc.rules.cycle.certificate import (
    NEW_APPLICATION_AFTER,
    RENEWAL_MARGIN,
    Window,
    renewal_advised_by,
)
from qnc.rules.entrants import entrant_indicators
from qnc.rules.report import AuditReport, NcState
from qnc.rules.words import audit_type_label


def audit_name(folder: AuditFolder) -> Msg:
    """``initial audit of 14 September 2026``."""
    info = folder.audit.audit
    return t("{type} of {day}", type=audit_type_label(info.type), day=info.start)


def certificate_phrase(certificate: Certificate) -> Msg:
    return t("obtained on {obtained}, valid until {end}", obtained=certificate.obtained,
             end=certificate.end)  # fmt: skip


def next_audit_phrase(window: Window, report: AuditReport, *, advice: bool = True) -> Msg:
    """When the next audit of the cycle is due, as of the report's day, and when it is
    planned if a folder is already dated for it. ``advice`` False leaves out how to date
    it when no certificate is recorded: a portfolio says it once (:func:`undated`)."""
    phrase = _window_phrase(window, report, advice=advice)
    if window.planned is not None:
        return t("{window}; planned on {day}", window=phrase, day=window.planned)
    return phrase


def undated(window: Window | None) -> bool:
    """A next audit of the cycle that a certificate to record would date."""
    return window is not None and window.certificate is None and window.kind in (
        AuditType.SURVEILLANCE, AuditType.RENEWAL)  # fmt: skip


def _window_phrase(window: Window, report: AuditReport, *, advice: bool) -> Msg:
    today = report.today
    if window.kind is AuditType.INITIAL:
        return t(
            "a new initial audit (a new application, paid again), {months} months after the "
            "certification is refused: from {day} at the earliest",
            months=NEW_APPLICATION_AFTER,
            day=window.opens,
        )
    if window.certificate is None and window.kind is AuditType.RENEWAL:
        if not advice:
            return t("renewal audit, before the certificate ends")
        return t(
            "renewal audit, before the certificate ends (write 'certificat: obtenu_le' in "
            "audit.yaml to date it)"
        )
    if window.certificate is None:
        if not advice:
            return t("surveillance audit, 14 to 22 months after the certificate is obtained")
        return t(
            "surveillance audit, 14 to 22 months after the certificate is obtained (write "
            "'certificat: obtenu_le' in audit.yaml to date it)"
        )
    if window.kind is AuditType.RENEWAL and window.closes is not None:
        if window.closes < today:
            return t("renewal audit: the certificate ended on {end}", end=window.closes)
        return t(
            "renewal audit before {end}, advised by {advised} ({months} months before: "
            "time to correct and check a major NC)",
            end=window.closes,
            advised=window.advised_by or renewal_advised_by(window.certificate),
            months=RENEWAL_MARGIN,
        )
    phrase = t("surveillance audit from {opens} to {closes}", opens=window.opens,
               closes=window.closes)  # fmt: skip
    if window.closes is not None and window.closes < today:
        phrase = t("{window}: the window has passed", window=phrase)
    entrant = entrant_indicators(report.folder)
    if entrant:
        phrase = t(
            "{window}; new entrant: every indicator is audited, and the use of indicators "
            "{numbers}",
            window=phrase,
            numbers=", ".join(map(str, entrant)),
        )
    return phrase


def closed_phrase(report: AuditReport, later: AuditFolder) -> Msg:
    return t("on {day} by the {audit}", day=later.audit.audit.clock_start,
             audit=audit_name(later))  # fmt: skip


def cycle_notes(report: AuditReport) -> list[Msg]:
    """What the other audits say about this one and its NCs, one sentence each."""
    notes = [*_renewal_note(report)]
    for state in report.ncs:
        notes += nc_notes(state, report)
    return notes


def nc_notes(state: NcState, report: AuditReport) -> list[Msg]:
    nc, notes = state.file.nc, []
    if state.origin is not None:
        notes.append(origin_note(state))
    if state.recurrence is not None:
        notes.append(t(
            "{id}: indicator {number} had an NC at the {audit} too ({other}): an NC at two "
            "audits in a row, which auditors look at first", id=nc.id, number=nc.indicator,
            audit=audit_name(state.recurrence.audit),
            other=state.recurrence.file.nc.id))  # fmt: skip
    if state.sanction is not None:
        notes.append(_sanction_note(state, report))
    if state.written_only:
        notes.append(t(
            "{id}: new entrant: at this audit only the written process of indicator "
            "{number} is audited; its use is checked at the surveillance audit",
            id=nc.id, number=nc.indicator))  # fmt: skip
    closure = state.clocked.closure
    if closure is not None and closure.taken_over:
        notes.append(t("{id}: carried over on {day} to the {audit}, where it is followed",
                       id=nc.id, day=closure.day, audit=audit_name(closure.audit)))  # fmt: skip
    elif closure is not None and not closure.new_application:
        notes.append(_unrecorded_note(state, closure.audit))
    return notes


def origin_note(state: NcState) -> Msg:
    """The NC of the previous audit this one takes over, and why it is major here."""
    assert state.origin is not None
    nc, origin = state.file.nc, state.origin.file.nc
    audit = audit_name(state.origin.audit)
    if origin.grade is Grade.MINOR:
        return t("{id} takes over {other} of the {audit}, a minor NC not lifted by this "
                 "audit, which makes it major here", id=nc.id, other=origin.id,
                 audit=audit)  # fmt: skip
    return t("{id} takes over {other} of the {audit}, a major NC still open", id=nc.id,
             other=origin.id, audit=audit)  # fmt: skip


def _sanction_note(state: NcState, report: AuditReport) -> Msg:
    sanction = state.sanction
    assert sanction is not None
    if report.today >= sanction.suspension:
        return t(
            "{id}: the proof was due on {due}: the certificate may be suspended since "
            "{suspension}, then withdrawn from {withdrawal} if the NC is still not lifted "
            "(certifiers' practice)",
            id=state.file.nc.id,
            due=sanction.due,
            suspension=sanction.suspension,
            withdrawal=sanction.withdrawal,
        )
    return t(
        "{id}: without the proof by {due}, the certificate may be suspended from "
        "{suspension}, then withdrawn from {withdrawal} if the NC is still not lifted "
        "(certifiers' practice)",
        id=state.file.nc.id,
        due=sanction.due,
        suspension=sanction.suspension,
        withdrawal=sanction.withdrawal,
    )


def _unrecorded_note(state: NcState, later: AuditFolder) -> Msg:
    nc = state.file.nc
    if nc.grade is Grade.MINOR:
        return t(
            "{id}: closed on {day} by the {audit}, which neither lifts nor takes it over: "
            "write 'levee_le' if it was lifted; if not, it is a major NC of that audit, "
            "to add there with 'origine'",
            id=nc.id, day=later.audit.audit.clock_start, audit=audit_name(later))  # fmt: skip
    return t(
        "{id}: closed on {day} by the {audit}, which neither lifts nor takes it over: "
        "write 'levee_le' if it was lifted; if not, add it there with 'origine'",
        id=nc.id, day=later.audit.audit.clock_start, audit=audit_name(later))  # fmt: skip


def _renewal_note(report: AuditReport) -> list[Msg]:
    """A renewal held less than 4 months before the certificate ends: information."""
    info, certificate = report.folder.audit.audit, report.certificate
    if info.type is not AuditType.RENEWAL or certificate is None:
        return []
    advised = renewal_advised_by(certificate)
    if not advised < info.start <= certificate.end:
        return []
    return [tn(
        "renewal audit held less than {n} month before the certificate ends ({end}): a "
        "major NC might not be corrected and checked in time",
        "renewal audit held less than {n} months before the certificate ends ({end}): a "
        "major NC might not be corrected and checked in time",
        RENEWAL_MARGIN, end=certificate.end)]  # fmt: skip
