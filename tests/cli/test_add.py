"""qnc add and qnc init: new files from commented templates, checked by the rules of
qnc check before they are written, never written over anything."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.edits import DAY
from tests.golden import assert_golden

Run = Callable[..., Any]
WriteAudit = Callable[..., Path]

ADD = ("add", "--indicateur", "11", "--gravite", "majeure", "--constat",
       "Aucune évaluation des acquis\nen fin de formation.")  # fmt: skip
INIT = ("init", "2026-09-audit-initial", "--nom", "Formations Horizon", "--siret",
        "83214560100015", "--categories", "af,CFA", "--certificateur", "Certif Exemple",
        "--type", "initial", "--debut", "2026-09-14", "--fin", "2026-09-15",
        "--notification", "2026-09-18")  # fmt: skip
ADD_AFTER = 'qnc add --indicateur N --gravite mineure --constat "…" (ou --gravite majeure)'


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_add_writes_the_next_nc_file(run: Run, write_audit: WriteAudit, lang: str) -> None:
    """The next id after NC-01 is NC-02; exigence is qnc's summary of the indicator,
    said to be one; the file is the reviewed golden copy, in the language of the run."""
    folder = write_audit()
    result = run(*ADD, *DAY, "--lang", lang, cwd=folder)
    said = {"fr": "NC-02 : nouvelle NC, indicateur 11, majeure (nc/NC-02.yaml)\n",
            "en": "NC-02: new NC, indicator 11, majeure (nc/NC-02.yaml)\n"}  # fmt: skip
    assert (result.exit_code, result.stdout) == (0, said[lang])
    assert_golden(f"edits/add-{lang}.NC-02.yaml", (folder / "nc/NC-02.yaml").read_text("utf-8"))


def test_check_asks_to_replace_the_summary_add_wrote(run: Run, write_audit: WriteAudit) -> None:
    """Without --exigence, qnc check warns until the summary is replaced; with it, not."""
    folder = write_audit()
    run(*ADD, *DAY, cwd=folder)
    result = run("check", *DAY, cwd=folder)
    assert result.exit_code == 0
    assert (
        "nc/NC-02.yaml:10:11: avertissement: « exigence » est encore le résumé de "
        "l'indicateur 11 écrit par qnc add : remplacez-le par l'exigence telle que la formule "
        "le rapport d'audit, ou supprimez la ligne [exigence-resume]\n"
    ) in result.stderr
    given = run(*ADD[:2], "17", *ADD[3:], *DAY, "--exigence", "Des locaux adaptés.", cwd=folder)
    assert given.exit_code == 0
    found = run("check", *DAY, cwd=folder).stderr.splitlines()
    assert [line for line in found if "exigence-resume" in line] == [
        line for line in found if line.startswith("nc/NC-02.yaml:10:11")
    ]


def test_add_numbers_after_the_last_id_and_keeps_its_width(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """NC-09 is followed by NC-10; a file that does not read (NC-11.yaml) still takes its id."""
    nine = nc_text.replace("NC-01", "NC-09")
    folder = write_audit(ncs={"NC-09.yaml": nine})
    assert run(*ADD, *DAY, cwd=folder).stdout.startswith("NC-10 : ")
    (folder / "nc" / "NC-11.yaml").write_text("id: [\n", "utf-8")
    assert run(*ADD[:2], "17", *ADD[3:], *DAY, cwd=folder).stdout.startswith("NC-12 : ")


def test_add_refuses_what_check_would_refuse(run_main: Run, write_audit: WriteAudit) -> None:
    """An indicator already used: refused with qnc check's own reason, said of the option
    that gave it (the file it would be in does not exist); nothing written."""
    folder = write_audit()
    result = run_main("add", "--indicateur", "12", "--gravite", "mineure", "--constat", "x",
                      *DAY, cwd=folder)  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: --indicateur : l'indicateur 12 a déjà une NC (NC-01.yaml) ; un indicateur ne "
        "donne qu'une NC par audit : regroupez les constats ; rien n'a été écrit\n"
    )
    assert sorted(p.name for p in (folder / "nc").iterdir()) == ["NC-01.yaml"]


def test_a_minor_nc_on_a_major_indicator_is_said_with_the_option(
    run_main: Run, write_audit: WriteAudit
) -> None:
    """Indicator 11 gives only major NCs: the refusal names --gravite, not a line of a
    file that was never written."""
    folder = write_audit()
    result = run_main("add", "--gravite", "mineure", "--indicateur", "11", "--constat", "x",
                      *DAY, cwd=folder)  # fmt: skip
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "qnc: l'indicateur 11 ne donne que des NC majeures : donnez --gravite majeure ; "
        "rien n'a été écrit\n"
    )


def test_several_options_refused_each_on_its_line(run_main: Run, write_audit: WriteAudit) -> None:
    """Two problems with the options: each on a line of its own, then the refusal."""
    folder = write_audit(ncs={"NC-01.yaml": NC_11})
    result = run_main("add", "--gravite", "mineure", "--indicateur", "11", "--constat", "x",
                      *DAY, cwd=folder)  # fmt: skip
    assert (result.exit_code, result.stderr) == (1, (
        "--indicateur : l'indicateur 11 a déjà une NC (NC-01.yaml) ; un indicateur ne donne "
        "qu'une NC par audit : regroupez les constats\n"
        "l'indicateur 11 ne donne que des NC majeures : donnez --gravite majeure\n"
        "qnc: les options données donneraient ces erreurs ; rien n'a été écrit\n"
    ))  # fmt: skip


NC_11 = "id: NC-01\nindicateur: 11\ngravite: majeure\nconstat: x\n"


def test_add_without_its_options_is_a_usage_error_in_a_script(
    run_main: Run, write_audit: WriteAudit
) -> None:
    """Not on a terminal, nothing is asked: a missing option is a usage error (exit 2)."""
    folder = write_audit()
    result = run_main("add", "--indicateur", "11", "--gravite", "majeure", *DAY, cwd=folder)
    assert result.exit_code == 2
    assert result.stderr.endswith("Erreur : option manquante : --constat\n")


def test_add_asks_on_a_terminal(
    run: Run, write_audit: WriteAudit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, each missing option is asked for, named after its option; a wrong
    answer is asked again."""
    from typer.testing import CliRunner

    from qnc.cli import recording
    from qnc.cli.app import app

    folder = write_audit()
    monkeypatch.setattr(recording, "_on_terminal", lambda: True)
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["add", *DAY], input="onze\n11\nMajeure\nConstat.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Indicateur (--indicateur) : onze"
    assert "écrivez un nombre, par exemple 11" in result.stderr
    assert "gravite: majeure\nconstat: Constat.\n" in (folder / "nc/NC-02.yaml").read_text()


def test_init_writes_the_commented_template(run: Run, tmp_path: Path) -> None:
    """audit.yaml from the template (optional keys as comments); the schemas beside the
    new folder (outside git), which the first line of its files points the editor at;
    categories written in capitals."""
    result = run(*INIT, *DAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Formations Horizon : dossier d'audit créé (audit initial du 14 septembre 2026)\n"
        f"Ensuite : cd 2026-09-audit-initial, puis, pour chaque NC du rapport d'audit : "
        f"{ADD_AFTER}\n"
    )
    folder = tmp_path / "2026-09-audit-initial"
    assert sorted(p.name for p in folder.iterdir()) == ["audit.yaml"]
    assert sorted(p.name for p in tmp_path.glob("*.json")) == [
        "audit.schema.json", "nc.schema.json"]  # fmt: skip
    assert_golden("edits/init.audit.yaml", (folder / "audit.yaml").read_text("utf-8"))
    schema = json.loads((tmp_path / "nc.schema.json").read_text("utf-8"))
    assert "gravite" in schema["properties"]
    assert run("check", str(folder), *DAY).exit_code == 0
    assert run("add", *ADD[1:], *DAY, cwd=folder).exit_code == 0
    nc = (folder / "nc" / "NC-01.yaml").read_text("utf-8")
    assert nc.startswith("# yaml-language-server: $schema=../../nc.schema.json\n")


def _init(run: Run, name: str) -> Any:
    return run("init", name, "--nom", "Horizon", "--categories", "AF", "--certificateur",
               "Certif", "--type", "initial", "--debut", "2026-09-14", "--notification",
               "2026-09-18", *DAY)  # fmt: skip


def test_schemas_are_written_once_per_repository(run: Run, tmp_path: Path) -> None:
    """In a git repository, the schemas go to its root, once: a second audit folder, two
    levels down, points at the same files and adds none."""
    import subprocess

    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    (tmp_path / "clients").mkdir()
    assert _init(run, "clients/horizon-2026").exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.schema.json")}
    result = _init(run, "clients/littoral-2026")
    assert (result.exit_code, result.stderr) == (0, "")
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.schema.json")} == before
    assert sorted(before) == ["audit.schema.json", "nc.schema.json"]
    audit = (tmp_path / "clients" / "littoral-2026" / "audit.yaml").read_text("utf-8")
    assert audit.startswith("# yaml-language-server: $schema=../../audit.schema.json\n")
    assert list((tmp_path / "clients").rglob("*.json")) == []


def test_a_schema_is_refreshed_only_if_qnc_wrote_it(run: Run, tmp_path: Path) -> None:
    """An out-of-date schema qnc wrote is replaced; one edited by hand, or not qnc's, is
    left as it is, and said so."""
    from qnc.cli.commands.schema import schema_text
    from qnc.writing.stamps import schema_stamp

    old = schema_stamp("audit").mark({"$schema": "x", "title": "ancien"})
    (tmp_path / "audit.schema.json").write_text(json.dumps(old), "utf-8")
    edited = json.loads(schema_text("nc"))
    edited["title"] = "à moi"
    (tmp_path / "nc.schema.json").write_text(json.dumps(edited), "utf-8")
    result = _init(run, "horizon")
    assert result.exit_code == 0
    assert (tmp_path / "audit.schema.json").read_text("utf-8") == schema_text("audit")
    assert json.loads((tmp_path / "nc.schema.json").read_text("utf-8")) == edited
    assert result.stderr == (
        "« nc.schema.json » n'a pas été écrit par qnc, ou a été modifié depuis : laissé tel "
        "quel (qnc schema nc affiche le schéma à jour)\n"
    )
    (tmp_path / "audit.schema.json").write_text("{}", "utf-8")
    assert "« audit.schema.json » n'a pas été écrit par qnc" in _init(run, "autre").stderr
    assert (tmp_path / "audit.schema.json").read_text("utf-8") == "{}"


def test_add_points_at_a_schema_in_its_own_folder(run: Run, write_audit: WriteAudit) -> None:
    """An audit folder made by an earlier qnc holds its schemas: a new NC points there."""
    folder = write_audit()
    (folder / "nc.schema.json").write_text("{}", "utf-8")
    assert run(*ADD, *DAY, cwd=folder).exit_code == 0
    nc = (folder / "nc" / "NC-02.yaml").read_text("utf-8")
    assert nc.startswith("# yaml-language-server: $schema=../nc.schema.json\n")


def test_init_template_signatory_block_reads_once_uncommented(run: Run, tmp_path: Path) -> None:
    """The commented 'signataire' block of audit.yaml, uncommented and filled in, is valid
    and signs the plan."""
    run(*INIT, *DAY)
    audit = tmp_path / "2026-09-audit-initial" / "audit.yaml"
    text = audit.read_text("utf-8").split("# signataire:")[1].replace("\n#   ", "\n  ")
    filled = (
        text.replace("nom: …", "nom: Isabelle Roux", 1)
        .replace("fonction: …", "fonction: Directrice")
        .replace("lieu: …", "lieu: Bordeaux")
        .replace("AAAA-MM-JJ", "2026-09-30")
    )
    audit.write_text(audit.read_text("utf-8") + "signataire:" + filled, "utf-8")
    assert run("check", str(audit.parent), *DAY).exit_code == 0
    plan = run("plan", str(audit.parent), *DAY).stdout
    assert "| Nom | Isabelle Roux |" in plan and "| Fait à | Bordeaux |" in plan


def test_init_refuses_to_write_over_anything(run_main: Run, tmp_path: Path) -> None:
    """A folder that already holds audit.yaml is left as it is."""
    folder = tmp_path / "2026-09-audit-initial"
    folder.mkdir()
    (folder / "audit.yaml").write_text("# mine\n", "utf-8")
    result = run_main(*INIT, *DAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: « 2026-09-audit-initial/audit.yaml » existe déjà : qnc n'écrit pas par-dessus\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["audit.yaml"]


def test_init_refuses_what_check_would_refuse(run_main: Run, tmp_path: Path) -> None:
    """A bad SIRET, an audit that ends before it starts: refused with qnc check's
    messages; no folder is left behind."""
    args = list(INIT)
    args[args.index("83214560100015")] = "83214560100016"
    args[args.index("2026-09-15")] = "2026-09-10"
    result = run_main(*args, *DAY)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "qnc: --siret : « 83214560100016 » n'est pas un SIRET valide : 14 chiffres avec une "
        "clé de Luhn correcte ; rien n'a été écrit",
    ]
    assert not (tmp_path / "2026-09-audit-initial").exists()


def test_init_says_what_to_do_next(run: Run, tmp_path: Path) -> None:
    """After the fact, the next step: add the NCs of the report, from the new folder
    (quoted when its name has a space; no cd when it is the current folder); in English
    with --lang en; nothing of it with --dry-run, which creates nothing."""
    args = ("--nom", "Horizon", "--categories", "AF", "--certificateur", "Certif", "--type",
            "initial", "--debut", "2026-09-14", *DAY)  # fmt: skip
    spaced = run("init", "mon audit", *args)
    assert (spaced.exit_code, spaced.stdout.splitlines()[1:]) == (0, [
        f'Ensuite : cd "mon audit", puis, pour chaque NC du rapport d\'audit : {ADD_AFTER}'
    ])  # fmt: skip
    english = run("init", "sub/audit", *args, "--lang", "en")
    assert english.stdout.splitlines()[1:] == [
        "Next: cd sub/audit, then, for each NC of the audit report: "
        + ADD_AFTER.replace("(ou", "(or")
    ]
    (tmp_path / "here").mkdir()
    here = run("init", *args, cwd=tmp_path / "here")
    assert here.stdout.splitlines()[1:] == [
        f"Ensuite, pour chaque NC du rapport d'audit : {ADD_AFTER}"
    ]
    dry = run("init", "other", *args, "--dry-run")
    assert (dry.exit_code, "Ensuite" in dry.stdout + dry.stderr) == (0, False)


def test_init_without_its_options_is_a_usage_error_in_a_script(run_main: Run) -> None:
    """Not on a terminal, nothing is asked: every required option missing is named at
    once (the type with its values), so that the script is fixed in one go."""
    result = run_main("init", "x", "--nom", "Horizon", "--debut", "2026-09-14", *DAY)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Erreur : options manquantes : --categories, --certificateur, --type (initial, "
        "surveillance, renouvellement, complementaire ou extension)\n"
    )
    alone = run_main("init", "x", "--categories", "AF", "--certificateur", "Certif", "--type",
                     "initial", "--debut", "2026-09-14", *DAY, "--lang", "en")  # fmt: skip
    assert (alone.exit_code, alone.stderr.splitlines()[-1]) == (2, "Error: missing option: --nom")
    assert not Path("x").exists()


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (("add", "--constat", "x"), "options manquantes : --indicateur, --gravite (mineure ou "
                                    "majeure)"),
        (("add", "--indicateur", "11", "--constat", "x"),
         "option manquante : --gravite (mineure ou majeure)"),
        (("add-action", "NC-01", "--responsable", "Marie"),
         "options manquantes : --description, --echeance"),
        (("add-action", "NC-01"), "options manquantes : --description, --responsable, --echeance"),
    ],
)  # fmt: skip
def test_add_names_every_missing_option_in_a_script(
    run_main: Run, write_audit: WriteAudit, args: tuple[str, ...], missing: str
) -> None:
    """qnc add and add-action, not on a terminal: all the missing options in one message."""
    folder = write_audit()
    result = run_main(*args, *DAY, cwd=folder)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-2:] == ["", f"Erreur : {missing}"]


def test_gravite_and_type_in_any_case(run: Run, write_audit: WriteAudit, tmp_path: Path) -> None:
    """--gravite Majeure and --type Initial are accepted, written in lower case."""
    folder = write_audit()
    result = run(*ADD[:4], "Majeure", *ADD[5:], *DAY, cwd=folder)
    assert result.exit_code == 0
    assert "gravite: majeure\n" in (folder / "nc" / "NC-02.yaml").read_text("utf-8")
    args = list(INIT)
    args[args.index("initial")] = "Initial"
    assert run(*args, *DAY).exit_code == 0
    text = (tmp_path / "2026-09-audit-initial" / "audit.yaml").read_text("utf-8")
    assert "\n  type: initial " in text


def test_init_asks_what_it_needs_first_and_checks_each_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, the values audit.yaml needs come first (nom, categories, certifier,
    type, first day, notification), then the optional ones; a wrong answer is said at
    once and asked again; a SIRET typed with spaces is written without them."""
    from typer.testing import CliRunner

    from qnc.cli import recording
    from qnc.cli.app import app

    monkeypatch.setattr(recording, "_on_terminal", lambda: True)
    monkeypatch.chdir(tmp_path)
    answers = [
        "Formations Horizon", "AF, XX", "af,cfa", "Certif Exemple", "surv", "Audit de surveillance",
        "2026-09-31", "2026-09-14", "2026-09-10", "2026-09-18", "", "832 145 601 00016",
        "832 145 601 00015", "", "Sophie Lambert", "../nulle-part", "",
    ]  # fmt: skip
    result = CliRunner().invoke(app, ["init", "audit", *DAY], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    questions = [line.split(" (--")[0] for line in result.stdout.splitlines()[:-2]]
    assert questions == [
        "Organisme", "Catégories : AF, BC, VAE, CFA, séparées par des virgules",
        "Catégories : AF, BC, VAE, CFA, séparées par des virgules", "Certificateur",
        "Type d'audit : initial, de surveillance, de renouvellement, complémentaire ou d'extension",
        "Type d'audit : initial, de surveillance, de renouvellement, complémentaire ou d'extension",
        "Premier jour de l'audit, AAAA-MM-JJ", "Premier jour de l'audit, AAAA-MM-JJ",
        "Date de notification des NC, AAAA-MM-JJ", "Date de notification des NC, AAAA-MM-JJ",
        "Dernier jour de l'audit, AAAA-MM-JJ", "SIRET", "SIRET",
        "Numéro de déclaration d'activité, NDA", "Auditeur", "Dossier de l'audit précédent",
        "Dossier de l'audit précédent",
    ]  # fmt: skip
    assert result.stdout.splitlines()[-2:] == [
        "Formations Horizon : dossier d'audit créé (audit de surveillance du 14 septembre 2026)",
        f"Ensuite : cd audit, puis, pour chaque NC du rapport d'audit : {ADD_AFTER}",
    ]
    assert result.stderr.splitlines() == [
        "« XX » n'est pas une catégorie ; écrivez-en une ou plusieurs parmi AF, BC, VAE, CFA, "
        "séparées par des virgules",
        "« surv » n'est pas un type d'audit ; écrivez initial, surveillance, renouvellement, "
        "complementaire ou extension (« audit de surveillance » convient aussi)",
        "« 2026-09-31 » n'est pas une date du calendrier",
        "la notification (10 septembre 2026) précède le début de l'audit (14 septembre 2026)",
        "« 832 145 601 00016 » n'est pas un SIRET valide : 14 chiffres avec une clé de Luhn "
        "correcte",
        "« ../nulle-part » ne contient pas d'audit.yaml : donnez le dossier de l'audit "
        "précédent (depuis le dossier courant)",
    ]
    text = (tmp_path / "audit" / "audit.yaml").read_text("utf-8")
    for line in ("  siret: '83214560100015'", "  categories: [AF, CFA]", "  type: surveillance",
                 "  notification: 2026-09-18", "  auditeur: Sophie Lambert", "  # fin: ",
                 "  # precedent: "):  # fmt: skip
        assert f"\n{line}" in text


def test_init_precedent_and_auditeur(run: Run, run_main: Run, tmp_path: Path) -> None:
    """--precedent, given from the current folder, is written from the new audit's folder;
    --auditeur in its place; a folder without audit.yaml is refused, naming the option."""
    assert run(*INIT, *DAY).exit_code == 0
    args = ("init", "2028-03-surveillance", "--nom", "Formations Horizon", "--categories", "AF",
            "--certificateur", "Certif Exemple", "--type", "surveillance", "--debut",
            "2028-03-14", "--auditeur", "Sophie Lambert")  # fmt: skip
    result = run(*args, "--precedent", "2026-09-audit-initial", "--today", "2028-03-20")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (0, (
        "Formations Horizon : dossier d'audit créé (audit de surveillance du 14 mars 2028)"
    ))  # fmt: skip
    text = (tmp_path / "2028-03-surveillance" / "audit.yaml").read_text("utf-8")
    assert "\n  auditeur: Sophie Lambert " in text
    assert "\n  precedent: ../2026-09-audit-initial " in text
    refused = run_main(args[0], "autre", *args[2:], "--precedent", "nulle-part", *DAY)
    assert (refused.exit_code, refused.stderr) == (1, (
        "qnc: --precedent : « nulle-part » ne contient pas d'audit.yaml : donnez le dossier "
        "de l'audit précédent (depuis le dossier courant) ; rien n'a été écrit\n"
    ))  # fmt: skip
    assert not (tmp_path / "autre").exists()


def test_init_options_as_typed_by_hand(run: Run, run_main: Run, tmp_path: Path) -> None:
    """--siret with spaces is written without them; --type in words ('Audit de
    renouvellement') is the type; a type qnc does not know is refused, naming --type."""
    args = list(INIT)
    args[args.index("83214560100015")] = "832 145 601 00015"
    args[args.index("initial")] = "Audit de renouvellement"
    result = run(*args, *DAY)
    assert (result.exit_code, result.stdout.splitlines()[0]) == (0, (
        "Formations Horizon : dossier d'audit créé (audit de renouvellement du "
        "14 septembre 2026)"
    ))  # fmt: skip
    text = (tmp_path / "2026-09-audit-initial" / "audit.yaml").read_text("utf-8")
    assert "\n  siret: '83214560100015'" in text
    assert "\n  type: renouvellement " in text
    args[1], args[args.index("Audit de renouvellement")] = "autre", "surv"
    refused = run_main(*args, *DAY)
    assert (refused.exit_code, refused.stderr) == (1, (
        "qnc: --type : « surv » n'est pas un type d'audit ; écrivez initial, surveillance, "
        "renouvellement, complementaire ou extension (« audit de surveillance » convient "
        "aussi) ; rien n'a été écrit\n"
    ))  # fmt: skip
    assert not (tmp_path / "autre").exists()
