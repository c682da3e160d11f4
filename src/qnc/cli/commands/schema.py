"""``qnc schema``: the JSON schema of the files, for editors that complete and check YAML."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from qnc.cli.options import LangOption, Today, h

HELP = (
    "Print the JSON schema of audit.yaml (audit) or of an NC file (nc). An editor with a "
    "YAML extension uses it to complete keys and flag mistakes as you type; qnc check "
    "remains the full check."
)


class Kind(StrEnum):
    audit = "audit"
    nc = "nc"


def schema(
    kind: Annotated[
        Kind, typer.Argument(metavar="audit|nc", help=h("Which file: audit.yaml or an NC file."))
    ],
    # Accepted like on every command; the schema depends on neither.
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.output import write_utf8

    write_utf8(schema_text(kind.value))


def schema_text(kind: str) -> str:
    """The JSON schema of audit.yaml (``audit``) or of an NC file (``nc``), as printed
    (``qnc init`` writes the same into the audit folder)."""
    import json

    from qnc.model.records import Audit, NonConformity

    model = Audit if kind == Kind.audit else NonConformity
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_plain(model.model_json_schema(by_alias=True, mode="validation")),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _plain(node: Any, *, names: bool = False) -> Any:
    """The schema without Pydantic's titles ("Fait Le") and the code's English docstrings,
    which an editor would show to French users; ``names`` marks a mapping of property
    names, whose keys are kept whatever they are (an action has a 'description')."""
    if isinstance(node, dict):
        return {
            key: _plain(value, names=key in ("properties", "$defs") and not names)
            for key, value in node.items()
            if names or key not in ("title", "description")
        }
    if isinstance(node, list):
        return [_plain(item) for item in node]
    return node
