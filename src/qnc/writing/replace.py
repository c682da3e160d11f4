"""Replace a file qnc edits, or create a new one, in one step and only if nobody changed
it since it was read.

The new text goes to a temporary file in the same folder (with the file's mode), then,
under an exclusive lock on that folder, the file is read again and compared byte for
byte with what qnc read: the same, it is replaced (``os.replace``: readers see the old
file or the new one); different, nothing is written. Two qnc commands thus never both
pass the check. An editor that takes no lock could still write in the microseconds
between the check and the replacement.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qnc.errors import QncError
from qnc.i18n import Msg, t
from qnc.oserrors import reason
from qnc.reading.parsing.text import read_bytes
from qnc.writing.signals import Terminated, end_as, terminations_raise


@dataclass(frozen=True)
class Snapshot:
    """A file as qnc read it (``raw`` None: it did not exist), to write back only if it
    is still so."""

    path: Path
    target: Path
    """The file itself: a symbolic link is followed (replacing it would unlink it)."""
    raw: bytes | None
    mode: int
    name: str
    """The path as users read it, for messages."""


def read_snapshot(path: Path, *, name: str | None = None) -> Snapshot:
    """Read ``path``; raises :class:`qnc.reading.parsing.text.YamlError` when it cannot be read."""
    target = Path(os.path.realpath(path))
    shown = name or str(path)
    if not os.path.lexists(path):
        return Snapshot(path, target, None, 0o666 & ~_umask(), shown)
    raw = read_bytes(path)
    return Snapshot(path, target, raw, os.stat(target).st_mode & 0o7777, shown)


def write_snapshot(snapshot: Snapshot, new: bytes) -> None:
    """Write ``new`` in place of the file read as ``snapshot``, or refuse if it changed.
    SIGTERM and SIGHUP remove the temporary file, as Ctrl-C does (:mod:`.signals`)."""
    with terminations_raise():
        try:
            _write(snapshot, new)
        except Terminated as exc:
            end_as(exc)


def _write(snapshot: Snapshot, new: bytes) -> None:
    folder = snapshot.target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{snapshot.target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _cannot_write(snapshot.name, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(new)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, snapshot.mode)
        with _locked(folder):
            if snapshot.raw is None:
                _create(snapshot, Path(temporary))
            else:
                if _current(snapshot.target) != snapshot.raw:
                    raise QncError(_changed(snapshot.name))
                os.replace(temporary, snapshot.target)
        _sync(folder)
    except OSError as exc:
        raise _cannot_write(snapshot.name, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _create(snapshot: Snapshot, temporary: Path) -> None:
    """The new file, unless one appeared meanwhile: a hard link never replaces a file."""
    try:
        os.link(temporary, snapshot.target)
        return
    except FileExistsError:
        raise QncError(_created(snapshot.name)) from None
    except OSError:  # a disk without hard links (FAT, some network shares)
        pass
    if os.path.lexists(snapshot.target):
        raise QncError(_created(snapshot.name))
    os.replace(temporary, snapshot.target)


def _current(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None


def _changed(path: str) -> Msg:
    return t(
        "'{path}' changed on disk since qnc read it (someone or something else wrote it "
        "meanwhile); nothing written: run the command again",
        path=path,
    )


def _created(path: str) -> Msg:
    return t(
        "'{path}' was created meanwhile by someone or something else; nothing written: "
        "run the command again",
        path=path,
    )


def _cannot_write(path: str, exc: OSError) -> QncError:
    return QncError(t("cannot write '{path}': {reason}", path=path, reason=reason(exc)))


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` between qnc commands, released on exit.

    On Unix, ``flock`` on the folder itself leaves no lock file in the user's folder.
    Windows cannot lock a folder: a lock file named after the folder is locked in the
    system's temporary folder instead. Where neither works (some network disks), the
    comparison still runs, without the lock.
    """
    with contextlib.ExitStack() as stack:
        with contextlib.suppress(OSError):
            stack.enter_context(_flock(folder) if os.name != "nt" else _windows_lock(folder))
        yield


@contextlib.contextmanager
def _flock(folder: Path) -> Iterator[None]:
    fcntl: Any = importlib.import_module("fcntl")
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # closing the handle releases the lock
    finally:
        os.close(handle)


@contextlib.contextmanager
def _windows_lock(folder: Path) -> Iterator[None]:
    msvcrt: Any = importlib.import_module("msvcrt")
    name = hashlib.sha256(os.path.normcase(os.path.abspath(folder)).encode()).hexdigest()[:16]
    handle = os.open(Path(tempfile.gettempdir()) / f"qnc-{name}.lock", os.O_RDWR | os.O_CREAT)
    try:
        msvcrt.locking(handle, msvcrt.LK_LOCK, 1)  # retries for 10 seconds, then OSError
        try:
            yield
        finally:
            os.lseek(handle, 0, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(handle)


def _sync(folder: Path) -> None:
    """Make the rename durable (a no-op where folders cannot be opened: Windows)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
