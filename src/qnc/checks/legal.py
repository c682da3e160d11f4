"""The delays of ``regles`` against the arrêté: a certifier may shorten them, never
lengthen them (arrêté du 6 juin 2019, art. 5; :mod:`qnc.rules.legal`)."""

from __future__ import annotations

from collections.abc import Iterator

from qnc.diagnostics import Problem, warning
from qnc.i18n import t
from qnc.model.folder import AuditFolder
from qnc.rules.legal import excesses


def legal_delays(folder: AuditFolder) -> Iterator[Problem]:
    audit = folder.audit
    for excess in excesses(audit.rules, audit.audit.clock_start):
        yield warning(
            folder.audit_file,
            ("regles", excess.key),
            "delai-legal",
            t(
                "'{key}: {value}' is longer than the legal delay of {legal} (arrêté du 6 juin "
                "2019, art. 5): qnc counts {legal}; a certifier may set a shorter delay, never "
                "a longer one",
                key=excess.key,
                value=excess.configured.describe(),
                legal=excess.legal.describe(),
            ),
        )
