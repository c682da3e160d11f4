"""Golden files: rendered output compared with a reviewed copy in tests/golden/.

Refresh on purpose with ``QNC_UPDATE_GOLDEN=1 pytest``, then review the diff by eye.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("QNC_UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
    assert path.exists(), f"no golden file {path}; run with QNC_UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text("utf-8")
