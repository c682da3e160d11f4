"""JSON for programs: ``qnc status --format json`` (spec §3.1) and ``qnc indicateurs
--format json``. Stable French keys, ISO dates, in every language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from qnc.i18n import Translator
from qnc.model.records import Certificate
from qnc.model.referential import CRITERIA, Grid, Indicator
from qnc.render.cycle import cycle_notes
from qnc.render.diagnostics import display_path, json_text
from qnc.rules.cycle.audit_cycle import Tie
from qnc.rules.cycle.certificate import Window
from qnc.rules.report import AuditReport, NcState

if TYPE_CHECKING:
    from qnc.inspection import Broken
    from qnc.rules.cycle.history import OrganisationHistory
    from qnc.rules.reminders import Owed


def status_json(reports: Sequence[AuditReport], *, today: date, tr: Translator,
                broken: Sequence[Broken] = ()) -> str:  # fmt: skip
    payload = {
        "aujourdhui": today.isoformat(),
        "audits": [_audit(report, tr) for report in reports],
        "audits_en_erreur": [_broken(b) for b in broken],
    }
    return json_text(payload)


def history_json(stories: Sequence[OrganisationHistory], *, today: date, tr: Translator,
                 broken: Sequence[Broken] = ()) -> str:  # fmt: skip
    """``qnc historique --format json``: each organisation, its audits first held first
    (each as ``qnc status`` gives it, and whether it is the current one)."""
    payload = {
        "aujourdhui": today.isoformat(),
        "organismes": [
            {
                "organisme": story.name,
                "siret": story.siret,
                "certificat": _certificate(story.certificate),
                "prochain_audit": _window(story.next_audit),
                "audits": [
                    {**_audit(report, tr), "actuel": report is story.current}
                    for report in story.audits
                ],
            }
            for story in stories
        ],
        "audits_en_erreur": [_broken(b) for b in broken],
    }
    return json_text(payload)


def reminders_json(chased: Sequence[Owed], *, today: date,
                   broken: Sequence[Broken] = ()) -> str:  # fmt: skip
    """``qnc relances --format json``: one entry per action to chase, late ones first,
    whatever the grouping of the text (programs group as they like)."""
    payload = {
        "aujourdhui": today.isoformat(),
        "relances": [
            {
                "organisme": o.report.folder.audit.organisation.name,
                "audit": display_path(o.report.folder.path),
                "nc": o.nc.file.nc.id,
                "action": o.item.action.id,
                "description": o.item.action.description,
                "responsable": list(o.item.action.owners),
                "echeance": o.item.action.due.isoformat(),
                "jours_restants": o.item.days_left,
                "statut": o.item.status.value,
                "preuve_attendue": o.item.action.expected_evidence,
                "fichier": display_path(o.nc.file.path),
            }
            for o in chased
        ],
        "audits_en_erreur": [_broken(b) for b in broken],
    }
    return json_text(payload)


def _broken(broken: Broken) -> dict[str, Any]:
    return {
        "chemin": display_path(broken.path),
        "dossier": broken.path.name,
        "organisme": broken.organisation,
        **{key: dict(broken.identity).get(key) for key in ("siret", "type", "debut", "fin")},
        "erreurs": broken.errors,
    }


def _audit(report: AuditReport, tr: Translator) -> dict[str, Any]:
    audit = report.folder.audit
    deadline = report.outcome.deadline
    return {
        "chemin": display_path(report.folder.path),
        "organisme": audit.organisation.name,
        "type": audit.audit.type.value,
        "notification": audit.audit.clock_start.isoformat(),
        "notification_par_defaut": report.notification_defaulted,
        "referentiel": report.grid.id,
        "verdict": report.outcome.verdict.value,
        "motif": tr(report.outcome.reason),
        "echeance_bloquante": None
        if deadline is None
        else {
            "id": deadline.nc_id,
            "etape": deadline.step.kind.value,
            "date": deadline.step.due.isoformat(),
            "jours_restants": deadline.step.days_left,
        },
        "certificat": _certificate(report.certificate),
        "cloture": None
        if report.closed_by is None
        else {
            "par": display_path(report.closed_by.path),
            "date": report.closed_by.audit.audit.clock_start.isoformat(),
        },
        "prochain_audit": _window(report.cycle.next_audit if report.closed_by is None else None),
        "informations": [tr(note) for note in cycle_notes(report)],
        "non_conformites": [_nc(nc, tr) for nc in report.ncs],
    }


def _certificate(certificate: Certificate | None) -> dict[str, str] | None:
    if certificate is None:
        return None
    return {"obtenu_le": certificate.obtained.isoformat(), "fin": certificate.end.isoformat()}


def _window(window: Window | None) -> dict[str, Any] | None:
    if window is None:
        return None
    return {
        "type": window.kind.value,
        "du": _iso(window.opens),
        "au": _iso(window.closes),
        "conseille_avant": _iso(window.advised_by),
        "prevu_le": _iso(window.planned),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _tie(tie: Tie | None) -> dict[str, Any] | None:
    if tie is None:
        return None
    return {
        "fichier": display_path(tie.file.path),
        "id": tie.file.nc.id,
        "gravite": tie.file.nc.grade.value,
        "audit": display_path(tie.audit.path),
    }


def _nc(state: NcState, tr: Translator) -> dict[str, Any]:
    nc, closure = state.file.nc, state.clocked.closure
    return {
        "rang": state.rank,
        "id": nc.id,
        "indicateur": nc.indicator,
        "gravite": nc.grade.value,
        "levee": not state.clocked.open and state.clocked.closure is None,
        "reprise": state.clocked.carried,
        "reprise_par": display_path(closure.by) if closure and closure.by else None,
        "a_enregistrer": state.clocked.unrecorded,
        "origine": _tie(state.origin),
        "recurrente": _tie(state.recurrence),
        "suspension": None
        if state.sanction is None
        else {
            "echeance": state.sanction.due.isoformat(),
            "suspension": state.sanction.suspension.isoformat(),
            "retrait": state.sanction.withdrawal.isoformat(),
        },
        "nouvel_entrant": state.written_only,
        "etapes": [
            {
                "etape": step.kind.value,
                "date": step.due.isoformat(),
                "jours_restants": step.days_left,
                "statut": step.status.value,
            }
            for step in state.clocked.steps
        ],
        "actions": {"total": len(state.actions), "faites": state.done, "en_retard": state.late},
        "relances": [
            {
                "action": item.action.id,
                "description": item.action.description,
                "responsable": list(item.action.owners),
                "echeance": item.action.due.isoformat(),
                "jours_restants": item.days_left,
                "statut": item.status.value,
            }
            for item in state.to_chase
        ],
        "fichier": display_path(state.file.path),
        "explication": tr(state.reason),
    }


def indicators_json(grid: Grid, indicators: Sequence[Indicator], tr: Translator) -> str:
    payload = {
        "referentiel": grid.id,
        "verifie": grid.verified,
        "indicateurs": [
            {
                "numero": i.number,
                "critere": i.criterion,
                "critere_libelle": tr.text(CRITERIA[i.criterion]) if i.criterion else None,
                "libelle": tr.text(i.label),
                "categories": [str(c) for c in i.categories],
                "conditions": {str(c): str(a) for c, a in i.applies.items() if a},
                "majeure_seule": i.major_only,
                "nouvel_entrant": i.new_entrant,
            }
            for i in indicators
        ],
    }
    return json_text(payload)
