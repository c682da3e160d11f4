"""qnc.diagnostics: the order in which problems are reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]


def test_files_in_natural_order(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """The problems of NC-2.yaml come before those of NC-10.yaml."""
    broken = nc_text.replace("gravite: mineure", "gravite: majeur")
    folder = write_audit(
        ncs={
            "NC-10.yaml": broken.replace("NC-01", "NC-10").replace(
                "indicateur: 12", "indicateur: 1"
            ),
            "NC-2.yaml": broken.replace("NC-01", "NC-2"),
        }
    )
    assert [(d.file, d.line, d.column, d.code) for d in diagnose(folder)] == [
        ("nc/NC-2.yaml", 3, 10, "valeur-invalide"),
        ("nc/NC-10.yaml", 3, 10, "valeur-invalide"),
    ]


def test_problems_on_one_line_in_column_order(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """Two bad dates on one line are reported left to right, whatever the key order."""
    dates = "fait_le: 2026-02-30, echeance: 2026-13-01"
    nc = nc_text + f"actions: [{{id: A1, responsable: M, {dates}}}]\n"
    folder = write_audit(ncs={"NC-01.yaml": nc})
    assert [(d.line, d.column, d.code, d.message) for d in diagnose(folder)] == [
        (5, 45, "date-invalide", "« 2026-02-30 » n'est pas une date du calendrier"),
        (5, 67, "date-invalide", "« 2026-13-01 » n'est pas une date du calendrier"),
    ]
