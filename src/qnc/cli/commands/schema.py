"""``qnc schema``: the JSON schema of the files, for editors that complete and check YAML."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from qnc.cli.options import LangOption, Today, chosen_language, h
from qnc.i18n import DEFAULT_LANGUAGE, translator

if TYPE_CHECKING:
    from qnc.i18n import Translator

HELP = (
    "Print the JSON schema of audit.yaml (audit) or of an NC file (nc). An editor with a "
    "YAML extension uses it to complete keys, describe them and flag mistakes as you "
    "type; qnc check remains the full check.\n\n"
    "Example: qnc schema nc > nc.schema.json"
)


class Kind(StrEnum):
    audit = "audit"
    nc = "nc"


def schema(
    ctx: typer.Context,
    kind: Annotated[
        Kind, typer.Argument(metavar="audit|nc", help=h("Which file: audit.yaml or an NC file."))
    ],
    # Accepted like on every command; the schema does not depend on the day.
    today: Today = None,
    lang: LangOption = None,
) -> None:
    from qnc.cli.output import write_utf8

    write_utf8(schema_text(kind.value, translator(chosen_language(ctx, lang) or DEFAULT_LANGUAGE)))


def schema_text(kind: str, tr: Translator | None = None) -> str:
    """The JSON schema of audit.yaml (``audit``) or of an NC file (``nc``), described in
    the language of ``tr`` (French by default), as printed (``qnc init`` writes the same
    at the root of the repository)."""
    import json

    from qnc.model.records import Audit, NonConformity
    from qnc.render.json_schema import json_schema
    from qnc.writing.stamps import schema_stamp

    model = Audit if kind == Kind.audit else NonConformity
    document = json_schema(model, tr or translator(DEFAULT_LANGUAGE))
    # Stamped, so that qnc init refreshes a schema file qnc wrote and nobody edited.
    stamped = schema_stamp(kind).mark(document)
    return json.dumps(stamped, ensure_ascii=False, indent=2) + "\n"
