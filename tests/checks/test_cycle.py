"""The rules between the audits of one organisation, through the whole pipeline.

The initial audit (conftest.AUDIT) runs 9-10 March 2026, notified 12 March 2026; the
surveillance audit below starts on 1 June 2027, notified on 4 June 2027, and names the
initial audit as 'precedent' (audit.yaml line 10). The base NC is a minor NC on
indicator 12 (lines 1-4).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

WriteAudit = Callable[..., Path]
Diagnose = Callable[..., list[Any]]

ERR, WARN = "erreur", "avertissement"
ON_NOTIFICATION = date(2027, 6, 10)


def surveillance(start: str = "2027-06-01", notification: str = "2027-06-04",
                 precedent: str | None = "../initial", extra: str = "",
                 kind: str = "surveillance") -> str:  # fmt: skip
    previous = f"  precedent: {precedent}\n" if precedent else ""
    return (
        "organisme:\n  nom: Formations du Littoral\n  categories: [AF]\n"
        "certificateur:\n  nom: Certif Exemple\n"
        f"audit:\n  type: {kind}\n  debut: {start}\n  notification: {notification}\n"
        f"{previous}{extra}"
    )


def rows(diagnose: Diagnose, folder: Path, today: date = ON_NOTIFICATION) -> list[tuple[Any, ...]]:
    return [(d.file, d.line, d.column, d.severity, d.code, d.message)
            for d in diagnose(folder, today=today)]  # fmt: skip


def taker(nc_text: str, grade: str = "mineure") -> str:
    return nc_text.replace("gravite: mineure", f"gravite: {grade}") + (
        "origine: ../initial/nc/NC-01.yaml\n"
    )


# --- a minor NC taken over becomes major --------------------------------------------------


def test_minor_taken_over_still_minor_is_an_error(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """The new audit alone is checked: its 'precedent' is read too, and the NC it takes
    over, a minor NC still open, makes it major there (arrêté art. 5)."""
    write_audit(name="initial")
    new = write_audit(surveillance(), {"NC-01.yaml": taker(nc_text)}, name="new")
    assert rows(diagnose, new) == [
        (
            "nc/NC-01.yaml", 3, 10, ERR, "reprise-mineure",
            "cette NC reprend NC-01 de l'audit initial du 9 mars 2026, NC mineure non levée "
            "à cet audit : elle est ici majeure (arrêté du 6 juin 2019, art. 5) ; écrivez "
            "« gravite: majeure »",
        ),
    ]  # fmt: skip
    assert rows(diagnose, write_audit(surveillance(), {"NC-01.yaml": taker(nc_text, "majeure")},
                                      name="fixed")) == []  # fmt: skip


def test_taking_over_an_nc_lifted_by_the_new_audit_is_no_error(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """Lifted on the notification of the new audit (4 June 2027): not open any more, the
    NC naming it may stay minor."""
    write_audit(ncs={"NC-01.yaml": nc_text + "levee_le: 2027-06-04\n"}, name="initial")
    new = write_audit(surveillance(), {"NC-01.yaml": taker(nc_text)}, name="new")
    assert rows(diagnose, new) == []


# --- every open NC of the previous audit is accounted for --------------------------------

LEFT_OUT = (
    "NC-01 de l'audit initial du 9 mars 2026, NC {grade}, n'était pas levée à la "
    "notification de cet audit (4 juin 2027) et aucune NC de cet audit ne la reprend : "
)


def test_open_minor_left_out_by_the_next_audit_is_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose
) -> None:
    """At 'precedent': was it lifted at this audit, or is it a major NC here?"""
    write_audit(name="initial")
    new = write_audit(surveillance(), {}, name="new")
    assert rows(diagnose, new) == [
        (
            "audit.yaml", 10, 14, WARN, "nc-non-reprise",
            LEFT_OUT.format(grade="mineure") + "si elle a été levée à cet audit, écrivez "
            "« levee_le: » dans ../initial/nc/NC-01.yaml ; sinon, elle devient une NC majeure "
            "de cet audit : ajoutez-la dans nc/ avec « gravite: majeure » et "
            "« origine: ../initial/nc/NC-01.yaml »",
        ),
    ]  # fmt: skip
    assert rows(diagnose, new, today=date(2027, 6, 3)) == []  # not notified yet


def test_open_major_left_out_by_the_next_audit_is_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A major NC still open: lifted, or taken over (it stays major)."""
    major = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")
    write_audit(ncs={"NC-01.yaml": major}, name="initial")
    new = write_audit(surveillance(), {}, name="new")
    assert rows(diagnose, new) == [
        (
            "audit.yaml", 10, 14, WARN, "nc-non-reprise",
            LEFT_OUT.format(grade="majeure") + "si elle a été levée, écrivez « levee_le: » dans "
            "../initial/nc/NC-01.yaml ; sinon, ajoutez-la dans nc/ avec "
            "« origine: ../initial/nc/NC-01.yaml »",
        ),
    ]  # fmt: skip


def test_without_precedent_the_organisation_ties_the_audits(
    write_audit: WriteAudit, diagnose: Diagnose, tmp_path: Path
) -> None:
    """Read together, two audits of one name are one organisation: the warning is at the
    'audit' section of the new one, and the old NC is no longer late."""
    write_audit(name="initial")
    write_audit(surveillance(precedent=None), {}, name="new")
    found = rows(diagnose, tmp_path, today=date(2027, 9, 1))
    assert [(f, line, col, code) for f, line, col, _, code, _ in found] == [
        ("new/audit.yaml", 6, 1, "nc-non-reprise"),
    ]


def test_lifted_or_taken_over_ncs_are_accounted_for(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, tmp_path: Path
) -> None:
    """NC-01 lifted on the first day of the new audit, NC-02 taken over: nothing to say;
    neither is late in the old audit any more, even long after."""
    second = nc_text.replace("NC-01", "NC-02").replace("indicateur: 12", "indicateur: 1")
    lifted = nc_text + "preuves_envoyees_le: 2027-06-01\nlevee_le: 2027-06-01\n"
    write_audit(ncs={"NC-01.yaml": lifted, "NC-02.yaml": second},
                name="initial")  # fmt: skip
    new_nc = taker(nc_text, "majeure").replace("NC-01.yaml", "NC-02.yaml").replace(
        "indicateur: 12", "indicateur: 1")  # fmt: skip
    write_audit(surveillance(), {"NC-01.yaml": new_nc}, name="new")
    assert rows(diagnose, tmp_path, today=date(2027, 6, 20)) == []


def test_closed_audit_is_never_late_for_ever(run_main: Any, write_audit: WriteAudit,
                                             tmp_path: Path) -> None:  # fmt: skip
    """The old NC left out: closed on the new notification, to record; the old audit is
    settled and folded, its NC not chased."""
    write_audit(name="initial")
    write_audit(surveillance(), {}, name="new")
    result = run_main("status", ".", "--format", "json", "--today", "2028-01-10", cwd=tmp_path)
    audits = {a["chemin"]: a for a in json.loads(result.stdout)["audits"]}
    old = audits["initial"]
    assert (old["verdict"], old["cloture"]) == ("soldee", {"par": "new", "date": "2027-06-04"})
    assert old["motif"] == (
        "toutes les non-conformités sont levées ou closes par un audit suivant ; 1 n'y est ni "
        "levée ni reprise : à inscrire"
    )
    (nc,) = old["non_conformites"]
    assert (nc["levee"], nc["reprise"], nc["a_enregistrer"], nc["relances"]) == (
        False, False, True, [])  # fmt: skip
    table = run_main("status", ".", "--today", "2028-01-10", cwd=tmp_path, env={"COLUMNS": "100"})
    assert "initial" not in table.stdout.split("1 audit antérieur")[0]
    assert "1 audit antérieur, clos par un audit suivant de son organisme, est replié" in (
        " ".join(table.stdout.split()))  # fmt: skip


# --- windows of the cycle ------------------------------------------------------------------

CERTIFIED = "certificat:\n  obtenu_le: {obtained}\n"
OUTSIDE = (
    "cet audit de surveillance se tient hors de sa période, du {opens} au {closes} : entre "
    "14 et {last} mois après l'obtention du certificat le {obtained} ; vérifiez les dates de "
    "l'audit et du certificat"
)


@pytest.mark.parametrize(
    ("start", "obtained", "message"),
    [
        ("2027-06-01", "2026-04-02",
         OUTSIDE.format(opens="2 juin 2027", closes="2 février 2028", last=22,
                        obtained="2 avril 2026")),
        ("2027-06-02", "2026-04-02", None),  # the first day of the window
        ("2028-02-02", "2026-04-02", None),  # the last day
        ("2028-02-03", "2026-04-02",
         OUTSIDE.format(opens="2 juin 2027", closes="2 février 2028", last=22,
                        obtained="2 avril 2026")),
        ("2026-02-28", "2024-12-31", None),  # 31 December + 14 months: 28 February 2026
        ("2022-07-02", "2020-03-02", None),  # before 2021: the 28th month
        ("2022-07-03", "2020-03-02",
         OUTSIDE.format(opens="2 mai 2021", closes="2 juillet 2022", last=28,
                        obtained="2 mars 2020")),
    ],
)  # fmt: skip
def test_surveillance_audit_held_in_its_window(
    write_audit: WriteAudit, diagnose: Diagnose, start: str, obtained: str, message: str | None
) -> None:
    """14th to 22nd month after the certificate (28th before 2021): a warning outside."""
    audit = surveillance(start=start, notification=start, precedent=None,
                         extra=CERTIFIED.format(obtained=obtained))  # fmt: skip
    folder = write_audit(audit, {})
    found = rows(diagnose, folder, today=date.fromisoformat(start))
    expected = [("audit.yaml", 8, 10, WARN, "fenetre-audit", message)] if message else []
    assert found == expected


def test_window_of_a_certificate_recorded_in_the_initial_audit(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """The certificate the initial audit led to dates the surveillance audit's window."""
    write_audit(audit_text + CERTIFIED.format(obtained="2026-04-02"), {}, name="initial")
    new = write_audit(surveillance(start="2028-03-01", notification="2028-03-01"), {}, name="new")
    assert [d[4] for d in rows(diagnose, new, today=date(2028, 3, 2))] == ["fenetre-audit"]


@pytest.mark.parametrize(("start", "late"), [("2029-04-01", False), ("2029-04-02", True)])
def test_renewal_audit_before_the_certificate_ends(
    write_audit: WriteAudit, diagnose: Diagnose, start: str, late: bool
) -> None:
    """Obtained on 2 April 2026, the certificate ends on 1 April 2029: the renewal audit
    starts by then."""
    audit = surveillance(start=start, notification=start, precedent=None, kind="renouvellement",
                         extra=CERTIFIED.format(obtained="2026-04-02"))  # fmt: skip
    found = rows(diagnose, write_audit(audit, {}), today=date.fromisoformat(start))
    message = (
        "cet audit de renouvellement commence après la fin du certificat (1er avril 2029) : un "
        "renouvellement se tient avant cette fin ; si les dates sont justes, l'organisme est "
        "sans certification depuis"
    )
    assert found == ([("audit.yaml", 8, 10, WARN, "fenetre-audit", message)] if late else [])


def test_renewal_held_late_is_told_as_information(run_main: Any, write_audit: WriteAudit) -> None:
    """Held on 2 December 2028, less than 4 months before the end (1 April 2029, advised
    by 1 December 2028): no diagnostic, an information in status and JSON."""
    audit = surveillance(
        start="2028-12-02",
        notification="2028-12-05",
        precedent=None,
        kind="renouvellement",
        extra=CERTIFIED.format(obtained="2026-04-02"),
    )
    folder = write_audit(audit, {})  # fmt: skip
    result = run_main("status", str(folder), "--format", "json", "--today", "2028-12-06")
    (entry,) = json.loads(result.stdout)["audits"]
    assert (result.exit_code, result.stderr) == (0, "")
    assert entry["informations"] == [
        "audit de renouvellement tenu moins de 4 mois avant la fin du certificat (1er avril "
        "2029) : une NC majeure pourrait ne pas être corrigée et vérifiée à temps"
    ]
    on_time = write_audit(audit.replace("2028-12-02", "2028-12-01"), {}, name="on-time")
    result = run_main("status", str(on_time), "--format", "json", "--today", "2028-12-06")
    assert json.loads(result.stdout)["audits"][0]["informations"] == []


def test_previous_audit_held_after_is_an_error(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """'precedent' naming an audit that starts later is dates out of order."""
    write_audit(audit_text.replace("2026-03-09", "2027-07-01").replace("2026-03-10",
                "2027-07-01").replace("2026-03-12", "2027-07-02"), {}, name="initial")  # fmt: skip
    new = write_audit(surveillance(), {}, name="new")
    assert rows(diagnose, new) == [
        (
            "audit.yaml", 10, 14, ERR, "ordre-dates",
            "l'audit précédent « ../initial » commence le 1er juillet 2027, pas avant celui-ci "
            "(1er juin 2027) : « precedent » désigne l'audit tenu avant celui-ci",
        ),
    ]  # fmt: skip


# --- delays and new entrants ---------------------------------------------------------------


def test_legal_delay_exceeded_is_a_warning_and_capped(
    write_audit: WriteAudit, diagnose: Diagnose, run_main: Any, audit_text: str, nc_text: str
) -> None:
    """'correction_majeure: 4 mois': a warning naming the legal 3 months, which qnc counts
    (correction due 12 June 2026, not 12 July); a shorter delay is used as written."""
    major = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")
    folder = write_audit(audit_text + "regles:\n  correction_majeure: 4 mois\n",
                         {"NC-01.yaml": major})  # fmt: skip
    assert rows(diagnose, folder, today=date(2026, 3, 20)) == [
        (
            "audit.yaml", 12, 23, WARN, "delai-legal",
            "« correction_majeure: 4 mois » dépasse le délai légal de 3 mois (arrêté du 6 juin "
            "2019, art. 5) : qnc compte 3 mois ; un certificateur peut fixer un délai plus "
            "court, jamais plus long",
        ),
    ]  # fmt: skip
    result = run_main("status", str(folder), "--format", "json", "--today", "2026-03-20")
    steps = json.loads(result.stdout)["audits"][0]["non_conformites"][0]["etapes"]
    assert [s["date"] for s in steps] == ["2026-06-12", "2026-07-12"]
    shorter = write_audit(audit_text + "regles:\n  correction_majeure: 2 mois\n",
                          {"NC-01.yaml": major}, name="shorter")  # fmt: skip
    result = run_main("status", str(shorter), "--format", "json", "--today", "2026-03-20")
    steps = json.loads(result.stdout)["audits"][0]["non_conformites"][0]["etapes"]
    assert [s["date"] for s in steps] == ["2026-05-12", "2026-06-12"]


def test_new_entrant_category_must_be_declared(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """'nouvel_entrant: [CFA]' for an organisation that declares AF only."""
    audit = audit_text.replace("[AF]", "[AF]\n  nouvel_entrant: [CFA]")
    assert rows(diagnose, write_audit(audit), today=date(2026, 3, 20)) == [
        (
            "audit.yaml", 4, 19, ERR, "nouvel-entrant",
            "« nouvel_entrant » cite CFA, absent de « categories » (AF) : un nouvel entrant "
            "l'est dans des catégories pour lesquelles il est certifié",
        ),
    ]  # fmt: skip


# --- five open minors at a renewal ---------------------------------------------------------


def test_five_minors_at_a_renewal_decided_after_the_certificate_ends(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """Notified 12 March 2026: 5 open minors must be under 5 by 12 June, the decision by
    12 July; the certificate ending on 11 July is named, as for a major NC."""
    renewal = audit_text.replace("type: initial", "type: renouvellement") + (
        "certificat:\n  obtenu_le: 2023-07-13\n  expire_le: {end}\n"
    )
    ncs = {
        f"NC-0{i}.yaml": nc_text.replace("NC-01", f"NC-0{i}").replace(
            "indicateur: 12", f"indicateur: {n}"
        )
        for i, n in enumerate((1, 9, 12, 17, 18), 1)
    }
    late = write_audit(renewal.format(end="2026-07-11"), ncs, name="late")  # fmt: skip
    assert rows(diagnose, late, today=date(2026, 3, 20)) == [
        (
            "audit.yaml", 11, 1, WARN, "certificat-echu",
            "5 NC mineures sont ouvertes : ensemble elles comptent comme une NC majeure, et la "
            "décision du certificateur peut tomber jusqu'au 12 juillet 2026, après la fin du "
            "certificat (11 juillet 2026) : sans décision d'ici là, le certificat expire ; "
            "repassez sous 5 tôt",
        ),
    ]  # fmt: skip
    in_time = write_audit(renewal.format(end="2026-07-12"), ncs, name="in-time")
    assert rows(diagnose, in_time, today=date(2026, 3, 20)) == []
    four = dict(list(ncs.items())[:4])
    assert rows(diagnose, write_audit(renewal.format(end="2026-07-11"), four, name="four"),
                today=date(2026, 3, 20)) == []  # fmt: skip


def test_a_new_initial_audit_closes_a_refused_one_without_asking(
    run_main: Any, write_audit: WriteAudit, nc_text: str, tmp_path: Path
) -> None:
    """Refused (its major NC late), the organisation applies again: the new initial audit
    closes the old one, whose NCs carry nothing over; nothing to record, no warning."""
    major = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")
    write_audit(ncs={"NC-01.yaml": major}, name="initial")
    write_audit(surveillance(kind="initial", precedent=None), {}, name="again")
    check = run_main("check", ".", "--today", "2027-06-10", cwd=tmp_path)
    assert (check.exit_code, check.stderr) == (0, "")
    result = run_main("status", ".", "--format", "json", "--all", "--today", "2027-06-10",
                      cwd=tmp_path)  # fmt: skip
    old = next(a for a in json.loads(result.stdout)["audits"] if a["chemin"] == "initial")
    (nc,) = old["non_conformites"]
    assert (old["verdict"], old["motif"], nc["a_enregistrer"], nc["explication"]) == (
        "soldee",
        "toutes les non-conformités sont levées ou closes par un nouvel audit initial",
        False,
        "close le 4 juin 2027 par un nouvel audit initial : plus rien à faire ici",
    )
