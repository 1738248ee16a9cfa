"""The officer's decisions and the second line's work, as the core enforces them.

Primary line: record the inspection, then admit, refuse (with a reason code from the booth's list)
or refer to second line (with a reason and a note). A humanitarian/protection flag (asylum request,
unaccompanied minor, signs of trafficking) always sends the case to the protection referral: a
flagged case can be neither admitted nor refused at the primary line, and a flag is never a refusal
reason. Second line: an examiner takes a referral (one examiner at a time), records a verdict on the
document and the final decision.

Every action checks the session's role here in the core (``station.auth.require``), is written to
the audit log, and is stored with its outbox event — all in ONE transaction, so a decision is never
on disk without its audit entry or the other way round. Records are append-only: a correction of an
inspection is a new record that supersedes the old one.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import cv2

from devices.scan import DocumentScan, Image
from station import audit
from station.audit import Action
from station.auth import Permission, Session, require
from station.clock import Clock
from station.config import Config
from station.domain import (
    BoothRef,
    Decision,
    DecisionKind,
    Examination,
    ExaminationVerdict,
    Inspection,
    OfficerRef,
    Referral,
    ReferralClaim,
    ReferralQueue,
    new_id,
)
from station.findings import Status
from station.store import StaleCorrectionError, Store, UnknownRecordError

log = logging.getLogger(__name__)

INSPECTION = "inspection"
DECISION = "decision"
REFERRAL = "referral"
REFERRAL_CLAIM = "referral_claim"
EXAMINATION = "examination"

UNACCOMPANIED_MINOR = "UNACCOMPANIED_MINOR"
"""The protection flag suggested when the holder is a minor (the officer confirms it)."""

ACTION_CORRECTED = "inspection.corrected"

CHIP_FILE_PREFIX = "chip-"
_CHIP_ELEMENTS = (
    "COM",
    "SOD",
    "CardAccess",
    *(f"DG{n}" for n in range(1, 17)),
    "AA.challenge",
    "AA.signature",
    "CA.result",
)
_CHIP_FILES = {CHIP_FILE_PREFIX + name.lower().replace(".", "-"): name for name in _CHIP_ELEMENTS}
"""Stored file name -> chip element: the chip's data groups are kept with the inspection as files
(personal and biometric data like the page images, so synced and purged with them), and second line
re-runs the chip checks on them."""
ACTION_REFERRAL_TAKEN = "referral.taken"
ACTION_REFERRAL_RELEASED = "referral.released"
ACTION_EXAMINED = "referral.examined"

JPEG_QUALITY = 92
"""Page images are stored as JPEG, as document readers deliver them: ~300 KB and ~5 ms per 1500 px
page, against ~2.5 MB and ~100 ms for PNG. The image checks give the same answers on them (tested)."""


class WorkflowError(Exception):
    """An action the rules do not allow; the message is fit for the officer's screen."""


class UnknownInspectionError(WorkflowError):
    pass


class UnknownReasonError(WorkflowError):
    pass


class ProtectionCaseError(WorkflowError):
    """A protection-flagged case handled as anything but a protection referral."""


class AlreadyDecidedError(WorkflowError):
    pass


class ReferralUnavailableError(WorkflowError):
    """The referral is unknown, already closed, or held by another examiner."""


@dataclass(frozen=True)
class Case:
    """An inspection (its current version) and what followed: the primary decision, the referral
    with its current holder, and the second line's examination, each ``None`` until it happens."""

    inspection: Inspection
    decision: Decision | None = None
    referral: Referral | None = None
    holder: OfficerRef | None = None
    examination: Examination | None = None


@dataclass(frozen=True)
class ReferralStatus:
    """A referral as the second-line queue shows it: who holds it now, if anyone."""

    referral: Referral
    holder: OfficerRef | None


def officer_of(session: Session) -> OfficerRef:
    return OfficerRef(officer_id=session.officer_id, role=session.role.value)


def suggested_protection_flags(inspection: Inspection, config: Config) -> frozenset[str]:
    """Flags the screen should offer for this inspection (never set without the officer)."""
    suggestions: set[str] = set()
    for finding in inspection.findings:
        if (
            finding.code == "holder.minor"
            and finding.status is Status.FAILED
            and finding.evidence.get("minor")
        ):
            suggestions.add(UNACCOMPANIED_MINOR)
    return frozenset(s for s in suggestions if s in config.decisions.protection_flags)


def encode_images(images: Mapping[str, Image]) -> dict[str, bytes]:
    encoded: dict[str, bytes] = {}
    for name, image in images.items():
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if not ok:
            raise ValueError(f"the {name} image cannot be encoded")
        encoded[name] = data.tobytes()
    return encoded


class Workflow:
    """Decisions and referrals on one booth store."""

    def __init__(self, store: Store, config: Config, clock: Clock | None = None) -> None:
        self.store = store
        self.config = config
        self.clock = clock or store.clock

    # --- inspections -------------------------------------------------------------------------------

    def record_inspection(
        self,
        session: Session,
        inspection: Inspection,
        scan: DocumentScan | None = None,
        *,
        live_photo: Image | None = None,
    ) -> str:
        """Store the inspection with its page images (and live photo) and audit the scan.

        The record names the booth and the officer who recorded it (taken from the config and the
        session when the inspection does not name them; an inspection run for another officer is
        refused)."""
        require(session, Permission.INSPECT)
        officer = officer_of(session)
        if inspection.officer is not None and inspection.officer.officer_id != officer.officer_id:
            raise WorkflowError("This inspection was started by another officer.")
        inspection = replace(inspection, officer=officer, booth=inspection.booth or self._booth())
        images = self._images(scan, live_photo)
        with self.store.transaction() as conn:
            try:
                record_id = self.store.append(
                    INSPECTION,
                    inspection.to_json(),
                    images=images,
                    supersedes=inspection.supersedes,
                    record_id=inspection.inspection_id,
                )
            except StaleCorrectionError as exc:
                raise WorkflowError(
                    f"Correct the latest version of this inspection ({exc.latest_id})."
                ) from exc
            except UnknownRecordError as exc:
                raise UnknownInspectionError(f"No inspection {inspection.supersedes}.") from exc
            action = ACTION_CORRECTED if inspection.supersedes else Action.SCAN
            details = {"verdict": inspection.verdict.value, "source": inspection.source}
            if inspection.supersedes:
                details["supersedes"] = inspection.supersedes
            self._audit(conn, session, action, record_id, details)
        return record_id

    def correct_inspection(
        self,
        session: Session,
        old_id: str,
        corrected: Inspection,
        note: str,
        scan: DocumentScan | None = None,
    ) -> str:
        """Store ``corrected`` as a new record superseding ``old_id``; the old record stays as it was."""
        require(session, Permission.INSPECT)
        if not note.strip():
            raise WorkflowError("Say why the inspection is corrected.")
        if corrected.supersedes not in (None, old_id):
            raise WorkflowError("The correction names another inspection.")
        fixed = replace(corrected, supersedes=old_id, correction_note=note)
        return self.record_inspection(session, fixed, scan)

    def view_inspection(self, session: Session, inspection_id: str) -> Case:
        """The current version of an inspection with what was decided on it; viewing is audited."""
        require(session, Permission.VIEW_RECORD)
        inspection = self._inspection(inspection_id)
        with self.store.transaction() as conn:
            case = self._case(conn, inspection)
            self._audit(conn, session, Action.RECORD_VIEWED, inspection.inspection_id, {"kind": INSPECTION})
        return case

    # --- primary-line decisions --------------------------------------------------------------------

    def admit(self, session: Session, inspection_id: str, note: str = "") -> Decision:
        require(session, Permission.DECIDE)
        return self._decide(session, inspection_id, DecisionKind.ADMIT, None, note)

    def refuse(
        self,
        session: Session,
        inspection_id: str,
        reason_code: str,
        note: str = "",
        flags: Iterable[str] = (),
    ) -> Decision:
        """Refuse with a reason code from ``decisions.refusal_reasons``. A protection flag is never a
        refusal reason, and a flagged case cannot be refused: it goes to the protection referral."""
        require(session, Permission.DECIDE)
        flag_set = self._flags(flags)
        if reason_code in self.config.decisions.protection_flags or flag_set:
            raise ProtectionCaseError(
                "A protection case (asylum, unaccompanied minor, trafficking) cannot be refused: "
                "refer it to protection."
            )
        if reason_code not in self.config.decisions.refusal_reasons:
            raise UnknownReasonError(f"Unknown refusal reason {reason_code!r}.")
        return self._decide(session, inspection_id, DecisionKind.REFUSE, reason_code, note)

    def refer(
        self,
        session: Session,
        inspection_id: str,
        reason: str | None = None,
        note: str = "",
        flags: Iterable[str] = (),
    ) -> Referral:
        """Refer to second line with a reason from ``decisions.referral_reasons``, or — when any
        protection flag is given — to the protection referral (the reason is then optional)."""
        require(session, Permission.REFER)
        flag_set = self._flags(flags)
        if flag_set:
            queue = ReferralQueue.PROTECTION
            reason = reason or ",".join(sorted(flag_set))
        else:
            queue = ReferralQueue.SECOND_LINE
            if reason not in self.config.decisions.referral_reasons:
                raise UnknownReasonError(f"Unknown referral reason {reason!r}.")
        officer = officer_of(session)
        now = self.clock.now()
        with self.store.transaction() as conn:
            self._undecided(conn, inspection_id)
            decision = Decision(
                new_id(), inspection_id, DecisionKind.REFER, officer, now, reason, note, flag_set
            )
            referral = Referral(
                new_id(),
                inspection_id,
                decision.decision_id,
                queue,
                str(reason),
                note,
                officer,
                now,
                flag_set,
            )
            self.store.append(DECISION, decision.to_json(), record_id=decision.decision_id)
            self.store.append(REFERRAL, referral.to_json(), record_id=referral.referral_id)
            self._audit(
                conn,
                session,
                Action.DECISION,
                inspection_id,
                {"kind": "refer", "queue": queue.value, "reason": reason, "flags": sorted(flag_set)},
            )
        return referral

    def protect(self, session: Session, inspection_id: str, flags: Iterable[str], note: str = "") -> Referral:
        """Route a case to the protection referral (at least one protection flag)."""
        flag_set = frozenset(flags)
        if not flag_set:
            raise WorkflowError("Choose the protection ground (asylum, unaccompanied minor, trafficking).")
        return self.refer(session, inspection_id, None, note, flag_set)

    # --- second line -------------------------------------------------------------------------------

    def referrals(self, session: Session, queue: ReferralQueue | None = None) -> list[ReferralStatus]:
        """Open referrals (no examination recorded yet), oldest first, with their current holder."""
        require(session, Permission.EXAMINE)
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT r.body FROM records r WHERE r.kind = ? AND NOT EXISTS ("
                " SELECT 1 FROM records e WHERE e.seq > r.seq AND +e.kind = ?"
                " AND json_extract(e.body, '$.referral_id') = r.record_id) ORDER BY r.seq",
                (REFERRAL, EXAMINATION),
            ).fetchall()
            open_referrals = [Referral.from_json(_json(row[0])) for row in rows]
            statuses = [
                ReferralStatus(referral, self._holder(conn, referral.referral_id))
                for referral in open_referrals
                if queue is None or referral.queue is queue
            ]
        return statuses

    def take(self, session: Session, referral_id: str) -> ReferralClaim:
        """Take a referral to work on it; refused while another examiner holds it."""
        require(session, Permission.EXAMINE)
        examiner = officer_of(session)
        with self.store.transaction() as conn:
            self._open_referral(conn, referral_id)
            holder = self._holder(conn, referral_id)
            if holder is not None and holder.officer_id != examiner.officer_id:
                raise ReferralUnavailableError(f"Examiner {holder.officer_id} is working on this referral.")
            claim = ReferralClaim(new_id(), referral_id, examiner, self.clock.now())
            self.store.append(REFERRAL_CLAIM, claim.to_json(), record_id=claim.claim_id)
            self._audit(conn, session, ACTION_REFERRAL_TAKEN, referral_id, {})
        return claim

    def release(self, session: Session, referral_id: str) -> ReferralClaim:
        """Hand a referral back to the queue (only its holder can)."""
        require(session, Permission.EXAMINE)
        examiner = officer_of(session)
        with self.store.transaction() as conn:
            self._open_referral(conn, referral_id)
            self._require_holder(conn, referral_id, examiner)
            claim = ReferralClaim(new_id(), referral_id, examiner, self.clock.now(), released=True)
            self.store.append(REFERRAL_CLAIM, claim.to_json(), record_id=claim.claim_id)
            self._audit(conn, session, ACTION_REFERRAL_RELEASED, referral_id, {})
        return claim

    def examine(
        self,
        session: Session,
        referral_id: str,
        verdict: ExaminationVerdict | str,
        final_decision: DecisionKind | str,
        *,
        reason_code: str | None = None,
        note: str = "",
    ) -> Examination:
        """Record the second line's verdict and final decision (admit or refuse) on a referral the
        examiner holds; this closes the referral."""
        require(session, Permission.EXAMINE)
        verdict = ExaminationVerdict(verdict)
        final = DecisionKind(final_decision)
        examiner = officer_of(session)
        if final is DecisionKind.REFER:
            raise WorkflowError("The final decision is admit or refuse.")
        if final is DecisionKind.REFUSE and reason_code not in self.config.decisions.refusal_reasons:
            raise UnknownReasonError(f"Unknown refusal reason {reason_code!r}.")
        if final is DecisionKind.ADMIT:
            reason_code = None
        with self.store.transaction() as conn:
            referral = self._open_referral(conn, referral_id)
            self._require_holder(conn, referral_id, examiner)
            if final is DecisionKind.REFUSE and referral.protection_flags:
                raise ProtectionCaseError(
                    "This is a protection case: it cannot be refused; it follows the protection procedure."
                )
            examination = Examination(
                new_id(),
                referral_id,
                referral.inspection_id,
                examiner,
                verdict,
                final,
                self.clock.now(),
                reason_code,
                note,
            )
            self.store.append(EXAMINATION, examination.to_json(), record_id=examination.examination_id)
            self._audit(
                conn,
                session,
                ACTION_EXAMINED,
                referral_id,
                {"verdict": verdict.value, "final_decision": final.value, "reason": reason_code},
            )
        return examination

    # --- internals ---------------------------------------------------------------------------------

    def _decide(
        self, session: Session, inspection_id: str, kind: DecisionKind, reason: str | None, note: str
    ) -> Decision:
        decision = Decision(
            new_id(), inspection_id, kind, officer_of(session), self.clock.now(), reason, note
        )
        with self.store.transaction() as conn:
            self._undecided(conn, inspection_id)
            self.store.append(DECISION, decision.to_json(), record_id=decision.decision_id)
            self._audit(conn, session, Action.DECISION, inspection_id, {"kind": kind.value, "reason": reason})
        return decision

    def _booth(self) -> BoothRef:
        booth = self.config.booth
        return BoothRef(booth.crossing_point, booth.booth_id, booth.direction, booth.lane)

    def _flags(self, flags: Iterable[str]) -> frozenset[str]:
        flag_set = frozenset(flags)
        unknown = sorted(flag_set - set(self.config.decisions.protection_flags))
        if unknown:
            raise UnknownReasonError(f"Unknown protection flag(s): {', '.join(unknown)}.")
        return flag_set

    def _inspection(self, inspection_id: str) -> Inspection:
        record = self.store.get(inspection_id)
        if record is None or record.kind != INSPECTION:
            raise UnknownInspectionError(f"No inspection {inspection_id}.")
        return Inspection.from_json(self.store.latest(inspection_id).body)

    # Records that follow another (a decision its inspection, a claim its referral) are searched
    # only after the first one's ``seq``: the rowid range keeps these lookups short however long
    # the booth's history grows (and, unlike timestamps, ``seq`` never runs backwards). ``+kind``
    # keeps SQLite from preferring the (kind, created_at) index, which would scan every such record.

    def _undecided(self, conn: sqlite3.Connection, inspection_id: str) -> None:
        """The inspection exists (in any version) and has no decision yet."""
        found = conn.execute(
            "SELECT root_id FROM records WHERE record_id = ? AND kind = ?", (inspection_id, INSPECTION)
        ).fetchone()
        if found is None:
            raise UnknownInspectionError(f"No inspection {inspection_id}.")
        versions = conn.execute(
            "SELECT record_id, seq FROM records WHERE root_id = ? ORDER BY seq", (found[0],)
        ).fetchall()
        marks = ",".join("?" * len(versions))
        decided = conn.execute(
            f"SELECT json_extract(body, '$.kind') FROM records WHERE seq > ? AND +kind = ?"
            f" AND json_extract(body, '$.inspection_id') IN ({marks}) LIMIT 1",
            (versions[0][1], DECISION, *(v[0] for v in versions)),
        ).fetchone()
        if decided is not None:
            raise AlreadyDecidedError(f"This traveller was already decided on ({decided[0]}).")

    def _case(self, conn: sqlite3.Connection, inspection: Inspection) -> Case:
        versions = conn.execute(
            "SELECT record_id, seq FROM records WHERE root_id ="
            " (SELECT root_id FROM records WHERE record_id = ?) ORDER BY seq",
            (inspection.inspection_id,),
        ).fetchall()
        marks = ",".join("?" * len(versions))
        rows = conn.execute(
            f"SELECT kind, body FROM records WHERE seq > ? AND +kind IN (?, ?)"
            f" AND json_extract(body, '$.inspection_id') IN ({marks}) ORDER BY seq",
            (versions[0][1], DECISION, REFERRAL, *(v[0] for v in versions)),
        ).fetchall()
        bodies = {kind: _json(body) for kind, body in rows}
        decision = Decision.from_json(bodies[DECISION]) if DECISION in bodies else None
        referral = Referral.from_json(bodies[REFERRAL]) if REFERRAL in bodies else None
        if referral is None:
            return Case(inspection, decision)
        examined = conn.execute(
            "SELECT body FROM records WHERE seq > (SELECT seq FROM records WHERE record_id = ?)"
            " AND +kind = ? AND json_extract(body, '$.referral_id') = ? LIMIT 1",
            (referral.referral_id, EXAMINATION, referral.referral_id),
        ).fetchone()
        examination = Examination.from_json(_json(examined[0])) if examined else None
        holder = None if examination else self._holder(conn, referral.referral_id)
        return Case(inspection, decision, referral, holder, examination)

    def _open_referral(self, conn: sqlite3.Connection, referral_id: str) -> Referral:
        row = conn.execute(
            "SELECT body, seq FROM records WHERE record_id = ? AND kind = ?", (referral_id, REFERRAL)
        ).fetchone()
        if row is None:
            raise ReferralUnavailableError(f"No referral {referral_id}.")
        closed = conn.execute(
            "SELECT 1 FROM records WHERE seq > ? AND +kind = ? AND json_extract(body, '$.referral_id') = ?",
            (row[1], EXAMINATION, referral_id),
        ).fetchone()
        if closed is not None:
            raise ReferralUnavailableError("This referral is already closed.")
        return Referral.from_json(_json(row[0]))

    def _holder(self, conn: sqlite3.Connection, referral_id: str) -> OfficerRef | None:
        """The examiner holding the referral: the latest claim, unless it was a release."""
        row = conn.execute(
            "SELECT body FROM records WHERE seq > (SELECT seq FROM records WHERE record_id = ?)"
            " AND +kind = ? AND json_extract(body, '$.referral_id') = ? ORDER BY seq DESC LIMIT 1",
            (referral_id, REFERRAL_CLAIM, referral_id),
        ).fetchone()
        if row is None:
            return None
        claim = ReferralClaim.from_json(_json(row[0]))
        return None if claim.released else claim.examiner

    def _require_holder(self, conn: sqlite3.Connection, referral_id: str, examiner: OfficerRef) -> None:
        holder = self._holder(conn, referral_id)
        if holder is None or holder.officer_id != examiner.officer_id:
            raise ReferralUnavailableError(
                "Take the referral first: another examiner holds it, or no one does."
            )

    def _images(self, scan: DocumentScan | None, live_photo: Image | None) -> dict[str, bytes]:
        images: dict[str, Image] = {}
        if scan is not None:
            images.update({str(light): image for light, image in scan.images.items()})
        if live_photo is not None:
            images["live"] = live_photo
        files = encode_images(images)
        if scan is not None and scan.chip:
            names = {element: file for file, element in _CHIP_FILES.items()}
            for element, data in scan.chip.items():
                if element in names:
                    files[names[element]] = bytes(data)
                else:
                    log.warning(
                        "chip element %r is not kept with the inspection: no file name for it", element
                    )
        return files

    def chip_data(self, session: Session, inspection_id: str) -> dict[str, bytes]:
        """The chip's data groups as read at primary inspection (empty: no chip was read, or
        retention has purged them), for second line to compare and re-verify."""
        require(session, Permission.VIEW_RECORD)
        stored = self.store.images_of(inspection_id)
        return {
            element: self.store.image_bytes(inspection_id, file)
            for file, element in _CHIP_FILES.items()
            if file in stored
        }

    def _audit(
        self,
        conn: sqlite3.Connection,
        session: Session,
        action: str,
        target: str,
        details: Mapping[str, object],
    ) -> None:
        audit.append(conn, session.actor(), action, target, details, clock=self.clock)


def _json(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("a record body is not a JSON object")
    return value
