"""The stack floor: the least a Typer + Pydantic + ruamel.yaml CLI pays to check audit files.

    python benchmarks/stack_floor.py check [PATH...] [--today YYYY-MM-DD] [--strict]

A bare Typer app with two commands (so that Typer builds a command group, as for
``qnc``). ``check`` finds the same files as ``qnc check`` (every ``audit.yaml`` under the
paths and the ``nc/*.yaml`` beside it; a file given by name is taken as is), parses each
with ruamel.yaml's C parser (``YAML(typ="safe")`` uses it when ``ruamel.yaml.clib`` is
installed) and validates it with one Pydantic model. It prints ``N files checked: no
problem.`` and exits 0, or names the first invalid file and exits 1.

It checks far less than qnc (no positions, no grid, no dates, no cross-file rules), on
purpose: it is what any program built on qnc's three libraries pays for the same files,
the reference of the small-folder target of ``benchmarks/run.py``. Standard library,
typer, pydantic and ruamel.yaml only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml import YAML


class Record(BaseModel):
    """One model for both kinds of file: the keys they share typed, the others kept."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str | None = None
    indicateur: int | None = None
    gravite: str | None = None
    audit: dict[str, Any] | None = None
    organisme: dict[str, Any] | None = None
    actions: list[dict[str, Any]] = []


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
Paths = Annotated[list[Path] | None, typer.Argument()]


def files_of(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
            continue
        for audit in sorted(path.rglob("audit.yaml")):
            yield audit
            yield from sorted((audit.parent / "nc").glob("*.yaml"))


@app.command()
def check(paths: Paths = None, today: str | None = None, strict: bool = False) -> None:
    """Validate the audit files under PATHS (default: the current folder)."""
    if today is not None:
        date.fromisoformat(today)
    yaml = YAML(typ="safe")
    count = 0
    for path in files_of(paths or [Path()]):
        try:
            Record.model_validate(yaml.load(path.read_text(encoding="utf-8")))
        except ValidationError as exc:
            typer.echo(f"{path}: {exc}", err=True)
            raise typer.Exit(1) from exc
        count += 1
    typer.echo(f"{count} files checked: no problem.")


@app.command()
def status(paths: Paths = None) -> None:
    """Count the audit files under PATHS (never run by the benchmark)."""
    typer.echo(f"{sum(1 for _ in files_of(paths or [Path()]))} files")


if __name__ == "__main__":
    app()
