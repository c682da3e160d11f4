"""The evidence supplied with an NC's actions: each file by its name, as the certifier
receives it attached to the plan, with its fingerprint when the NC file records one."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from qnc.i18n import Translator, t
from qnc.model.records import EvidenceFile
from qnc.render.plan.blocks import Block, Bullets, Inline, Link, Paragraph
from qnc.rules.report import NcState

SHOWN_DIGITS = 16
"""Hexadecimal digits of a fingerprint shown: enough to tell two files apart by eye."""


def evidence(state: NcState, audit_dir: Path, tr: Translator, links_from: Path) -> list[Block]:
    """One item per evidence file or address; links lead from ``links_from``."""
    items: list[tuple[Inline, ...]] = []
    for item in state.actions:
        for supplied in item.action.evidence:
            if supplied.path.strip():  # an empty path is qnc check's to report
                label = tr(t("{label}: ", label=item.action.id))
                items.append((label, *_item(supplied, audit_dir, tr, links_from)))
    if not items:
        return []
    return [Paragraph((tr(t("Evidence supplied:")),)), Bullets(tuple(items))]


def _item(supplied: EvidenceFile, audit_dir: Path, tr: Translator,
          links_from: Path) -> tuple[Inline, ...]:  # fmt: skip
    target = supplied.path
    if target.startswith(("http://", "https://")):
        return Link(target, target), " — " + tr(t("online"))
    # A Windows path (preuves\grille.pdf, warned about by check) still links right.
    path = target.replace("\\", "/")
    relative = os.path.relpath(audit_dir / path, links_from).replace(os.sep, "/")
    link = Link(PurePosixPath(path).name, relative, portable=False)
    if supplied.fingerprint is None:
        return link, " — " + tr(t("attached to the plan"))
    digits = supplied.fingerprint.removeprefix("sha256:")[:SHOWN_DIGITS]
    said = t("attached to the plan, SHA-256 fingerprint {digits}…", digits=digits)
    return link, " — " + tr(said)
