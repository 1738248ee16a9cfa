"""Officer-facing words for the core's stable codes, in the officer's language.

The core speaks English (``Finding.message``, reason labels in the booth config, device reasons) so
that records, logs and the central side read the same everywhere. The screens translate by *code*
instead: one catalogue here, ``FINDINGS``, gives each finding code a title and a message per outcome,
a template filled from the finding's evidence (``{days_left}``, ``{age}``...). Numbers and dates in a
template follow the current locale. Anything the catalogue cannot say (an unknown code, a template
whose evidence is missing) falls back to the core's English message: an officer never sees less
than the core wrote.

Messages are picked by status, then severity, then (where the core gives two messages for the same
outcome and no evidence tells them apart) by the start of the English message.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from station.config import Config
from station.domain import DecisionKind, ExaminationVerdict, ReferralQueue
from station.findings import Finding, Severity, Status
from ui.i18n import fmt_date, fmt_number
from ui.qt import QtCore

CRASHED_SUFFIX = ".crashed"


translate = QtCore.QCoreApplication.translate
"""Called by this name with literal texts, so ``pyside6-lupdate`` finds every text of the catalogue."""


@dataclass(frozen=True)
class Says:
    """One message of a finding code and the outcome it is for."""

    status: Status
    template: str
    severity: Severity | None = None
    starts: str = ""
    """The core's English message starts so (only where evidence cannot tell two messages apart)."""

    def fits(self, finding: Finding, values: Mapping[str, Any]) -> bool:
        """Whether this message is for ``finding``; ``starts`` may name an evidence value (the code
        in "{code} is a nationality code")."""
        starts = _fill(self.starts, values)
        return (
            finding.status is self.status
            and (self.severity is None or finding.severity is self.severity)
            and starts is not None
            and finding.message.startswith(starts)
        )


@dataclass(frozen=True)
class Entry:
    title: str
    says: tuple[Says, ...] = ()
    extra: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None
    """Values derived from the evidence for the templates (``days_ago`` from ``days_left``)."""


P, F, N = Status.PASSED, Status.FAILED, Status.NOT_CHECKED
NO_MRZ = "No machine readable zone was read"


def _no_mrz() -> Says:
    return Says(N, translate("Findings", "No MRZ was read from this document."), starts=NO_MRZ)


def _days_ago(evidence: Mapping[str, Any]) -> Mapping[str, Any]:
    days_left = evidence.get("days_left")
    return {"days_ago": -days_left} if isinstance(days_left, int) else {}


def field_name(key: str) -> str:
    """An MRZ field's name for people (the parser's keys are for programs)."""
    names = {
        "document_code": translate("Fields", "Document code"),
        "issuing_state": translate("Fields", "Issuing state"),
        "surname": translate("Fields", "Surname"),
        "given_names": translate("Fields", "Given names"),
        "document_number": translate("Fields", "Document number"),
        "nationality": translate("Fields", "Nationality"),
        "birth_date": translate("Fields", "Date of birth"),
        "sex": translate("Fields", "Sex"),
        "expiry_date": translate("Fields", "Date of expiry"),
        "optional_data": translate("Fields", "Optional data"),
        "optional_data_2": translate("Fields", "Optional data (line 2)"),
        "composite": translate("Fields", "Overall (composite)"),
        "final": translate("Fields", "Overall (composite)"),
    }
    return names.get(key, key.replace("_", " "))


def _field_names(key: str) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    """The evidence's list of MRZ field keys under ``key`` as names for people."""

    def extra(evidence: Mapping[str, Any]) -> Mapping[str, Any]:
        keys = evidence.get(key)
        return {key: [field_name(str(k)) for k in keys]} if isinstance(keys, list) else {}

    return extra


def _no_chip() -> tuple[Says, ...]:
    return (
        Says(N, translate("Findings", "No chip was read from this document."), starts="No chip was read"),
        Says(
            N,
            translate("Findings", "The chip could not be read: {reason}"),
            starts="The chip could not be read",
        ),
    )


def _chip_step(title: str, failure: str, what: str) -> Entry:
    return Entry(
        title,
        (
            Says(P, translate("Findings", "Verified.")),
            Says(F, failure),
            Says(
                N,
                translate("Findings", "No CSCA trust list is available at this booth."),
                starts="No CSCA trust list",
            ),
            Says(N, translate("Findings", "Needs a trusted CSCA for the signer."), starts="Revocation needs"),
            Says(N, what),
            *_no_chip(),
        ),
    )


def findings_catalogue() -> dict[str, Entry]:
    """Every finding code the checks produce, with its title and messages (in the current language)."""
    return {
        "doc.expiry": Entry(
            translate("Findings", "Document validity"),
            (
                Says(P, translate("Findings", "Valid until {expiry_date}.")),
                Says(
                    F, translate("Findings", "Expired on {expiry_date} ({days_ago} days ago)."), Severity.FAIL
                ),
                Says(
                    F,
                    translate("Findings", "Expires soon: on {expiry_date}, in {days_left} days."),
                    Severity.WARNING,
                ),
                _no_mrz(),
                Says(N, translate("Findings", "The date of expiry could not be read as a real date.")),
            ),
            extra=_days_ago,
        ),
        "doc.issuing_state": Entry(
            translate("Findings", "Issuing state"),
            (
                Says(P, translate("Findings", "Issuing state {code} is known.")),
                Says(
                    F,
                    translate(
                        "Findings",
                        "Issuing state {code} is in use but not in the ICAO list; check it is accepted here.",
                    ),
                    Severity.WARNING,
                ),
                Says(
                    F,
                    translate("Findings", "{code} is a nationality code; no document is issued by it."),
                    starts="{code} (",
                ),
                Says(
                    F,
                    translate("Findings", "Issuing state {code} is unknown: possible fantasy document."),
                    Severity.FAIL,
                ),
                _no_mrz(),
                Says(N, translate("Findings", "The MRZ has no issuing state field.")),
            ),
        ),
        "doc.nationality": Entry(
            translate("Findings", "Nationality"),
            (
                Says(P, translate("Findings", "Nationality {code} is known.")),
                Says(
                    F,
                    translate("Findings", "Nationality {code} is in use but not in the ICAO list."),
                    starts="Nationality {code} (",
                ),
                Says(
                    F,
                    translate(
                        "Findings",
                        "Nationality {code} is not a known code. Ask the traveller; check the printed data.",
                    ),
                ),
                _no_mrz(),
                Says(N, translate("Findings", "The MRZ has no nationality field.")),
            ),
        ),
        "doc.specimen": Entry(
            translate("Findings", "Specimen or void marks"),
            (
                Says(P, translate("Findings", "No specimen or void marks found.")),
                Says(F, translate("Findings", "This looks like a specimen or void document.")),
                _no_mrz(),
            ),
        ),
        "holder.minor": Entry(
            translate("Findings", "Holder's age"),
            (
                Says(P, translate("Findings", "Adult ({age} years old).")),
                Says(
                    F, translate("Findings", "A minor ({age} years old). Check who is travelling with them.")
                ),
                _no_mrz(),
                Says(N, translate("Findings", "The date of birth could not be read; the age is unknown.")),
            ),
        ),
        "mrz.format": Entry(
            translate("Findings", "MRZ format"),
            (
                Says(P, translate("Findings", "The MRZ has the {format} format.")),
                Says(
                    F,
                    translate(
                        "Findings", "The text read is not an MRZ. Read the document again, or type the MRZ."
                    ),
                ),
                _no_mrz(),
            ),
        ),
        "mrz.check_digits": Entry(
            translate("Findings", "MRZ check digits"),
            (
                Says(P, translate("Findings", "All check digits are correct.")),
                Says(
                    F,
                    translate(
                        "Findings", "Wrong check digit: {failed}. Compare the MRZ with the printed data."
                    ),
                ),
                _no_mrz(),
                Says(N, translate("Findings", "This document format has no check digits.")),
            ),
            extra=_field_names("failed"),
        ),
        "mrz.corrections": Entry(
            translate("Findings", "MRZ reading corrections"),
            (
                Says(P, translate("Findings", "Read without corrections.")),
                Says(
                    F,
                    translate(
                        "Findings",
                        "The reader corrected characters in: {fields}. Check them against the document.",
                    ),
                    Severity.WARNING,
                ),
                Says(
                    F,
                    translate("Findings", "The reader put back fillers read as letters; no data changed."),
                    Severity.INFO,
                ),
                _no_mrz(),
            ),
            extra=_field_names("fields"),
        ),
        "mrz.dates": Entry(
            translate("Findings", "MRZ dates"),
            (
                Says(P, translate("Findings", "The dates in the MRZ are possible.")),
                Says(F, translate("Findings", "Impossible dates in the MRZ. Compare with the printed data.")),
                _no_mrz(),
                Says(N, translate("Findings", "The MRZ has no readable dates.")),
            ),
        ),
        "mrz.fields": Entry(
            translate("Findings", "MRZ fields"),
            (
                Says(P, translate("Findings", "Every MRZ field follows its rules.")),
                Says(F, translate("Findings", "Some MRZ fields break their rules (see the detail).")),
                _no_mrz(),
            ),
        ),
        "image.ir_mrz": Entry(
            translate("Findings", "MRZ under infrared"),
            (
                Says(P, translate("Findings", "The MRZ stays dark under infrared.")),
                Says(
                    F,
                    translate(
                        "Findings",
                        "The MRZ fades under infrared: possible counterfeit. Compare the IR image.",
                    ),
                ),
                Says(
                    N,
                    translate("Findings", "Not done: the MRZ is not visible in white light."),
                    starts="Infrared check of the MRZ not done: the MRZ",
                ),
                Says(N, translate("Findings", "Not done: the page images cannot be used.")),
            ),
        ),
        "image.uv_paper": Entry(
            translate("Findings", "Paper under UV"),
            (
                Says(P, translate("Findings", "The paper stays dull under UV, as security paper should.")),
                Says(
                    F,
                    translate(
                        "Findings", "The paper glows under UV like office paper: possible counterfeit."
                    ),
                ),
                Says(N, translate("Findings", "Not done: the page images cannot be used.")),
            ),
        ),
        "image.photo_present": Entry(
            translate("Findings", "Photo present"),
            (
                Says(P, translate("Findings", "A photo is present in the photo zone.")),
                Says(F, translate("Findings", "There is no photo in the photo zone.")),
                Says(N, translate("Findings", "Not done: the page images cannot be used.")),
            ),
        ),
        "image.photo_uv": Entry(
            translate("Findings", "UV pattern across the photo"),
            (
                Says(P, translate("Findings", "The UV pattern continues across the photo.")),
                Says(
                    F,
                    translate(
                        "Findings", "The UV pattern stops at the photo's edge: the photo may be substituted."
                    ),
                ),
                Says(
                    N,
                    translate("Findings", "Not done: no UV pattern around the photo on this page."),
                    starts="Ultraviolet check of the photo not done: this page",
                ),
                Says(N, translate("Findings", "Not done: the page images cannot be used.")),
            ),
        ),
        "image.viz_dates": Entry(
            translate("Findings", "Printed dates under infrared"),
            (
                Says(P, translate("Findings", "The printed dates show the same ink under infrared.")),
                Says(
                    F,
                    translate(
                        "Findings",
                        "A printed date fades under infrared: it may be altered. Compare with the MRZ.",
                    ),
                ),
                Says(
                    N,
                    translate("Findings", "Not done: no printed dates found."),
                    starts="Infrared check of the printed dates not done: no printed",
                ),
                Says(N, translate("Findings", "Not done: the page images cannot be used.")),
            ),
        ),
        "photo.live": Entry(
            translate("Findings", "Live photo"),
            (
                Says(P, translate("Findings", "A live photo of the traveller was taken.")),
                Says(
                    F,
                    translate(
                        "Findings", "The live photo is blank (camera covered or broken). Take it again."
                    ),
                    starts="The live photo is blank",
                ),
                Says(F, translate("Findings", "The live photo cannot be used. Take it again.")),
                Says(
                    N,
                    translate(
                        "Findings", "No live photo: compare the traveller with the document photo by eye."
                    ),
                ),
            ),
        ),
        "face.match": Entry(
            translate("Findings", "Face comparison"),
            (
                Says(P, translate("Findings", "The face matches the document photo (score {score}).")),
                Says(
                    F,
                    translate(
                        "Findings",
                        "The face does not match (score {score}, threshold {threshold}): compare by eye.",
                    ),
                ),
                Says(
                    N,
                    translate("Findings", "No live photo of the traveller was taken."),
                    starts="No live photo",
                ),
                Says(
                    N,
                    translate("Findings", "The document offers no photo to compare with."),
                    starts="The document offers",
                ),
                Says(
                    N,
                    translate("Findings", "No face in the live photo: take it again, facing the camera."),
                    starts="No face was found in the live",
                ),
                Says(
                    N,
                    translate("Findings", "No face in the document photo: compare by eye."),
                    starts="No face was found in the document",
                ),
                Says(N, translate("Findings", "Face matching is not available at this booth.")),
            ),
        ),
        "chip.passive_auth": Entry(
            translate("Findings", "Chip signature (passive authentication)"), _no_chip()
        ),
        "chip.passive_auth.sod": Entry(
            translate("Findings", "Chip security object"),
            (
                Says(F, translate("Findings", "The chip's security object is missing or malformed.")),
                *_no_chip(),
            ),
        ),
        "chip.passive_auth.signature": _chip_step(
            translate("Findings", "Chip security object signature"),
            translate("Findings", "The signature does not verify: the chip's data may have been altered."),
            translate("Findings", "The signature could not be checked."),
        ),
        "chip.passive_auth.trust_chain": _chip_step(
            translate("Findings", "Chip document signer certificate"),
            translate(
                "Findings", "The signer is not trusted: the chip was not signed by a known issuing state."
            ),
            translate("Findings", "The certificate chain could not be checked."),
        ),
        "chip.passive_auth.revocation": _chip_step(
            translate("Findings", "Chip document signer revocation"),
            translate("Findings", "The document signer's certificate is revoked."),
            translate("Findings", "Revocation could not be checked."),
        ),
        "chip.passive_auth.hashes": Entry(
            translate("Findings", "Chip data groups"),
            (
                Says(P, translate("Findings", "All data groups match the security object.")),
                Says(F, translate("Findings", "Chip data was changed after signing: {mismatched}.")),
                Says(N, translate("Findings", "No data groups were read to compare.")),
                *_no_chip(),
            ),
        ),
        "chip.mrz": Entry(
            translate("Findings", "Chip data agrees with the MRZ"),
            (
                Says(P, translate("Findings", "The chip's MRZ equals the printed MRZ.")),
                Says(
                    F,
                    translate("Findings", "The chip's MRZ differs from the printed MRZ."),
                    starts="The chip's MRZ differs",
                ),
                Says(F, translate("Findings", "The chip's MRZ is missing or unreadable.")),
                Says(
                    N,
                    translate("Findings", "No printed MRZ to compare the chip's MRZ with."),
                    starts="No printed MRZ",
                ),
                *_no_chip(),
            ),
        ),
        "chip.active_auth": Entry(
            translate("Findings", "Chip cloning check (active authentication)"),
            (
                Says(P, translate("Findings", "The chip proved it is the original chip.")),
                Says(
                    F,
                    translate(
                        "Findings", "The chip did not answer the challenge: examine for a cloned chip."
                    ),
                    Severity.WARNING,
                ),
                Says(
                    F,
                    translate("Findings", "The chip's answer does not verify: the chip may be a clone."),
                    Severity.FAIL,
                ),
                Says(
                    N,
                    translate("Findings", "This chip does not offer active authentication."),
                    starts="This chip does not",
                ),
                Says(
                    N,
                    translate("Findings", "Active authentication could not be checked."),
                    starts="Active authentication",
                ),
                *_no_chip(),
            ),
        ),
        "chip.chip_auth": Entry(
            translate("Findings", "Chip authentication"),
            (
                Says(P, translate("Findings", "The chip proved it is the original chip.")),
                Says(F, translate("Findings", "Chip authentication failed: the chip may be a clone.")),
                Says(
                    N,
                    translate("Findings", "Chip authentication was not performed."),
                    starts="Chip authentication was not",
                ),
                *_no_chip(),
            ),
        ),
        "screening.person_hit": Entry(
            translate("Findings", "Watchlist"),
            (
                Says(P, translate("Findings", "No match on the watchlist.")),
                Says(
                    F,
                    translate(
                        "Findings",
                        "Possible match with person of interest {person_id} (score {score}). See the detail.",
                    ),
                ),
                Says(
                    N, translate("Findings", "No watchlist is loaded at this booth."), starts="No watchlist"
                ),
                Says(N, translate("Findings", "No MRZ was read; the holder was not screened.")),
            ),
        ),
        "screening.document_hit": Entry(
            translate("Findings", "Lost or stolen documents"),
            (
                Says(P, translate("Findings", "The document is not on the lost/stolen list.")),
                Says(F, translate("Findings", "The document is on the lost/stolen list. See the detail.")),
                Says(
                    N,
                    translate("Findings", "No lost/stolen document list is loaded at this booth."),
                    starts="No lost/stolen",
                ),
                Says(N, translate("Findings", "No document number was read; not screened.")),
            ),
        ),
        "screening.api_manifest": Entry(
            translate("Findings", "Advance passenger list"),
            (
                Says(P, translate("Findings", "On the passenger list of flight {flight}.")),
                Says(F, translate("Findings", "Not on the advance passenger list of flight {flight}.")),
                Says(
                    N,
                    translate("Findings", "No flight is known for this traveller."),
                    starts="No flight is known",
                ),
                Says(
                    N,
                    translate("Findings", "No advance passenger list for flight {flight}."),
                    starts="No advance passenger list",
                ),
                Says(N, translate("Findings", "The passenger list was not checked.")),
            ),
        ),
        "screening.pnr_flag": Entry(
            translate("Findings", "Passenger record flag"),
            (Says(F, translate("Findings", "Booking {pnr} is flagged {flag} (source: {source}).")),),
        ),
        "screening.history_open_entry": Entry(
            translate("Findings", "Travel history: open entry"),
            (Says(F, translate("Findings", "An earlier entry has no exit recorded. See the detail.")),),
        ),
        "screening.history_overstay": Entry(
            translate("Findings", "Travel history: stay"),
            (
                Says(P, translate("Findings", "No open stay or overstay.")),
                Says(
                    F,
                    translate(
                        "Findings", "A stay of {days} days exceeds the allowed {allowed_stay_days} days."
                    ),
                ),
                Says(N, translate("Findings", "Travel history not checked.")),
            ),
        ),
    }


def _value(value: Any) -> str:
    """An evidence value in the current locale: numbers, ISO dates, lists of words."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return fmt_number(value)
    if isinstance(value, float):
        return QtCore.QLocale().toString(value, "f", 2)
    if isinstance(value, (list, tuple)):
        return translate("Findings", ", ").join(_value(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return fmt_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _fill(template: str, values: Mapping[str, Any]) -> str | None:
    """The template with its placeholders filled, or None when the evidence lacks one."""
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    if any(name not in values for name in names):
        return None
    return template.format_map({name: _value(values[name]) for name in names})


def _entry(code: str, catalogue: Mapping[str, Entry]) -> Entry | None:
    return catalogue.get(code.removesuffix(CRASHED_SUFFIX))


def finding_title(code: str, catalogue: Mapping[str, Entry] | None = None) -> str:
    """A short title for a finding code (the code itself when the catalogue does not know it)."""
    entry = _entry(code, catalogue if catalogue is not None else findings_catalogue())
    title = entry.title if entry is not None else code
    if code.endswith(CRASHED_SUFFIX):
        return translate("Findings", "{title}: check crashed").format(title=title)
    return title


def finding_text(finding: Finding, catalogue: Mapping[str, Entry] | None = None) -> str:
    """The finding in the officer's language, from its code and evidence; the core's English message
    when the catalogue has nothing that fits."""
    if finding.code.endswith(CRASHED_SUFFIX):
        return translate(
            "Findings", "This check could not be completed (software fault). Examine this part by hand."
        )
    entry = _entry(finding.code, catalogue if catalogue is not None else findings_catalogue())
    if entry is None:
        return finding.message
    values = dict(finding.evidence)
    if entry.extra is not None:
        values.update(entry.extra(finding.evidence))
    for says in entry.says:
        text = _fill(says.template, values) if says.fits(finding, values) else None
        if text is not None:
            return text
    return finding.message


# --- decisions -------------------------------------------------------------------------------------


def _reasons() -> dict[str, dict[str, str]]:
    """The config's default reason labels, translated, by kind of list and code."""
    return {
        "refusal_reasons": {
            "A": translate("Reasons", "No valid travel document"),
            "B": translate("Reasons", "False, counterfeit or forged travel document"),
            "C": translate("Reasons", "No valid visa or residence permit"),
            "D": translate("Reasons", "False, counterfeit or forged visa or residence permit"),
            "E": translate("Reasons", "No documents justifying the purpose and conditions of stay"),
            "F": translate("Reasons", "Has already stayed the maximum authorised period"),
            "G": translate("Reasons", "Insufficient means of subsistence"),
            "H": translate("Reasons", "Alert issued for refusal of entry"),
            "I": translate("Reasons", "Threat to public policy, internal security or public health"),
        },
        "referral_reasons": {
            "DOC": translate("Reasons", "Document authenticity in doubt"),
            "IDENTITY": translate("Reasons", "Identity or impostor doubt"),
            "HIT": translate("Reasons", "Watchlist or lost/stolen document hit"),
            "PURPOSE": translate("Reasons", "Purpose or conditions of stay unclear"),
            "OTHER": translate("Reasons", "Other (explain in the note)"),
        },
        "protection_flags": {
            "ASYLUM": translate("Reasons", "Asylum or protection request"),
            "UNACCOMPANIED_MINOR": translate("Reasons", "Unaccompanied or separated minor"),
            "TRAFFICKING": translate("Reasons", "Signs of trafficking in human beings"),
        },
    }


REASON_LISTS = ("refusal_reasons", "referral_reasons", "protection_flags")


def reason_choices(config: Config, kind: str) -> list[tuple[str, str]]:
    """``(code, label)`` of a reason list of the booth's config, labels in the officer's language.

    A label the booth kept at its default is translated by code; a label the booth wrote itself is
    shown as written (the booth chose those words)."""
    configured: Mapping[str, str] = getattr(config.decisions, kind)
    defaults: Mapping[str, str] = getattr(Config.defaults().decisions, kind)
    translated = _reasons()[kind]
    return [
        (code, translated[code] if code in translated and defaults.get(code) == label else label)
        for code, label in configured.items()
    ]


def reason_label(config: Config, code: str | None) -> str:
    """The label of a refusal or referral reason code, or of a protection flag; the code if unknown."""
    if not code:
        return ""
    for kind in REASON_LISTS:
        for known, label in reason_choices(config, kind):
            if known == code:
                return label
    return code


def examination_verdict_word(verdict: ExaminationVerdict) -> str:
    return {
        ExaminationVerdict.GENUINE: translate("SecondLineScreen", "genuine"),
        ExaminationVerdict.COUNTERFEIT: translate("SecondLineScreen", "counterfeit"),
        ExaminationVerdict.FORGED: translate("SecondLineScreen", "forged"),
        ExaminationVerdict.FRAUDULENTLY_OBTAINED: translate("SecondLineScreen", "fraudulently obtained"),
        ExaminationVerdict.IMPOSTOR: translate("SecondLineScreen", "impostor"),
        ExaminationVerdict.INCONCLUSIVE: translate("SecondLineScreen", "inconclusive"),
    }[verdict]


def decision_word(kind: DecisionKind) -> str:
    return {
        DecisionKind.ADMIT: translate("SecondLineScreen", "admit"),
        DecisionKind.REFUSE: translate("SecondLineScreen", "refuse"),
        DecisionKind.REFER: translate("Reasons", "refer"),
    }[kind]


def queue_word(queue: ReferralQueue) -> str:
    return {
        ReferralQueue.SECOND_LINE: translate("Reasons", "second line"),
        ReferralQueue.PROTECTION: translate("Reasons", "protection"),
    }[queue]


def role_word(role: str) -> str:
    """An officer's role for people (the same words as the window's header)."""
    return {
        "officer": translate("MainWindow", "officer"),
        "examiner": translate("MainWindow", "examiner"),
        "supervisor": translate("MainWindow", "supervisor"),
        "admin": translate("MainWindow", "administrator"),
    }.get(role, role)


# --- devices ---------------------------------------------------------------------------------------


def device_reason(reason: str) -> str:
    """A device's reason in the officer's language: the drivers' fixed reasons are known by their
    text (they are constants in ``devices``); anything else (a path, an OS error) is shown as is."""
    known = {
        "not opened": translate("Status", "not opened"),
        "no picture from the camera": translate("Status", "no picture from the camera"),
        "camera not available": translate("Status", "camera not available"),
        "camera lost — check the cable": translate("Status", "camera lost — check the cable"),
        "scan unreadable — scan the document again": translate(
            "Status", "scan unreadable — scan the document again"
        ),
        "read failed — present the document again": translate(
            "Status", "read failed — present the document again"
        ),
    }
    return known.get(reason, reason)
