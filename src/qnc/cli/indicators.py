"""``qnc indicateurs``: the indicators of a grid."""

from __future__ import annotations

HELP = "List the indicators of a grid."


def indicators() -> None:
    raise NotImplementedError
