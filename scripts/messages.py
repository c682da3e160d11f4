"""List the messages qnc translates, those fr.po lacks, and those it no longer needs.

Usage: ``python scripts/messages.py`` prints .po stubs for every msgid used in
``src/qnc`` without a French translation; paste them into ``src/qnc/locale/fr.po``.
``python scripts/messages.py --prune`` removes the entries no code uses any more.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "qnc"
CATALOG = SOURCE / "locale" / "fr.po"
_SINGLE = {"t", "h", "text", "gettext"}


def used_messages() -> set[tuple[str, str | None]]:
    """(msgid, msgid_plural) pairs marked in the source and the referential's labels."""
    found: set[tuple[str, str | None]] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            found |= _from_node(node)
    sys.path.insert(0, str(SOURCE.parent))
    from qnc import i18n
    from qnc.model import referential

    found |= {(m, None) for m in (*i18n._MONTHS, "1 {month} {year}", "{day} {month} {year}")}
    found |= {(label, None) for label in referential.CRITERIA.values()}
    for grid in referential.GRIDS.values():
        found.add((grid.label, None))
        found |= {(i.label, None) for i in grid.indicators.values()}
    return found


def _from_node(node: ast.AST) -> set[tuple[str, str | None]]:
    if isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == "HELP" for target in node.targets
    ):
        value = ast.literal_eval(node.value)
        return {(value, None)} if isinstance(value, str) else set()
    if not isinstance(node, ast.Call):
        return set()
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    strings = [
        a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
    ]
    if name in _SINGLE and strings and node.args and isinstance(node.args[0], ast.Constant):
        return {(strings[0], None)}
    if name == "tn" and len(strings) >= 2:
        return {(strings[0], strings[1])}
    return set()


def missing_messages() -> list[tuple[str, str | None]]:
    sys.path.insert(0, str(SOURCE.parent))
    from qnc.po import parse_po

    catalog = parse_po(CATALOG.read_text("utf-8"))
    wanted = used_messages()
    return sorted((m, p) for m, p in wanted if (m if p is None else f"{m}\0{p}") not in catalog)


def _key(msgid: str, plural: str | None) -> str:
    return msgid if plural is None else f"{msgid}\0{plural}"


def stale_messages() -> list[str]:
    """Entries of fr.po that no code uses (the header excepted)."""
    sys.path.insert(0, str(SOURCE.parent))
    from qnc.po import parse_po

    used = {_key(m, p) for m, p in used_messages()}
    return sorted(k for k in parse_po(CATALOG.read_text("utf-8")) if k and k not in used)


def prune() -> int:
    """Drop the stale entries from fr.po, keeping the others as they are written."""
    stale = set(stale_messages())
    blocks = CATALOG.read_text("utf-8").rstrip("\n").split("\n\n")
    sys.path.insert(0, str(SOURCE.parent))
    from qnc.po import parse_po

    kept = [b for b in blocks if not (set(parse_po(b)) & stale)]
    CATALOG.write_text("\n\n".join(kept) + "\n", "utf-8")
    return len(blocks) - len(kept)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\b", "\\b") + '"'


def main() -> int:
    if sys.argv[1:] == ["--prune"]:
        print(f"{prune()} stale entries removed from {CATALOG.name}")
        return 0
    for msgid, plural in missing_messages():
        if plural is None:
            print(f'msgid {_quote(msgid)}\nmsgstr ""\n')
        else:
            print(
                f"msgid {_quote(msgid)}\nmsgid_plural {_quote(plural)}\n"
                'msgstr[0] ""\nmsgstr[1] ""\n'
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
