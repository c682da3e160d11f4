"""How qnc recognises a file it wrote, and tells whether anybody edited it since.

A text document (Markdown) opens with a marker and ends with a line holding the digest of
the rest. An Office document (a zip package) carries the marker and the digest of its
other parts in its core properties (``dc:identifier``), which Word keeps; any edit saved
by Word or LibreOffice rewrites the parts, so the digest no longer matches.
"""

from __future__ import annotations

import hashlib
import io
import re
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

if TYPE_CHECKING:
    import zipfile

State = Literal["foreign", "same", "edited", "missing"]
"""Not qnc's; qnc's and untouched; qnc's and edited; qnc's but without a digest."""


class Stamp(Protocol):
    def state(self, content: bytes) -> State:
        """What ``content``, an existing file's bytes, is to qnc."""
        ...


FINGERPRINT = "<!-- qnc:empreinte "


def fingerprinted(text: str) -> str:
    """``text`` and a last line holding its digest, to tell later whether it was edited."""
    return f"{text}{FINGERPRINT}{_digest(text)} -->\n"


class TextStamp(NamedTuple):
    """A text file that starts with ``marker`` and ends with its :func:`fingerprinted` line."""

    marker: str

    def state(self, content: bytes) -> State:
        if not content.startswith(self.marker.encode("utf-8")):
            return "foreign"
        # Line endings and trailing blank lines do not count (git may change them).
        text = content.decode("utf-8", errors="replace")
        body, found, last = text.rstrip("\r\n").rpartition("\n")
        if not last.startswith(FINGERPRINT):
            return "missing"
        digest = last.removeprefix(FINGERPRINT).removesuffix("-->").strip()
        return "same" if digest == _digest(body + found) else "edited"


def _digest(text: str) -> str:
    normal = text.replace("\r\n", "\n").rstrip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


CORE = "docProps/core.xml"
_IDENTIFIER = "{http://purl.org/dc/elements/1.1/}identifier"
_LARGEST = 256 * 1024 * 1024
"""Unpacked size beyond which a package is not read (a plan is well under 1 MB)."""


class PackageStamp(NamedTuple):
    """An Office document whose ``dc:identifier`` reads ``marker`` and, once
    :meth:`mark` has run, the digest of every other part."""

    marker: str

    def mark(self, package: bytes) -> bytes:
        """``package`` with the digest of its parts added after the marker."""
        import zipfile  # only where an Office document is written or read

        source = zipfile.ZipFile(io.BytesIO(package))
        # The element may declare its namespace itself (openpyxl without lxml does).
        plain = re.compile(
            rb"(<dc:identifier\b[^>]*>)" + re.escape(self.marker.encode()) + rb"(</dc:identifier>)"
        )
        stamped = f"{self.marker} {_parts_digest(source)}".encode()
        out = io.BytesIO()
        with source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():  # same names, order and dates
                data = source.read(info)
                if info.filename == CORE:
                    if not plain.search(data):
                        raise ValueError(f"{CORE} holds no identifier {self.marker!r}")
                    data = plain.sub(lambda m: m[1] + stamped + m[2], data, count=1)
                target.writestr(info, data)
        return out.getvalue()

    def state(self, content: bytes) -> State:
        import zipfile
        from xml.etree import ElementTree

        try:
            with zipfile.ZipFile(io.BytesIO(content)) as package:
                identifier = _identifier(package.read(CORE))
                if identifier == self.marker:
                    return "missing"
                if not identifier.startswith(self.marker + " "):
                    return "foreign"
                if sum(i.file_size for i in package.infolist()) > _LARGEST:
                    return "edited"  # too large to check: as if edited, never replaced
                same = identifier.removeprefix(self.marker + " ") == _parts_digest(package)
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
            return "foreign"
        return "same" if same else "edited"


def _identifier(core: bytes) -> str:
    from xml.etree import ElementTree

    node = ElementTree.fromstring(core).find(_IDENTIFIER)
    return (node.text or "").strip() if node is not None else ""


def _parts_digest(package: zipfile.ZipFile) -> str:
    digest = hashlib.sha256()
    for name in sorted(package.namelist()):
        if name != CORE:
            digest.update(name.encode("utf-8") + b"\0" + package.read(name) + b"\0")
    return "sha256:" + digest.hexdigest()[:16]


class JsonStamp(NamedTuple):
    """A JSON document whose ``$comment`` reads ``marker`` and the digest of the rest:
    a JSON schema qnc wrote, which ``qnc init`` may refresh while nobody edited it."""

    marker: str

    def mark(self, document: dict[str, Any]) -> dict[str, Any]:
        """``document`` with its ``$comment`` stamp, after ``$schema`` when it has one."""
        rest = {k: v for k, v in document.items() if k != "$comment"}
        head = {k: rest.pop(k) for k in ("$schema",) if k in rest}
        return {**head, "$comment": f"{self.marker} {_json_digest(rest | head)}", **rest}

    def state(self, content: bytes) -> State:
        import json

        try:
            document = json.loads(content.decode("utf-8-sig"))
        except ValueError:  # UnicodeDecodeError is one
            return "foreign"
        comment = document.pop("$comment", None) if isinstance(document, dict) else None
        if not isinstance(comment, str) or not comment.startswith(self.marker):
            return "foreign"
        digest = comment.removeprefix(self.marker).strip()
        if not digest:
            return "missing"
        return "same" if digest == _json_digest(document) else "edited"


def schema_stamp(kind: str) -> JsonStamp:
    """The stamp of the JSON schema of audit.yaml (``audit``) or of an NC file (``nc``)."""
    return JsonStamp(f"qnc schema {kind}")


def _json_digest(document: dict[str, Any]) -> str:
    import json

    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
