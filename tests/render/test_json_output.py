"""JSON for programs: French keys and ISO dates in every language, errors listed apart."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from qnc.i18n import translator
from qnc.inspection import Broken
from qnc.model.referential import RNQ_2019
from qnc.render.json_output import indicators_json, status_json
from tests.rules.builders import TODAY, audit, folder, nc, report, sample

FR, EN = translator("fr"), translator("en")


def step(kind: str, day: str, left: int, status: str) -> dict[str, Any]:
    return {"etape": kind, "date": day, "jours_restants": left, "statut": status}


def chase(action: str, due: str, left: int, status: str, description: str = "") -> dict[str, Any]:
    return {
        "action": action,
        "description": description,
        "responsable": ["Mme Durand"],
        "echeance": due,
        "jours_restants": left,
        "statut": status,
    }


def nc_entry(
    head: tuple[int, str, int, str], *, lifted: bool = False, **rest: Any
) -> dict[str, Any]:
    rank, nc_id, indicator, grade = head
    return {
        "rang": rank,
        "id": nc_id,
        "indicateur": indicator,
        "gravite": grade,
        "levee": lifted,
        "reprise": False,
        "reprise_par": None,
        "a_enregistrer": False,
        "origine": None,
        "recurrente": None,
        "suspension": None,
        "nouvel_entrant": False,
        **rest,
        "fichier": f"audits/littoral/nc/{nc_id}.yaml",
    }


def test_status_json_of_an_audit() -> None:
    """Every field of an audit and its NCs, the reasons in the language asked (English)."""
    payload = json.loads(status_json([sample()], today=TODAY, tr=EN))
    assert payload == {
        "aujourdhui": "2026-05-01",
        "audits": [
            {
                "chemin": "audits/littoral",
                "organisme": "Formations du Littoral",
                "type": "initial",
                "notification": "2026-03-12",
                "notification_par_defaut": False,
                "referentiel": "rnq-2019",
                "verdict": "bloquee",
                "motif": "1 major NC open: the certificate cannot be issued until it is "
                "lifted; next: 'corrections in place, proof sent' for NC-1 by 12 June 2026; if "
                "missed, the certification will be refused (a new application only 3 months "
                "later)",
                "echeance_bloquante": {
                    "id": "NC-1",
                    "etape": "correction",
                    "date": "2026-06-12",
                    "jours_restants": 42,
                },
                "certificat": None,
                "cloture": None,
                "prochain_audit": None,
                "informations": [],
                "non_conformites": [
                    nc_entry(
                        (1, "NC-2", 1, "mineure"),
                        etapes=[
                            step("plan", "2026-04-11", -20, "depassee"),
                            step("mise_en_oeuvre", "2026-09-12", 134, "a_venir"),
                        ],
                        actions={"total": 0, "faites": 0, "en_retard": 0},
                        relances=[],
                        explication="late: 'action plan sent' was due on 11 April 2026, "
                        "20 days ago",
                    ),
                    nc_entry(
                        (2, "NC-1", 11, "majeure"),
                        etapes=[
                            step("correction", "2026-06-12", 42, "a_venir"),
                            step("decision", "2026-07-12", 72, "a_venir"),
                        ],
                        actions={"total": 3, "faites": 1, "en_retard": 1},
                        relances=[
                            chase("A1", "2026-04-20", -11, "depassee", "Former l'équipe"),
                            chase("A2", "2026-05-10", 9, "proche"),
                        ],
                        explication="a major NC blocks the certification; next: 'corrections "
                        "in place, proof sent' by 12 June 2026",
                    ),
                    nc_entry(
                        (3, "NC-3", 12, "mineure"),
                        lifted=True,
                        # lifted with its plan never sent: met on the day it was lifted
                        etapes=[
                            step("plan", "2026-04-11", -20, "tenue_en_retard"),
                            step("mise_en_oeuvre", "2026-09-12", 134, "tenue"),
                        ],
                        # its overdue action is not chased: the NC is lifted
                        actions={"total": 1, "faites": 0, "en_retard": 0},
                        relances=[],
                        explication="lifted on 20 April 2026: nothing left to do",
                    ),
                ],
            }
        ],
        "audits_en_erreur": [],
    }


def test_carried_over_nc_and_defaulted_notification() -> None:
    """A carried NC is not lifted but taken over; a missing notification is flagged."""
    built = report(
        folder([nc("NC-1")], record=audit(notification=None)),
        TODAY,
        carried={"NC-1": date(2026, 4, 15)},
    )
    (entry,) = json.loads(status_json([built], today=TODAY, tr=FR))["audits"]
    assert (entry["notification"], entry["notification_par_defaut"]) == ("2026-03-10", True)
    assert (entry["verdict"], entry["echeance_bloquante"]) == ("soldee", None)
    (carried,) = entry["non_conformites"]
    assert (carried["levee"], carried["reprise"]) == (False, True)
    assert carried["explication"] == (
        "reprise par un audit suivant le 15 avril 2026 : elle est suivie là-bas"
    )


def test_broken_audits_listed_apart() -> None:
    """Audits with errors: path, organisation (null when unknown) and error count only."""
    broken = [Broken(Path("audits/casse"), None, 2), Broken(Path("audits/nc"), "Org", 1)]
    payload = json.loads(status_json([], today=date(2026, 11, 20), tr=FR, broken=broken))
    assert payload == {
        "aujourdhui": "2026-11-20",
        "audits": [],
        "audits_en_erreur": [
            {
                "chemin": "audits/casse",
                "dossier": "casse",
                "organisme": None,
                "siret": None,
                "type": None,
                "debut": None,
                "fin": None,
                "erreurs": 2,
            },
            {
                "chemin": "audits/nc",
                "dossier": "nc",
                "organisme": "Org",
                "siret": None,
                "type": None,
                "debut": None,
                "fin": None,
                "erreurs": 1,
            },
        ],
    }


def test_bidirectional_override_escaped_in_the_text() -> None:
    """A right-to-left override in a name is written as an escape, read back unchanged."""
    name = "Org\u202eevil"
    broken = [Broken(Path("a"), name, 1)]
    text = status_json([], today=TODAY, tr=FR, broken=broken)
    assert '      "organisme": "Org\\u202eevil",' in text.splitlines()
    assert json.loads(text)["audits_en_erreur"][0]["organisme"] == name


def test_indicators_json() -> None:
    """Indicators with criterion, labels in the language asked (French), categories, conditions."""
    chosen = [RNQ_2019.indicators[1], RNQ_2019.indicators[13]]
    assert json.loads(indicators_json(RNQ_2019, chosen, FR)) == {
        "referentiel": "rnq-2019",
        "verifie": True,
        "indicateurs": [
            {
                "numero": 1,
                "critere": 1,
                "critere_libelle": "Information du public sur l'offre",
                "libelle": "Information claire et exacte du public sur l'offre",
                "categories": ["AF", "BC", "VAE", "CFA"],
                "conditions": {},
                "majeure_seule": False,
                "nouvel_entrant": False,
            },
            {
                "numero": 13,
                "critere": 3,
                "critere_libelle": "Adaptation aux publics : accueil, accompagnement, suivi, "
                "évaluation",
                "libelle": "Coordination entre centre de formation et entreprise en alternance",
                "categories": ["AF", "CFA"],
                "conditions": {"AF": "alternance"},
                "majeure_seule": False,
                "nouvel_entrant": True,
            },
        ],
    }
