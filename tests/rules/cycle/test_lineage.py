"""Which audits are one organisation's, their order, and which audit closes which."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qnc.model.folder import AuditFolder
from qnc.rules.cycle.carry import closures, nc_key
from qnc.rules.cycle.lineage import closing, lineages, previous
from tests.rules.builders import audit, folder, nc


def held(name: str, kind: str, start: str, organisation: str = "Formations du Littoral",
         siret: str | None = None, ncs: Any = (), **info: Any) -> AuditFolder:  # fmt: skip
    record = audit(organisation=organisation, type=kind, debut=start, fin=None,
                   notification=start, **info)  # fmt: skip
    if siret:
        record = record.model_copy(update={"organisation": record.organisation.model_copy(
            update={"siret": siret})})  # fmt: skip
    return folder(list(ncs), path=Path("audits") / name, record=record)


def names(groups: list[tuple[AuditFolder, ...]]) -> list[list[str]]:
    return [[f.path.name for f in group] for group in groups]


def test_grouped_by_name_and_ordered_by_first_day() -> None:
    """Without SIRET, one name (case and spaces aside) is one organisation; audits in the
    order they were held, whatever their folders' names."""
    found = lineages([
        held("z-initial", "initial", "2026-03-09"),
        held("a-surveillance", "surveillance", "2027-06-01", "formations  du LITTORAL"),
        held("other", "initial", "2026-05-04", "Atelier Sud"),
    ])  # fmt: skip
    assert names(found) == [["other"], ["z-initial", "a-surveillance"]]


def test_two_sirets_of_one_name_are_two_establishments() -> None:
    """Same name, different SIRETs: apart; an audit without SIRET then joins neither."""
    found = lineages([
        held("bordeaux", "initial", "2026-03-09", siret="83214560100015"),
        held("pau", "initial", "2026-03-10", siret="83214560100023"),
        held("unknown", "surveillance", "2027-06-01"),
    ])  # fmt: skip
    assert names(found) == [["bordeaux"], ["pau"], ["unknown"]]


def test_precedent_ties_audits_whatever_their_names() -> None:
    """'precedent' names the earlier audit: one organisation even after a change of name."""
    found = lineages([
        held("old", "initial", "2026-03-09", "Ancien nom"),
        held("new", "surveillance", "2027-06-01", "Nouveau nom", precedent="../old"),
    ])  # fmt: skip
    assert names(found) == [["old", "new"]]


def test_closing_and_previous_skip_complementary_audits() -> None:
    """The next audit of the cycle closes the earlier ones, a complementary audit closes
    nothing; the previous audit of the cycle is the last one held before."""
    initial = held("a", "initial", "2026-03-09")
    complementary = held("b", "complementaire", "2026-07-01")
    surveillance = held("c", "surveillance", "2027-06-01")
    (lineage,) = lineages([surveillance, complementary, initial])
    assert closing(lineage, initial) == surveillance
    assert closing(lineage, complementary) == surveillance
    assert closing(lineage, surveillance) is None
    assert previous(lineage, surveillance) == initial
    assert previous(lineage, initial) is None


def test_closures_take_over_or_leave_to_record() -> None:
    """NC-1 taken over (origine) on the later notification; NC-2, named by no NC, is
    closed by the next audit too, to record."""
    initial = held("a", "initial", "2026-03-09", ncs=[nc("NC-1"), nc("NC-2", indicator=1)])
    taker = nc("NC-1", "majeure", 12, origine="../a/nc/NC-1.yaml")
    surveillance = held("b", "surveillance", "2027-06-01", ncs=[taker])
    folders = [initial, surveillance]
    found = closures(folders, lineages(folders))
    first = found[nc_key(Path("audits/a/nc/NC-1.yaml"))]
    second = found[nc_key(Path("audits/a/nc/NC-2.yaml"))]
    assert (first.day, first.audit.path.name, first.by) == (
        surveillance.audit.audit.clock_start, "b", Path("audits/b/nc/NC-1.yaml"))  # fmt: skip
    assert (second.day, second.taken_over) == (surveillance.audit.audit.clock_start, False)
    assert nc_key(Path("audits/b/nc/NC-1.yaml")) not in found
