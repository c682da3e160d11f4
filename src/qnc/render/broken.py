"""The audits a portfolio command left out for their errors, as every output names them:
a client missing from a list, a calendar or a spreadsheet must not go unnoticed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qnc.i18n import Msg, Translator, t, tn
from qnc.render.diagnostics import display_path, visible

if TYPE_CHECKING:
    from qnc.inspection import Broken

BROKEN_TITLE = t("Audits with errors, left out (run qnc check)")


def broken_errors(broken: Broken) -> Msg:
    """``2 errors: run qnc check``."""
    return tn("{n} error: run qnc check", "{n} errors: run qnc check", broken.errors)


def broken_line(broken: Broken, tr: Translator) -> str:
    """``Formations du Littoral (clients/littoral/2026-09): 2 errors`` on one line."""
    errors = tn("{n} error", "{n} errors", broken.errors)
    folder = display_path(broken.path)
    if broken.organisation is None:
        line = t("{folder}: {errors}", folder=folder, errors=errors)
    else:
        name = " ".join(broken.organisation.split())  # a name typed over two lines
        line = t("{organisation} ({folder}): {errors}", organisation=name, folder=folder,
                 errors=errors)  # fmt: skip
    return visible(tr(line))
