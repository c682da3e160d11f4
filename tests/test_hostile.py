"""The hostile-input corpus: every folder of tests/hostile/ (and a few built here that git
cannot hold: links, pipes, names with control characters) goes through every command.

For each case and each command: no traceback, an exit status of 0, 1 or 2, no control
character on either output, output of a bounded size, and not one byte of the input
changed. `qnc check` also reports what each case is about (its codes below). The README
states these figures; test_readme_states_the_corpus holds it to them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qnc.model.characters import CONTROL
from tests.conftest import AUDIT, NC, ROOT
from tests.reading.test_reader_properties import EXAMPLES as GENERATED

Run = Callable[..., Any]
CORPUS = ROOT / "tests" / "hostile"
TODAY = ("--today", "2026-03-20")
COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format", "github"],
    ["status"],
    ["status", "--explain", "--detail"],
    ["status", "--format", "json"],
    ["plan"],
    ["historique"],
    ["relances"],
    ["calendar"],
    ["export"],
]
MAX_OUTPUT = 5_000_000
"""Characters a command may print for one case: the largest case is 200 kB of text."""
# check, status, plan and historique read the folder; relances, calendar and export (CSV)
# write what the records say for other tools.

EXPECTED: dict[str, set[str]] = {
    "alias-boucle": {"yaml-complexe"},
    "alias-milliard": {"yaml-complexe"},
    "alias-profond": {"yaml-complexe"},
    "alias-texte": {"yaml-complexe"},
    "ancre-redefinie": set(),
    "balise-locale": {"tag-interdit"},
    "balise-python": {"tag-interdit"},
    "bidi-mark": {"caractere-controle"},
    "bom-debut": set(),
    "bom-milieu": {"caractere-interdit"},
    "chemins-hostiles": {
        "preuve-chemin", "preuve-hors-depot", "preuve-introuvable", "preuve-vide",
        "reference-introuvable",
    },
    "cle-controle": {"cle-inconnue"},
    "cle-fusion": {"yaml-non-accepte"},
    "cle-longue": {"syntaxe-yaml"},
    "cles-dupliquees": {"cle-dupliquee"},
    "controle-brut": {"caractere-interdit"},
    "dates-extremes": {"date-invalide"},
    "deux-documents": {"yaml-non-accepte"},
    "directive-inconnue": set(),
    "directive-yaml-11": set(),
    "directive-yaml-13": {"syntaxe-yaml"},
    "durees-enormes": {"valeur-invalide"},
    "echappements-audit": {"caractere-controle"},
    "echappements-terminal": {"caractere-controle"},
    "fichier-vide": {"fichier-vide", "pas-un-mapping"},
    "fins-de-ligne": set(),
    "id-invisible": {"id-invisible"},
    "id-nfd": {"action-dupliquee", "id-duplique"},
    "imbrication-profonde": {"yaml-complexe"},
    "indentation-profonde": {"yaml-complexe"},
    "json": set(),
    "latin1": {"encodage"},
    "nombre-enorme": {"type-invalide"},
    "pas-un-mapping": {"pas-un-mapping"},
    "portefeuille-casse": {"audit-absent", "caractere-controle"},
    "rangement": {"copie-audit", "fichier-ignore"},
    "separateurs-unicode": {"caractere-controle"},
    "siret-chiffres-arabes": {"nda", "siret"},
    "syntaxe-cassee": {"syntaxe-yaml"},
    "tabulation-indentation": {"tabulation"},
    "tabulation-separation": {"yaml-non-accepte"},
    "texte-long": set(),
    "types-melanges": {"type-invalide", "valeur-invalide"},
    "utf16": {"encodage"},
    "utf16-sans-bom": {"encodage"},
    "utf32": {"encodage"},
    "utf32-sans-bom": {"encodage"},
    "utf8-tronque": {"encodage"},
    "valeur-longue": {"valeur-invalide"},
}  # fmt: skip
"""What `qnc check` reports for each folder of tests/hostile/."""


def _secret(root: Path) -> Path:
    secret = root.parent / "hors-du-dossier" / "shadow"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("root:$6$sel$empreinte:19000:0:99999:7:::\n", "utf-8")
    return secret


def _audit(root: Path) -> Path:
    (root / "nc").mkdir(parents=True)
    (root / "audit.yaml").write_text(AUDIT, "utf-8")
    (root / "nc" / "NC-01.yaml").write_text(NC, "utf-8")
    return root


def _links_out(root: Path) -> None:
    _audit(root)
    secret = _secret(root)
    (root / "nc" / "NC-02.yaml").symlink_to(secret)
    (root / "nc" / "NC-03.yaml").symlink_to(root / "absent.yaml")


def _links_up(root: Path) -> None:
    _audit(root)
    (root / "nc" / "retour").symlink_to("..")
    (root / "ici").symlink_to(".")
    (root / "haut").symlink_to("../..")
    (root / "boucle").symlink_to("boucle")


def _linked_audit_file(root: Path) -> None:
    _audit(root)
    (root / "audit.yaml").unlink()
    (root / "audit.yaml").symlink_to(_secret(root))


def _pipe(root: Path) -> None:
    _audit(root)
    os.mkfifo(root / "nc" / "NC-02.yaml")


def _hostile_names(root: Path) -> None:
    folder = _audit(root / "client\x1b[2J\x1b]0;titre\x07\u202e")
    nc = folder / "nc"
    (nc / "NC-\x1b[31m.yaml").write_text(NC.replace("NC-01", "NC-02").replace("12", "17"), "utf-8")
    (nc / "NC-\n03.yaml").write_text(NC.replace("NC-01", "NC-03").replace("12", "18"), "utf-8")


BUILT: dict[str, tuple[Callable[[Path], None], set[str]]] = {
    "liens-sortants": (_links_out, {"lecture", "lien-externe"}),
    "liens-remontants": (_links_up, set()),
    "audit-lie-dehors": (_linked_audit_file, {"lien-externe"}),
    "tube-nomme": (_pipe, {"lecture"}),
    "noms-pieges": (_hostile_names, {"nom-fichier"}),
}
"""Cases git cannot hold, built in the test's folder: what `qnc check` reports for each."""


def corpus_cases() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every link's target below ``root``."""
    found: dict[str, bytes | str] = {}
    for current, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(current, name)
            if path.is_symlink():
                found[str(path)] = str(path.readlink())
            elif path.is_file():
                found[str(path)] = path.read_bytes()
    return found


def assert_every_command_is_safe(run_main: Run, folder: Path, expected: set[str]) -> None:
    before = snapshot(folder)
    for command in COMMANDS:
        result = run_main(*command, str(folder), *TODAY, env={"COLUMNS": "100"})
        assert result.exit_code in (0, 1, 2), (command, result)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, (command, output[-2000:])
        # a CRLF line end aside: iCalendar and CSV for Excel use it
        assert CONTROL.search(output.replace("\r\n", "\n")) is None, (command, output[:2000])
        assert len(output) < MAX_OUTPUT, command
        if command == ["check", "--format", "json"]:
            report = json.loads(result.stdout)
            codes = {found["code"] for found in report["diagnostics"]}
            assert codes == expected, command
            assert result.exit_code == (1 if report["erreurs"] else 0)
    assert snapshot(folder) == before


def test_every_case_of_the_corpus_is_listed() -> None:
    """A case added to tests/hostile/ says what check reports for it."""
    assert corpus_cases() == sorted(EXPECTED)


@pytest.mark.parametrize("case", corpus_cases())
def test_corpus_case(run_main: Run, tmp_path: Path, case: str) -> None:
    """One folder of tests/hostile/, copied, through every command."""
    folder = tmp_path / case
    shutil.copytree(CORPUS / case, folder, symlinks=True)
    assert_every_command_is_safe(run_main, folder, EXPECTED[case])
    assert snapshot(CORPUS / case) == {
        str(path).replace(str(folder), str(CORPUS / case), 1): data
        for path, data in snapshot(folder).items()
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no links and pipes on this platform")
@pytest.mark.parametrize("case", sorted(BUILT))
def test_built_case(run_main: Run, tmp_path: Path, case: str) -> None:
    """A case git cannot hold, built in the test's folder, through every command."""
    build, expected = BUILT[case]
    folder = tmp_path / "cas" / case
    build(folder)
    assert_every_command_is_safe(run_main, folder, expected)


def test_readme_states_the_corpus() -> None:
    """The README's figures are those of this suite."""
    readme = (ROOT / "README.md").read_text("utf-8")
    cases = len(EXPECTED) + len(BUILT)
    assert f"{cases} dossiers hostiles" in readme
    assert f"{len(COMMANDS)} commandes" in readme
    assert f"{cases * len(COMMANDS)} exécutions" in readme
    assert f"{sum(GENERATED.values())} fichiers générés" in readme
