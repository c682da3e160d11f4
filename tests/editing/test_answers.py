"""The values qnc init is given, as a quality manager types them."""

from __future__ import annotations

import pytest

from qnc.editing.answers import audit_type, siret
from qnc.i18n import Msg
from qnc.model.records import AuditType


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("surveillance", AuditType.SURVEILLANCE),
        ("Audit de surveillance", AuditType.SURVEILLANCE),
        ("audit  initial", AuditType.INITIAL),
        ("AUDIT DE RENOUVELLEMENT", AuditType.RENEWAL),
        ("de renouvellement", AuditType.RENEWAL),
        ("audit complémentaire", AuditType.COMPLEMENTARY),
        ("audit d’extension", AuditType.EXTENSION),
        ("renewal audit", AuditType.RENEWAL),
    ],
)
def test_an_audit_type_in_words(answer: str, kind: AuditType) -> None:
    assert audit_type(answer) is kind


@pytest.mark.parametrize("answer", ["surv", "audit", "audit de", "", "initiale surveillance"])
def test_what_is_not_an_audit_type(answer: str) -> None:
    assert isinstance(audit_type(answer), Msg)


@pytest.mark.parametrize(
    "answer", ["832 145 601 00015", "832\u00a0145\u00a0601\u00a000015", " 83214560100015 "]
)
def test_a_siret_with_spaces_is_written_without(answer: str) -> None:
    assert siret(answer) == "83214560100015"


@pytest.mark.parametrize("answer", ["832 145 601 0001", "832 145 601 00016", "832-145-601-00015"])
def test_a_siret_is_14_digits_with_its_key(answer: str) -> None:
    assert isinstance(siret(answer), Msg)
