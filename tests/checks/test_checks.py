"""qnc.checks.audit: rules spanning records, each code checked through the whole pipeline.

The base audit (conftest.AUDIT) declares AF, runs 9-10 March 2026, notified 12 March 2026;
the base NC is a minor NC on indicator 12, lines 1-4. Deadlines from the notification:
minor plan 11 April 2026, minor implementation 12 September 2026, major correction
12 June 2026, certifier's decision 12 July 2026.
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
Row = tuple[str, int, int, str, str, str]

ERR, WARN = "erreur", "avertissement"
NC_FILE = "nc/NC-01.yaml"
ONE_ACTION = "actions:\n  - id: A1\n    responsable: Marie Dupont\n    echeance: 2026-04-01\n"


def rows(diagnose: Diagnose, folder: Path, today: date = date(2026, 3, 20)) -> list[Row]:
    return [
        (d.file, d.line, d.column, d.severity, d.code, d.message)
        for d in diagnose(folder, today=today)
    ]


def major(nc: str) -> str:
    return nc.replace("indicateur: 12\ngravite: mineure", "indicateur: 11\ngravite: majeure")


def test_minimal_audit_has_no_problem(write_audit: WriteAudit, diagnose: Diagnose) -> None:
    """The base audit and NC are valid: nothing to report."""
    assert rows(diagnose, write_audit()) == []


# --- indicators -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Engagement des bénéficiaires et prévention des ruptures",
        "Engagement fostered, dropout prevented",  # qnc add --lang en
        "|\n  Engagement des bénéficiaires\n  et prévention des ruptures",  # rewrapped
    ],
)
def test_requirement_still_qncs_summary(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, written: str
) -> None:
    """The indicator's summary that qnc add writes as 'exigence' is a warning at
    'exigence', in either language, until replaced by the audit report's words."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + f"exigence: {written}\n"})
    assert rows(diagnose, folder) == [
        (NC_FILE, 5, 11, WARN, "exigence-resume",
         "« exigence » est encore le résumé de l'indicateur 12 écrit par qnc add : "
         "remplacez-le par l'exigence telle que la formule le rapport d'audit, ou supprimez "
         "la ligne"),
    ]  # fmt: skip


def test_requirement_in_the_audit_reports_words(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A requirement of one's own, even one that starts like the summary, is fine."""
    own = "exigence: Engagement des bénéficiaires et prévention des ruptures, tracés.\n"
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc_text + own})) == []


@pytest.mark.parametrize("number", [0, 34, 99])
def test_indicator_outside_the_grid(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, number: int
) -> None:
    """An indicator that is not in the audit's grid is refused with the grid's range."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text.replace("12", str(number))})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            2,
            13,
            ERR,
            "indicateur-inconnu",
            f"l'indicateur {number} n'existe pas dans la grille rnq-2019 (1 à 32)",
        ),
    ]


@pytest.mark.parametrize("number", [4, 11, 32])
def test_minor_on_a_major_only_indicator(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, number: int
) -> None:
    """'mineure' on a major-only indicator is refused at 'gravite'."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text.replace("12", str(number))})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            3,
            10,
            ERR,
            "indicateur-majeur",
            f"l'indicateur {number} ne donne que des NC majeures ; écrivez « gravite: majeure »",
        ),
    ]


def test_major_on_a_major_only_indicator_is_accepted(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A major NC on indicator 11 is what the grid expects."""
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": major(nc_text)})) == []


@pytest.mark.parametrize(
    ("number", "categories"), [(14, "CFA"), (15, "CFA"), (20, "CFA"), (29, "CFA")]
)
def test_indicator_of_another_category(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, number: int, categories: str
) -> None:
    """An indicator that applies to none of the organisation's categories is refused."""
    nc = nc_text.replace(
        "indicateur: 12\ngravite: mineure", f"indicateur: {number}\ngravite: majeure"
    )
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == [
        (
            NC_FILE,
            2,
            13,
            ERR,
            "categorie",
            f"l'indicateur {number} ne s'applique qu'à {categories}, et l'organisme déclare AF",
        ),
    ]


def test_category_among_several_is_enough(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """Indicator 14 (CFA) is accepted when the organisation declares AF and CFA."""
    nc = nc_text.replace("indicateur: 12\ngravite: mineure", "indicateur: 14\ngravite: majeure")
    folder = write_audit(audit_text.replace("[AF]", "[AF, CFA]"), {"NC-01.yaml": nc})
    assert rows(diagnose, folder) == []


@pytest.mark.parametrize(
    ("number", "grade", "categories", "activities", "activity"),
    [
        (28, "mineure", "[AF]", "[]", "alternance"),
        (28, "mineure", "[AF, BC]", "[certifiant]", "alternance"),
        (27, "majeure", "[AF]", "[alternance]", "sous_traitance"),
        (27, "majeure", "[CFA]", "[alternance, certifiant]", "sous_traitance"),
        (3, "mineure", "[AF]", "[]", "certifiant"),
        (7, "majeure", "[AF]", "[alternance]", "certifiant"),
        (13, "mineure", "[AF]", "[certifiant]", "alternance"),
    ],
)
def test_conditional_indicator_without_its_activity(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    audit_text: str,
    nc_text: str,
    number: int,
    grade: str,
    categories: str,
    activities: str,
    activity: str,
) -> None:
    """A conditional indicator without the matching 'activites' gives a warning."""
    audit = audit_text.replace("[AF]", f"{categories}\n  activites: {activities}")
    nc = nc_text.replace(
        "indicateur: 12\ngravite: mineure", f"indicateur: {number}\ngravite: {grade}"
    )
    assert rows(diagnose, write_audit(audit, {"NC-01.yaml": nc})) == [
        (
            NC_FILE,
            2,
            13,
            WARN,
            "activite",
            f"l'indicateur {number} ne s'applique qu'avec l'activité {activity}, absente de "
            "« activites » dans audit.yaml",
        ),
    ]


@pytest.mark.parametrize(
    ("number", "grade", "categories", "activities"),
    [
        (28, "mineure", "[AF]", "[alternance]"),
        (27, "majeure", "[BC]", "[sous_traitance]"),
        (3, "mineure", "[VAE]", "[certifiant]"),
        (13, "mineure", "[CFA]", "[]"),
        (13, "mineure", "[AF, CFA]", "[]"),
    ],
)
def test_conditional_indicator_with_its_activity(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    audit_text: str,
    nc_text: str,
    number: int,
    grade: str,
    categories: str,
    activities: str,
) -> None:
    """With the activity declared, or a category where it applies without condition, all is well."""
    audit = audit_text.replace("[AF]", f"{categories}\n  activites: {activities}")
    nc = nc_text.replace(
        "indicateur: 12\ngravite: mineure", f"indicateur: {number}\ngravite: {grade}"
    )
    assert rows(diagnose, write_audit(audit, {"NC-01.yaml": nc})) == []


@pytest.mark.parametrize(
    ("number", "grade", "categories"),
    [
        (28, "mineure", "[CFA]"),  # alternance: apprenticeship always alternates
        (3, "mineure", "[CFA]"),  # certifiant: apprenticeship always certifies
        (7, "majeure", "[CFA]"),
        (16, "majeure", "[CFA]"),
        (3, "mineure", "[VAE]"),  # certifiant: VAE always aims at a certification
        (16, "majeure", "[VAE]"),
        (28, "mineure", "[AF, CFA]"),  # the AF condition is missing, the CFA one holds
    ],
)
def test_cfa_and_vae_meet_their_conditions_without_activities(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str,
    number: int, grade: str, categories: str,
) -> None:  # fmt: skip
    """CFA always alternates and certifies (Code du travail L. 6211-1, L. 6211-2), VAE
    always certifies (L. 6313-5): no 'activite' warning without 'activites'."""
    audit = audit_text.replace("[AF]", categories)
    nc = nc_text.replace(
        "indicateur: 12\ngravite: mineure", f"indicateur: {number}\ngravite: {grade}"
    )
    assert rows(diagnose, write_audit(audit, {"NC-01.yaml": nc})) == []


# --- grids ------------------------------------------------------------------------------

CFA_NC_33 = "id: NC-01\nindicateur: 33\ngravite: mineure\nconstat: x\n"


def cfa_audit(audit_text: str, start: str, dates: str) -> str:
    """The base audit for a CFA starting on ``start``, its fin/notification lines replaced."""
    audit = audit_text.replace("[AF]", "[CFA]").replace("2026-03-09", start)
    return audit.replace("  fin: 2026-03-10\n  notification: 2026-03-12\n", dates)


@pytest.mark.parametrize("start", ["2026-11-01", "2027-01-15"])
def test_indicator_33_accepted_from_november_2026(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, start: str
) -> None:
    """An audit starting on or after 1 November 2026 uses rnq-2026, where 33 exists."""
    audit = cfa_audit(audit_text, start, f"  notification: {start}\n")
    folder = write_audit(audit, {"NC-01.yaml": CFA_NC_33})
    assert rows(diagnose, folder, today=date.fromisoformat(start)) == []


def test_indicator_33_refused_before_november_2026(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """An audit starting on 31 October 2026 uses rnq-2019, without indicator 33."""
    audit = cfa_audit(audit_text, "2026-10-31", "  notification: 2026-10-31\n")
    folder = write_audit(audit, {"NC-01.yaml": CFA_NC_33})
    assert rows(diagnose, folder, today=date(2026, 11, 5)) == [
        (
            NC_FILE,
            2,
            13,
            ERR,
            "indicateur-inconnu",
            "l'indicateur 33 n'existe pas dans la grille rnq-2019 (1 à 32)",
        ),
    ]


def test_grid_override_refuses_indicator_33(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """'referentiel: rnq-2019' keeps the 32-indicator grid after 1 November 2026."""
    audit = cfa_audit(
        audit_text, "2026-11-02", "  notification: 2026-11-02\n  referentiel: rnq-2019\n"
    )
    folder = write_audit(audit, {"NC-01.yaml": CFA_NC_33})
    assert rows(diagnose, folder, today=date(2026, 11, 5)) == [
        (
            NC_FILE,
            2,
            13,
            ERR,
            "indicateur-inconnu",
            "l'indicateur 33 n'existe pas dans la grille rnq-2019 (1 à 32)",
        ),
    ]


def test_indicator_34_refused_by_rnq_2026(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """The 2026 grid ends at 33."""
    audit = cfa_audit(audit_text, "2026-11-02", "  notification: 2026-11-02\n")
    folder = write_audit(audit, {"NC-01.yaml": CFA_NC_33.replace("33", "34")})
    assert rows(diagnose, folder, today=date(2026, 11, 5)) == [
        (
            NC_FILE,
            2,
            13,
            ERR,
            "indicateur-inconnu",
            "l'indicateur 34 n'existe pas dans la grille rnq-2026 (1 à 33)",
        ),
    ]


# --- duplicates -------------------------------------------------------------------------


def test_duplicate_nc_id(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """Two NCs with one id: an error on the second file, and no advice to rename it so."""
    folder = write_audit(
        ncs={
            "NC-01.yaml": nc_text,
            "NC-02.yaml": nc_text.replace("12", "1"),
        }
    )
    assert rows(diagnose, folder) == [
        (
            "nc/NC-02.yaml",
            1,
            5,
            ERR,
            "id-duplique",
            "l'identifiant « NC-01 » est déjà pris par NC-01.yaml ; donnez à chaque NC le sien",
        ),
    ]


def test_duplicate_id_blames_the_copy(write_audit: WriteAudit, diagnose: Diagnose,
                                      nc_text: str) -> None:  # fmt: skip
    """'NC-01 (copie).yaml' sorts before 'NC-01.yaml', yet the copy is the file blamed: the
    one named after its id keeps it, for the id and for the indicator."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text, "NC-01 (copie).yaml": nc_text})
    assert [(r[0], r[4]) for r in rows(diagnose, folder)] == [
        ("nc/NC-01 (copie).yaml", "id-duplique"),
        ("nc/NC-01 (copie).yaml", "indicateur-duplique"),
    ]
    assert "déjà pris par NC-01.yaml" in rows(diagnose, folder)[0][5]


def test_duplicate_indicator(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """Two NCs on one indicator: an error on the second, asking to merge the findings."""
    folder = write_audit(
        ncs={"NC-01.yaml": nc_text, "NC-02.yaml": nc_text.replace("NC-01", "NC-02")}
    )
    assert rows(diagnose, folder) == [
        (
            "nc/NC-02.yaml",
            2,
            13,
            ERR,
            "indicateur-duplique",
            "l'indicateur 12 a déjà une NC (NC-01.yaml) ; un indicateur ne donne qu'une NC par "
            "audit : regroupez les constats",
        ),
    ]


def test_duplicate_action_id(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """Two actions with one id in an NC: an error at the second id."""
    action = "  - id: A1\n    responsable: Marie Dupont\n    echeance: 2026-04-15\n"
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "actions:\n" + action + action})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            9,
            9,
            ERR,
            "action-dupliquee",
            "l'identifiant d'action « A1 » est utilisé deux fois dans cette NC",
        ),
    ]


def test_duplicate_action_id_is_said_with_the_other_errors(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """An action without 'responsable' does not hide the duplicate id: one run says both."""
    action = "  - id: A1\n    echeance: 2026-04-15\n"
    folder = write_audit(ncs={"NC-01.yaml": nc_text + "actions:\n" + action + action})
    assert [(r[1], r[4]) for r in rows(diagnose, folder)] == [
        (6, "cle-manquante"),
        (8, "cle-manquante"),
        (8, "action-dupliquee"),
    ]


def test_same_action_id_in_two_ncs_is_fine(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """Action ids are unique per NC, not per audit."""
    action = "actions:\n  - id: A1\n    responsable: Marie Dupont\n    echeance: 2026-04-15\n"
    folder = write_audit(
        ncs={
            "NC-01.yaml": nc_text + action,
            "NC-02.yaml": nc_text.replace("NC-01", "NC-02").replace("12", "1") + action,
        }
    )
    assert rows(diagnose, folder) == []


# --- date order -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "position", "message"),
    [
        (
            "  fin: 2026-03-10",
            "  fin: 2026-03-08",
            (9, 8),
            "l'audit finit (8 mars 2026) avant de commencer (9 mars 2026)",
        ),
        (
            "  notification: 2026-03-12",
            "  notification: 2026-03-05",
            (10, 17),
            "la notification (5 mars 2026) précède le début de l'audit (9 mars 2026)",
        ),
        (
            "certificateur:",
            "certificat:\n  obtenu_le: 2026-05-02\n  expire_le: 2026-05-01\ncertificateur:",
            (6, 14),
            "le certificat expire (1er mai 2026) avant d'avoir été obtenu (2 mai 2026)",
        ),
    ],
)
def test_audit_dates_out_of_order(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    audit_text: str,
    old: str,
    new: str,
    position: tuple[int, int],
    message: str,
) -> None:
    """Audit dates in the wrong order are errors at the later date's value."""
    folder = write_audit(audit_text.replace(old, new))
    assert rows(diagnose, folder) == [
        ("audit.yaml", *position, ERR, "ordre-dates", message),
    ]


@pytest.mark.parametrize(
    ("extra", "position", "day"),
    [
        (
            "plan_envoye_le: 2026-03-08\nanalyse_causes: x\n" + ONE_ACTION,
            (5, 17),
            "8 mars 2026",
        ),
        ("preuves_envoyees_le: 2026-03-01\n", (5, 22), "1er mars 2026"),
        ("levee_le: 2026-02-28\n", (5, 11), "28 février 2026"),
        ("efficacite:\n  verifiee_le: 2026-03-08\n", (6, 16), "8 mars 2026"),
        (
            "actions:\n  - id: A1\n    responsable: M\n    echeance: 2026-04-15\n"
            "    fait_le: 2025-12-31\n",
            (9, 14),
            "31 décembre 2025",
        ),
    ],
)
def test_fact_before_the_audit(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    extra: str,
    position: tuple[int, int],
    day: str,
) -> None:
    """A sent, done, checked or lifted date before the audit's first day (9 March 2026)
    is an error. (That the lifted NC has no plan sent is another test's.)"""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + extra})
    found = [row for row in rows(diagnose, folder) if row[4] != "levee-sans-plan"]
    assert found == [
        (
            NC_FILE,
            *position,
            ERR,
            "ordre-dates",
            f"le {day} est avant le début de l'audit (9 mars 2026)",
        ),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "plan_envoye_le: 2026-03-09\nanalyse_causes: x\n" + ONE_ACTION,  # the first audit day
        "preuves_envoyees_le: 2026-03-10\n",  # the last audit day
        "preuves_envoyees_le: 2026-03-10\nlevee_le: 2026-03-11\n",  # the day before
        "efficacite:\n  verifiee_le: 2026-03-11\n",
        "actions:\n  - id: A1\n    responsable: M\n    echeance: 2026-04-15\n"
        "    fait_le: 2026-03-10\n",  # done at the closing meeting
        "plan_envoye_le: 2026-03-10\nlevee_le: 2026-03-12\n",  # the notification day
    ],
)
def test_fact_between_the_audit_and_the_notification_is_valid(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, extra: str
) -> None:
    """Work often starts at the closing meeting (audit 9-10 March, notification 12 March):
    a fact dated from the audit's first day on is in order."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + extra})
    assert rows(diagnose, folder) == []


DUE_BEFORE = (
    "échéance le {day}, avant le début de l'audit (9 mars 2026) : une échéance vient après "
    "l'audit qui a relevé la NC ; vérifiez la date"
)


@pytest.mark.parametrize(
    ("extra", "position", "day"),
    [
        (
            "actions:\n  - id: A1\n    responsable: M\n    echeance: 2025-08-10\n",
            (8, 15),
            "10 août 2025",
        ),
        ("efficacite:\n  echeance: 2026-03-08\n", (6, 13), "8 mars 2026"),
    ],
)
def test_due_date_before_the_audit(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    extra: str,
    position: tuple[int, int],
    day: str,
) -> None:
    """An action or an effectiveness check due before the audit's first day (9 March
    2026), a copied year most likely, is an error like a fact before the audit; due on
    the first day itself is in order."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + extra})
    assert rows(diagnose, folder) == [
        (NC_FILE, *position, ERR, "ordre-dates", DUE_BEFORE.format(day=day)),
    ]
    on_first_day = extra.replace("2025-08-10", "2026-03-09").replace("2026-03-08", "2026-03-09")
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc_text + on_first_day},
                                      name="first-day")) == []  # fmt: skip


def test_plan_sent_before_the_notification_meets_the_step(
    write_audit: WriteAudit, run_main: Any, nc_text: str
) -> None:
    """A plan sent on 10 March, before the notification of 12 March: the clocks still run
    from the notification (plan due 11 April), and the step is met on 10 March."""
    nc = nc_text + "plan_envoye_le: 2026-03-10\nanalyse_causes: x\n" + ONE_ACTION
    folder = write_audit(ncs={"NC-01.yaml": nc})
    result = run_main("status", str(folder), "--format", "json", "--today", "2026-03-20")
    (plan, implementation) = json.loads(result.stdout)["audits"][0]["non_conformites"][0]["etapes"]
    assert plan == {"etape": "plan", "date": "2026-04-11", "jours_restants": 22,
                    "statut": "tenue"}  # fmt: skip
    assert implementation["date"] == "2026-09-12"


def test_without_notification_facts_are_checked_against_the_first_day(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """No notification: a warning (clocks start on the last audit day, 10 March); a fact
    on the first audit day is in order, one the day before is not."""
    audit = audit_text.replace("  notification: 2026-03-12\n", "")
    nc = nc_text + "levee_le: 2026-03-09\nplan_envoye_le: 2026-03-08\nanalyse_causes: x\n"
    folder = write_audit(audit, {"NC-01.yaml": nc + ONE_ACTION})
    assert rows(diagnose, folder) == [
        (
            "audit.yaml",
            6,
            1,
            WARN,
            "notification-absente",
            "pas de date de notification : les délais partent du dernier jour d'audit "
            "(10 mars 2026) ; ajoutez « notification: » avec la date où les NC ont été notifiées",
        ),
        (
            NC_FILE,
            6,
            17,
            ERR,
            "ordre-dates",
            "le 8 mars 2026 est avant le début de l'audit (9 mars 2026)",
        ),
    ]


# --- references, file names, evidence ----------------------------------------------------


def test_missing_previous_audit(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """audit.precedent must name an existing folder, relative to the audit folder."""
    folder = write_audit(audit_text + "  precedent: ../2024-03-audit-initial\n")
    assert rows(diagnose, folder) == [
        (
            "audit.yaml",
            11,
            14,
            ERR,
            "reference-introuvable",
            "« ../2024-03-audit-initial » n'existe pas (le chemin part du dossier de l'audit)",
        ),
    ]


def test_existing_previous_audit(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, tmp_path: Path
) -> None:
    """A previous audit is accepted once its folder holds audit.yaml."""
    (tmp_path / "2024-03-audit-initial").mkdir()
    folder = write_audit(audit_text + "  precedent: ../2024-03-audit-initial\n")
    assert [r[4] for r in rows(diagnose, folder)] == ["reference-introuvable"]
    (tmp_path / "2024-03-audit-initial" / "audit.yaml").write_text("", "utf-8")
    assert rows(diagnose, folder) == []


def test_missing_origin(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, tmp_path: Path
) -> None:
    """nc.origine must name an existing file; an existing one is accepted."""
    (tmp_path / "old" / "nc").mkdir(parents=True)
    (tmp_path / "old" / "nc" / "NC-03.yaml").write_text("id: NC-03\n")
    folder = write_audit(
        ncs={
            "NC-01.yaml": nc_text + "origine: ../old/nc/NC-04.yaml\n",
            "NC-02.yaml": nc_text.replace("NC-01", "NC-02").replace("12", "1")
            + "origine: ../old/nc/NC-03.yaml\n",
        }
    )
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            5,
            10,
            ERR,
            "reference-introuvable",
            "« ../old/nc/NC-04.yaml » n'existe pas (le chemin part du dossier de l'audit)",
        ),
    ]


def test_file_not_named_after_its_id(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """nc/<file> whose name is not <id>.yaml gives a warning at the id."""
    folder = write_audit(ncs={"absences.yaml": nc_text})
    assert rows(diagnose, folder) == [
        (
            "nc/absences.yaml",
            1,
            5,
            WARN,
            "nom-fichier",
            "le fichier devrait porter le nom de son identifiant : NC-01.yaml",
        ),
    ]


def test_yml_extension_is_read(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """nc/NC-01.yml is read as an NC file, with advice to name it <id>.yaml."""
    folder = write_audit(ncs={"NC-01.yml": nc_text.replace("12", "0")})
    assert [(d[0], d[4]) for d in rows(diagnose, folder)] == [
        ("nc/NC-01.yml", "nom-fichier"),
        ("nc/NC-01.yml", "indicateur-inconnu"),
    ]


ACTION = "actions:\n  - id: A1\n    responsable: Marie Dupont\n    echeance: {due}\n"


@pytest.mark.parametrize(
    ("grade", "due", "day", "limit"),
    [
        ("mineure", "2026-09-13", "13 septembre 2026", "12 septembre 2026"),
        ("majeure", "2026-06-13", "13 juin 2026", "12 juin 2026"),
    ],
)
def test_action_due_after_the_regulatory_date(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    grade: str,
    due: str,
    day: str,
    limit: str,
) -> None:
    """An action due after its NC's regulatory date gives a warning at its echeance."""
    nc = nc_text + ACTION.format(due=due)
    nc = major(nc) if grade == "majeure" else nc
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == [
        (
            NC_FILE,
            8,
            15,
            WARN,
            "echeance-action",
            f"cette action est prévue le {day}, après l'échéance réglementaire de la NC ({limit})",
        ),
    ]


def test_a_lifted_nc_gets_no_advice_on_its_plan(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """Once the NC is lifted its plan is settled: an action due after the regulatory date
    and a plan sent without root cause analysis are no longer worth a warning (qnc check
    --strict passes on a finished audit); the day before the lift they still are."""
    nc = major(nc_text) + "plan_envoye_le: 2026-03-15\npreuves_envoyees_le: 2026-03-18\n"
    nc += "levee_le: 2026-03-19\n"
    nc += ACTION.format(due="2026-06-13")
    folder = write_audit(ncs={"NC-01.yaml": nc})
    assert rows(diagnose, folder) == []
    assert [r[4] for r in rows(diagnose, folder, today=date(2026, 3, 18))] == [
        "analyse-causes",
        "date-future",
        "echeance-action",
    ]


@pytest.mark.parametrize(("grade", "due"), [("mineure", "2026-09-12"), ("majeure", "2026-06-12")])
def test_action_due_on_the_regulatory_date(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, grade: str, due: str
) -> None:
    """The regulatory due date is the last allowed day: an action due that day is fine."""
    nc = nc_text + ACTION.format(due=due)
    nc = major(nc) if grade == "majeure" else nc
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == []


@pytest.mark.parametrize(
    ("grade", "planned", "found"),
    [
        ("majeure", "2026-06-13", [(NC_FILE, 7, 13, WARN, "echeance-efficacite",
          "la vérification de l'efficacité est prévue le 13 juin 2026, après l'échéance de "
          "correction de cette NC majeure (12 juin 2026), date à laquelle les preuves doivent "
          "être envoyées : prévoyez une première vérification d'ici là")]),
        ("majeure", "2026-06-12", []),
        ("mineure", "2026-12-01", []),  # a minor NC's effect is checked at the next audit
    ],
)  # fmt: skip
def test_effectiveness_check_planned_after_the_correction_due_date(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, grade: str, planned: str,
    found: list[Row],
) -> None:  # fmt: skip
    """A major NC's effectiveness check planned after its correction due date, when the
    proof is due, gives a warning at 'efficacite.echeance'; the due date itself is fine."""
    nc = nc_text + f"efficacite:\n  responsable: Marie Dupont\n  echeance: {planned}\n"
    nc = major(nc) if grade == "majeure" else nc
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == found


def test_effectiveness_dates_are_checked_as_dates(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'efficacite.echeance' is a date like every other: a French date is refused."""
    nc = nc_text + "efficacite:\n  echeance: 12/06/2026\n"
    (row,) = rows(diagnose, write_audit(ncs={"NC-01.yaml": nc}))
    assert row[:5] == (NC_FILE, 6, 13, ERR, "date-invalide")


EVIDENCE = ACTION.format(due="2026-04-15") + "    preuves:\n      - {path}\n"


def test_missing_evidence(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """An evidence path that does not exist is an error at the list item: the plan would
    send the certifier a link to nothing."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + EVIDENCE.format(path="preuves/grille.pdf")})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            10,
            9,
            ERR,
            "preuve-introuvable",
            "la preuve « preuves/grille.pdf » n'existe pas (le chemin part du dossier de l'audit)",
        ),
    ]


def test_windows_evidence_path(write_audit: WriteAudit, diagnose: Diagnose, nc_text: str) -> None:
    """preuves\\grille.pdf: a warning giving the path with '/', which is then looked for."""
    nc = nc_text + EVIDENCE.format(path="'preuves\\grille.pdf'") + "      - 'preuves\\liste.pdf'\n"
    folder = write_audit(ncs={"NC-01.yaml": nc}, files={"preuves/grille.pdf": "x"})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            10,
            9,
            WARN,
            "preuve-chemin",
            "le chemin de preuve « preuves\\grille.pdf » est écrit avec des « \\ » (Windows) ; "
            "écrivez-le avec des « / », qui marchent partout, y compris dans les liens du plan : "
            "preuves/grille.pdf",
        ),
        (
            NC_FILE,
            11,
            9,
            WARN,
            "preuve-chemin",
            "le chemin de preuve « preuves\\liste.pdf » est écrit avec des « \\ » (Windows) ; "
            "écrivez-le avec des « / », qui marchent partout, y compris dans les liens du plan : "
            "preuves/liste.pdf",
        ),
        (
            NC_FILE,
            11,
            9,
            ERR,
            "preuve-introuvable",
            "la preuve « preuves/liste.pdf » n'existe pas (le chemin part du dossier de l'audit)",
        ),
    ]


@pytest.mark.parametrize("path", ["preuves/grille.pdf", "https://intranet.example/grille.pdf"])
def test_existing_or_online_evidence(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, path: str
) -> None:
    """An evidence file that exists, or an http(s) URL, is accepted."""
    folder = write_audit(
        ncs={"NC-01.yaml": nc_text + EVIDENCE.format(path=path)}, files={"preuves/grille.pdf": "x"}
    )
    assert rows(diagnose, folder) == []


@pytest.mark.parametrize("path", ["../grille.pdf", "/etc/hostname"])
def test_evidence_outside_the_repository(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, tmp_path: Path, path: str
) -> None:
    """Evidence outside the repository (here, the audit folder: no git) gives a warning."""
    (tmp_path / "grille.pdf").write_text("x")
    folder = write_audit(ncs={"NC-01.yaml": nc_text + EVIDENCE.format(path=path)})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            10,
            9,
            WARN,
            "preuve-hors-depot",
            f"la preuve « {path} » est hors du dépôt ; copiez-la dans le dossier de l'audit pour "
            "qu'elle soit versionnée avec lui",
        ),
    ]


def test_evidence_elsewhere_in_the_git_repository(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str, tmp_path: Path
) -> None:
    """Inside a git work tree, evidence beside the audit folder is in the repository."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "commun").mkdir()
    (tmp_path / "commun" / "charte.pdf").write_text("x")
    nc = nc_text + EVIDENCE.format(path="../commun/charte.pdf")
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == []


# --- facts in the future, root causes, late steps ----------------------------------------


@pytest.mark.parametrize(
    ("extra", "position"),
    [
        ("preuves_envoyees_le: 2026-03-21\n", (5, 22)),
        ("levee_le: 2026-03-21\npreuves_envoyees_le: 2026-03-12\n", (5, 11)),
        (
            "actions:\n  - id: A1\n    responsable: M\n    echeance: 2026-04-15\n"
            "    fait_le: 2026-03-21\n",
            (9, 14),
        ),
    ],
)
def test_fact_in_the_future(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    extra: str,
    position: tuple[int, int],
) -> None:
    """A fact dated after today gives a warning; today itself is fine."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text + extra})
    assert rows(diagnose, folder, today=date(2026, 3, 21)) == []
    assert rows(diagnose, folder, today=date(2026, 3, 20)) == [
        (
            NC_FILE,
            *position,
            WARN,
            "date-future",
            "le 21 mars 2026 est dans le futur : n'inscrivez un fait qu'une fois accompli",
        ),
    ]


def test_plan_sent_without_root_causes(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A plan sent without 'analyse_causes' gives a warning at plan_envoye_le."""
    nc = nc_text + "plan_envoye_le: 2026-03-18\n" + ONE_ACTION
    folder = write_audit(ncs={"NC-01.yaml": nc})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            5,
            17,
            WARN,
            "analyse-causes",
            "le plan d'actions a été envoyé sans analyse des causes ; ajoutez « analyse_causes: »",
        ),
    ]


def test_plan_sent_with_root_causes(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """With 'analyse_causes', a sent plan is fine."""
    nc = nc_text + "plan_envoye_le: 2026-03-18\nanalyse_causes: Pas de procédure.\n"
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc + ONE_ACTION})) == []


def test_plan_sent_without_actions(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A plan sent with no action listed is a warning at plan_envoye_le."""
    nc = nc_text + "plan_envoye_le: 2026-03-18\nanalyse_causes: Pas de procédure.\n"
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == [
        (
            NC_FILE,
            5,
            17,
            WARN,
            "sans-action",
            "le plan d'actions a été envoyé, mais aucune action n'est listée ; "
            "ajoutez-les sous « actions: »",
        ),
    ]


@pytest.mark.parametrize(
    ("grade", "today", "step", "due", "late"),
    [
        ("majeure", date(2026, 6, 14), "corrections faites, preuves envoyées", "12 juin 2026", 2),
        ("mineure", date(2026, 4, 13), "plan d'actions envoyé", "11 avril 2026", 2),
    ],
)
def test_overdue_step(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    grade: str,
    today: date,
    step: str,
    due: str,
    late: int,
) -> None:
    """A regulatory step not met after its due date gives a warning at the NC's id."""
    nc = major(nc_text) if grade == "majeure" else nc_text
    folder = write_audit(ncs={"NC-01.yaml": nc})
    assert rows(diagnose, folder, today=today) == [
        (
            NC_FILE,
            1,
            5,
            WARN,
            "etape-depassee",
            f"l'étape « {step} » était due le {due} et a {late} jours de retard",
        ),
    ]


def test_overdue_by_one_day_is_singular(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A step one day late says '1 jour', not '1 jours'."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text})
    [found] = diagnose(folder, today=date(2026, 4, 12))
    assert (
        found.message
        == "l'étape « plan d'actions envoyé » était due le 11 avril 2026 et a 1 jour de retard"
    )


@pytest.mark.parametrize(
    ("grade", "extra", "today"),
    [
        ("majeure", "", date(2026, 6, 12)),
        ("mineure", "", date(2026, 4, 11)),
        ("majeure", "preuves_envoyees_le: 2026-06-01\n", date(2026, 8, 1)),
        ("majeure", "preuves_envoyees_le: 2026-04-20\nlevee_le: 2026-05-01\n", date(2026, 8, 1)),
        ("mineure", "plan_envoye_le: 2026-04-01\nlevee_le: 2026-05-01\n", date(2026, 12, 1)),
    ],
)
def test_no_overdue_step(
    write_audit: WriteAudit,
    diagnose: Diagnose,
    nc_text: str,
    grade: str,
    extra: str,
    today: date,
) -> None:
    """On the due day, once met, or once lifted, no step is late; the decision never warns."""
    nc = (major(nc_text) if grade == "majeure" else nc_text) + extra
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc}), today=today) == []


def test_both_minor_steps_overdue(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A minor NC with nothing done after six months has both its steps late."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text})
    assert [(d.code, d.message) for d in diagnose(folder, today=date(2026, 9, 14))] == [
        (
            "etape-depassee",
            "l'étape « plan d'actions envoyé » était due le 11 avril 2026 et a 156 jours de retard",
        ),
        (
            "etape-depassee",
            "l'étape « plan d'actions mis en œuvre » était due le 12 septembre 2026 et a 2 jours "
            "de retard",
        ),
    ]


def test_check_audit_is_pure(tmp_path: Path) -> None:
    """check_audit consults the file system only through the 'exists' function it is given."""
    from qnc.checks.audit import check_audit
    from qnc.checks.context import Context
    from qnc.model.folder import AuditFolder, NcFile
    from qnc.model.records import Audit, NonConformity

    audit = Audit.model_validate(
        {
            "organisme": {"nom": "X", "categories": ["AF"]},
            "certificateur": {"nom": "C"},
            "audit": {
                "type": "initial",
                "debut": "2026-03-09",
                "notification": "2026-03-12",
                "precedent": "../avant",
            },
        }
    )
    nc = NonConformity.model_validate(
        {
            "id": "NC-01",
            "indicateur": 12,
            "gravite": "mineure",
            "constat": "x",
            "origine": "../avant/nc/NC-01.yaml",
        }
    )
    folder = AuditFolder(tmp_path / "audit", audit, (NcFile(tmp_path / "audit/nc/NC-01.yaml", nc),))
    asked: list[Path] = []

    def exists(path: Path) -> bool:
        asked.append(path)
        return True

    context = Context(today=date(2026, 3, 20), exists=exists, repository=tmp_path)
    assert check_audit(folder, context) == []
    assert asked == [tmp_path / "avant/audit.yaml", tmp_path / "avant/nc/NC-01.yaml"]


def test_nc_rules_run_when_audit_yaml_has_errors(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """A broken audit.yaml does not hide what the NC files say on their own."""
    audit = audit_text.replace("  categories: [AF]\n", '  categories: [AF]\n  siret: "1"\n')
    nc = nc_text + ONE_ACTION + "  - id: A1\n    responsable: M\n    echeance: 2026-04-02\n"
    folder = write_audit(audit, {"NC-01.yaml": nc, "NC-02.yaml": nc_text})
    assert [(d[0], d[1], d[4]) for d in rows(diagnose, folder)] == [
        ("audit.yaml", 4, "siret"),
        ("nc/NC-01.yaml", 9, "action-dupliquee"),
        ("nc/NC-02.yaml", 1, "id-duplique"),
        ("nc/NC-02.yaml", 2, "indicateur-duplique"),
    ]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            ".",
            "« . » est le dossier de cet audit lui-même ; indiquez le dossier de l'audit précédent",
        ),
        ("..", "« .. » n'est pas un dossier d'audit : il ne contient pas de audit.yaml"),
    ],
)  # fmt: skip
def test_previous_audit_must_be_another_audit_folder(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, target: str, message: str
) -> None:
    """'precedent' naming the audit itself, or a folder without audit.yaml, is an error."""
    folder = write_audit(audit_text + f"  precedent: {target}\n")
    assert [(d[4], d[5]) for d in rows(diagnose, folder)] == [("reference-introuvable", message)]


def test_plan_sent_without_actions_on_a_lifted_nc(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """Once the NC is lifted, a plan sent without actions is no longer worth a warning."""
    nc = nc_text + "plan_envoye_le: 2026-03-18\nanalyse_causes: x\nlevee_le: 2026-03-19\n"
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == []


def test_plan_sent_without_actions_lifted_only_later(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """Seen before the day it is lifted, the NC still gets the 'sans-action' warning."""
    nc = nc_text + "plan_envoye_le: 2026-03-18\nanalyse_causes: x\nlevee_le: 2026-03-25\n"
    assert [(d.line, d.column, d.code) for d in diagnose(write_audit(ncs={"NC-01.yaml": nc}))] == [
        (5, 17, "sans-action"),
        (7, 11, "date-future"),
    ]


def test_audit_on_a_single_day_is_fine(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """An audit ending on the day it starts ('fin' equal to 'debut') is in order."""
    folder = write_audit(audit_text.replace("fin: 2026-03-10", "fin: 2026-03-09"))
    assert rows(diagnose, folder) == []


def test_certificate_expiring_the_day_it_is_obtained_is_fine(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str
) -> None:
    """'expire_le' equal to 'obtenu_le' is not a date out of order."""
    certificate = "certificat:\n  obtenu_le: 2026-05-01\n  expire_le: 2026-05-01\n"
    assert rows(diagnose, write_audit(audit_text + certificate)) == []


# --- a renewal whose certificate ends before the certifier must decide ---------------------


def renewal(audit_text: str, expires: str) -> str:
    return (
        audit_text.replace("type: initial", "type: renouvellement")
        + f"certificat:\n  obtenu_le: 2023-07-13\n  expire_le: {expires}\n"
    )


def test_decision_due_on_the_certificate_end_is_fine(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """The decision due on 12 July 2026, the certificate's last day: no warning."""
    folder = write_audit(renewal(audit_text, "2026-07-12"), {"NC-01.yaml": major(nc_text)})
    assert rows(diagnose, folder) == []


def test_decision_due_after_the_certificate_end(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """The decision due on 12 July 2026, a day after the certificate ends: a warning at gravite."""
    folder = write_audit(renewal(audit_text, "2026-07-11"), {"NC-01.yaml": major(nc_text)})
    assert rows(diagnose, folder) == [
        (
            NC_FILE,
            3,
            10,
            WARN,
            "certificat-echu",
            "la décision du certificateur sur cette NC majeure peut tomber jusqu'au 12 juillet "
            "2026, après la fin du certificat (11 juillet 2026) : sans décision d'ici là, le "
            "certificat expire ; envoyez les preuves tôt",
        ),
    ]


def test_lifted_major_does_not_warn_about_the_certificate_end(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """A major NC already lifted needs no decision: no warning, whatever the certificate end."""
    nc = major(nc_text) + "preuves_envoyees_le: 2026-03-18\nlevee_le: 2026-03-19\n"
    folder = write_audit(renewal(audit_text, "2026-07-11"), {"NC-01.yaml": nc})
    assert rows(diagnose, folder) == []


# --- the plan's own keys: an action's start, the signatory, the effectiveness method ------


def test_action_starting_after_it_was_done(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """'debut' after 'fait_le' is an error at 'debut'; on the same day, or planned ahead
    of today, it is in order."""
    action = (
        "actions:\n  - id: A1\n    responsable: Marie Dupont\n    debut: {start}\n"
        "    echeance: 2026-04-01\n    fait_le: 2026-03-15\n"
    )
    late = write_audit(ncs={"NC-01.yaml": nc_text + action.format(start="2026-03-16")})
    assert rows(diagnose, late) == [
        (NC_FILE, 8, 12, ERR, "ordre-dates",
         "l'action commence (16 mars 2026) après avoir été faite (15 mars 2026)"),
    ]  # fmt: skip
    same_day = nc_text + action.format(start="2026-03-15")
    planned = nc_text + action.format(start="2026-05-02").replace("    fait_le: 2026-03-15\n", "")
    for text, name in ((same_day, "same-day"), (planned, "planned")):
        assert rows(diagnose, write_audit(ncs={"NC-01.yaml": text}, name=name)) == []


def test_signatory_and_effectiveness_method_are_read(
    write_audit: WriteAudit, diagnose: Diagnose, audit_text: str, nc_text: str
) -> None:
    """'signataire' in audit.yaml and 'efficacite.methode' without a check yet are valid;
    a signatory's date is checked like any date, and an unknown key is named."""
    signed = audit_text + "signataire:\n  nom: Jeanne Martin\n  fonction: Directrice\n"
    method = nc_text + "efficacite:\n  methode: Relevé mensuel des absences.\n"
    assert rows(diagnose, write_audit(signed, {"NC-01.yaml": method})) == []
    wrong = audit_text + "signataire:\n  date: 21/03/2026\n  fonctions: Directrice\n"
    found = rows(diagnose, write_audit(wrong, name="wrong"))
    assert [(r[1], r[2], r[4]) for r in found] == [
        (12, 9, "date-invalide"), (13, 3, "cle-inconnue"),
    ]  # fmt: skip
    assert "fonction" in found[1][5]


def test_plan_or_proof_sent_after_the_lift_is_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A lift comes after what the certifier asked for: a plan or proof sent later is a
    mistyped date; sent on the day of the lift is fine, and actions may end later."""
    nc = nc_text + (
        "analyse_causes: x\nplan_envoye_le: 2026-03-16\npreuves_envoyees_le: 2026-03-18\n"
        "levee_le: 2026-03-17\n"
    )
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc}), today=date(2026, 3, 20)) == [
        (NC_FILE, 7, 22, WARN, "levee-avant-envoi",
         "envoi le 18 mars 2026, après la levée de la NC le 17 mars 2026 : vérifiez l'une "
         "des deux dates"),
    ]  # fmt: skip
    same_day = nc.replace("2026-03-18", "2026-03-17")
    folder = write_audit(ncs={"NC-01.yaml": same_day}, name="same-day")
    assert rows(diagnose, folder, today=date(2026, 3, 20)) == []


def test_a_major_nc_lifted_without_its_proof_sent_is_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A major NC is lifted on its proof: a lift without 'preuves_envoyees_le' lacks that
    fact (a user recorded the lift with nothing behind it)."""
    nc = major(nc_text) + "levee_le: 2026-03-19\n"
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": nc})) == [
        (NC_FILE, 5, 11, WARN, "levee-sans-preuves",
         "cette NC majeure est levée, mais le jour de l'envoi de ses preuves n'est pas "
         "inscrit : écrivez-le (qnc sent NC-01 --preuves --le DATE)"),
    ]  # fmt: skip


def test_a_minor_nc_lifted_without_its_plan_sent_is_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """A minor NC owes its action plan whenever it is lifted (on the plan, or at the next
    audit): a lift with neither the plan's nor a proof's sending recorded lacks a fact;
    with either one recorded, nothing is said."""
    minor = nc_text + "levee_le: 2026-03-19\n"
    assert rows(diagnose, write_audit(ncs={"NC-01.yaml": minor})) == [
        (NC_FILE, 5, 11, WARN, "levee-sans-plan",
         "cette NC mineure est levée, mais le jour de l'envoi de son plan d'actions n'est "
         "pas inscrit : écrivez-le (qnc sent NC-01 --plan --le DATE)"),
    ]  # fmt: skip
    for name, fact in (("plan", "plan_envoye_le"), ("proof", "preuves_envoyees_le")):
        sent = nc_text + f"analyse_causes: x\n{fact}: 2026-03-10\nlevee_le: 2026-03-19\n"
        assert rows(diagnose, write_audit(ncs={"NC-01.yaml": sent}, name=name)) == []


def test_ncs_of_an_audit_yet_to_start_are_a_warning(
    write_audit: WriteAudit, diagnose: Diagnose, nc_text: str
) -> None:
    """NCs come from the audit's report (audit from 9 March 2026): the day before, an NC
    already recorded is said once, at the audit's first day; on that day, nothing."""
    folder = write_audit(ncs={"NC-01.yaml": nc_text})
    assert rows(diagnose, folder, today=date(2026, 3, 8)) == [
        ("audit.yaml", 8, 10, WARN, "nc-avant-audit",
         "l'audit commence le 9 mars 2026, après aujourd'hui, mais 1 NC est déjà inscrite : "
         "une NC vient du rapport d'audit ; vérifiez les dates de l'audit"),
    ]  # fmt: skip
    assert rows(diagnose, folder, today=date(2026, 3, 9)) == []
    empty = write_audit(ncs={}, name="empty")
    assert rows(diagnose, empty, today=date(2026, 3, 8)) == []
