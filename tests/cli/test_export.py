"""`qnc export`: CSV for French Excel and an XLSX workbook, each read back with its library."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

EXAMPLE = str(EXAMPLES / "2026-09-audit-initial")
DAY = ("--today", "2026-11-20")
HEADERS = [
    "Organisme", "Audit", "NC", "Indicateur", "Gravité", "Constat", "Analyse des causes",
    "Action", "Description", "Type", "Responsable", "Échéance", "Faite le", "Statut",
    "Preuves", "Efficacité", "Échéance réglementaire", "Statut réglementaire", "Fichier",
]  # fmt: skip
# Text that Excel would run as a formula, typed in an NC file.
TRAPS = """\
actions:
  - id: A1
    description: "=HYPERLINK(\\"http://x.example\\", \\"clic\\")"
    responsable: "@Marie"
    echeance: 2026-04-15
  - id: A2
    description: "-2+3"
    responsable: "+33 6 12 34 56 78"
    echeance: 2026-04-16
"""


def read_csv(data: bytes, delimiter: str = ";") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_of_the_example(run_main, tmp_path: Path) -> None:
    """One row per action with its NC's columns, ';' separated, dates dd/mm/yyyy."""
    out = tmp_path / "suivi.csv"
    result = run_main("export", EXAMPLE, *DAY, "--out", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.startswith("Écrit dans suivi.csv\n")
    rows = read_csv(out.read_bytes())
    assert rows[0] == HEADERS
    assert len(rows) == 1 + 8
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["Audit"] == "Audit initial les 14 et 15 septembre 2026"
    assert (first["NC"], first["Indicateur"], first["Gravité"]) == ("NC-01", "11", "majeure")
    assert first["Constat"].startswith("Sur les 6 dossiers de stagiaires consultés (titre "
                                       "professionnel Secrétaire assistant, session")  # fmt: skip
    assert (first["Action"], first["Responsable"], first["Statut"]) == ("A1", "Claire Fabre",
                                                                       "tenue")  # fmt: skip
    assert (first["Échéance"], first["Faite le"]) == ("30/10/2026", "27/10/2026")
    assert first["Preuves"] == (
        "preuves/grille-evaluation-acquis.md\npreuves/courriel-diffusion-grille.md"
    )
    assert (first["Échéance réglementaire"], first["Statut réglementaire"]) == (
        "18/12/2026",
        "à venir",
    )
    assert first["Fichier"].endswith("nc/NC-01.yaml")


CYCLE = (str(EXAMPLES / "2026-09-audit-initial"), str(EXAMPLES / "2028-03-audit-surveillance"))


def test_actions_of_a_closed_nc_are_never_late(run_main, tmp_path: Path) -> None:
    """On 20 April 2028 the surveillance audit has taken over NC-04 of the initial audit
    and lifted NC-02: their actions not done are not 'dépassée' (status does not count
    them late); they say what became of the NC, as the NC sheet does."""
    out = tmp_path / "suivi.xlsx"
    assert run_main("export", *CYCLE, "--today", "2028-04-20", "--out", str(out)).exit_code == 0
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(out)
    actions = [dict(zip(HEADERS, (c.value for c in row), strict=True))
               for row in workbook["Actions"].iter_rows(min_row=2)]  # fmt: skip
    standing = {(r["NC"], r["Action"], r["Audit"][6:13]): (r["Statut"], r["Statut réglementaire"])
                for r in actions}  # fmt: skip
    assert standing[("NC-04", "A1", "initial")] == ("tenue en retard", "reprise le 17 mars 2028")
    assert standing[("NC-04", "A2", "initial")] == ("reprise le 17 mars 2028",
                                                    "reprise le 17 mars 2028")  # fmt: skip
    assert standing[("NC-02", "A2", "initial")] == ("levée le 14 mars 2028", "tenue en retard")
    assert standing[("NC-02", "A1", "de surv")] == ("à venir", "à venir")
    assert not [r for r in actions if "dépassée" in (r["Statut"], r["Statut réglementaire"])]
    ncs = workbook["Non-conformités"]
    states = {(row[1].value[6:13], row[3].value): row[7].value
              for row in ncs.iter_rows(min_row=2)}  # fmt: skip
    assert states[("initial", "NC-04")] == "reprise le 17 mars 2028"


def test_effectiveness_not_checked_yet_says_how_it_will_be(run_main) -> None:
    """'efficacite' with a method and no 'verifiee_le': the method, never 'le None'."""
    rows = read_csv(run_main("export", CYCLE[0], "--today", "2028-04-20").stdout.encode())
    cells = {row[HEADERS.index("NC")]: row[HEADERS.index("Efficacité")] for row in rows[1:]}
    assert cells["NC-04"] == (
        "à vérifier : Questionnaire de fin de session : au moins 9 stagiaires sur 10 savent "
        "où trouver les supports de cours."
    )
    assert cells["NC-03"].startswith("vérifiée le 26 février 2027 : 7 alertes de décembre")


def test_csv_on_standard_output_in_english(run_main) -> None:
    """Without --out, standard output; in English the separator is ',' and dates ISO."""
    result = run_main("export", EXAMPLE, *DAY, "--lang", "en")
    assert result.exit_code == 0
    rows = read_csv(result.stdout.encode("utf-8"), delimiter=",")
    assert rows[0][:4] == ["Organisation", "Audit", "NC", "Indicator"]
    assert rows[1][11:13] == ["2026-10-30", "2026-10-27"]


def test_csv_neutralises_formulas(run_main, write_audit, nc_text: str) -> None:
    """A cell starting with =, +, - or @ is prefixed with ' so that Excel shows it as text;
    numbers are left alone."""
    write_audit(ncs={"NC-01.yaml": nc_text + TRAPS})
    rows = read_csv(run_main("export", "audit", "--today", "2026-03-20").stdout.encode())
    cells = [(row[3], row[8], row[10]) for row in rows[1:]]
    assert cells == [
        ("12", '\'=HYPERLINK("http://x.example", "clic")', "'@Marie"),
        ("12", "'-2+3", "'+33 6 12 34 56 78"),
    ]


def test_nc_without_action_has_one_row(run_main, write_audit) -> None:
    """An NC with no action yet is not left out: one row, action columns empty."""
    write_audit()
    rows = read_csv(run_main("export", "audit", "--today", "2026-03-20").stdout.encode())
    assert len(rows) == 2
    assert rows[1][2:5] == ["NC-01", "12", "mineure"]
    assert rows[1][7:15] == [""] * 8


def test_xlsx_reads_back(run_main, tmp_path: Path) -> None:
    """Two sheets; real dates shown dd/mm/yyyy; frozen header, filters, widths."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "suivi.xlsx"
    result = run_main("export", EXAMPLE, *DAY, "--out", str(out))
    assert result.exit_code == 0
    assert result.stderr.startswith("Écrit dans suivi.xlsx\n")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Actions", "Non-conformités"]
    actions = workbook["Actions"]
    assert [c.value for c in actions[1]] == HEADERS
    assert actions.max_row == 9
    assert (actions.freeze_panes, actions.auto_filter.ref) == ("A2", "A1:S9")
    due = actions["L2"]
    assert (due.value, due.number_format) == (datetime(2026, 10, 30), "DD/MM/YYYY")
    assert actions["D2"].value == 11
    assert actions.column_dimensions["F"].width == 60  # the finding: long text, capped
    assert actions.column_dimensions["D"].width == 12  # "Indicateur" and 2 of margin
    ncs = workbook["Non-conformités"]
    assert ncs.max_row == 5
    assert [c.value for c in ncs[2]][2:6] == [
        1, "NC-01", 11, "Évaluation de l'atteinte des objectifs",
    ]  # fmt: skip
    assert ncs["K2"].value == 28  # days left
    assert workbook.properties.creator == "qnc"


def test_xlsx_keeps_formulas_as_text(run_main, write_audit, nc_text: str, tmp_path) -> None:
    """'=HYPERLINK(…)' typed in a YAML file is a text cell, never a formula."""
    openpyxl = pytest.importorskip("openpyxl")
    write_audit(ncs={"NC-01.yaml": nc_text + TRAPS})
    run_main("export", "audit", "--today", "2026-03-20", "--out", "suivi.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "suivi.xlsx")["Actions"]["I2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x.example", "clic")', "s")


def test_xlsx_replaced_only_while_unchanged(run_main, tmp_path: Path) -> None:
    """qnc replaces a workbook it exported; one whose cells were changed since, or a
    workbook of someone else, only with --force."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "suivi.xlsx"
    assert run_main("export", EXAMPLE, *DAY, "--out", str(out)).exit_code == 0
    assert run_main("export", EXAMPLE, *DAY, "--out", str(out)).exit_code == 0
    workbook = openpyxl.load_workbook(out)
    workbook["Actions"]["P2"] = "Vérifiée en réunion"
    workbook.save(out)
    edited = run_main("export", EXAMPLE, *DAY, "--out", str(out))
    assert edited.exit_code == 1
    assert "a été produit par qnc, puis modifié" in edited.stderr
    other = openpyxl.Workbook()
    other.save(tmp_path / "budget.xlsx")
    foreign = run_main("export", EXAMPLE, *DAY, "--out", str(tmp_path / "budget.xlsx"))
    assert foreign.exit_code == 1
    assert "existe et n'a pas été produit par qnc" in foreign.stderr
    assert run_main("export", EXAMPLE, *DAY, "--out", str(out), "--force").exit_code == 0


def test_csv_replaced_when_qnc_wrote_it(run_main, tmp_path: Path) -> None:
    """A CSV starting with qnc's header is replaced; any other file needs --force."""
    out = tmp_path / "suivi.csv"
    assert run_main("export", EXAMPLE, *DAY, "--out", str(out)).exit_code == 0
    assert run_main("export", EXAMPLE, *DAY, "--out", str(out), "--lang", "en").exit_code == 0
    assert run_main("export", EXAMPLE, *DAY, "--out", str(out)).exit_code == 0
    mine = tmp_path / "contacts.csv"
    mine.write_bytes(b"nom;courriel\r\n")
    refused = run_main("export", EXAMPLE, *DAY, "--out", str(mine))
    assert refused.exit_code == 1
    assert mine.read_bytes() == b"nom;courriel\r\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "xlsx"],
            "qnc: un classeur Excel est un fichier : donnez son nom avec --out, par exemple "
            "--out suivi.xlsx\n",
        ),
        (
            ["--format", "csv", "--out", "suivi.xlsx"],
            "qnc: --format csv ne correspond pas au nom du fichier « suivi.xlsx » ; donnez le "
            "même format aux deux\n",
        ),
    ],
)
def test_format_mistakes(run_main, args: list[str], message: str) -> None:
    """An xlsx without a file, or a format the file name contradicts: exit 1, said."""
    result = run_main("export", EXAMPLE, *DAY, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)


def test_help_gives_an_example(run_main) -> None:
    """French help with an example."""
    result = run_main("export", "--help")
    assert "Exemple : qnc export qualiopi/ --out suivi.xlsx" in result.stdout


def test_nc_sheet_says_an_nc_with_every_step_met_awaits_its_lift(run_main, tmp_path: Path) -> None:
    """As status says it: an open NC whose steps are all met awaits the certifier's lift;
    a lifted NC has no next step."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "suivi.xlsx"
    assert run_main("export", EXAMPLE, "--today", "2027-04-01", "--out", str(out)).exit_code == 0
    ncs = openpyxl.load_workbook(out)["Non-conformités"]
    assert {row[3]: row[8] for row in ncs.iter_rows(min_row=2, values_only=True)} == {
        "NC-01": None,
        "NC-02": "plan d'actions mis en œuvre",
        "NC-03": "en attente de la levée par le certificateur",
        "NC-04": "plan d'actions mis en œuvre",
    }
