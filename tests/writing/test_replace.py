"""Files replaced in one step, keeping their mode and links, and only when nobody changed
them since qnc read them: two writers never lose an update."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import sys
import threading
import time
import types
from pathlib import Path

import pytest

from qnc.errors import QncError
from qnc.i18n import translator
from qnc.writing import replace
from qnc.writing.edit import apply_edits
from qnc.writing.edits import SetValue
from qnc.writing.replace import read_snapshot, write_snapshot

D = dt.date


def _edited(raw: bytes, key: str, value: object) -> bytes:
    return apply_edits(raw, [SetValue((key,), value)], Path("NC-01.yaml"))  # type: ignore[arg-type]


def test_the_mode_and_a_symbolic_link_are_kept(tmp_path: Path) -> None:
    """The file a link points to is written; the link stays a link; the mode stays."""
    real = tmp_path / "NC-01.yaml"
    real.write_bytes(b"id: NC-01\r\n")
    real.chmod(0o640)
    link = tmp_path / "lien.yaml"
    link.symlink_to(real)
    snapshot = read_snapshot(link)
    write_snapshot(snapshot, _edited(snapshot.raw or b"", "levee_le", D(2027, 1, 1)))
    assert link.is_symlink()
    assert real.read_bytes() == b"id: NC-01\r\nlevee_le: 2027-01-01\r\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["NC-01.yaml", "lien.yaml"]


def test_second_writer_is_refused_and_nothing_is_lost(tmp_path: Path) -> None:
    """Two commands read the same file; the second to write is refused, in French,
    and the first one's change stays."""
    path = tmp_path / "NC-01.yaml"
    path.write_bytes(b"id: NC-01\n")
    first, second = read_snapshot(path), read_snapshot(path)
    write_snapshot(first, _edited(b"id: NC-01\n", "plan_envoye_le", D(2026, 12, 3)))
    with pytest.raises(QncError) as refused:
        write_snapshot(second, _edited(b"id: NC-01\n", "levee_le", D(2027, 1, 1)))
    assert translator("fr")(refused.value.message) == (
        f"« {path} » a changé sur le disque depuis que qnc l'a lu (quelqu'un ou quelque chose "
        "d'autre l'a écrit entre-temps) ; rien n'a été écrit : relancez la commande"
    )
    assert path.read_bytes() == b"id: NC-01\nplan_envoye_le: 2026-12-03\n"
    assert [p.name for p in tmp_path.iterdir()] == ["NC-01.yaml"]  # no temporary left


def test_a_new_file_never_replaces_one_created_meanwhile(tmp_path: Path) -> None:
    """qnc add creates its file only if no file of that name appeared since."""
    path = tmp_path / "nc" / "NC-03.yaml"
    snapshot = read_snapshot(path)
    assert snapshot.raw is None
    path.parent.mkdir()
    path.write_bytes(b"id: NC-03\n# someone else's\n")
    with pytest.raises(QncError, match="created meanwhile"):
        write_snapshot(snapshot, b"id: NC-03\n")
    assert path.read_bytes() == b"id: NC-03\n# someone else's\n"
    assert [p.name for p in path.parent.iterdir()] == ["NC-03.yaml"]


def test_a_new_file_and_its_folder_are_created(tmp_path: Path) -> None:
    """The nc/ folder is made when the first NC is written; the umask decides the mode."""
    path = tmp_path / "nc" / "NC-01.yaml"
    write_snapshot(read_snapshot(path), b"id: NC-01\n")
    assert path.read_bytes() == b"id: NC-01\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_file_removed_meanwhile_is_a_conflict(tmp_path: Path) -> None:
    """A file deleted after it was read is not brought back."""
    path = tmp_path / "NC-01.yaml"
    path.write_bytes(b"id: NC-01\n")
    snapshot = read_snapshot(path)
    path.unlink()
    with pytest.raises(QncError, match="changed on disk"):
        write_snapshot(snapshot, b"id: NC-01\nx: 1\n")
    assert not path.exists()


def test_racing_writers_exactly_one_wins(tmp_path: Path) -> None:
    """Eight writers read, then all write at once: one wins, seven are refused."""
    path = tmp_path / "NC-01.yaml"
    path.write_bytes(b"id: NC-01\n")
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def writer(n: int) -> None:
        snapshot = read_snapshot(path)
        new = _edited(snapshot.raw or b"", f"k{n}", n)
        barrier.wait()
        try:
            write_snapshot(snapshot, new)
            outcomes.append(f"k{n}")
        except QncError:
            outcomes.append("refused")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o != "refused"]
    assert len(winners) == 1 and outcomes.count("refused") == 7
    assert path.read_bytes() == f"id: NC-01\n{winners[0]}: {winners[0][1:]}\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["NC-01.yaml"]


def test_without_the_lock_racing_writers_lose_updates(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Why the lock: with the gap between check and replacement widened, writers that
    take the lock lose nothing; without it, all of them pass the check."""
    real_replace = os.replace

    def slow_replace(src: str, dst: Path) -> None:
        time.sleep(0.2)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", slow_replace)
    (tmp_path / "with").mkdir()
    assert _race(tmp_path / "with", 4) == 1
    monkeypatch.setattr(replace, "_locked", lambda _folder: contextlib.nullcontext())
    (tmp_path / "without").mkdir()
    assert _race(tmp_path / "without", 4) == 4


def _race(folder: Path, writers: int) -> int:
    path = folder / "NC-01.yaml"
    path.write_bytes(b"id: NC-01\n")
    barrier = threading.Barrier(writers)
    won: list[int] = []

    def writer(n: int) -> None:
        snapshot = read_snapshot(path)
        barrier.wait()
        with contextlib.suppress(QncError):
            write_snapshot(snapshot, (snapshot.raw or b"") + f"k{n}: {n}\n".encode())
            won.append(n)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(won)


def test_windows_locks_a_file_in_the_temporary_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without fcntl (Windows), msvcrt locks a file named after the folder in the
    temporary folder; nothing is left in the user's folder and the lock is released."""
    calls: list[tuple[str, int]] = []
    fake = types.SimpleNamespace(
        LK_LOCK=1, LK_UNLCK=0, locking=lambda fd, mode, size: calls.append(("lock", mode))
    )
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(replace.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    (tmp_path / "audit").mkdir()
    with replace._windows_lock(tmp_path / "audit"):
        assert calls == [("lock", 1)]
    assert calls == [("lock", 1), ("lock", 0)]
    assert [p.name[:4] for p in (tmp_path / "tmp").iterdir()] == ["qnc-"]
    assert list((tmp_path / "audit").iterdir()) == []


def test_a_lock_that_cannot_be_taken_does_not_stop_the_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A disk that refuses locks (some network shares): the comparison still guards."""

    def refused(_folder: Path) -> contextlib.AbstractContextManager[None]:
        raise OSError(37, "No locks available")

    monkeypatch.setattr(replace, "_flock", refused)
    path = tmp_path / "NC-01.yaml"
    path.write_bytes(b"id: NC-01\n")
    write_snapshot(read_snapshot(path), b"id: NC-01\nx: 1\n")
    assert path.read_bytes() == b"id: NC-01\nx: 1\n"
