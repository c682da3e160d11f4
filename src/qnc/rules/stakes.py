"""What open or late NCs put at stake, by audit type (shared/domain/qualiopi.md).

After an initial audit nothing is certified yet: the certificate waits for the NCs. After
a surveillance or renewal audit the organisation holds a certificate and keeps it while
the NCs are corrected; a missed deadline costs it, and on a renewal no new certificate
follows the current one.
"""

from __future__ import annotations

from datetime import date

from qnc.i18n import Msg, t, tn
from qnc.model.records import AuditType


def fate(audit_type: AuditType, certificate_end: date | None, today: date | None,
         correction_due: date) -> Msg:  # fmt: skip
    """What a missed correction deadline costs. A certificate that has ended, or will
    have by the correction due date, cannot be suspended: the organisation is, or will
    be, without one."""
    held = audit_type in (AuditType.RENEWAL, AuditType.SURVEILLANCE)
    if held and certificate_end is not None and today is not None:
        if certificate_end < today:
            return t(
                "the certificate ended on {end}: the organisation is already without "
                "certification until a new certification decision",
                end=certificate_end,
            )
        if certificate_end < correction_due:
            return t(
                "the certificate ends on {end}, before this due date: the organisation "
                "would be without certification",
                end=certificate_end,
            )
    if audit_type is AuditType.INITIAL:
        return t("the certification will be refused (a new application only 3 months later)")
    if audit_type is AuditType.EXTENSION:
        return t("the extension will be refused")
    if audit_type is AuditType.COMPLEMENTARY:
        return t(
            "what the audit it follows puts at stake is lost: refusal after an initial audit, "
            "suspension then withdrawal of the certificate after a surveillance or renewal"
        )
    if audit_type is AuditType.RENEWAL:
        if certificate_end is not None:
            return t(
                "the certificate will be suspended, then withdrawn, and no new certificate "
                "will be issued before the current one ends on {end}: from then on the "
                "organisation would be without certification",
                end=certificate_end,
            )
        return t(
            "the certificate will be suspended, then withdrawn, and no new certificate will "
            "be issued before the current one ends: from then on the organisation would be "
            "without certification"
        )
    return t("the certificate will be suspended, then withdrawn")


def majors_open(count: int, audit_type: AuditType, certificate_end: date | None,
                today: date | None) -> Msg:  # fmt: skip
    """What open major NCs hold back until they are lifted."""
    if audit_type is AuditType.INITIAL:
        return tn(
            "{n} major NC open: the certificate cannot be issued until it is lifted",
            "{n} major NCs open: the certificate cannot be issued until they are lifted",
            count,
        )
    if audit_type is AuditType.SURVEILLANCE:
        return tn(
            "{n} major NC open: the certificate stays valid during the correction period",
            "{n} major NCs open: the certificate stays valid during the correction period",
            count,
        )
    if audit_type is AuditType.RENEWAL:
        return tn(
            "{n} major NC open: the certificate cannot be renewed until it is lifted; {current}",
            "{n} major NCs open: the certificate cannot be renewed until they are lifted; "
            "{current}",
            count,
            current=_current(certificate_end, today),
        )
    if audit_type is AuditType.EXTENSION:
        return tn(
            "{n} major NC open: the extension cannot be granted until it is lifted",
            "{n} major NCs open: the extension cannot be granted until they are lifted",
            count,
        )
    return tn(
        "{n} major NC open: the certifier's decision waits until it is lifted",
        "{n} major NCs open: the certifier's decision waits until they are lifted",
        count,
    )


def many_minors_open(audit_type: AuditType, certificate_end: date | None,
                     today: date | None) -> Msg:  # fmt: skip
    """What 5 or more open minor NCs, counting as a major one, hold back."""
    if audit_type is AuditType.INITIAL:
        return t("the certificate cannot be issued while 5 or more stay open")
    if audit_type is AuditType.SURVEILLANCE:
        return t("the certificate stays valid during the correction period")
    if audit_type is AuditType.RENEWAL:
        return t(
            "the certificate cannot be renewed while 5 or more stay open; {current}",
            current=_current(certificate_end, today),
        )
    if audit_type is AuditType.EXTENSION:
        return t("the extension cannot be granted while 5 or more stay open")
    return t("the certifier's decision waits while 5 or more stay open")


def few_minors_open(count: int, audit_type: AuditType) -> Msg:
    """Fewer than 5 open minor NCs: nothing is held back; the next audit checks them."""
    if audit_type is AuditType.INITIAL:
        return tn(
            "{n} minor NC open: certification is possible; it will be checked at the next "
            "audit, where a minor NC still open becomes major",
            "{n} minor NCs open: certification is possible; they will be checked at the "
            "next audit, where a minor NC still open becomes major",
            count,
        )
    if audit_type is AuditType.SURVEILLANCE:
        return tn(
            "{n} minor NC open: the certificate is maintained; it will be checked at the "
            "next audit, where a minor NC still open becomes major",
            "{n} minor NCs open: the certificate is maintained; they will be checked at the "
            "next audit, where a minor NC still open becomes major",
            count,
        )
    if audit_type is AuditType.RENEWAL:
        return tn(
            "{n} minor NC open: the certificate can be renewed; it will be checked at the "
            "next audit, where a minor NC still open becomes major",
            "{n} minor NCs open: the certificate can be renewed; they will be checked at the "
            "next audit, where a minor NC still open becomes major",
            count,
        )
    if audit_type is AuditType.EXTENSION:
        return tn(
            "{n} minor NC open: the extension is possible; it will be checked at the next "
            "audit, where a minor NC still open becomes major",
            "{n} minor NCs open: the extension is possible; they will be checked at the "
            "next audit, where a minor NC still open becomes major",
            count,
        )
    return tn(
        "{n} minor NC open: it does not hold back the certifier's decision; it will be "
        "checked at the next audit, where a minor NC still open becomes major",
        "{n} minor NCs open: they do not hold back the certifier's decision; they will be "
        "checked at the next audit, where a minor NC still open becomes major",
        count,
    )


def _current(certificate_end: date | None, today: date | None) -> Msg:
    if certificate_end is None:
        return t("the current certificate stays valid until it ends")
    if today is not None and certificate_end < today:
        return t("the current certificate ended on {end}", end=certificate_end)
    return t("the current certificate stays valid until {end}", end=certificate_end)
