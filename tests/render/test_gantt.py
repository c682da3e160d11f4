"""The Mermaid timeline of the working view: exact tasks and milestones, user text made
inert."""

from __future__ import annotations

from datetime import date

import pytest

from qnc.i18n import Translator, translator
from qnc.render.plan import gantt as mermaid
from qnc.render.plan.timeline import timeline
from qnc.rules.report import AuditReport
from tests.rules.builders import TODAY, action, folder, nc, report, sample

FR, EN = translator("fr"), translator("en")
HEADER = [
    "```mermaid",
    "gantt",
    "    dateFormat YYYY-MM-DD",
    "    axisFormat %d/%m",
    "    todayMarker off",
]


def gantt(built: AuditReport, tr: Translator) -> str:
    return mermaid.gantt(timeline(built), tr)


def tasks(text: str) -> list[str]:
    """The lines between the header and the closing fence, which must be there."""
    lines = text.split("\n")
    assert lines[:5] == HEADER
    assert lines[-2:] == ["```", ""]
    return lines[5:-2]


def test_sample_timeline_in_french() -> None:
    """One section per NC in the audit report's order; late actions `crit`, done ones end
    on their day; without 'debut', a bar starts at the notification."""
    assert tasks(gantt(sample(), FR)) == [
        "    section NC-1",
        "    A1 Former l'équipe :crit, 2026-03-12, 2026-04-20",
        "    A2 :2026-03-12, 2026-05-10",
        "    A3 :done, 2026-03-12, 2026-04-01",
        "    Échéance — corrections faites, preuves envoyées :milestone, 2026-06-12, 0d",
        "    Échéance — décision du certificateur :milestone, 2026-07-12, 0d",
        "    section NC-2",
        "    Échéance — plan d'actions envoyé :crit, milestone, 2026-04-11, 0d",
        "    Échéance — plan d'actions mis en œuvre :milestone, 2026-09-12, 0d",
        "    section NC-3",
        # lifted: its action not done is no longer late (the plan's table says so too)
        "    B1 :2026-03-12, 2026-04-01",
        "    Échéance — plan d'actions envoyé :milestone, 2026-04-11, 0d",
        "    Échéance — plan d'actions mis en œuvre :milestone, 2026-09-12, 0d",
    ]


def test_milestones_in_english() -> None:
    """The milestone names follow the language; dates and tags do not."""
    lines = tasks(gantt(sample(), EN))
    assert [line for line in lines if "milestone" in line][:4] == [
        "    Deadline — corrections in place, proof sent :milestone, 2026-06-12, 0d",
        "    Deadline — certifier's decision :milestone, 2026-07-12, 0d",
        "    Deadline — action plan sent :crit, milestone, 2026-04-11, 0d",
        "    Deadline — action plan carried out :milestone, 2026-09-12, 0d",
    ]


def test_carried_over_nc_has_no_late_action() -> None:
    """An NC a later audit took over: its undone action is not shown late here."""
    moved = nc("NC-1", actions=[action("A1", "2026-04-01")])
    built = report(folder([moved]), TODAY, carried={"NC-1": date(2026, 4, 15)})
    assert tasks(gantt(built, FR))[1] == "    A1 :2026-03-12, 2026-04-01"


def test_action_due_before_the_notification_starts_on_its_due_day() -> None:
    """A bar never ends before it starts: due before the notification, it starts then."""
    built = report(folder([nc("NC-1", actions=[action("A1", "2026-03-01", "2026-02-20")])]), TODAY)
    assert tasks(gantt(built, FR))[1] == "    A1 :done, 2026-02-20, 2026-02-20"


def test_bar_starts_at_the_action_start() -> None:
    """'debut' places the start of the bar; a late action done is `crit, done`."""
    late = action("A1", "2026-04-10", "2026-04-20", debut="2026-03-25")
    built = report(folder([nc("NC-1", actions=[late])]), TODAY)
    assert tasks(gantt(built, FR))[1] == "    A1 :crit, done, 2026-03-25, 2026-04-20"


def test_audit_without_nc_is_an_empty_chart() -> None:
    """No NC: the header and the fence only."""
    assert tasks(gantt(report(folder(), TODAY), FR)) == []


@pytest.mark.parametrize(
    ("description", "name"),
    [
        ("a: b", "A1 a b"),
        ("x # y ; z", "A1 x y z"),
        ("ligne\nsuivante\n", "A1 ligne suivante"),
        ('<b>"gras"</b> `code`', "A1 b gras /b code"),
        ("\t[31m\nfin", "A1 [31m fin"),  # other controls: refused by the records
        ("é" * 200, "A1 " + "é" * 56 + "…"),
    ],
)
def test_hostile_descriptions_are_neutralised(description: str, name: str) -> None:
    """Mermaid syntax and control characters become spaces; long names end in '…'."""
    built = report(
        folder([nc("NC-1", actions=[action("A1", "2026-05-20", description=description)])]), TODAY
    )
    assert tasks(gantt(built, FR))[1] == f"    {name} :2026-03-12, 2026-05-20"


@pytest.mark.parametrize(
    ("action_id", "name"),
    [
        ("section", "· section"),
        ("click", "· click"),
        ("Section x", "· Section x"),
        ("%%x", "· %%x"),
        ("title: x", "· title x"),
        ("sections", "sections"),  # not the keyword itself
        (":", "Action"),
        ("#;", "Action"),
    ],
)
def test_leading_keywords_and_empty_names(action_id: str, name: str) -> None:
    """A name starting with a Mermaid keyword is prefixed; an empty one falls back."""
    built = report(folder([nc("NC-1", actions=[action(action_id, "2026-05-20")])]), TODAY)
    assert tasks(gantt(built, EN))[1] == f"    {name} :2026-03-12, 2026-05-20"


def test_hostile_nc_id_as_a_section() -> None:
    """An NC id is a section name: made inert the same way, 'NC' when nothing is left."""
    # A line break in an id is refused by the records (an invisible character).
    built = report(folder([nc("section: x click"), nc("#", indicator=1)]), TODAY)
    sections = [line for line in tasks(gantt(built, FR)) if line.startswith("    section")]
    assert sections == ["    section NC", "    section · section x click"]
