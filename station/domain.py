"""The booth's domain: who presented which document, what the checks found, and what was decided.

Plain frozen dataclasses with ``to_json``/``from_json``, so the same record is what the store writes,
the outbox sends and the UI shows. Records are append-only: an inspection is never edited; a
correction is a new ``Inspection`` whose ``supersedes`` names the old one.
"""

from __future__ import annotations

import datetime
import enum
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from station.findings import Finding, Severity, Status

if TYPE_CHECKING:
    from mrz import MRZResult

JSON = dict[str, Any]


def new_id() -> str:
    """A record id: random, so booths working offline never collide."""
    return uuid.uuid4().hex


class Verdict(enum.StrEnum):
    """The overall outcome of the checks, shown as green / amber / red."""

    CLEAR = "clear"
    ATTENTION = "attention"
    STOP = "stop"

    @property
    def rank(self) -> int:
        return _VERDICT_RANK[self]


_VERDICT_RANK = {Verdict.CLEAR: 0, Verdict.ATTENTION: 1, Verdict.STOP: 2}


class DecisionKind(enum.StrEnum):
    ADMIT = "admit"
    REFUSE = "refuse"
    REFER = "refer"


class ExaminationVerdict(enum.StrEnum):
    """The second-line examiner's conclusion about the document and its holder."""

    GENUINE = "genuine"
    COUNTERFEIT = "counterfeit"
    FORGED = "forged"
    FRAUDULENTLY_OBTAINED = "fraudulently_obtained"
    IMPOSTOR = "impostor"
    INCONCLUSIVE = "inconclusive"


class ReferralQueue(enum.StrEnum):
    SECOND_LINE = "second_line"
    PROTECTION = "protection"


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _flags(values: Iterable[str]) -> frozenset[str]:
    return frozenset(str(v) for v in values)


def finding_from_json(data: Mapping[str, Any]) -> Finding:
    return Finding(
        code=str(data["code"]),
        status=Status(data["status"]),
        severity=Severity(data["severity"]),
        message=str(data["message"]),
        evidence=dict(data.get("evidence", {})),
    )


@dataclass(frozen=True)
class OfficerRef:
    """Who acted: enough to attribute a record without copying the officer's account."""

    officer_id: str
    role: str

    def to_json(self) -> JSON:
        return {"officer_id": self.officer_id, "role": self.role}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OfficerRef:
        return cls(officer_id=str(data["officer_id"]), role=str(data["role"]))


@dataclass(frozen=True)
class BoothRef:
    """Where it happened."""

    crossing_point: str
    booth_id: str
    direction: str = ""
    lane: str = ""

    def to_json(self) -> JSON:
        return {
            "crossing_point": self.crossing_point,
            "booth_id": self.booth_id,
            "direction": self.direction,
            "lane": self.lane,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BoothRef:
        return cls(
            crossing_point=str(data["crossing_point"]),
            booth_id=str(data["booth_id"]),
            direction=str(data.get("direction", "")),
            lane=str(data.get("lane", "")),
        )


@dataclass(frozen=True)
class Traveller:
    """The holder as the document describes them (not a verified identity)."""

    surname: str
    given_names: str
    nationality: str
    birth_date: datetime.date | None
    sex: str

    @classmethod
    def from_mrz(cls, result: MRZResult) -> Traveller:
        f = result.fields
        return cls(
            surname=str(f.get("surname", "")),
            given_names=str(f.get("given_names", "")),
            nationality=str(f.get("nationality", "")),
            birth_date=_safe_date(f.get("birth_date")),
            sex=str(f.get("sex", "")),
        )

    def to_json(self) -> JSON:
        return {
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "birth_date": _iso(self.birth_date),
            "sex": self.sex,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Traveller:
        return cls(
            surname=str(data["surname"]),
            given_names=str(data["given_names"]),
            nationality=str(data["nationality"]),
            birth_date=_date(data.get("birth_date")),
            sex=str(data["sex"]),
        )


@dataclass(frozen=True)
class Document:
    """The travel document presented, as read from its MRZ."""

    document_code: str
    issuing_state: str
    document_number: str
    format: str
    expiry_date: datetime.date | None
    mrz: str
    optional_data: str = ""

    @classmethod
    def from_mrz(cls, result: MRZResult) -> Document:
        f = result.fields
        return cls(
            document_code=str(f.get("document_code", "")),
            issuing_state=str(f.get("issuing_state", "")),
            document_number=str(f.get("document_number", "")),
            format=result.format.name,
            expiry_date=_safe_date(f.get("expiry_date")),
            mrz=result.mrz,
            optional_data=str(f.get("optional_data", "")),
        )

    def to_json(self) -> JSON:
        return {
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "format": self.format,
            "expiry_date": _iso(self.expiry_date),
            "mrz": self.mrz,
            "optional_data": self.optional_data,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Document:
        return cls(
            document_code=str(data["document_code"]),
            issuing_state=str(data["issuing_state"]),
            document_number=str(data["document_number"]),
            format=str(data["format"]),
            expiry_date=_date(data.get("expiry_date")),
            mrz=str(data["mrz"]),
            optional_data=str(data.get("optional_data", "")),
        )


def _safe_date(value: object) -> datetime.date | None:
    """MRZ dates that are impossible (e.g. 31 February) are reported by a check, not raised here."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class VerdictReason:
    """One finding that moved the verdict, the verdict it asked for, and the rule that said so."""

    finding: Finding
    verdict: Verdict
    rule: str

    def to_json(self) -> JSON:
        return {"finding": self.finding.to_json(), "verdict": self.verdict.value, "rule": self.rule}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VerdictReason:
        return cls(
            finding=finding_from_json(data["finding"]),
            verdict=Verdict(data["verdict"]),
            rule=str(data["rule"]),
        )


@dataclass(frozen=True)
class Assessment:
    """The verdict with the findings that drove it: never a bare colour."""

    verdict: Verdict
    reasons: tuple[VerdictReason, ...] = ()

    def to_json(self) -> JSON:
        return {"verdict": self.verdict.value, "reasons": [r.to_json() for r in self.reasons]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Assessment:
        return cls(
            verdict=Verdict(data["verdict"]),
            reasons=tuple(VerdictReason.from_json(r) for r in data.get("reasons", ())),
        )


@dataclass(frozen=True)
class Inspection:
    """One presentation of a document at a booth: what was read, what the checks found, the verdict.

    ``supersedes`` names the inspection this one corrects (with ``correction_note`` saying why);
    the old record stays as it was.
    """

    inspection_id: str
    source: str
    started_at: datetime.datetime
    finished_at: datetime.datetime
    findings: tuple[Finding, ...]
    assessment: Assessment
    mrz: JSON | None = None
    traveller: Traveller | None = None
    document: Document | None = None
    booth: BoothRef | None = None
    officer: OfficerRef | None = None
    images: tuple[str, ...] = ()
    supersedes: str | None = None
    correction_note: str = ""

    @property
    def verdict(self) -> Verdict:
        return self.assessment.verdict

    def to_json(self) -> JSON:
        return {
            "inspection_id": self.inspection_id,
            "source": self.source,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "findings": [f.to_json() for f in self.findings],
            "assessment": self.assessment.to_json(),
            "mrz": self.mrz,
            "traveller": self.traveller.to_json() if self.traveller else None,
            "document": self.document.to_json() if self.document else None,
            "booth": self.booth.to_json() if self.booth else None,
            "officer": self.officer.to_json() if self.officer else None,
            "images": list(self.images),
            "supersedes": self.supersedes,
            "correction_note": self.correction_note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Inspection:
        return cls(
            inspection_id=str(data["inspection_id"]),
            source=str(data["source"]),
            started_at=datetime.datetime.fromisoformat(data["started_at"]),
            finished_at=datetime.datetime.fromisoformat(data["finished_at"]),
            findings=tuple(finding_from_json(f) for f in data["findings"]),
            assessment=Assessment.from_json(data["assessment"]),
            mrz=dict(data["mrz"]) if data.get("mrz") is not None else None,
            traveller=Traveller.from_json(data["traveller"]) if data.get("traveller") else None,
            document=Document.from_json(data["document"]) if data.get("document") else None,
            booth=BoothRef.from_json(data["booth"]) if data.get("booth") else None,
            officer=OfficerRef.from_json(data["officer"]) if data.get("officer") else None,
            images=tuple(data.get("images", ())),
            supersedes=data.get("supersedes"),
            correction_note=str(data.get("correction_note", "")),
        )


@dataclass(frozen=True)
class Decision:
    """The primary officer's decision on one inspection.

    ``reason_code`` is set for a refusal (from the booth's configured list) and for a referral;
    ``protection_flags`` record humanitarian grounds (codes from the booth's ``decisions.protection_flags``,
    e.g. ``ASYLUM``), which route to the protection referral and are never a reason to refuse.
    """

    decision_id: str
    inspection_id: str
    kind: DecisionKind
    officer: OfficerRef
    at: datetime.datetime
    reason_code: str | None = None
    note: str = ""
    protection_flags: frozenset[str] = field(default_factory=frozenset)

    def to_json(self) -> JSON:
        return {
            "decision_id": self.decision_id,
            "inspection_id": self.inspection_id,
            "kind": self.kind.value,
            "officer": self.officer.to_json(),
            "at": self.at.isoformat(),
            "reason_code": self.reason_code,
            "note": self.note,
            "protection_flags": sorted(self.protection_flags),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decision:
        return cls(
            decision_id=str(data["decision_id"]),
            inspection_id=str(data["inspection_id"]),
            kind=DecisionKind(data["kind"]),
            officer=OfficerRef.from_json(data["officer"]),
            at=datetime.datetime.fromisoformat(data["at"]),
            reason_code=data.get("reason_code"),
            note=str(data.get("note", "")),
            protection_flags=_flags(data.get("protection_flags", ())),
        )


@dataclass(frozen=True)
class Referral:
    """A case sent from the primary line to a queue: second line, or protection."""

    referral_id: str
    inspection_id: str
    decision_id: str
    queue: ReferralQueue
    reason: str
    note: str
    referred_by: OfficerRef
    at: datetime.datetime
    protection_flags: frozenset[str] = field(default_factory=frozenset)

    def to_json(self) -> JSON:
        return {
            "referral_id": self.referral_id,
            "inspection_id": self.inspection_id,
            "decision_id": self.decision_id,
            "queue": self.queue.value,
            "reason": self.reason,
            "note": self.note,
            "referred_by": self.referred_by.to_json(),
            "at": self.at.isoformat(),
            "protection_flags": sorted(self.protection_flags),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Referral:
        return cls(
            referral_id=str(data["referral_id"]),
            inspection_id=str(data["inspection_id"]),
            decision_id=str(data["decision_id"]),
            queue=ReferralQueue(data["queue"]),
            reason=str(data["reason"]),
            note=str(data.get("note", "")),
            referred_by=OfficerRef.from_json(data["referred_by"]),
            at=datetime.datetime.fromisoformat(data["at"]),
            protection_flags=_flags(data.get("protection_flags", ())),
        )


@dataclass(frozen=True)
class ReferralClaim:
    """An examiner taking (``released=False``) or handing back (``released=True``) a referral."""

    claim_id: str
    referral_id: str
    examiner: OfficerRef
    at: datetime.datetime
    released: bool = False

    def to_json(self) -> JSON:
        return {
            "claim_id": self.claim_id,
            "referral_id": self.referral_id,
            "examiner": self.examiner.to_json(),
            "at": self.at.isoformat(),
            "released": self.released,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReferralClaim:
        return cls(
            claim_id=str(data["claim_id"]),
            referral_id=str(data["referral_id"]),
            examiner=OfficerRef.from_json(data["examiner"]),
            at=datetime.datetime.fromisoformat(data["at"]),
            released=bool(data.get("released", False)),
        )


@dataclass(frozen=True)
class Examination:
    """The second line's outcome: a verdict on the document and the final decision (admit/refuse)."""

    examination_id: str
    referral_id: str
    inspection_id: str
    examiner: OfficerRef
    verdict: ExaminationVerdict
    final_decision: DecisionKind
    at: datetime.datetime
    reason_code: str | None = None
    note: str = ""

    def to_json(self) -> JSON:
        return {
            "examination_id": self.examination_id,
            "referral_id": self.referral_id,
            "inspection_id": self.inspection_id,
            "examiner": self.examiner.to_json(),
            "verdict": self.verdict.value,
            "final_decision": self.final_decision.value,
            "at": self.at.isoformat(),
            "reason_code": self.reason_code,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Examination:
        return cls(
            examination_id=str(data["examination_id"]),
            referral_id=str(data["referral_id"]),
            inspection_id=str(data["inspection_id"]),
            examiner=OfficerRef.from_json(data["examiner"]),
            verdict=ExaminationVerdict(data["verdict"]),
            final_decision=DecisionKind(data["final_decision"]),
            at=datetime.datetime.fromisoformat(data["at"]),
            reason_code=data.get("reason_code"),
            note=str(data.get("note", "")),
        )
