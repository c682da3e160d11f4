"""Per-audit verdict (spec §2.2): the first rule that applies, and its reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnc.i18n import translator
from qnc.model.folder import NcFile
from qnc.model.records import AuditType, NonConformity, Rules
from qnc.rules.clocks import Clocked, clock, minors_step
from qnc.rules.states import Verdict
from qnc.rules.verdict import Outcome, judge

NOTIFIED = date(2026, 3, 12)


def clocked(id: str, grade: str, today: date, indicator: int = 1, **fields: object) -> Clocked:
    nc = NonConformity.model_validate(
        {"id": id, "indicateur": indicator, "gravite": grade, "constat": "x", **fields}
    )
    return clock(NcFile(Path(f"{nc.id}.yaml"), nc), notified=NOTIFIED, rules=Rules(), today=today)


def judged(items: list[Clocked], audit_type: AuditType) -> Outcome:
    """The verdict on the items' day; 5 open minors must be under 5 by 12 June 2026."""
    today = items[0].today if items else NOTIFIED
    minors_by = minors_step(notified=NOTIFIED, rules=Rules(), today=today)
    assert minors_by.due == date(2026, 6, 12)
    return judge(items, audit_type, minors_by=minors_by)


def minors(count: int, today: date, **fields: object) -> list[Clocked]:
    return [
        clocked(f"NC-{i}", "mineure", today, indicator=i, **fields) for i in range(1, count + 1)
    ]


def test_no_nc_is_closed() -> None:
    """An audit without NC is `soldee`, and says none was raised."""
    outcome = judged([], AuditType.INITIAL)
    assert outcome.verdict is Verdict.CLOSED
    assert translator("fr")(outcome.reason) == "aucune non-conformité n'a été relevée"


def test_every_nc_lifted_is_closed() -> None:
    """Every NC lifted: `soldee`, whatever their dates."""
    today = date(2027, 1, 1)
    items = [
        clocked("NC-1", "majeure", today, levee_le="2026-05-02"),
        *minors(2, today, levee_le="2026-06-01"),
    ]
    assert judged(items, AuditType.INITIAL).verdict is Verdict.CLOSED


@pytest.mark.parametrize(
    ("audit_type", "fate"),
    [
        (AuditType.INITIAL, "la certification sera refusée"),
        (AuditType.SURVEILLANCE, "le certificat sera suspendu, puis retiré"),
        (
            AuditType.RENEWAL,
            "le certificat sera suspendu, puis retiré, et aucun nouveau "
            "certificat ne sera délivré avant la fin de l'actuel : l'organisme serait alors sans "
            "certification",
        ),
        (AuditType.EXTENSION, "l'extension sera refusée"),
    ],
)
def test_overdue_major_correction_compromises(audit_type: AuditType, fate: str) -> None:
    """A major NC without proof the day after its due date: `compromise`, with what follows."""
    outcome = judged([clocked("NC-1", "majeure", date(2026, 6, 13), indicator=11)], audit_type)
    assert outcome.verdict is Verdict.COMPROMISED
    reason = translator("fr")(outcome.reason)
    assert reason.startswith("NC-1 : les preuves de correction étaient dues le 12 juin 2026")
    assert fate in reason
    assert outcome.deadline is not None and outcome.deadline.step.due == date(2026, 6, 12)


def test_major_on_its_due_day_is_blocked_not_compromised() -> None:
    """On the due day itself, a major NC still blocks but is not yet late."""
    outcome = judged(
        [clocked("NC-1", "majeure", date(2026, 6, 12), indicator=11)], AuditType.INITIAL
    )
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None and outcome.deadline.step.days_left == 0


def test_open_major_blocks_with_nearest_date() -> None:
    """An open major NC: `bloquee`, naming the nearest blocking due date."""
    today = date(2026, 4, 1)
    items = [clocked("NC-2", "majeure", today, indicator=11), *minors(1, today)]
    outcome = judged(items, AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None
    assert (outcome.deadline.nc_id, outcome.deadline.step.due) == ("NC-2", date(2026, 6, 12))
    assert translator("en")(outcome.reason) == (
        "1 major NC open: the certificate cannot be issued until it is lifted; "
        "next: 'corrections in place, proof sent' for NC-2 by 12 June 2026; if missed, the "
        "certification will be refused (a new application only 3 months later)"
    )


def test_four_open_minors_are_in_progress() -> None:
    """4 open minors: certification possible, `en_cours`."""
    outcome = judged(minors(4, date(2026, 4, 1)), AuditType.INITIAL)
    assert outcome.verdict is Verdict.IN_PROGRESS
    assert translator("fr")(outcome.reason).startswith("4 NC mineures ouvertes : la certification")


def test_five_open_minors_block() -> None:
    """5 open minors count as a major one: `bloquee`, to bring under 5 by N + 3 months."""
    outcome = judged(minors(5, date(2026, 4, 1)), AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    assert translator("fr")(outcome.reason) == (
        "5 NC mineures ouvertes, qui comptent comme une NC majeure : le certificat ne peut pas "
        "être délivré tant que 5 ou plus restent ouvertes ; si elles ne sont pas "
        "passées sous 5 d'ici le 12 juin 2026, la certification sera refusée (nouvelle demande "
        "possible seulement 3 mois plus tard) ; prochaine étape : « plan d'actions envoyé » "
        "pour NC-1 d'ici le 11 avril 2026"
    )


def test_overdue_blocking_step_is_told_in_the_past() -> None:
    """A blocking step already late is 'was due … days ago', never 'by' a past date."""
    outcome = judged(minors(6, date(2026, 4, 20)), AuditType.SURVEILLANCE)
    reason = translator("fr")(outcome.reason)
    assert reason.endswith(
        "l'étape « plan d'actions envoyé » de NC-1 était due le 11 avril 2026, il y a 9 jours"
    )


def test_complementary_audit_fate_is_neutral() -> None:
    """After a complementary audit, the fate depends on the audit it follows: said so."""
    outcome = judged([clocked("NC-1", "majeure", date(2026, 6, 13), indicator=11)],
                    AuditType.COMPLEMENTARY)  # fmt: skip
    assert outcome.verdict is Verdict.COMPROMISED
    assert "refus après un audit initial, suspension puis retrait" in translator("fr")(
        outcome.reason
    )


def test_facts_after_today_have_not_happened_yet() -> None:
    """Evaluated before a recorded lift, the NC is still open."""
    item = clocked("NC-1", "majeure", date(2026, 5, 1), indicator=11, levee_le="2026-05-20",
                   preuves_envoyees_le="2026-05-10")  # fmt: skip
    assert item.open and item.lifted is None
    outcome = judged([item], AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    later = clocked("NC-1", "majeure", date(2026, 5, 20), indicator=11, levee_le="2026-05-20")
    assert judged([later], AuditType.INITIAL).verdict is Verdict.CLOSED


def test_five_minors_one_lifted_is_in_progress() -> None:
    """Lifting one of five minors brings them under the threshold."""
    today = date(2026, 4, 1)
    items = [
        *minors(4, today),
        clocked("NC-9", "mineure", today, indicator=9, levee_le="2026-03-30"),
    ]
    assert judged(items, AuditType.INITIAL).verdict is Verdict.IN_PROGRESS


def test_overdue_minor_plan_does_not_compromise() -> None:
    """Only a major correction step makes the verdict `compromise`."""
    outcome = judged(minors(1, date(2026, 5, 1)), AuditType.INITIAL)
    assert outcome.verdict is Verdict.IN_PROGRESS


def test_major_with_proof_sent_waits_for_decision() -> None:
    """Proof sent: still `bloquee` until lifted, the date is the certifier's decision."""
    item = clocked(
        "NC-1", "majeure", date(2026, 6, 20), indicator=11, preuves_envoyees_le="2026-06-01"
    )
    outcome = judged([item], AuditType.SURVEILLANCE)
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None and outcome.deadline.step.due == date(2026, 7, 12)
    assert "le certificateur devrait décider d'ici le 12 juillet 2026" in translator("fr")(
        outcome.reason
    )


def test_five_minors_still_open_after_the_date_compromise() -> None:
    """5 minors still open the day after N + 3 months count as a major NC not corrected."""
    outcome = judged(minors(5, date(2026, 6, 13)), AuditType.INITIAL)
    assert outcome.verdict is Verdict.COMPROMISED
    assert translator("fr")(outcome.reason).startswith(
        "5 NC mineures encore ouvertes au 12 juin 2026, date à laquelle elles devaient être "
        "passées sous 5 : ensemble elles valent une NC majeure non corrigée à temps ; la "
        "certification sera refusée"
    )
    on_the_day = judged(minors(5, date(2026, 6, 12)), AuditType.INITIAL)
    assert on_the_day.verdict is Verdict.BLOCKED


def test_proof_sent_late_compromises() -> None:
    """A proof sent after the correction due date: the deadline is missed, `compromise`
    stays (it does not fall back to `bloquee`), and the reason gives both days."""
    before = clocked("NC-1", "majeure", date(2026, 6, 19), indicator=11,
                     preuves_envoyees_le="2026-06-20")  # fmt: skip
    assert judged([before], AuditType.SURVEILLANCE).verdict is Verdict.COMPROMISED
    item = clocked("NC-1", "majeure", date(2026, 6, 20), indicator=11,
                   preuves_envoyees_le="2026-06-13")  # fmt: skip
    outcome = judged([item], AuditType.SURVEILLANCE)
    assert outcome.verdict is Verdict.COMPROMISED
    assert translator("fr")(outcome.reason) == (
        "NC-1 : les preuves de correction étaient dues le 12 juin 2026 et ont été envoyées "
        "en retard, le 13 juin 2026 ; le certificat sera suspendu, puis retiré"
    )
    on_time = clocked("NC-1", "majeure", date(2026, 6, 20), indicator=11,
                      preuves_envoyees_le="2026-06-12")  # fmt: skip
    assert judged([on_time], AuditType.SURVEILLANCE).verdict is Verdict.BLOCKED
    lifted = clocked("NC-1", "majeure", date(2026, 7, 1), indicator=11,
                     preuves_envoyees_le="2026-06-13", levee_le="2026-06-30")  # fmt: skip
    assert judged([lifted], AuditType.SURVEILLANCE).verdict is Verdict.CLOSED


def test_five_minors_lifted_under_5_too_late_still_compromise() -> None:
    """Falling under 5 after N + 3 months is too late: 6 minors open on 12 June, one lifted
    on 20 June, is still `compromise`, and the count is the one of 12 June."""
    today = date(2026, 6, 25)
    items = [
        *minors(5, today),
        clocked("NC-6", "mineure", today, indicator=6, levee_le="2026-06-20"),
        clocked("NC-7", "mineure", today, indicator=7, levee_le="2026-06-12"),
    ]
    outcome = judged(items, AuditType.INITIAL)
    assert outcome.verdict is Verdict.COMPROMISED
    assert translator("en")(outcome.reason).startswith(
        "6 minor NCs still open on 12 June 2026, the day they had to be under 5"
    )
    four_left = [*minors(4, today), *items[4:]]
    assert judged(four_left, AuditType.INITIAL).verdict is Verdict.COMPROMISED
    in_time = [*minors(4, today), clocked("NC-6", "mineure", today, indicator=6,
                                          levee_le="2026-06-12")]  # fmt: skip
    assert judged(in_time, AuditType.INITIAL).verdict is Verdict.IN_PROGRESS


def test_five_minors_block_until_the_day_they_must_be_under_5() -> None:
    """Plans sent, 5 minors open: the nearest blocking due date is 12 June (N + 3 months,
    when they must be under 5), not their implementation on 12 September."""
    today = date(2026, 5, 1)
    outcome = judged(minors(5, today, plan_envoye_le="2026-04-01"), AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None
    assert outcome.deadline.nc_id is None
    assert (outcome.deadline.step.due, outcome.deadline.step.days_left) == (date(2026, 6, 12), 42)
    assert translator("fr")(outcome.deadline.subject) == "NC mineures à faire passer sous 5"
    assert translator("en")(outcome.reason) == (
        "5 minor NCs open, which count as a major NC: the certificate cannot be issued "
        "while 5 or more stay open; if they are not under 5 by 12 June 2026, the "
        "certification will be refused (a new application only 3 months later)"
    )


def test_nearest_blocking_date_is_the_earliest() -> None:
    """Two blocking majors: the deadline is NC-2's correction (12 June), not NC-1's decision."""
    today = date(2026, 5, 1)
    items = [
        clocked("NC-1", "majeure", today, indicator=11, preuves_envoyees_le="2026-04-20"),
        clocked("NC-2", "majeure", today, indicator=4),
    ]
    outcome = judged(items, AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None
    assert (outcome.deadline.nc_id, outcome.deadline.step.due) == ("NC-2", date(2026, 6, 12))


def test_due_day_is_told_as_still_ahead() -> None:
    """On the correction due day itself the reason says 'by 12 June', not '0 days ago'."""
    outcome = judged(
        [clocked("NC-1", "majeure", date(2026, 6, 12), indicator=11)], AuditType.INITIAL
    )
    assert translator("en")(outcome.reason) == (
        "1 major NC open: the certificate cannot be issued until it is lifted; "
        "next: 'corrections in place, proof sent' for NC-1 by 12 June 2026; if missed, the "
        "certification will be refused (a new application only 3 months later)"
    )


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (
            date(2026, 7, 12),
            "the proof is sent for NC-1; the certifier should decide by 12 July 2026",
        ),
        (
            date(2026, 7, 13),
            "the proof is sent for NC-1; the certifier should have decided by 12 July 2026",
        ),
    ],
    ids=["due-day", "day-after"],
)
def test_decision_is_told_in_the_past_only_after_its_day(today: date, said: str) -> None:
    """The certifier's decision is 'should decide' on its due day, 'should have' the day after."""
    item = clocked("NC-1", "majeure", today, indicator=11, preuves_envoyees_le="2026-06-01")
    outcome = judged([item], AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    assert translator("en")(outcome.reason) == (
        f"1 major NC open: the certificate cannot be issued until it is lifted; {said}"
    )


def test_major_and_five_minors_say_both_deadlines() -> None:
    """A major NC whose proof is sent, and 5 open minors: the nearest blocking date is the
    minors' (12 June, before the decision on 12 July), and the reason says both."""
    today = date(2026, 5, 1)
    items = [
        clocked("NC-9", "majeure", today, indicator=11, preuves_envoyees_le="2026-04-20"),
        *minors(5, today, plan_envoye_le="2026-04-01"),
    ]
    outcome = judged(items, AuditType.INITIAL)
    assert outcome.verdict is Verdict.BLOCKED
    assert outcome.deadline is not None and outcome.deadline.nc_id is None
    assert outcome.deadline.step.due == date(2026, 6, 12)
    assert translator("fr")(outcome.reason) == (
        "1 NC majeure ouverte : le certificat ne peut pas être délivré tant "
        "qu'elle n'est pas levée ; 5 NC mineures ouvertes doivent aussi passer sous 5 d'ici "
        "le 12 juin 2026, sinon la certification sera refusée (nouvelle demande possible "
        "seulement 3 mois plus tard)"
    )


def test_major_and_five_minors_on_the_same_day_say_the_minors_too() -> None:
    """Before any proof, the major's correction and the minors' day fall together (12
    June): the NC's step is the deadline, and the reason still names the minors."""
    today = date(2026, 4, 20)
    items = [
        clocked("NC-9", "majeure", today, indicator=11),
        *minors(5, today, plan_envoye_le="2026-03-20"),
    ]
    outcome = judged(items, AuditType.INITIAL)
    assert outcome.deadline is not None
    assert (outcome.deadline.nc_id, outcome.deadline.step.due) == ("NC-9", date(2026, 6, 12))
    assert "5 NC mineures ouvertes doivent aussi passer sous 5 d'ici le 12 juin 2026" in (
        translator("fr")(outcome.reason)
    )


def test_five_minors_compromise_points_at_the_missed_day() -> None:
    """Compromised by 5 minors still open on 12 June: the deadline is that missed day
    (for the minors together), not a later step, and stays after one is lifted."""
    today = date(2026, 6, 25)
    items = [*minors(4, today), clocked("NC-6", "mineure", today, indicator=6,
                                        levee_le="2026-06-20")]  # fmt: skip
    outcome = judged(items, AuditType.INITIAL)
    assert outcome.verdict is Verdict.COMPROMISED
    assert outcome.deadline is not None
    assert outcome.deadline.nc_id is None
    assert (outcome.deadline.step.due, outcome.deadline.step.days_left) == (date(2026, 6, 12), -13)
    assert translator("fr")(outcome.deadline.subject) == "NC mineures à faire passer sous 5"


def test_renewal_after_the_certificate_ended_says_so() -> None:
    """A renewal whose certificate ended on 28 February: no 'suspended, then withdrawn'
    for a certificate that no longer exists; nor for one ending before the correction due
    date (12 June); one valid until that day gets the usual fate."""
    item = clocked("NC-1", "majeure", date(2026, 3, 5), indicator=11)
    minors_by = minors_step(notified=NOTIFIED, rules=Rules(), today=date(2026, 3, 5))
    ended = judge([item], AuditType.RENEWAL, minors_by=minors_by,
                  certificate_end=date(2026, 2, 28))  # fmt: skip
    assert translator("fr")(ended.reason).endswith(
        "faute de quoi le certificat a pris fin le 28 février 2026 : l'organisme est déjà "
        "sans certification jusqu'à une nouvelle décision de certification"
    )
    ending = judge([item], AuditType.RENEWAL, minors_by=minors_by,
                   certificate_end=date(2026, 5, 31))  # fmt: skip
    assert translator("fr")(ending.reason).endswith(
        "le certificat prend fin le 31 mai 2026, avant cette échéance : l'organisme serait "
        "sans certification"
    )
    valid = judge([item], AuditType.RENEWAL, minors_by=minors_by,
                  certificate_end=date(2026, 6, 12))  # fmt: skip
    assert translator("fr")(valid.reason).endswith(
        "le certificat sera suspendu, puis retiré, et aucun nouveau certificat ne sera délivré "
        "avant la fin de l'actuel, le 12 juin 2026 : l'organisme serait alors sans certification"
    )
