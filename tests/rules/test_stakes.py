"""What open or late NCs put at stake, by audit type: after an initial audit nothing is
certified yet; after a surveillance or renewal audit the organisation keeps its certificate
while the NCs are corrected (shared/domain/qualiopi.md)."""

from __future__ import annotations

from datetime import date

import pytest

from qnc.i18n import translator
from qnc.model.records import AuditType, Rules
from qnc.rules.clocks import Clocked, minors_step
from qnc.rules.verdict import judge
from tests.rules.test_verdict import NOTIFIED, clocked, minors

FR = translator("fr")
APRIL = date(2026, 4, 1)


def reason(items: list[Clocked], audit_type: AuditType, end: date | None = None) -> str:
    minors_by = minors_step(notified=NOTIFIED, rules=Rules(), today=items[0].today)
    return FR(judge(items, audit_type, minors_by=minors_by, certificate_end=end).reason)


@pytest.mark.parametrize(
    ("audit_type", "stake"),
    [
        (AuditType.INITIAL, "1 NC majeure ouverte : le certificat ne peut pas être délivré tant "
                            "qu'elle n'est pas levée ; "),
        (AuditType.SURVEILLANCE, "1 NC majeure ouverte : le certificat reste valable pendant le "
                                 "délai de correction ; "),
        (AuditType.RENEWAL, "1 NC majeure ouverte : le certificat ne peut pas être renouvelé tant "
                            "qu'elle n'est pas levée ; le certificat actuel reste valable "
                            "jusqu'au 1er mai 2027 ; "),
        (AuditType.EXTENSION, "1 NC majeure ouverte : l'extension ne peut pas être accordée tant "
                              "qu'elle n'est pas levée ; "),
        (AuditType.COMPLEMENTARY, "1 NC majeure ouverte : la décision du certificateur attend "
                                  "qu'elle soit levée ; "),
    ],
)  # fmt: skip
def test_open_major_says_what_waits_for_it(audit_type: AuditType, stake: str) -> None:
    """'No certificate can be issued or kept' is wrong for an organisation already
    certified: each audit type says what an open major NC holds back."""
    said = reason([clocked("NC-1", "majeure", APRIL, indicator=11)], audit_type,
                  date(2027, 5, 1))  # fmt: skip
    assert said.startswith(stake)


@pytest.mark.parametrize(
    ("audit_type", "fate"),
    [
        (AuditType.INITIAL, "la certification sera refusée (nouvelle demande possible seulement "
                            "3 mois plus tard)"),
        (AuditType.SURVEILLANCE, "le certificat sera suspendu, puis retiré"),
        (AuditType.RENEWAL, "le certificat sera suspendu, puis retiré, et aucun nouveau "
                            "certificat ne sera délivré avant la fin de l'actuel, le 1er mai "
                            "2027 : l'organisme serait alors sans certification"),
    ],
)  # fmt: skip
def test_missed_correction_costs_what_the_audit_type_puts_at_stake(
    audit_type: AuditType, fate: str
) -> None:
    """A major NC whose proof is late: refusal, or suspension then withdrawal; on a renewal,
    no new certificate either, so the organisation is left without one at the end."""
    item = clocked("NC-1", "majeure", date(2026, 6, 13), indicator=11)
    assert reason([item], audit_type, date(2027, 5, 1)).endswith(fate)


def test_renewal_with_the_current_certificate_ended_says_so() -> None:
    """On a renewal whose certificate ended yesterday, it no longer 'stays valid'."""
    said = reason([clocked("NC-1", "majeure", APRIL, indicator=11)], AuditType.RENEWAL,
                  date(2026, 3, 31))  # fmt: skip
    assert "; le certificat actuel a pris fin le 31 mars 2026 ; " in said


@pytest.mark.parametrize(
    ("audit_type", "stake"),
    [
        (AuditType.INITIAL, "la certification est possible"),
        (AuditType.SURVEILLANCE, "le certificat est maintenu"),
        (AuditType.RENEWAL, "le certificat peut être renouvelé"),
        (AuditType.EXTENSION, "l'extension est possible"),
        (AuditType.COMPLEMENTARY, "elles ne retiennent pas la décision du certificateur"),
    ],
)
def test_few_minors_say_what_they_allow(audit_type: AuditType, stake: str) -> None:
    """Fewer than 5 minors hold nothing back; 'certification is possible' only fits an
    initial audit."""
    assert reason(minors(2, APRIL), audit_type) == (
        f"2 NC mineures ouvertes : {stake} ; elles seront vérifiées au prochain audit, où une "
        "NC mineure encore ouverte devient majeure"
    )


@pytest.mark.parametrize(
    ("audit_type", "stake"),
    [
        (AuditType.INITIAL, "le certificat ne peut pas être délivré tant que 5 ou plus restent "
                            "ouvertes"),
        (AuditType.SURVEILLANCE, "le certificat reste valable pendant le délai de correction"),
        (AuditType.RENEWAL, "le certificat ne peut pas être renouvelé tant que 5 ou plus restent "
                            "ouvertes ; le certificat actuel reste valable jusqu'à son terme"),
    ],
)  # fmt: skip
def test_five_minors_say_what_they_hold_back(audit_type: AuditType, stake: str) -> None:
    """Five open minors count as a major NC: the same stakes, said for them."""
    assert reason(minors(5, APRIL, plan_envoye_le="2026-03-20"), audit_type).startswith(
        f"5 NC mineures ouvertes, qui comptent comme une NC majeure : {stake} ; si elles ne "
        "sont pas passées sous 5 d'ici le 12 juin 2026, "
    )
