"""Ids and indicators that must be unique: NCs in an audit, actions in an NC."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from qnc.diagnostics import Problem, error
from qnc.i18n import t
from qnc.model.values import NcValues


def duplicate_ncs(ncs: Sequence[NcValues]) -> Iterator[Problem]:
    """Second and later NCs with an id or indicator already seen (as far as they could be
    read). A file named after its id comes first, so that ``NC-02 (copie).yaml`` is the
    one blamed, not ``NC-02.yaml``."""
    seen_ids: dict[str, NcValues] = {}
    seen_indicators: dict[int, NcValues] = {}
    for nc in sorted(ncs, key=lambda n: unicodedata.normalize("NFC", n.path.stem) != n.id):
        first = nc if nc.id is None else seen_ids.setdefault(nc.id, nc)
        if first is not nc:
            yield error(
                nc.path,
                ("id",),
                "id-duplique",
                t(
                    "the id '{id}' is already used by {other}; give each NC its own id",
                    id=nc.id,
                    other=first.path.name,
                ),
            )
        first = nc if nc.indicator is None else seen_indicators.setdefault(nc.indicator, nc)
        if first is not nc:
            yield error(
                nc.path,
                ("indicateur",),
                "indicateur-duplique",
                t(
                    "indicator {number} already has an NC ({other}); "
                    "one indicator gives one NC per audit: merge the findings",
                    number=nc.indicator,
                    other=first.path.name,
                ),
            )


def duplicate_action_ids(file: Path, data: object) -> Iterator[Problem]:
    """Actions of one NC sharing an id, read from the file as written: said even when
    the NC has other errors, so that one run of qnc check reports everything."""
    actions = data.get("actions") if isinstance(data, dict) else None
    seen: set[str] = set()
    for i, action in enumerate(actions if isinstance(actions, list) else ()):
        value = action.get("id") if isinstance(action, dict) else None
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        # As the records compare ids: an 'é' typed as one character or as two is one id.
        text = unicodedata.normalize("NFC", str(value))
        if text in seen:
            yield error(
                file,
                ("actions", i, "id"),
                "action-dupliquee",
                t("the action id '{id}' is used twice in this NC", id=text),
            )
        seen.add(text)
