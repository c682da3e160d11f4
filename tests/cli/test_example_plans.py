"""The example plans committed under examples/ are what qnc writes today: a user can read
them without installing qnc, and they never fall behind the code.

Regenerate them with (from the repository's root):

    for view in certificateur interne; do for ext in md docx; do
      qnc plan examples/2026-09-audit-initial --today 2026-11-20 \\
        $([ $view = interne ] && echo --interne) \\
        --out examples/2026-09-audit-initial/plan-$view.$ext --force
    done; done
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "2026-09-audit-initial"
DAY = "2026-11-20"
PLANS = [
    ("plan-certificateur.md", []),
    ("plan-certificateur.docx", []),
    ("plan-interne.md", ["--interne"]),
    ("plan-interne.docx", ["--interne"]),
]


def read_back(path: Path) -> list[str]:
    """Everything a reader of the Word document sees, in order, without its bytes (which
    differ between python-docx and Pillow versions): styled paragraphs with their links,
    table cells, header and footer, the picture's description."""
    doc = docx.Document(str(path))
    seen = [f"{p.style.name if p.style else ''}: {p.text}" for p in doc.paragraphs]
    seen += [f"link {link.text} -> {link.address}" for p in doc.paragraphs for link in p.hyperlinks]
    seen += [f"cell {c.text}" for table in doc.tables for row in table.rows for c in row.cells]
    section = doc.sections[0]
    seen += [f"header {p.text}" for p in section.header.paragraphs]
    seen += [f"footer {p.text}" for p in section.footer.paragraphs]
    seen += [f"picture {s._inline.docPr.get('descr')}" for s in doc.inline_shapes]
    return seen


@pytest.mark.parametrize(("name", "options"), PLANS, ids=[name for name, _ in PLANS])
def test_example_plan_is_up_to_date(run_main, tmp_path: Path, name: str,
                                    options: list[str]) -> None:  # fmt: skip
    """Written again beside a copy of the example audit, the plan reads the same."""
    copy = tmp_path / EXAMPLE.name
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("plan-*"))
    out = copy / name
    result = run_main("plan", str(copy), "--today", DAY, "--out", str(out), *options)
    assert result.exit_code == 0, result.stderr
    committed = EXAMPLE / name
    if name.endswith(".md"):
        assert out.read_text("utf-8") == committed.read_text("utf-8")
    else:
        assert read_back(out) == read_back(committed)
