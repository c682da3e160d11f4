"""Every diagnostic code qnc reports, its level and what it means, in one table.

Like the rule tables of ruff and yamllint: a diagnostic whose code is not here cannot be
built (:class:`qnc.diagnostics.Diagnostic` refuses it), and the README's list of messages
is this table (``tests/test_codes.py`` holds both).
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType
from typing import Final, NamedTuple

from qnc.i18n import Msg, t


class Severity(StrEnum):
    ERROR = "erreur"
    WARNING = "avertissement"


class Code(NamedTuple):
    severity: Severity
    meaning: Msg


_E, _W = Severity.ERROR, Severity.WARNING

CODES: Final = MappingProxyType(
    {
        # Reading a file
        "lecture": Code(_E, t("a file or folder cannot be read")),
        "fichier-trop-gros": Code(_E, t("a file larger than 1 MB, refused unread")),
        "encodage": Code(_E, t("a file that is not UTF-8 text")),
        "fichier-vide": Code(_E, t("an empty file")),
        "caractere-interdit": Code(_E, t("an invisible control character in the text")),
        "caractere-controle": Code(
            _E, t("a control or bidirectional character written as an escape (\\e, \\u202e…)")
        ),
        "tabulation": Code(_E, t("a tab used for indentation")),
        "syntaxe-yaml": Code(_E, t("invalid YAML syntax")),
        "yaml-complexe": Code(_E, t("nesting or aliases beyond what an audit file needs")),
        "tag-interdit": Code(_E, t("a YAML tag that would build an object (!!python/…)")),
        "yaml-non-accepte": Code(
            _E, t("valid YAML that audit files do not accept (merge key, second document, tab)")
        ),
        "cle-dupliquee": Code(_E, t("the same key twice in one mapping")),
        "pas-un-mapping": Code(_E, t("a file that does not hold keys and values")),
        # Where files are
        "audit-absent": Code(_E, t("an NC file in a folder without audit.yaml")),
        "fichier-ignore": Code(_E, t("a YAML file qnc would not read (not directly in nc/)")),
        "lien-externe": Code(_E, t("a symbolic link out of the repository, not followed")),
        "copie-audit": Code(_W, t("a second audit file beside audit.yaml")),
        "nom-fichier": Code(_W, t("an NC file not named after its id")),
        # Keys and values
        "cle-inconnue": Code(_E, t("an unknown key (the nearest known key is suggested)")),
        "cle-mal-indentee": Code(_E, t("a key that lost its indentation under its section")),
        "cle-manquante": Code(_E, t("a required key is missing")),
        "valeur-vide": Code(_E, t("a key without a value")),
        "type-invalide": Code(_E, t("a value of the wrong type (text, number, list…)")),
        "valeur-invalide": Code(
            _E, t("a value that is not accepted (the accepted ones are listed)")
        ),
        "date-invalide": Code(_E, t("a date not written YYYY-MM-DD, or that does not exist")),
        "id-invisible": Code(_E, t("an id holding an invisible character (U+200B…)")),
        "siret": Code(_E, t("a malformed SIRET (14 digits, Luhn key)")),
        "nda": Code(_E, t("a malformed NDA (11 digits)")),
        # Consistency of an audit
        "id-duplique": Code(_E, t("two NCs with the same id")),
        "indicateur-duplique": Code(_E, t("two NCs on the same indicator")),
        "action-dupliquee": Code(_E, t("two actions with the same id in one NC")),
        "indicateur-inconnu": Code(_E, t("an indicator that is not in the audit's grid")),
        "indicateur-majeur": Code(_E, t("a minor NC on an indicator that only gives major NCs")),
        "categorie": Code(_E, t("an indicator that applies to none of the categories")),
        "activite": Code(_W, t("a conditional indicator without its activity")),
        "ordre-dates": Code(
            _E,
            t(
                "dates out of order (end before start, fact or due date before the audit, "
                "action started after it was done)"
            ),
        ),
        "reference-introuvable": Code(_E, t("'precedent' or 'origine' names nothing usable")),
        "notification-absente": Code(
            _W, t("no notification date: clocks start on the last audit day")
        ),
        "date-future": Code(_W, t("a fact dated in the future")),
        "levee-avant-envoi": Code(_W, t("a plan or proof sent after the NC was lifted")),
        "levee-sans-preuves": Code(_W, t("a major NC lifted without its proof sent")),
        "levee-sans-plan": Code(_W, t("a minor NC lifted without its action plan sent")),
        "delai-legal": Code(_W, t("a delay of 'regles' longer than the legal one")),
        "nc-avant-audit": Code(_W, t("NCs recorded for an audit yet to start")),
        "nouvel-entrant": Code(_E, t("'nouvel_entrant' names a category not declared")),
        # The audits of one organisation
        "siret-partage": Code(_W, t("one SIRET under two organisation names")),
        "audit-double": Code(
            _W, t("two audits of one organisation of the same type on the same first day")
        ),
        "reprise-mineure": Code(_E, t("an NC taking over an NC still open, graded minor")),
        "nc-non-reprise": Code(
            _W, t("an NC of the previous audit neither lifted nor taken over by the next")
        ),
        "fenetre-audit": Code(_W, t("a surveillance or renewal audit outside its window")),
        # The action plan and its evidence
        "exigence-resume": Code(
            _W, t("'exigence' still holds qnc's summary of the indicator (from qnc add)")
        ),
        "analyse-causes": Code(_W, t("a plan sent without a root cause analysis")),
        "sans-action": Code(_W, t("a plan sent without any action")),
        "preuve-introuvable": Code(_E, t("an evidence file that does not exist")),
        "preuve-vide": Code(_W, t("an empty evidence path")),
        "preuve-modifiee": Code(
            _E, t("an evidence file that no longer has its recorded fingerprint")
        ),
        "empreinte-adresse": Code(
            _W, t("a fingerprint given for an address, which qnc cannot check")
        ),
        "preuve-chemin": Code(_W, t("an evidence path written with '\\' (Windows)")),
        "preuve-hors-depot": Code(_W, t("an evidence file outside the repository")),
        # Deadlines
        "echeance-action": Code(_W, t("an action due after its NC's regulatory due date")),
        "echeance-efficacite": Code(
            _W, t("a major NC's effectiveness check planned after its correction due date")
        ),
        "etape-depassee": Code(_W, t("a regulatory step past its due date")),
        "certificat-echu": Code(_W, t("a decision that may come after the certificate ends")),
    }
)
