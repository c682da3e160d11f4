"""qnc.render.terminal.frames: the box and the table of ``qnc status``, line for line as
Rich draws its Panel(expand=False) and its SIMPLE_HEAD table (the portfolio's), which
they replace where importing Rich would cost more than the rest of the command."""

from __future__ import annotations

import io

import pytest
from rich import box
from rich.console import Console, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from qnc.render.terminal.frames import boxed, fitted, table
from qnc.render.terminal.styled import Styled
from qnc.render.terminal.wrap import wrapped


def rich_lines(renderable: RenderableType, width: int) -> list[str]:
    console = Console(width=width, color_system=None, file=io.StringIO(), highlight=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().splitlines()


BODIES = [
    "Organisme : Atelier\nDossier : examples/2026",
    "une ligne\n\nplus longue après une ligne vide",
    "Dossier : " + "x" * 50,  # a word wider than the box
    "Nom : 日本語の組織 et ses « guillemets »",
    "Référentiel : RNQ 2019 (32 indicateurs), en vigueur au 14 septembre 2026",
    "Lieu : 18\u00a0rue de la République, 33700\u00a0Mérignac",
    "Emoji : ❤️ 👩‍🏫 fin",
]


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("width", [12, 20, 25, 40, 80])
def test_box_as_rich_draws_it(body: str, width: int) -> None:
    ours = boxed(Styled(body), width).render(width).split("\n")
    # The old view: Rich's panel around the text cut by qnc.render.terminal.wrap.
    assert ours == rich_lines(Panel(wrapped(Text(body), width - 4), expand=False), width)


CELLS = [
    ["1", "NC-01", "11 Évaluation de l'atteinte des objectifs", "majeure", "12"],
    ["10", "NC-日本語", "1 Information claire", "mineure", "3  "],
    ["2", "NC-TRES-LONG-IDENTIFIANT", "日本語の説明が長い", "—", "0"],
]


@pytest.mark.parametrize("widths", [[2, 8, 12, 7, 4], [2, 16, 30, 8, 6], [2, 5, 5, 3, 1]])
def test_table_as_rich_draws_it(widths: list[int]) -> None:
    names = ["#", "NC", "Indicateur", "Gravité", "Retard"]
    right = (0, 4)
    reference = Table(title="Non-conformités", title_justify="left", box=box.SIMPLE_HEAD,
                      title_style="bold", show_edge=False, pad_edge=False,
                      collapse_padding=True)  # fmt: skip
    for i, name in enumerate(names):
        reference.add_column(name, justify="right" if i in right else "left", no_wrap=True,
                             width=widths[i], overflow="ellipsis")  # fmt: skip
    for row in CELLS:
        reference.add_row(*row)
    total = sum(widths) + 2 * (len(widths) - 1)
    rows = [[Styled(cell) for cell in row] for row in CELLS]
    ours = table("Non-conformités", names, rows, widths, right=right).render(total)
    assert ours.split("\n") == rich_lines(reference, total)


def test_a_cut_cell_keeps_its_styles_and_ends_with_an_ellipsis() -> None:
    cell = Styled("dans ", "yellow")
    cell.append("28 jours", "bold")
    assert fitted(cell, 8).parts == [("dans ", "yellow"), ("28", "bold"), ("…", "bold")]
    assert fitted(Styled("日本語"), 4).plain == "日 …"  # a wide character does not fit half
    assert fitted(Styled("3  "), 1, right=True).plain == "3"


@pytest.mark.parametrize("width", [1, 2, 3, 4, 5])
def test_a_box_wider_than_the_terminal_still_ends(width: int) -> None:
    """A terminal of 1 to 5 columns: the text one column wide inside the box, every line
    folded to the width when written."""
    lines = boxed(Styled("Verdict : BLOQUÉE"), width).render(width).split("\n")
    assert all(len(line) <= width for line in lines)
    inside = "".join(lines).replace("│", "").replace(" ", "")
    assert inside.strip("╭─╮").removesuffix("╰───╯") == "Verdict:BLOQUÉE"
