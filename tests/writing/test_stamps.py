"""How qnc recognises the Office documents it wrote, and tells an edited one."""

from __future__ import annotations

import io
import zipfile

import pytest

from qnc.writing.stamps import CORE, PackageStamp

STAMP = PackageStamp("qnc:plan")
CORE_XML = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:identifier>{identifier}</dc:identifier></cp:coreProperties>"
)


def package(identifier: str = "qnc:plan", body: bytes = b"<w:document/>") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        zipped.writestr("word/document.xml", body)
        zipped.writestr(CORE, CORE_XML.format(identifier=identifier))
    return out.getvalue()


def test_marked_package_is_recognised_until_a_part_changes() -> None:
    """Marked: 'same'; a part changed (Word saving an edit): 'edited'."""
    marked = STAMP.mark(package())
    assert STAMP.state(marked) == "same"
    identifier = zipfile.ZipFile(io.BytesIO(marked)).read(CORE).decode()
    assert "<dc:identifier>qnc:plan sha256:" in identifier
    edited = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(marked)) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"<w:document>x</w:document>" if info.filename.startswith(
                "word/") else data)  # fmt: skip
    assert STAMP.state(edited.getvalue()) == "edited"


@pytest.mark.parametrize(
    ("content", "state"),
    [
        (b"# a Markdown file\n", "foreign"),
        (package("Our own plan"), "foreign"),
        (package("qnc:planning"), "foreign"),
        (package(), "missing"),
    ],
    ids=["not-a-zip", "other-identifier", "other-marker", "no-digest"],
)
def test_other_files(content: bytes, state: str) -> None:
    """Not a package, or another identifier: not qnc's; qnc's marker without a digest:
    nobody can tell whether it was edited."""
    assert STAMP.state(content) == state


def test_mark_needs_the_marker() -> None:
    """A package without the marker cannot be marked: a bug, not a user mistake."""
    with pytest.raises(ValueError, match="identifier"):
        STAMP.mark(package("something else"))


def test_json_schema_stamp() -> None:
    """A schema qnc stamped is 'same' however it is indented; a changed value makes it
    'edited'; a file without the stamp is 'foreign', one with the marker alone 'missing'."""
    import json

    from qnc.writing.stamps import schema_stamp

    stamp = schema_stamp("nc")
    marked = stamp.mark({"$schema": "s", "type": "object"})
    assert list(marked) == ["$schema", "$comment", "type"]
    assert marked["$comment"].startswith("qnc schema nc sha256:")
    assert stamp.state(json.dumps(marked, indent=4).encode()) == "same"
    assert stamp.state(json.dumps({**marked, "type": "array"}).encode()) == "edited"
    assert stamp.state(json.dumps({**marked, "$comment": "qnc schema nc"}).encode()) == "missing"
    assert stamp.state(b'{"type": "object"}') == "foreign"
    assert stamp.state(b"[1, 2]") == "foreign"
    assert stamp.state(b"\xff not json") == "foreign"
    assert schema_stamp("audit").state(json.dumps(marked).encode()) == "foreign"
