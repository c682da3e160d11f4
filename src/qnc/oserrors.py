"""Operating-system errors in words of the catalog (``strerror`` is always English)."""

from __future__ import annotations

import errno
from pathlib import Path

from qnc.i18n import Msg, t


def reason(exc: OSError) -> Msg:
    """Why the system refused, in words of the catalog (``strerror`` is always English)."""
    if exc.errno is None:
        return t("unexpected system error")
    code = errno.errorcode.get(exc.errno, str(exc.errno))
    return _REASONS.get(exc.errno) or t("system error {code}", code=code)


_REASONS = {
    errno.EACCES: t("permission denied"),
    errno.EPERM: t("permission denied"),
    errno.ENOSPC: t("no space left on the disk"),
    errno.EROFS: t("the disk is read-only"),
    errno.EISDIR: t("it is a folder"),
    errno.ENOTDIR: t("part of the path is not a folder"),
    errno.ENOENT: t("no such file or folder"),
    errno.ENAMETOOLONG: t("the name is too long"),
    errno.ELOOP: t("too many symbolic links (a loop?)"),
    errno.EBADF: t("the output is closed"),
}


def read_error(exc: OSError, path: Path) -> Msg:
    """Why the file ``path`` cannot be read, in words of the catalog (``strerror`` is English)."""
    if exc.errno == errno.ENOENT and path.is_symlink():
        return t(
            "this symbolic link points to a file that does not exist; "
            "fix the link or replace it by the file"
        )
    known = FILE_ERRORS.get(exc.errno) if exc.errno is not None else None
    return known or t("cannot read the file: {reason}", reason=reason(exc))


def folder_error(exc: OSError) -> Msg:
    """Why a folder cannot be listed, in words of the catalog."""
    known = _FOLDER_ERRORS.get(exc.errno) if exc.errno is not None else None
    return known or t("cannot read the folder: {reason}", reason=reason(exc))


_DENIED = t("cannot read the file: permission denied; check its access rights")
FILE_ERRORS = {
    errno.ENOENT: t("cannot read the file: it no longer exists; run qnc again"),
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EISDIR: t("this is a folder, not a YAML file; rename it without the .yaml extension"),
    errno.ENOTDIR: t("cannot read the file: part of its path is a file, not a folder"),
    errno.ELOOP: t("cannot read the file: its symbolic links form a loop; fix the link"),
}
_FOLDER_DENIED = t("cannot read the folder: permission denied; check its access rights")
_FOLDER_ERRORS = {
    errno.ENOENT: t("cannot read the folder: it no longer exists; run qnc again"),
    errno.EACCES: _FOLDER_DENIED,
    errno.EPERM: _FOLDER_DENIED,
    errno.ELOOP: t("cannot read the folder: its symbolic links form a loop; fix the link"),
}
