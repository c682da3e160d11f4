"""The order in which to deal with NCs (spec §2.3), and why each stands where it does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from qnc.i18n import Msg, t, tn
from qnc.model.ids import natural_key
from qnc.model.records import AuditType, Grade
from qnc.rules.clocks import Clocked
from qnc.rules.states import Group, Status, StepKind
from qnc.rules.verdict import MINOR_LIMIT, blocks_certificate, open_minors
from qnc.rules.words import step_label, waiting_for_lift


class Ranked(NamedTuple):
    rank: int
    item: Clocked
    group: Group
    reason: Msg


def rank(items: Sequence[Clocked], minors_by: date | None = None,
         audit_type: AuditType = AuditType.INITIAL) -> tuple[Ranked, ...]:  # fmt: skip
    """Every NC with its rank, 1 = deal with it first.

    ``minors_by`` is the day 5 or more open minor NCs must be under 5: said in the
    reasons, and once past, minors that were 5 or more on that day still block (they
    compromise the certification even if some are lifted since). ``audit_type`` says
    what a major NC blocks: the certification, the certificate held, its renewal.
    """
    minors = open_minors(items)
    missed = minors_by is not None and bool(items) and items[0].today > minors_by
    if missed:
        minors = max(minors, open_minors(items, on=minors_by))
    grouped = [(_group(c, minors), c) for c in items]
    grouped.sort(key=lambda gc: _sort_key(*gc))
    return tuple(
        Ranked(
            i,
            item,
            group,
            _reason(item, group, minors, minors_by, missed=missed, audit_type=audit_type),
        )
        for i, (group, item) in enumerate(grouped, start=1)
    )


def _group(item: Clocked, minors: int) -> Group:
    if not item.open:
        return Group.LIFTED
    if item.days_late > 0:
        return Group.OVERDUE
    if blocks_certificate(item, minors):
        return Group.BLOCKING
    return Group.OTHER


def _sort_key(group: Group, item: Clocked) -> tuple[object, ...]:
    following = item.next
    due = following.due if following else date.max
    grade = 0 if item.nc.grade is Grade.MAJOR else 1
    return (group, -item.days_late, due, grade, natural_key(item.nc.id))


_MAJOR_BLOCKS_CERTIFICATE = t("a major NC blocks the certificate")
_MAJOR_BLOCKS = {
    AuditType.INITIAL: t("a major NC blocks the certification"),
    AuditType.SURVEILLANCE: t("a major NC not corrected in time suspends the certificate"),
    AuditType.RENEWAL: t("a major NC blocks the renewal"),
    AuditType.EXTENSION: t("a major NC blocks the extension"),
}
"""What a major NC still open blocks, by audit type (a complementary audit: what the
audit it follows puts at stake)."""


def _reason(item: Clocked, group: Group, minors: int, minors_by: date | None, *,
            missed: bool, audit_type: AuditType) -> Msg:  # fmt: skip
    following = item.next
    if group is Group.LIFTED and item.carried:
        return t("carried over to a later audit on {day}: it is followed there",
                 day=item.lifted)  # fmt: skip
    if group is Group.LIFTED and item.reapplied:
        return t("closed on {day} by a new initial audit: nothing left to do here",
                 day=item.lifted)  # fmt: skip
    if group is Group.LIFTED and item.unrecorded:
        return t("closed by a later audit on {day}, which neither lifts nor takes it over: "
                 "record which", day=item.lifted)  # fmt: skip
    if group is Group.LIFTED:
        return t("lifted on {day}: nothing left to do", day=item.lifted)
    late = item.most_late
    if group is Group.OVERDUE and late is not None:
        return tn(
            "late: '{step}' was due on {due}, {n} day ago",
            "late: '{step}' was due on {due}, {n} days ago",
            -late.days_left,
            step=step_label(late.kind),
            due=late.due,
        )
    late_steps = tuple(step_label(s.kind) for s in item.steps if s.status is Status.MET_LATE)
    if following is None and late_steps:
        nxt: Msg = t("every step is done, '{steps}' late; {waiting}", steps=late_steps,
                     waiting=waiting_for_lift())  # fmt: skip
    elif following is None:
        nxt = t("every step is met; {waiting}", waiting=waiting_for_lift())
    elif following.kind is StepKind.DECISION and following.days_left < 0:
        nxt = t("proof sent; the certifier should have decided by {due}", due=following.due)
    else:
        nxt = t("next: '{step}' by {due}", step=step_label(following.kind), due=following.due)
    if group is Group.BLOCKING:
        if item.nc.grade is Grade.MAJOR:
            why = _MAJOR_BLOCKS.get(audit_type, _MAJOR_BLOCKS_CERTIFICATE)
        elif minors_by is not None and missed:
            why = t(
                "{n} minor NCs were still open on {due}, the day they had to be under 5: "
                "together they compromise the certification",
                n=minors,
                due=minors_by,
            )
        elif minors_by is not None:
            why = t(
                "{n} minor NCs open: from {limit} on, they block the certificate; they must "
                "be under {limit} by {due}",
                n=minors,
                limit=MINOR_LIMIT,
                due=minors_by,
            )
        else:
            why = t(
                "{n} minor NCs open: from {limit} on, they block the certificate",
                n=minors,
                limit=MINOR_LIMIT,
            )
        return t("{why}; {next}", why=why, next=nxt)
    return t("minor NC, does not block the certificate; {next}", next=nxt)
