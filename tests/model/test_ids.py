"""Ids in natural order, and the next free one."""

from __future__ import annotations

import pytest

from qnc.model.ids import next_id


@pytest.mark.parametrize(
    ("taken", "first", "expected"),
    [
        ([], "NC-01", "NC-01"),
        (["NC-01", "NC-02"], "NC-01", "NC-03"),
        (["NC-09", "NC-1"], "NC-01", "NC-10"),  # natural order, the last one's width
        (["NC-01", "NC-03"], "NC-01", "NC-04"),  # a gap is not filled
        (["NC-2", "ecart-7"], "NC-01", "NC-3"),  # ids shaped like the first win
        (["ecart-7"], "NC-01", "ecart-8"),
        (["A1", "A2", "A10"], "A1", "A11"),
        (["a1"], "A1", "a2"),
        (["divers"], "A1", "A1"),
    ],
)
def test_next_id(taken: list[str], first: str, expected: str) -> None:
    """The id after the last, numbered and padded like it."""
    assert next_id(taken, first=first) == expected
