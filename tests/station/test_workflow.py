"""The decision workflow at the core: roles, reason codes, the protection rule, second line, and
that every action lands on disk with its audit entry and outbox event (real store, real auth)."""

from __future__ import annotations

import dataclasses
import datetime
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from devices.sim.document import Defect
from station import audit
from station.auth import Auth, PermissionDenied, Role, Session, SessionLockedError
from station.clock import FakeClock
from station.config import Config
from station.domain import DecisionKind, ExaminationVerdict, Inspection, ReferralQueue
from station.inspection import Inspector
from station.store import Store
from station.workflow import (
    AlreadyDecidedError,
    ProtectionCaseError,
    ReferralUnavailableError,
    UnknownInspectionError,
    UnknownReasonError,
    Workflow,
    WorkflowError,
    suggested_protection_flags,
)
from tests.station.checks.docs import mrz_text, rendered

PIN = "482915"
START = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)


class Booth:
    """A booth on a real store file: its clock, config, auth, workflow and sessions by role."""

    def __init__(self, path: Path) -> None:
        self.clock = FakeClock(START)
        self.config = Config.defaults()
        self.store = Store.open(path / "booth.sqlite", clock=self.clock)
        self.auth = Auth(self.store, clock=self.clock, hasher=PasswordHasher(time_cost=1, memory_cost=1024))
        self.workflow = Workflow(self.store, self.config, self.clock)
        self.inspector = Inspector(config=self.config, clock=self.clock)

    def login(self, officer_id: str, role: Role) -> Session:
        if self.auth.get(officer_id) is None:
            self.auth.add_officer(officer_id, officer_id.title(), role, PIN, actor="cli:test")
        return self.auth.login(officer_id, PIN)

    def inspected(
        self, session: Session, text: str | None = None, defects: frozenset[Defect] = frozenset()
    ) -> str:
        scan = rendered(text or mrz_text(), defects)
        inspection = self.inspector.start(scan)
        return self.workflow.record_inspection(session, inspection, scan)

    def audit_actions(self) -> list[tuple[str, str, str]]:
        with self.store.read() as conn:
            return [(e.actor, e.action, e.target) for e in audit.entries(conn)]

    def kinds(self) -> list[str]:
        return [r.kind for r in self.store.records()]


@pytest.fixture
def booth(tmp_path: Path) -> Iterator[Booth]:
    b = Booth(tmp_path)
    yield b
    b.store.close()


@pytest.fixture
def officer(booth: Booth) -> Session:
    return booth.login("olga", Role.OFFICER)


@pytest.fixture
def examiner(booth: Booth) -> Session:
    return booth.login("emil", Role.EXAMINER)


def _events(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT kind, event_id FROM outbox ORDER BY rowid")]


def test_recording_an_inspection_stores_record_images_audit_and_event_together(
    booth: Booth, officer: Session
) -> None:
    inspection_id = booth.inspected(officer)
    record = booth.store.get(inspection_id)
    assert record is not None and record.kind == "inspection"
    assert Inspection.from_json(record.body).inspection_id == inspection_id
    assert set(booth.store.images_of(inspection_id)) == {"white", "ir", "uv"}
    assert booth.store.image_bytes(inspection_id, "ir").startswith(b"\xff\xd8\xff")  # JPEG
    assert ("inspection", inspection_id) in _events(booth.store)
    assert ("officer:olga", "inspection.scan", inspection_id) in booth.audit_actions()
    stored = Inspection.from_json(record.body)
    assert stored.officer is not None and stored.officer.officer_id == "olga"
    assert stored.booth is not None and stored.booth.booth_id == booth.config.booth.booth_id


def test_an_inspection_started_for_another_officer_is_refused(booth: Booth, officer: Session) -> None:
    from station.domain import OfficerRef

    inspection = booth.inspector.start(rendered(mrz_text()), officer=OfficerRef("someone-else", "officer"))
    with pytest.raises(WorkflowError, match="another officer"):
        booth.workflow.record_inspection(officer, inspection)


def test_admit_is_stored_and_audited_once(booth: Booth, officer: Session) -> None:
    inspection_id = booth.inspected(officer)
    decision = booth.workflow.admit(officer, inspection_id, note="ok")
    assert decision.kind is DecisionKind.ADMIT
    assert decision.officer.officer_id == "olga"
    assert booth.store.get(decision.decision_id) is not None
    assert ("officer:olga", "inspection.decision", inspection_id) in booth.audit_actions()
    with pytest.raises(AlreadyDecidedError):
        booth.workflow.refuse(officer, inspection_id, "A")


def test_refuse_needs_a_configured_reason_code(booth: Booth, officer: Session) -> None:
    inspection_id = booth.inspected(officer, defects=frozenset({Defect.ALTERED_DATE}))
    with pytest.raises(UnknownReasonError, match="ZZ"):
        booth.workflow.refuse(officer, inspection_id, "ZZ")
    assert "decision" not in booth.kinds()  # nothing stored for the rejected attempt
    decision = booth.workflow.refuse(officer, inspection_id, "B", note="expiry date overprinted")
    assert (decision.kind, decision.reason_code) == (DecisionKind.REFUSE, "B")


def test_deciding_on_an_unknown_inspection_is_refused(booth: Booth, officer: Session) -> None:
    with pytest.raises(UnknownInspectionError):
        booth.workflow.admit(officer, "no-such-inspection")


@pytest.mark.parametrize("flag", ["ASYLUM", "UNACCOMPANIED_MINOR", "TRAFFICKING"])
def test_a_protection_flag_always_routes_to_the_protection_referral(
    booth: Booth, officer: Session, flag: str
) -> None:
    inspection_id = booth.inspected(officer)
    with pytest.raises(ProtectionCaseError):
        booth.workflow.refuse(officer, inspection_id, "A", flags=[flag])
    with pytest.raises(ProtectionCaseError):
        booth.workflow.refuse(officer, inspection_id, flag)  # a flag is never a refusal reason
    referral = booth.workflow.protect(officer, inspection_id, [flag], note="asked for protection")
    assert referral.queue is ReferralQueue.PROTECTION
    assert referral.protection_flags == frozenset({flag})
    # a referral given a second-line reason AND a flag still goes to protection
    other = booth.inspected(officer)
    assert booth.workflow.refer(officer, other, "DOC", flags=[flag]).queue is ReferralQueue.PROTECTION


def test_unknown_protection_flags_and_referral_reasons_are_rejected(booth: Booth, officer: Session) -> None:
    inspection_id = booth.inspected(officer)
    with pytest.raises(UnknownReasonError):
        booth.workflow.protect(officer, inspection_id, ["HOLIDAY"])
    with pytest.raises(UnknownReasonError):
        booth.workflow.refer(officer, inspection_id, "BORED")
    with pytest.raises(WorkflowError):
        booth.workflow.protect(officer, inspection_id, [])


def test_a_minor_suggests_the_unaccompanied_minor_flag(booth: Booth) -> None:
    child = mrz_text(birth_date=datetime.date(2015, 2, 2))
    inspection = booth.inspector.start(rendered(child))
    assert suggested_protection_flags(inspection, booth.config) == frozenset({"UNACCOMPANIED_MINOR"})
    adult = booth.inspector.start(rendered(mrz_text()))
    assert suggested_protection_flags(adult, booth.config) == frozenset()


def test_second_line_takes_examines_and_closes_a_referral(
    booth: Booth, officer: Session, examiner: Session
) -> None:
    inspection_id = booth.inspected(officer, defects=frozenset({Defect.SUBSTITUTED_PHOTO}))
    referral = booth.workflow.refer(officer, inspection_id, "DOC", note="UV pattern broken over the photo")
    queue = booth.workflow.referrals(examiner, ReferralQueue.SECOND_LINE)
    assert [(s.referral.referral_id, s.holder) for s in queue] == [(referral.referral_id, None)]
    booth.workflow.take(examiner, referral.referral_id)
    assert booth.workflow.referrals(examiner)[0].holder is not None
    in_progress = booth.workflow.view_inspection(officer, inspection_id)
    assert in_progress.holder is not None and in_progress.holder.officer_id == "emil"
    assert in_progress.examination is None
    examination = booth.workflow.examine(
        examiner, referral.referral_id, ExaminationVerdict.FORGED, DecisionKind.REFUSE, reason_code="B"
    )
    assert (examination.verdict, examination.final_decision) == (
        ExaminationVerdict.FORGED,
        DecisionKind.REFUSE,
    )
    assert examination.inspection_id == inspection_id
    assert booth.workflow.referrals(examiner) == []
    case = booth.workflow.view_inspection(examiner, inspection_id)
    assert case.decision is not None and case.decision.kind is DecisionKind.REFER
    assert case.referral == referral
    assert case.examination == examination and case.holder is None
    with pytest.raises(ReferralUnavailableError, match="closed"):
        booth.workflow.take(examiner, referral.referral_id)
    actions = [a for _actor, a, _target in booth.audit_actions() if a != "record.viewed"]
    assert actions[-3:] == ["inspection.decision", "referral.taken", "referral.examined"]


def test_only_one_examiner_holds_a_referral_at_a_time(
    booth: Booth, officer: Session, examiner: Session
) -> None:
    other = booth.login("erik", Role.EXAMINER)
    referral = booth.workflow.refer(officer, booth.inspected(officer), "IDENTITY")
    booth.workflow.take(examiner, referral.referral_id)
    with pytest.raises(ReferralUnavailableError, match="emil"):
        booth.workflow.take(other, referral.referral_id)
    with pytest.raises(ReferralUnavailableError):
        booth.workflow.examine(other, referral.referral_id, "genuine", "admit")
    with pytest.raises(ReferralUnavailableError):
        booth.workflow.release(other, referral.referral_id)
    booth.workflow.release(examiner, referral.referral_id)
    booth.workflow.take(other, referral.referral_id)
    examination = booth.workflow.examine(other, referral.referral_id, "genuine", "admit", reason_code="A")
    assert examination.reason_code is None  # an admission carries no refusal reason


def test_a_protection_case_cannot_be_refused_at_second_line(
    booth: Booth, officer: Session, examiner: Session
) -> None:
    referral = booth.workflow.protect(officer, booth.inspected(officer), ["TRAFFICKING"])
    booth.workflow.take(examiner, referral.referral_id)
    with pytest.raises(ProtectionCaseError):
        booth.workflow.examine(examiner, referral.referral_id, "genuine", "refuse", reason_code="A")
    assert (
        booth.workflow.examine(examiner, referral.referral_id, "genuine", "admit").final_decision
        is DecisionKind.ADMIT
    )


def test_examination_rules(booth: Booth, officer: Session, examiner: Session) -> None:
    referral = booth.workflow.refer(officer, booth.inspected(officer), "DOC")
    booth.workflow.take(examiner, referral.referral_id)
    with pytest.raises(WorkflowError, match="admit or refuse"):
        booth.workflow.examine(examiner, referral.referral_id, "inconclusive", "refer")
    with pytest.raises(UnknownReasonError):
        booth.workflow.examine(examiner, referral.referral_id, "counterfeit", "refuse", reason_code="nope")
    with pytest.raises(ValueError):
        booth.workflow.examine(examiner, referral.referral_id, "looks fine", "admit")


def test_roles_are_enforced_in_the_core(booth: Booth, officer: Session) -> None:
    admin = booth.login("ada", Role.ADMIN)
    inspection_id = booth.inspected(officer)
    referral = booth.workflow.refer(officer, inspection_id, "DOC")
    with pytest.raises(PermissionDenied):
        booth.workflow.referrals(officer)
    with pytest.raises(PermissionDenied):
        booth.workflow.take(officer, referral.referral_id)
    with pytest.raises(PermissionDenied):
        booth.workflow.admit(admin, booth.inspected(officer))
    with pytest.raises(PermissionDenied):
        booth.workflow.record_inspection(admin, booth.inspector.start(rendered(mrz_text())))
    supervisor = booth.login("sue", Role.SUPERVISOR)
    assert booth.workflow.referrals(supervisor)  # supervisors can work second line


def test_a_locked_session_can_do_nothing(booth: Booth, officer: Session) -> None:
    inspection_id = booth.inspected(officer)
    booth.clock.advance(datetime.timedelta(minutes=6))
    with pytest.raises(SessionLockedError):
        booth.workflow.admit(officer, inspection_id)
    booth.auth.unlock(officer, PIN)
    booth.workflow.admit(officer, inspection_id)


def test_a_correction_is_a_new_record_and_the_old_one_stays(booth: Booth, officer: Session) -> None:
    old_id = booth.inspected(officer, mrz_text(surname="HADAD"))
    corrected = booth.inspector.start(rendered(mrz_text()))
    with pytest.raises(WorkflowError, match="why"):
        booth.workflow.correct_inspection(officer, old_id, corrected, " ")
    new_id = booth.workflow.correct_inspection(officer, old_id, corrected, "surname misread, rescanned")
    assert booth.store.get(old_id) is not None
    history = booth.store.history(old_id)
    assert [r.record_id for r in history] == [old_id, new_id]
    with pytest.raises(WorkflowError, match="latest version"):
        booth.workflow.correct_inspection(
            officer, old_id, booth.inspector.start(rendered(mrz_text())), "again"
        )
    with pytest.raises(UnknownInspectionError):
        booth.workflow.correct_inspection(officer, "nope", booth.inspector.start(rendered(mrz_text())), "x")
    viewed = booth.workflow.view_inspection(officer, old_id).inspection
    assert viewed.inspection_id == new_id
    assert viewed.traveller is not None and viewed.traveller.surname == "HADDAD"
    assert viewed.correction_note == "surname misread, rescanned"
    actions = booth.audit_actions()
    assert ("officer:olga", "inspection.corrected", new_id) in actions
    assert ("officer:olga", "record.viewed", new_id) in actions
    # a decision on either version counts for the traveller
    booth.workflow.admit(officer, old_id)
    with pytest.raises(AlreadyDecidedError):
        booth.workflow.admit(officer, new_id)
    decision = booth.workflow.view_inspection(officer, new_id).decision
    assert decision is not None and decision.kind is DecisionKind.ADMIT


def test_records_cannot_be_edited_behind_the_workflow(booth: Booth, officer: Session) -> None:
    inspection_id = booth.inspected(officer)
    with booth.store.transaction() as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE records SET body = '{}' WHERE record_id = ?", (inspection_id,))


def test_the_audit_chain_verifies_after_a_full_case(
    booth: Booth, officer: Session, examiner: Session
) -> None:
    referral = booth.workflow.refer(officer, booth.inspected(officer), "HIT")
    booth.workflow.take(examiner, referral.referral_id)
    booth.workflow.examine(examiner, referral.referral_id, "impostor", "refuse", reason_code="A")
    with booth.store.read() as conn:
        assert audit.verify(conn).ok


def test_two_booths_racing_for_one_referral_one_wins(booth: Booth, officer: Session, tmp_path: Path) -> None:
    """Two examiners on two connections (as two processes would be) take the same referral at once:
    the check and the claim run in one BEGIN IMMEDIATE transaction, so exactly one wins."""
    import threading

    referral = booth.workflow.refer(officer, booth.inspected(officer), "DOC")
    first = booth.login("emil", Role.EXAMINER)
    second = booth.login("erik", Role.EXAMINER)
    other_store = Store.open(tmp_path / "booth.sqlite", clock=booth.clock)
    try:
        workflows = [booth.workflow, Workflow(other_store, booth.config, booth.clock)]
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def take(workflow: Workflow, session: Session) -> None:
            barrier.wait()
            try:
                workflow.take(session, referral.referral_id)
                outcomes.append("taken")
            except ReferralUnavailableError:
                outcomes.append("refused")

        threads = [
            threading.Thread(target=take, args=(w, s))
            for w, s in zip(workflows, (first, second), strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(outcomes) == ["refused", "taken"]
        claims = [r for r in booth.store.records("referral_claim")]
        assert len(claims) == 1
    finally:
        other_store.close()


def test_the_chips_data_groups_are_kept_with_the_inspection_for_second_line(
    booth: Booth, officer: Session, examiner: Session
) -> None:
    scan = dataclasses.replace(
        rendered(mrz_text()),
        chip={"DG1": b"\x61\x5b\x5f\x1f", "SOD": b"\x77\x01\x00", "AA.signature": b"\x01\x02", "DG99": b"?"},
    )
    inspection = booth.inspector.start(dataclasses.replace(scan, chip=None))
    inspection_id = booth.workflow.record_inspection(officer, inspection, scan)
    assert {"chip-dg1", "chip-sod", "chip-aa-signature"} <= set(booth.store.images_of(inspection_id))
    assert booth.workflow.chip_data(examiner, inspection_id) == {
        "DG1": b"\x61\x5b\x5f\x1f",
        "SOD": b"\x77\x01\x00",
        "AA.signature": b"\x01\x02",
    }
    plain = booth.inspected(officer)
    assert booth.workflow.chip_data(examiner, plain) == {}
