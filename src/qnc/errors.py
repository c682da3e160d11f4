"""The one user-facing error: caught once by the CLI, printed without a traceback."""

from __future__ import annotations

from qnc.i18n import Msg


class QncError(Exception):
    """A user mistake (bad path, unwritable output…): message on stderr, exit 1."""

    def __init__(self, message: Msg, exit_code: int = 1) -> None:
        super().__init__(message.text)
        self.message = message
        self.exit_code = exit_code
