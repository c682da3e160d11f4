"""Pydantic validation errors turned into problems a quality manager can act on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from qnc.diagnostics import Loc, Problem, error, excerpt
from qnc.i18n import Msg, t
from qnc.model.characters import code_point, invisible_in
from qnc.model.referential import GRIDS
from qnc.reading.record_keys import emptied_section, free_keys, keys_at, nearest

_QUOTED = re.compile(r"'([^']*)'")

_TYPE_MESSAGES = {
    "int_parsing": t("'{value}' is not a whole number; write digits, without quotes"),
    "int_type": t("expected a whole number, found {value}"),
    "int_from_float": t("expected a whole number, found {value}"),
    "string_type": t("expected text, found {value}; put it in quotes"),
    "bool_type": t("expected true (yes) or false (no), found {value}"),
    "bool_parsing": t("expected true (yes) or false (no), found {value}"),
    "finite_number": t("expected an ordinary number, found {value}"),
    "int_parsing_size": t("the number {value} is far too large"),
    "list_type": t("expected a list (one '- ' line per item), found {value}"),
    "tuple_type": t("expected a list (one '- ' line per item), found {value}"),
    "model_type": t("expected keys and values (key: value), found {value}"),
    "model_attributes_type": t("expected keys and values (key: value), found {value}"),
    "dict_type": t("expected keys and values (key: value), found {value}"),
    "string_too_short": t("this value must not be empty"),
    "too_short": t("this list must not be empty"),
    "qnc_number": t("expected a whole number, found {value}"),
    "qnc_date": t("'{value}' is not a date; write it as YYYY-MM-DD"),
    "qnc_date_french": t("'{value}' is not in ISO form; write {iso}"),
    "qnc_date_impossible": t("'{value}' is not a date that exists in the calendar"),
    "qnc_date_range": t("this date is not between the years {first} and {last}; check it"),
    "qnc_duration": t("'{value}' is not a duration; write for instance '30 days' or '3 months'"),
    "qnc_duration_range": t("'{value}' is too long: a certifier's rule is at most 10 years"),
    "qnc_siret": t("'{value}' is not a valid SIRET: 14 digits whose Luhn key is right"),
    "qnc_nda": t("'{value}' is not a valid NDA: 11 digits"),
    "qnc_new_entrant": t(
        "expected true (yes), false (no) or a list of the categories the organisation is "
        "new in (AF, BC, VAE, CFA), found {value}"
    ),
    "qnc_fingerprint": t(
        "'{value}' is not a fingerprint: write 'sha256:' and 64 hexadecimal characters, "
        "as 'qnc empreinte FILE' prints them"
    ),
    "qnc_control": t(
        "this text holds the control character {code}, which can take over a terminal or "
        "reorder what a document shows (often written between double quotes as an escape "
        "such as \\e or \\u202e); remove it"
    ),
    "qnc_invisible": t(
        "this id holds an invisible character ({code}), which makes it look like another "
        "id; type the id again without it"
    ),
}

_CODES = {
    "qnc_siret": "siret",
    "qnc_nda": "nda",
    "qnc_control": "caractere-controle",
    "qnc_invisible": "id-invisible",
    "qnc_duration": "valeur-invalide",
    "qnc_duration_range": "valeur-invalide",
    "qnc_fingerprint": "valeur-invalide",
    "string_too_short": "valeur-invalide",
    "too_short": "valeur-invalide",
}
"""The code of the error kinds that are not about a date or a type."""


def problems_from(
    exc: ValidationError, model: type[BaseModel], file: Path, data: object
) -> list[Problem]:
    """One problem per Pydantic error, at the key path it concerns.

    An unknown key is compared with the keys still free beside it, and a missing key
    is not reported when an unknown key is its near miss (``gravitee`` for
    ``gravite``): one mistake, one message.
    """
    errors = exc.errors(include_url=False)
    suggestions = {
        tuple(err["loc"]): nearest(str(err["loc"][-1]), free_keys(model, data, err["loc"][:-1]))
        for err in errors
        if err["type"] == "extra_forbidden"
    }
    misspelt = {(*loc[:-1], near) for loc, nears in suggestions.items() for near in nears}
    inner = {tuple(err["loc"][:n]) for err in errors for n in range(len(err["loc"]))}
    return [
        _problem(err, model, file, suggestions, data)
        for err in errors
        if not (err["type"] == "missing" and tuple(err["loc"]) in misspelt)
        # a list whose every item was refused is also "too short": one message is enough
        and not (err["type"] == "too_short" and tuple(err["loc"]) in inner)
    ]


def _problem(
    err: ErrorDetails,
    model: type[BaseModel],
    file: Path,
    suggestions: dict[Loc, list[str]],
    data: object,
) -> Problem:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    if kind == "missing":
        message = t("required key '{key}' is missing", key=loc[-1])
        if loc[:-1]:
            message = t("required key '{key}' is missing under '{parent}'", key=loc[-1],
                        parent=_where(loc[:-1]))  # fmt: skip
        return error(file, loc[:-1], "cle-manquante", message, on_key=True)
    if kind == "extra_forbidden":
        section = emptied_section(model, loc, data)
        if section is not None:
            message = t(
                "the key '{key}' is not indented: it belongs to '{section}' above; "
                "move it right by 2 spaces",
                key=loc[-1],
                section=section,
            )
            return error(file, loc, "cle-mal-indentee", message, on_key=True)
        message = _unknown_key(model, loc, suggestions.get(loc, []))
        return error(file, loc, "cle-inconnue", message, on_key=True)
    if err["input"] is None and kind in ("model_type", "dict_type"):
        message = t(
            "'{key}' is empty: write its keys ({keys}) on the lines below it, each moved "
            "right by 2 spaces",
            key=_where(loc),
            keys=", ".join(keys_at(model, loc)),
        )
        return error(file, loc, "valeur-vide", message)
    if kind in ("list_type", "tuple_type") and isinstance(err["input"], dict):
        message = t("expected a list, found keys and values: start each item with '- '")
        return error(file, loc, "type-invalide", message)
    if kind == "string_type" and isinstance(err["input"], list):
        # quoting '[a, b]' would keep the brackets in the text: say how to write one text
        message = t(
            "expected one text, found a list: write it as one text, without '[ ]' or '- ' "
            "(several lines: '|' after the ':', then the lines indented)"
        )
        return error(file, loc, "type-invalide", message)
    if kind in ("model_type", "dict_type") and isinstance(err["input"], list):
        message = t("expected keys and values (key: value), found a list: remove the '- '")
        return error(file, loc, "type-invalide", message)
    if err["input"] is None and kind not in ("extra_forbidden", "model_type", "dict_type"):
        return error(file, loc, "valeur-vide", t(
            "'{key}' has no value; write it after the ':'", key=_where(loc)))  # fmt: skip
    if kind in ("enum", "literal_error"):
        accepted = _QUOTED.findall(str(ctx.get("expected", "")))
        return error(file, loc, "valeur-invalide", _not_accepted(err["input"], accepted))
    if kind == "qnc_grid":
        return error(file, loc, "valeur-invalide", _not_accepted(err["input"], list(GRIDS)))
    template = _TYPE_MESSAGES.get(kind)
    code = _CODES.get(kind, "date-invalide" if kind.startswith("qnc_date") else "type-invalide")
    if template is None:
        return error(file, loc, "valeur-invalide", t("invalid value: {detail}", detail=err["msg"]))
    args = {**ctx, "value": _shown(err["input"])}
    return error(file, loc, code, Msg(template.text, tuple(args.items())))


def _where(loc: Loc) -> str:
    """A key path as users read it: ``organisme``, ``actions[2].echeance`` (1-based)."""
    text = ""
    for step in loc:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _unknown_key(model: type[BaseModel], loc: Loc, near: list[str]) -> Msg:
    key = str(loc[-1])
    known = keys_at(model, loc[:-1])
    invisible = _invisible(key, known)
    if invisible:
        return invisible
    if near:
        return t("unknown key '{key}'; did you mean '{near}'?", key=excerpt(key), near=near[0])
    return t(
        "unknown key '{key}'; accepted keys here: {known}", key=excerpt(key), known=", ".join(known)
    )


def _not_accepted(value: object, accepted: list[str]) -> Msg:
    invisible = _invisible(str(value), accepted)
    if invisible:
        return invisible
    near = nearest(str(value), accepted)
    if near:
        return t(
            "'{value}' is not accepted; did you mean '{near}'? Accepted values: {accepted}",
            value=_shown(value),
            near=near[0],
            accepted=", ".join(accepted),
        )
    return t(
        "'{value}' is not accepted; accepted values: {accepted}",
        value=_shown(value),
        accepted=", ".join(accepted),
    )


_ODD_SPACES = frozenset("\u00a0\u202f\u2007\u2009")
"""Spaces Word types (before ':', in numbers), which look like an ordinary one."""


def _invisible(text: str, accepted: list[str]) -> Msg | None:
    """What is wrong with ``text`` when it is one of ``accepted`` but for characters
    that show as nothing or as a space: a non-breaking space, a zero-width space…"""
    found = invisible_in(text, controls=False)
    cleaned = "".join(char for char in text if not invisible_in(char, controls=False)).strip()
    if found is None or cleaned not in accepted:
        return None
    if found in _ODD_SPACES:
        return t(
            "'{text}' holds an invisible special space ({code}, often typed by Word); "
            "replace it with a normal space or remove it",
            text=cleaned,
            code=code_point(found),
        )
    return t(
        "'{text}' holds an invisible character ({code}); remove it",
        text=cleaned,
        code=code_point(found),
    )


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return "null" if value is None else excerpt(str(value))
