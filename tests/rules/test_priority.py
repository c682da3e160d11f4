"""Priority order (spec §2.3) and the reason given for each rank."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnc.i18n import translator
from qnc.model.folder import NcFile
from qnc.model.ids import natural_key
from qnc.model.records import AuditType, NonConformity, Rules
from qnc.rules.clocks import Clocked, clock
from qnc.rules.priority import rank
from qnc.rules.states import Group

NOTIFIED = date(2026, 3, 12)


def item(
    id: str, grade: str, indicator: int, today: date, notified: date = NOTIFIED, **fields: object
) -> Clocked:
    nc = NonConformity.model_validate(
        {"id": id, "indicateur": indicator, "gravite": grade, "constat": "x", **fields}
    )
    return clock(NcFile(Path(f"{nc.id}.yaml"), nc), notified=notified, rules=Rules(), today=today)


def order(items: list[Clocked]) -> list[str]:
    return [r.item.nc.id for r in rank(items)]


def test_natural_order_of_ids() -> None:
    """NC-2 comes before NC-10."""
    assert sorted(["NC-10", "NC-2", "NC-1"], key=natural_key) == ["NC-1", "NC-2", "NC-10"]


def test_overdue_first_most_late_first() -> None:
    """NCs with a late step come first, the latest first, before any blocking major."""
    today = date(2026, 5, 1)
    items = [
        item("NC-1", "majeure", 11, today),  # blocking, not late
        item("NC-2", "mineure", 1, today),  # plan due 11 April: 20 days late
        item("NC-3", "mineure", 2, today, notified=date(2026, 3, 20)),  # 12 days late
    ]
    assert order(items) == ["NC-2", "NC-3", "NC-1"]
    assert [r.group for r in rank(items)] == [Group.OVERDUE, Group.OVERDUE, Group.BLOCKING]


def test_blocking_before_the_rest_then_lifted() -> None:
    """Blocking majors before open minors, lifted NCs last."""
    today = date(2026, 3, 20)
    items = [
        item("NC-1", "mineure", 1, today),
        item("NC-2", "majeure", 11, today, levee_le="2026-03-19"),
        item("NC-3", "majeure", 4, today),
    ]
    assert order(items) == ["NC-3", "NC-1", "NC-2"]


def test_five_minors_all_block() -> None:
    """With 5 open minors, each minor is in the blocking group."""
    today = date(2026, 3, 20)
    items = [item(f"NC-{i}", "mineure", i, today) for i in (1, 2, 3, 8, 9)]
    assert {r.group for r in rank(items)} == {Group.BLOCKING}
    four = [item(f"NC-{i}", "mineure", i, today) for i in (1, 2, 3, 8)]
    assert {r.group for r in rank(four)} == {Group.OTHER}


def test_ties_nearest_due_then_major_then_natural_id() -> None:
    """Inside a group: nearest next due date, then majeure before mineure, then id order."""
    today = date(2026, 3, 20)
    items = [
        item("NC-10", "mineure", 1, today),
        item("NC-9", "mineure", 2, today),
        item("NC-2", "mineure", 3, today, notified=date(2026, 3, 13)),  # due a day later
        item("NC-1", "mineure", 8, today, notified=date(2026, 3, 11)),  # due a day earlier
    ]
    assert order(items) == ["NC-1", "NC-9", "NC-10", "NC-2"]
    # Same due date, one major one minor, both blocking (5 minors open): the major first.
    five = [item(f"NC-{i}", "mineure", i, today) for i in (1, 2, 3, 8, 9)]
    major = item("NC-99", "majeure", 11, today, notified=date(2026, 2, 10))  # due 10 May
    minor_same_day = item("NC-50", "mineure", 12, today, notified=date(2026, 4, 10))  # plan 10 May
    ranked = order([*five, minor_same_day, major])
    assert ranked.index("NC-99") < ranked.index("NC-50")


def test_reasons_say_why() -> None:
    """--explain reasons name the late step and its date, or the blocking cause."""
    today = date(2026, 5, 1)
    reasons = {
        r.item.nc.id: translator("fr")(r.reason)
        for r in rank(
            [
                item("NC-1", "majeure", 11, today),
                item("NC-2", "mineure", 1, today),
                item("NC-3", "mineure", 2, today, levee_le="2026-04-20"),
            ]
        )
    }
    assert reasons == {
        "NC-2": "en retard : l'étape « plan d'actions envoyé » était due le 11 avril 2026, "
        "il y a 20 jours",
        "NC-1": "une NC majeure empêche la certification ; prochaine étape : « corrections "
        "faites, preuves envoyées » d'ici le 12 juin 2026",
        "NC-3": "levée le 20 avril 2026 : plus rien à faire",
    }


@pytest.mark.parametrize(
    ("audit_type", "why"),
    [
        (AuditType.INITIAL, "une NC majeure empêche la certification"),
        (AuditType.SURVEILLANCE, "une NC majeure non corrigée à temps suspend le certificat"),
        (AuditType.RENEWAL, "une NC majeure bloque le renouvellement"),
        (AuditType.EXTENSION, "une NC majeure bloque l'extension"),
        (AuditType.COMPLEMENTARY, "une NC majeure bloque le certificat"),
    ],
)
def test_what_a_major_nc_blocks_depends_on_the_audit(audit_type: AuditType, why: str) -> None:
    """A surveillance audit's major NC does not block a certification already given: it
    suspends the certificate held if it is not corrected in time."""
    today = date(2026, 5, 1)
    (ranked,) = rank([item("NC-1", "majeure", 11, today)], audit_type=audit_type)
    assert translator("fr")(ranked.reason) == (
        f"{why} ; prochaine étape : « corrections faites, preuves envoyées » d'ici le 12 juin 2026"
    )


def test_nearest_due_date_comes_before_grade() -> None:
    """Five blocking minors due 11 April come before a blocking major due 12 June."""
    today = date(2026, 3, 20)
    five = [item(f"NC-{i}", "mineure", i, today) for i in (1, 2, 3, 8, 9)]
    major = item("NC-99", "majeure", 11, today)  # correction due 12 June
    assert order([major, *five]) == ["NC-1", "NC-2", "NC-3", "NC-8", "NC-9", "NC-99"]


def test_late_reason_names_the_step_late_the_longest() -> None:
    """A minor with plan and implementation both late: the reason names the plan, 156 days."""
    (ranked,) = rank([item("NC-1", "mineure", 1, date(2026, 9, 14))])
    assert ranked.group is Group.OVERDUE
    assert translator("fr")(ranked.reason) == (
        "en retard : l'étape « plan d'actions envoyé » était due le 11 avril 2026, il y a 156 jours"
    )


def test_blocking_minors_reason_gives_their_count() -> None:
    """With 6 open minors, each says 6 are open and that from 5 on they block."""
    today = date(2026, 3, 20)
    ranked = rank([item(f"NC-{i}", "mineure", i, today) for i in (1, 2, 3, 8, 9, 10)])
    assert {translator("fr")(r.reason) for r in ranked} == {
        "6 NC mineures ouvertes : à partir de 5, elles bloquent le certificat ; prochaine "
        "étape : « plan d'actions envoyé » d'ici le 11 avril 2026"
    }


@pytest.mark.parametrize(
    ("today", "next_part"),
    [
        (
            date(2026, 7, 12),
            "prochaine étape : « décision du certificateur » d'ici le 12 juillet 2026",
        ),
        (
            date(2026, 7, 13),
            "preuves envoyées ; le certificateur aurait dû décider au plus tard le 12 juillet 2026",
        ),
    ],
    ids=["due-day", "day-after"],
)
def test_decision_reason_turns_past_after_its_day(today: date, next_part: str) -> None:
    """Proof sent: the certifier's decision is ahead on its due day, overdue the day after."""
    (ranked,) = rank([item("NC-1", "majeure", 11, today, preuves_envoyees_le="2026-06-01")])
    assert ranked.group is Group.BLOCKING
    assert translator("fr")(ranked.reason) == (
        f"une NC majeure empêche la certification ; {next_part}"
    )


def test_five_minors_say_the_day_they_must_be_under_5() -> None:
    """Given that day (12 June), each blocking minor's reason says it."""
    today = date(2026, 5, 1)
    items = [item(f"NC-{i}", "mineure", i, today, plan_envoye_le="2026-04-01",
                  analyse_causes="y") for i in (1, 2, 3, 8, 9)]  # fmt: skip
    reason = translator("fr")(rank(items, minors_by=date(2026, 6, 12))[0].reason)
    assert reason.startswith(
        "5 NC mineures ouvertes : à partir de 5, elles bloquent le certificat ; elles doivent "
        "passer sous 5 d'ici le 12 juin 2026 ;"
    )


def test_minors_that_missed_their_day_still_block_once_one_is_lifted() -> None:
    """5 minors open on 12 June, one lifted on 20 June: on 25 June the 4 left still block
    (the verdict is compromise) and say why; before that day has passed, or without it,
    4 open minors do not block."""
    today = date(2026, 6, 25)
    sent = {"plan_envoye_le": "2026-04-01", "analyse_causes": "y"}  # nothing overdue
    items = [
        *(item(f"NC-{i}", "mineure", i, today, **sent) for i in (1, 2, 3, 8)),
        item("NC-9", "mineure", 9, today, levee_le="2026-06-20", **sent),
    ]
    missed = rank(items, minors_by=date(2026, 6, 12))
    assert [r.group for r in missed] == [Group.BLOCKING] * 4 + [Group.LIFTED]
    assert translator("fr")(missed[0].reason).startswith(
        "5 NC mineures étaient encore ouvertes le 12 juin 2026, date à laquelle elles "
        "devaient être passées sous 5 : ensemble elles compromettent la certification"
    )
    assert {r.group for r in rank(items, minors_by=date(2026, 6, 30)) if r.item.open} == {
        Group.OTHER
    }
    assert {r.group for r in rank(items) if r.item.open} == {Group.OTHER}


def test_every_step_done_says_which_was_late() -> None:
    """A minor NC whose plan went out late and whose actions are done: every step is
    done, and the reason says which one late, as the NC's state does."""
    today = date(2026, 10, 1)
    done = item("NC-1", "mineure", 1, today, plan_envoye_le="2026-04-20",
                actions=[{"id": "A1", "responsable": "x", "echeance": "2026-06-01",
                          "fait_le": "2026-05-30"}])  # fmt: skip
    (ranked,) = rank([done])
    assert translator("fr")(ranked.reason) == (
        "NC mineure, ne bloque pas le certificat ; toutes les étapes sont faites, « plan "
        "d'actions envoyé » en retard ; en attente de la levée par le certificateur"
    )
