"""Domain records survive a JSON round trip unchanged (the store and the outbox depend on it)."""

from __future__ import annotations

import datetime
import json

from station.domain import (
    Assessment,
    BoothRef,
    Decision,
    DecisionKind,
    Document,
    Examination,
    ExaminationVerdict,
    Inspection,
    OfficerRef,
    Referral,
    ReferralClaim,
    ReferralQueue,
    Traveller,
    Verdict,
    VerdictReason,
    new_id,
)
from station.findings import Finding, Severity, Status

AT = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
OFFICER = OfficerRef("off-1", "officer")
EXAMINER = OfficerRef("ex-1", "examiner")


def _roundtrip(record: object) -> object:
    data = record.to_json()  # type: ignore[attr-defined]
    return type(record).from_json(json.loads(json.dumps(data)))  # type: ignore[attr-defined]


def test_inspection_round_trips_through_json() -> None:
    finding = Finding("mrz.expiry", Status.FAILED, Severity.FAIL, "Expired.", {"days": -3})
    inspection = Inspection(
        inspection_id=new_id(),
        source="sim",
        started_at=AT,
        finished_at=AT + datetime.timedelta(milliseconds=40),
        findings=(finding,),
        assessment=Assessment(Verdict.STOP, (VerdictReason(finding, Verdict.STOP, "any fail → stop"),)),
        mrz={"valid": True},
        traveller=Traveller("ERIKSSON", "ANNA MARIA", "UTO", datetime.date(1974, 8, 12), "F"),
        document=Document("P", "UTO", "L898902C3", "TD3", datetime.date(2012, 4, 15), "P<UTO..."),
        booth=BoothRef("XCP", "b1", "entry", "3"),
        officer=OFFICER,
        images=("white", "ir"),
        supersedes="abc",
        correction_note="wrong document scanned",
    )
    assert _roundtrip(inspection) == inspection
    assert inspection.verdict is Verdict.STOP


def test_decisions_referrals_claims_and_examinations_round_trip() -> None:
    records = [
        Decision(
            new_id(),
            "i1",
            DecisionKind.REFER,
            OFFICER,
            AT,
            "DOC",
            "look at the UV",
            frozenset({"ASYLUM"}),
        ),
        Referral(
            new_id(),
            "i1",
            "d1",
            ReferralQueue.PROTECTION,
            "asylum_request",
            "",
            OFFICER,
            AT,
            frozenset({"ASYLUM", "UNACCOMPANIED_MINOR"}),
        ),
        ReferralClaim(new_id(), "r1", EXAMINER, AT, released=True),
        Examination(
            new_id(),
            "r1",
            "i1",
            EXAMINER,
            ExaminationVerdict.FRAUDULENTLY_OBTAINED,
            DecisionKind.REFUSE,
            AT,
            "false_document",
            "chip and page disagree",
        ),
    ]
    for record in records:
        assert _roundtrip(record) == record


def test_verdicts_are_ranked() -> None:
    assert Verdict.CLEAR.rank < Verdict.ATTENTION.rank < Verdict.STOP.rank
