"""Settings of the property tests (hypothesis): the same examples on every run, no
example database on disk, and few enough examples that the whole suite stays quick."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def examples(count: int) -> settings:
    """``count`` examples, drawn the same way on every run (CI repeats what a developer saw)."""
    return settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=False,
    )
