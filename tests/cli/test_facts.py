"""qnc done, sent, verify, lift and add-action: each fact written where a hand would
write it, the rest of the file byte for byte as it was (whole files compared with
reviewed golden copies, also in CRLF and with a BOM)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.edits import DAY, EDITS, VARIANTS, golden_folder, variant
from tests.golden import assert_golden

Run = Callable[..., Any]
WriteAudit = Callable[..., Path]

CASES = {
    "done": ("done", "NC-02", "A2", "--le", "2026-06-10", "--preuve",
             "preuves/calendrier.pdf"),
    "done-empreinte": ("done", "NC-02", "A2", "--le", "2026-06-10", "--preuve",
                       "preuves/calendrier.pdf", "--empreinte"),
    "sent-plan": ("sent", "NC-02", "--plan", "--le", "2026-04-01"),
    "sent-preuves": ("sent", "NC-02", "--preuves", "--le", "2026-06-18"),
    "verify": ("verify", "NC-02", "--resultat", "efficace", "--le", "2026-06-15"),
    "lift": ("lift", "NC-02", "--le", "2026-06-19"),
    "add-action": ("add-action", "NC-02", "--description", "Former l'équipe : accueil",
                   "--responsable", "Marie Dupont", "--echeance", "2026-07-15",
                   "--preuve-attendue", "feuille d'émargement"),
}  # fmt: skip
SAID = {
    "done": "NC-02 : action A2 faite le 10 juin 2026\n",
    "done-empreinte": "NC-02 : action A2 faite le 10 juin 2026\n",
    "sent-plan": "NC-02 : plan d'actions envoyé le 1er avril 2026\n",
    "sent-preuves": "NC-02 : preuves envoyées le 18 juin 2026\n",
    "verify": "NC-02 : efficacité vérifiée le 15 juin 2026 (efficace)\n",
    "lift": "NC-02 : levée le 19 juin 2026\n",
    "add-action": "NC-02 : action A3 ajoutée, échéance le 15 juillet 2026\n",
}
UNSENT_PLAN = (
    "{path}:33:11: avertissement: cette NC mineure est levée, mais le jour de l'envoi de son "
    "plan d'actions n'est pas inscrit : écrivez-le (qnc sent NC-02 --plan --le DATE) "
    "[levee-sans-plan]\n"
)
"""What lifting NC-02 says: its plan is still to send (the golden file says so)."""
WARNED = {"lift": UNSENT_PLAN.format(path="audit/nc/NC-02.yaml")}


@pytest.mark.parametrize("kind", VARIANTS)
@pytest.mark.parametrize("name", list(CASES))
def test_only_the_facts_lines_change(run: Run, write_audit: WriteAudit, name: str,
                                     kind: str) -> None:  # fmt: skip
    """The whole file after the command is the reviewed golden copy: comments above,
    beside and below, a deeper comment under an action, blank lines, quotes, a `>`
    block, odd spacing, kept; CRLF and a BOM kept too."""
    folder = golden_folder(write_audit, "NC-02.before.yaml", kind)
    result = run(*CASES[name], "--dossier", str(folder), *DAY)
    assert (result.exit_code, result.stdout, result.stderr) == (0, SAID[name],
                                                                WARNED.get(name, ""))  # fmt: skip
    written = (folder / "nc" / "NC-02.yaml").read_bytes()
    if kind == "lf":
        assert_golden(f"edits/{name}.after.yaml", written.decode("utf-8"))
    else:
        assert written == variant((EDITS / f"{name}.after.yaml").read_text("utf-8"), kind)


def test_facts_in_english(run: Run, write_audit: WriteAudit) -> None:
    """With --lang en, the fact is said in English; the file is the same."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run(*CASES["done"], "--dossier", str(folder), *DAY, "--lang", "en")
    assert result.stdout == "NC-02: action A2 done on 10 June 2026\n"
    written = (folder / "nc" / "NC-02.yaml").read_text("utf-8")
    assert written == (EDITS / "done.after.yaml").read_text("utf-8")


def test_the_day_defaults_to_today(run: Run, write_audit: WriteAudit) -> None:
    """Without --le, the fact is dated --today."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run("lift", "NC-02", *DAY, cwd=folder)
    assert result.stdout == "NC-02 : levée le 20 juin 2026\n"
    assert "levee_le: 2026-06-20\n" in (folder / "nc" / "NC-02.yaml").read_text("utf-8")


def test_dry_run_prints_the_diff_and_writes_nothing(run: Run, write_audit: WriteAudit) -> None:
    """--dry-run shows what would change, as git diff would, and leaves the file."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    before = (folder / "nc" / "NC-02.yaml").read_bytes()
    result = run("lift", "NC-02", "--le", "2026-06-19", "--dry-run", *DAY, cwd=folder)
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/nc/NC-02.yaml\n+++ b/nc/NC-02.yaml\n@@ -30,4 +30,5 @@\n"
        "     responsable: Julien Moreau\n     echeance: 2026-06-15\n"
        "         # la preuve viendra en juillet\n+levee_le: 2026-06-19\n"
        " # Prochaine étape : envoyer le plan.\n"
    )
    assert result.stderr == (
        UNSENT_PLAN.format(path="nc/NC-02.yaml") + "rien n'a été écrit (--dry-run)\n"
    )
    assert (folder / "nc" / "NC-02.yaml").read_bytes() == before


def test_a_new_warning_is_printed_after_the_fact(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """A plan sent without a root cause analysis nor any action is written, with the
    warnings qnc check would give."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text})
    result = run("sent", "NC-01", "--plan", "--le", "2026-03-20", *DAY, cwd=folder)
    assert (result.exit_code, result.stdout) == (
        0, "NC-01 : plan d'actions envoyé le 20 mars 2026\n")  # fmt: skip
    assert result.stderr == (
        "nc/NC-01.yaml:5:17: avertissement: le plan d'actions a été envoyé sans analyse "
        "des causes ; ajoutez « analyse_causes: » [analyse-causes]\n"
        "nc/NC-01.yaml:5:17: avertissement: le plan d'actions a été envoyé, mais aucune action "
        "n'est listée ; ajoutez-les sous « actions: » [sans-action]\n"
    )


FUTURE = (
    "qnc: NC-02 : le 25 juin 2026 est après aujourd'hui (20 juin 2026) : ce fait n'a pas "
    "encore eu lieu ; enregistrez-le une fois accompli, ou donnez avec --le le jour où il "
    "a eu lieu\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ("done", "NC-02", "A2", "--le", "2026-06-25"),
        ("sent", "NC-02", "--preuves", "--le", "2026-06-25"),
        ("verify", "NC-02", "--resultat", "efficace", "--le", "2026-06-25"),
        ("lift", "NC-02", "--le", "2026-06-25", "--dry-run"),
        ("done", "NC-02", "A1", "--le", "2026-06-25", "--corriger"),
    ],
)
def test_a_fact_in_the_future_is_refused(
    run_main: Run, write_audit: WriteAudit, args: tuple[str, ...]
) -> None:
    """A fact dated after --today has not happened: refused (exit 1), --dry-run and
    --corriger too, and the file left as it was."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    before = (folder / "nc" / "NC-02.yaml").read_bytes()
    result = run_main(*args, *DAY, cwd=folder)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", FUTURE)
    assert (folder / "nc" / "NC-02.yaml").read_bytes() == before


def test_corriger_replaces_a_recorded_day(run_main: Run, write_audit: WriteAudit) -> None:
    """--corriger writes the right day over the wrong one, keeps the comment beside
    it, and says both; --dry-run shows it as a diff first."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    args = ("done", "NC-02", "A1", "--le", "2026-04-07", "--corriger", *DAY)
    shown = run_main(*args, "--dry-run", cwd=folder)
    assert (shown.exit_code, shown.stderr) == (0, "rien n'a été écrit (--dry-run)\n")
    assert "-    fait_le: 2026-04-06\n+    fait_le: 2026-04-07\n" in shown.stdout
    result = run_main(*args, cwd=folder)
    assert (result.exit_code, result.stdout, result.stderr) == (0, (
        "NC-02 : action A1 faite le 7 avril 2026 (correction : c'était le 6 avril 2026)\n"
    ), "")  # fmt: skip
    text = (folder / "nc" / "NC-02.yaml").read_text("utf-8")
    expected = (EDITS / "NC-02.before.yaml").read_text("utf-8")
    assert text == expected.replace("fait_le: 2026-04-06", "fait_le: 2026-04-07")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("sent", "NC-02", "--plan", "--le", "2026-04-02"),
         "NC-02 : plan d'actions envoyé le 2 avril 2026 (correction : c'était le "
         "1er avril 2026)\n"),
        (("verify", "NC-02", "--resultat", "inefficace", "--le", "2026-06-15"),
         "NC-02 : efficacité vérifiée le 15 juin 2026 (inefficace) (correction : c'était "
         "le 15 juin 2026, efficace)\n"),
        (("lift", "NC-02", "--le", "2026-06-20"),
         "NC-02 : levée le 20 juin 2026 (correction : c'était le 19 juin 2026)\n"),
    ],
)  # fmt: skip
def test_corriger_each_fact(
    run_main: Run, write_audit: WriteAudit, args: tuple[str, ...], said: str
) -> None:
    """Each fact recorded once can be corrected, the old and new values said."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    first = CASES[{"sent": "sent-plan"}.get(args[0], args[0])]
    assert run_main(*first, *DAY, cwd=folder).exit_code == 0
    result = run_main(*args, "--corriger", *DAY, cwd=folder)
    assert (result.exit_code, result.stdout, result.stderr) == (0, said, "")


def test_corriger_needs_le(run_main: Run, write_audit: WriteAudit) -> None:
    """--corriger without --le would guess the right day: a usage error (exit 2)."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run_main("lift", "NC-02", "--corriger", *DAY, cwd=folder)
    assert result.exit_code == 2
    assert result.stderr.endswith("Erreur : --corriger s'emploie avec --le, le bon jour du fait\n")


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (("done", "NC-02", "A2"), "l'action A2 n'est pas encore faite"),
        (("lift", "NC-02"), "« levee_le » n'est pas encore enregistré"),
        (("verify", "NC-02", "--resultat", "efficace"),
         "« efficacite.verifiee_le » n'est pas encore enregistré"),
    ],
)  # fmt: skip
def test_corriger_what_is_not_recorded_is_refused(
    run_main: Run, write_audit: WriteAudit, args: tuple[str, ...], missing: str
) -> None:
    """Nothing to correct: exit 1, said so, nothing written."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run_main(*args, "--le", "2026-06-10", "--corriger", *DAY, cwd=folder)
    assert (result.exit_code, result.stderr) == (1, (
        f"qnc: NC-02 : {missing} : rien à corriger ; enregistrez le fait sans --corriger\n"
    ))  # fmt: skip


def test_lift_without_le_says_the_day_it_wrote(run: Run, write_audit: WriteAudit) -> None:
    """levee_le is the certifier's decision: written as today without --le, and said so."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run("lift", "NC-02", *DAY, cwd=folder)
    assert (result.exit_code, result.stdout) == (0, "NC-02 : levée le 20 juin 2026\n")
    assert result.stderr == UNSENT_PLAN.format(path="nc/NC-02.yaml") + (
        "sans --le, la date de la décision du certificateur est celle d'aujourd'hui "
        "(20 juin 2026) ; si la décision porte une autre date, corrigez-la : qnc lift NC-02 "
        "--le AAAA-MM-JJ --corriger\n"
    )


def test_evidence_is_added_to_an_action_already_done(run: Run, write_audit: WriteAudit) -> None:
    """done on a done action adds its evidence and keeps its date; a proof already
    listed is not listed twice."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run("done", "NC-02", "A1", "--preuve", "preuves/calendrier.pdf", "--preuve",
                 "preuves/fiches.md", *DAY, cwd=folder)  # fmt: skip
    assert result.stdout == ("NC-02 : preuves ajoutées à l'action A1 : preuves/calendrier.pdf\n")
    text = (folder / "nc" / "NC-02.yaml").read_text("utf-8")
    assert "      - preuves/fiches.md   # version 2\n      - preuves/calendrier.pdf\n" in text


def test_the_same_fact_again_is_nothing_to_do(run_main: Run, write_audit: WriteAudit) -> None:
    """Recording a fact already recorded, with the same day, writes nothing: exit 0."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    before = (folder / "nc" / "NC-02.yaml").read_bytes()
    result = run_main("done", "NC-02", "A1", "--le", "2026-04-06", *DAY, cwd=folder)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == ("qnc: l'action A1 est déjà faite, le 6 avril 2026 : rien à écrire\n")
    assert (folder / "nc" / "NC-02.yaml").read_bytes() == before


def test_a_recorded_fact_is_never_overwritten(run_main: Run, write_audit: WriteAudit) -> None:
    """Another day for a fact already recorded is refused without --corriger."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run_main("done", "NC-02", "A1", "--le", "2026-04-07", *DAY, cwd=folder)
    assert result.exit_code == 1
    assert result.stderr == (
        "qnc: NC-02 : l'action A1 est déjà faite, le 6 avril 2026 ; qnc ne remplace un fait "
        "enregistré que si on le lui demande : s'il est faux, relancez la commande avec le "
        "bon jour (--le) et --corriger\n"
    )


def test_several_owners_and_a_start(run: Run, write_audit: WriteAudit) -> None:
    """--responsable given twice: the owners on one line, as a list; --debut in its
    place among the action's keys."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run("add-action", "NC-02", "--description", "Relire les fiches", "--responsable",
                 "Marie Dupont", "--responsable", "Paul Martin", "--echeance", "2026-07-15",
                 "--debut", "2026-06-22", "--type", "preventive", *DAY, cwd=folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (folder / "nc" / "NC-02.yaml").read_text("utf-8")
    assert text.endswith(
        "        # la preuve viendra en juillet\n"
        "  - id: A3\n    type: preventive\n    description: Relire les fiches\n"
        "    responsable: [Marie Dupont, Paul Martin]\n    debut: 2026-06-22\n"
        "    echeance: 2026-07-15\n# Prochaine étape : envoyer le plan.\n"
    )


def test_verify_writes_inside_an_existing_efficacite(
    run: Run, write_audit: WriteAudit, nc_text: str
) -> None:
    """How effectiveness will be checked is often written with the plan: the check's
    day and result go under it, in the same block."""
    text = nc_text + "efficacite:\n  methode: |\n    Relire les fiches.\nlevee_le:   # à venir\n"
    folder = write_audit(ncs={"NC-01.yaml": text})
    result = run("verify", "NC-01", "--resultat", "inefficace", "--le", "2026-06-15", *DAY,
                 cwd=folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (folder / "nc" / "NC-01.yaml").read_text("utf-8") == text.replace(
        "fiches.\n", "fiches.\n  verifiee_le: 2026-06-15\n  resultat: inefficace\n"
    )


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("verify", "NC-02", "--resultat", "Efficace", "--le", "2026-06-15"),
         "  resultat: efficace\n"),
        (("add-action", "NC-02", "--description", "d", "--responsable", "R", "--echeance",
          "2026-07-15", "--type", "PREVENTIVE"), "    type: preventive\n"),
    ],
)  # fmt: skip
def test_enumerated_values_in_any_case(
    run: Run, write_audit: WriteAudit, args: tuple[str, ...], written: str
) -> None:
    """--resultat Efficace and --type PREVENTIVE are read as check --fix would correct
    them in a file, and written in their one spelling."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    result = run(*args, *DAY, cwd=folder)
    assert (result.exit_code, result.stderr) == (0, "")
    assert written in (folder / "nc" / "NC-02.yaml").read_text("utf-8")


def test_empreinte_refusals(run_main: Run, write_audit: WriteAudit) -> None:
    """--empreinte without --preuve is a usage error; on a file the action already cites
    without a fingerprint, refused with what to write by hand."""
    folder = golden_folder(write_audit, "NC-02.before.yaml")
    alone = run_main("done", "NC-02", "A1", "--empreinte", *DAY, cwd=folder)
    assert alone.exit_code == 2
    assert alone.stderr.endswith("Erreur : --empreinte s'emploie avec --preuve\n")
    cited = run_main("done", "NC-02", "A1", "--preuve", "preuves/fiches.md", "--empreinte",
                     *DAY, cwd=folder)  # fmt: skip
    assert (cited.exit_code, cited.stderr) == (1, (
        "qnc: NC-02 : l'action A1 cite déjà « preuves/fiches.md », sans empreinte : ajoutez "
        "« empreinte: » dessous à la main, comme l'affiche « qnc empreinte preuves/fiches.md »\n"
    ))  # fmt: skip
