"""`write_atomically`: the one writer, its refusals and the reasons it gives."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from qnc.errors import QncError
from qnc.i18n import translator
from qnc.writing.atomic import reason, write_atomically
from qnc.writing.stamps import TextStamp, fingerprinted

MARKER = "<!-- made"
STAMP = TextStamp(MARKER)
fr = translator("fr")


def refusal(path: Path, *, force: bool = False, sources: tuple[Path, ...] = ()) -> str:
    with pytest.raises(QncError) as caught:
        write_atomically(path, f"{MARKER} new\n", stamp=STAMP, force=force, sources=sources)
    return fr(caught.value.message)


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    """A new file gets the text and the mode the umask allows; nothing else is left."""
    out = tmp_path / "plan.md"
    write_atomically(out, "é\n", stamp=STAMP, force=False)
    assert out.read_bytes() == "é\n".encode()
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    """Replacing its own file keeps that file's permissions."""
    out = tmp_path / "plan.md"
    out.write_text(fingerprinted(f"{MARKER} old\n"), "utf-8")
    out.chmod(0o640)
    write_atomically(out, f"{MARKER} new\n", stamp=STAMP, force=False)
    assert (out.read_text("utf-8"), out.stat().st_mode & 0o777) == (f"{MARKER} new\n", 0o640)


def test_comment_that_is_not_the_marker_needs_force(tmp_path: Path) -> None:
    """A file opening with another HTML comment was not made by qnc: refused, left as it was."""
    out = tmp_path / "notes.md"
    out.write_text("<!-- perso -->\n# Notes\n", "utf-8")
    assert refusal(out) == (
        f"« {out} » existe et n'a pas été produit par qnc ; choisissez un autre nom, "
        "ou ajoutez --force pour le remplacer"
    )
    assert out.read_text("utf-8") == "<!-- perso -->\n# Notes\n"


def test_dangling_link_creates_its_target(tmp_path: Path) -> None:
    """A link to a file not yet written: the target is created, the link kept."""
    link = tmp_path / "plan.md"
    link.symlink_to(tmp_path / "real.md")
    write_atomically(link, "x\n", stamp=STAMP, force=False)
    assert link.is_symlink()
    assert (tmp_path / "real.md").read_text("utf-8") == "x\n"


def test_loop_of_links_is_refused(tmp_path: Path) -> None:
    """A link that leads back to itself: a clear refusal, not a crash."""
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    assert (
        refusal(a) == f"écriture de « {a} » impossible : trop de liens symboliques (une boucle ?)"
    )


def test_source_is_refused_even_through_another_spelling(tmp_path: Path) -> None:
    """A source reached by '..' or through a linked folder is still a source."""
    (tmp_path / "audit").mkdir()
    source = tmp_path / "audit" / "audit.yaml"
    source.write_text("a: 1\n", "utf-8")
    (tmp_path / "lien").symlink_to(tmp_path / "audit")
    for spelling in (
        tmp_path / "audit" / ".." / "audit" / "audit.yaml",
        tmp_path / "lien" / "audit.yaml",
    ):
        assert refusal(spelling, force=True, sources=(source,)) == (
            f"« {spelling} » est un des fichiers de l'audit : qnc n'écrit jamais par-dessus, "
            "même avec --force ; choisissez un autre nom"
        )
    assert source.read_text("utf-8") == "a: 1\n"


def test_interrupted_write_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during the write: the interruption goes on, the temporary file goes away."""

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "plan.md", "x\n", stamp=STAMP, force=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission refusée"),
        (OSError(errno.ENOSPC, "No space left on device"), "plus de place sur le disque"),
        (OSError(errno.EROFS, "Read-only file system"), "le disque est en lecture seule"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "le nom est trop long"),
        (OSError(errno.EIO, "Input/output error"), "erreur système EIO"),
        (OSError("no errno"), "erreur système inattendue"),
    ],
)
def test_reason_comes_from_the_catalog(error: OSError, said: str) -> None:
    """System errors are said in the user's language, the rare ones by their errno name."""
    assert fr(reason(error)) == said


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (fingerprinted(f"{MARKER} old\n") + "Note ajoutée\n", "n'est pas l'empreinte"),
        (f"{MARKER} old\n", "n'est pas l'empreinte"),
        (fingerprinted(f"{MARKER} old\n").replace("old", "olé"), "puis modifié"),
    ],
    ids=["text-added-at-the-end", "no-fingerprint", "edited-inside"],
)
def test_own_file_that_may_have_been_edited_needs_force(tmp_path: Path, content: str,
                                                        said: str) -> None:  # fmt: skip
    """A file qnc made is replaced only while its fingerprint says nobody touched it;
    otherwise refused, left as it was, and --force replaces it."""
    out = tmp_path / "plan.md"
    out.write_text(content, "utf-8")
    assert said in refusal(out)
    assert out.read_text("utf-8") == content
    write_atomically(out, f"{MARKER} new\n", stamp=STAMP, force=True)
    assert out.read_text("utf-8") == f"{MARKER} new\n"


def test_own_file_with_other_line_endings_is_replaced(tmp_path: Path) -> None:
    """CRLF line endings and blank lines added at the end (git, Windows editors) are not
    edits: the file is replaced without --force."""
    out = tmp_path / "plan.md"
    out.write_bytes(fingerprinted(f"{MARKER} old\nbody\n").replace("\n", "\r\n").encode() + b"\r\n")
    write_atomically(out, f"{MARKER} new\n", stamp=STAMP, force=False)
    assert out.read_text("utf-8") == f"{MARKER} new\n"
