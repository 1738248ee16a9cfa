"""The booth's sync client: drains the outbox to the central side and pulls signed lists.

One round (``SyncClient.sync_once``) sends every pending outbox event in ``seq`` order, in batches,
each event carrying its ``event_id`` as the idempotency key (the server de-duplicates permanently,
so a batch re-sent after a lost reply is harmless); then the files of acknowledged events, in
chunks that resume at ``outbox_files.sent_bytes`` after a break; then the inbound lists, each
verified and applied in one transaction. ``SyncWorker`` runs rounds on a thread with exponential
back-off and jitter, honouring ``Retry-After`` within a bound.

The client works on the booth's SQLite file through its own connection (short transactions, so
the inspection core's writers are never blocked for long) and never imports ``station``.
"""

from __future__ import annotations

import hashlib
import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sync import outbox
from sync.errors import (
    FinalError,
    ListRejectedError,
    ProtocolError,
    RateLimitedError,
    RecordRejectedError,
    RetryableError,
    SyncError,
)
from sync.lists import (
    LIST_KINDS,
    ApplyList,
    ListVerifier,
    apply_verified,
    held_lists,
    held_version,
    out_of_date,
)
from sync.state import now_text, read_status, write_status
from sync.transport import LinkSettings, Reply, Transport

log = logging.getLogger(__name__)

#: whole-batch answers that mean "something in this batch is unacceptable": isolate the culprit
_BATCH_REFUSALS = (400, 413, 422)


@dataclass(frozen=True)
class ClientSettings:
    booth_id: str
    batch_size: int = 500
    chunk_size: int = 256 * 1024
    files_root: Path | None = None
    list_kinds: tuple[str, ...] = LIST_KINDS


@dataclass
class SyncReport:
    """What one round did."""

    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    files_done: int = 0
    lists_applied: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SyncStatus:
    """What the supervisor's panel shows; every field readable from another process."""

    backlog: int
    rejected: int
    oldest_unsent: str | None
    pending_files: int
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    lists: dict[str, tuple[int, str]]
    lists_out_of_date: list[str]

    @property
    def warnings(self) -> list[str]:
        out = []
        if self.lists_out_of_date:
            out.append("lists out of date: " + ", ".join(self.lists_out_of_date))
        if self.rejected:
            out.append(
                f"{self.rejected} record(s) rejected by the central side: a supervisor must review them"
            )
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "backlog": self.backlog,
            "rejected": self.rejected,
            "oldest_unsent": self.oldest_unsent,
            "pending_files": self.pending_files,
            "last_success": self.last_success,
            "last_error": self.last_error,
            "last_error_at": self.last_error_at,
            "lists": {k: {"version": v, "expires_at": e} for k, (v, e) in self.lists.items()},
            "warnings": self.warnings,
        }


def read_sync_status(conn: sqlite3.Connection, now: datetime | None = None) -> SyncStatus:
    stats = outbox.stats(conn)
    state = read_status(conn)
    held = held_lists(conn)
    return SyncStatus(
        backlog=stats.pending,
        rejected=stats.rejected,
        oldest_unsent=stats.oldest_pending,
        pending_files=stats.pending_files,
        last_success=state.get("last_success"),
        last_error=state.get("last_error"),
        last_error_at=state.get("last_error_at"),
        lists={k: (h.version, h.expires_at) for k, h in held.items()},
        lists_out_of_date=out_of_date(held, now or datetime.now(UTC)),
    )


def connect_booth_db(path: str | Path) -> sqlite3.Connection:
    """The client's own connection: autocommit (explicit BEGIN IMMEDIATE), waits on a busy writer."""
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


class SyncClient:
    """One booth's link to the central side; use from one thread at a time (the worker's)."""

    def __init__(
        self,
        db_path: str | Path,
        link: LinkSettings | Transport,
        settings: ClientSettings,
        *,
        verifier: ListVerifier | None = None,
        apply_list: ApplyList | None = None,
    ) -> None:
        self.settings = settings
        self.transport = link if isinstance(link, Transport) else Transport(link)
        self.verifier = verifier
        self.apply_list = apply_list
        self._conn = connect_booth_db(db_path)
        self._lock = threading.Lock()

    def close(self) -> None:
        self.transport.close()
        self._conn.close()

    # --- a round ------------------------------------------------------------------------------

    def sync_once(self) -> SyncReport:
        """Send everything pending, then pull lists. Raises the first link error (after recording it)."""
        with self._lock:
            report = SyncReport()
            try:
                self._upload_events(report)
                self._upload_files(report)
                self._pull_lists(report)
            except SyncError as exc:
                self._record_outcome(error=str(exc))
                raise
            self._record_outcome(error="; ".join(report.problems) or None)
            return report

    def status(self) -> SyncStatus:
        with self._lock:
            return read_sync_status(self._conn)

    def send_audit_head(self, seq: int, head: str) -> dict[str, Any]:
        """Send the booth's audit-chain head; the central side's receipt proves when it had it."""
        with self._lock:
            reply = self.transport.request("POST", "/v1/audit-heads", json_body={"seq": seq, "head": head})
            self._refuse_4xx(reply, "audit head")
            receipt: dict[str, Any] = reply.json()
            return receipt

    # --- events -------------------------------------------------------------------------------

    def _upload_events(self, report: SyncReport) -> None:
        while batch := outbox.pending_batch(self._conn, self.settings.batch_size):
            self._send_events(batch, report)

    def _send_events(self, batch: Sequence[outbox.OutboxEvent], report: SyncReport) -> None:
        body = {
            "events": [
                {
                    "event_id": e.event_id,
                    "seq": e.seq,
                    "kind": e.kind,
                    "payload": e.payload,
                    "created_at": e.created_at,
                }
                for e in batch
            ]
        }
        try:
            reply = self.transport.request(
                "POST", "/v1/events", json_body=body, headers={"Idempotency-Key": batch[0].event_id}
            )
        except SyncError as exc:
            reason = str(exc)
            self._write(lambda c: outbox.record_failure(c, [e.event_id for e in batch], reason))
            raise
        if reply.status in _BATCH_REFUSALS and len(batch) > 1:
            log.warning(
                "central side refused a batch of %d (HTTP %d); sending one by one", len(batch), reply.status
            )
            for event in batch:
                self._send_events([event], report)
            return
        if 400 <= reply.status < 500:
            reason = f"rejected by the central side (HTTP {reply.status}): {_detail(reply)}"
            self._write(lambda c: outbox.mark_rejected(c, batch[0].event_id, reason))
            log.error("event %s %s", batch[0].event_id, reason)
            report.rejected += 1
            return
        results = _results_for(reply, [e.event_id for e in batch])
        done = [eid for eid, (status, _) in results.items() if status in ("accepted", "duplicate")]
        refused = {eid: reason for eid, (status, reason) in results.items() if status == "rejected"}

        def commit(conn: sqlite3.Connection) -> None:
            outbox.mark_acked(conn, done)
            for eid, reason in refused.items():
                outbox.mark_rejected(conn, eid, f"rejected by the central side: {reason}")

        self._write(commit)
        for eid, reason in refused.items():
            log.error("event %s rejected by the central side: %s", eid, reason)
        report.accepted += sum(1 for s, _ in results.values() if s == "accepted")
        report.duplicates += sum(1 for s, _ in results.values() if s == "duplicate")
        report.rejected += len(refused)

    # --- files --------------------------------------------------------------------------------

    def _upload_files(self, report: SyncReport) -> None:
        skipped: set[tuple[str, str]] = set()
        while True:
            files = [
                f
                for f in outbox.pending_files(self._conn, len(skipped) + 20)
                if (f.event_id, f.name) not in skipped
            ]
            if not files:
                return
            for item in files:
                problem = self._upload_file(item)
                if problem:
                    skipped.add((item.event_id, item.name))
                    report.problems.append(problem)
                    log.error("%s", problem)
                else:
                    report.files_done += 1

    def _upload_file(self, item: outbox.OutboxFile) -> str | None:
        """Send one file from where it stopped; a plain problem if it cannot be sent now."""
        path = Path(item.path)
        if not path.is_absolute() and self.settings.files_root is not None:
            path = self.settings.files_root / path
        label = f"file {item.name} of event {item.event_id}"
        try:
            handle = path.open("rb")
        except OSError as exc:
            return f"{label} cannot be read ({exc.strerror or exc}); it stays queued"
        with handle:
            if item.sent_bytes == 0 and _sha256_of(handle) != item.sha256:
                return f"{label} changed on disk since it was saved; it stays queued for a technician"
            offset = item.sent_bytes
            headers = {"X-File-Size": str(item.size), "X-File-Sha256": item.sha256}
            path_url = f"/v1/files/{item.event_id}/{item.name}"
            while True:
                handle.seek(offset)
                chunk = handle.read(self.settings.chunk_size)
                reply = self.transport.request(
                    "PUT",
                    path_url,
                    data=chunk,
                    params={"offset": offset},
                    headers={**headers, "Content-Type": "application/octet-stream"},
                )
                if reply.status == 409:  # the server holds a different amount: resume from its count
                    offset = _int_field(reply, "received")
                    self._progress(item, offset, done=False)
                    continue
                if reply.status >= 400:
                    self._progress(item, 0, done=False)
                    return f"{label} refused by the central side (HTTP {reply.status}): {_detail(reply)}"
                offset = _int_field(reply, "received")
                complete = bool(reply.json().get("complete"))
                self._progress(item, offset, done=complete)
                if complete:
                    return None
                if not chunk:
                    raise ProtocolError(f"the central server did not complete {label} at its full size")

    def _progress(self, item: outbox.OutboxFile, sent: int, *, done: bool) -> None:
        self._write(lambda c: outbox.file_progress(c, item.event_id, item.name, sent, done))

    # --- lists --------------------------------------------------------------------------------

    def _pull_lists(self, report: SyncReport) -> None:
        if self.verifier is None or self.apply_list is None:
            return
        for kind in self.settings.list_kinds:
            have = held_version(self._conn, kind)
            reply = self.transport.request("GET", f"/v1/lists/{kind}", params={"have": have})
            if reply.status == 404:
                continue
            self._refuse_4xx(reply, f"{kind} list")
            envelopes = reply.json().get("envelopes")
            if not isinstance(envelopes, list):
                raise ProtocolError(f"the central server's {kind} list reply has no envelopes")
            for envelope in envelopes:
                try:
                    verified = apply_verified(
                        self._conn, self.verifier, envelope, kind=kind, apply=self.apply_list
                    )
                except ListRejectedError as exc:
                    log.error("%s", exc)
                    report.problems.append(str(exc))
                    break
                report.lists_applied.append(f"{kind} v{verified.version}")
                log.info("applied %s list version %d", kind, verified.version)

    # --- helpers ------------------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], None]) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            work(self._conn)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _record_outcome(self, *, error: str | None) -> None:
        now = now_text()
        values: dict[str, str | None] = {"last_attempt": now}
        if error is None:
            values.update(last_success=now, last_error=None, last_error_at=None)
        else:
            values.update(last_error=error, last_error_at=now)
        try:
            self._write(lambda c: write_status(c, values))
        except sqlite3.Error:
            log.exception("could not record the sync outcome")

    @staticmethod
    def _refuse_4xx(reply: Reply, what: str) -> None:
        if reply.status >= 400:
            raise RecordRejectedError(
                f"the central side refused the {what} request (HTTP {reply.status}): {_detail(reply)}",
                reply.status,
            )


def _results_for(reply: Reply, sent: list[str]) -> dict[str, tuple[str, str]]:
    """Per-event outcome from a batch reply; a reply that does not account for every event is refused."""
    data = reply.json()
    items = data.get("results") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ProtocolError("the central server's batch reply has no results")
    results: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, dict) and item.get("status") in ("accepted", "duplicate", "rejected"):
            results[str(item.get("event_id"))] = (item["status"], str(item.get("reason") or ""))
    if set(results) != set(sent):
        raise ProtocolError("the central server's batch reply does not match the events sent")
    return results


def _int_field(reply: Reply, name: str) -> int:
    data = reply.json()
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, int) or value < 0:
        raise ProtocolError(f"the central server's reply lacks a valid {name!r}")
    return value


def _detail(reply: Reply) -> str:
    try:
        detail = reply.json().get("detail")
    except (ProtocolError, AttributeError):
        detail = None
    return str(detail)[:200] if detail else reply.body[:120].decode("utf-8", "replace")


def _sha256_of(handle: Any) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    while block := handle.read(1 << 20):
        digest.update(block)
    return digest.hexdigest()


class Backoff:
    """Exponential back-off with full jitter; ``Retry-After`` honoured up to ``max_retry_after``.

    A final link error (TLS, authentication, protocol) waits the longest delay at once: retrying
    quickly cannot help, but the cause may go away, so the worker never gives up.
    """

    def __init__(
        self,
        *,
        base: float = 1.0,
        cap: float = 300.0,
        max_retry_after: float = 900.0,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.base = base
        self.cap = cap
        self.max_retry_after = max_retry_after
        self.rand = rand
        self.failures = 0

    def reset(self) -> None:
        self.failures = 0

    def next_delay(self, error: SyncError) -> float:
        self.failures += 1
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            return min(max(error.retry_after, 0.0), self.max_retry_after)
        if isinstance(error, FinalError):
            return self.cap * (0.5 + 0.5 * self.rand())
        return min(self.cap, self.base * 2.0 ** (self.failures - 1)) * self.rand()


class SyncWorker(threading.Thread):
    """Runs sync rounds in the background until stopped; ``wake()`` runs one now ("sync now").

    Between rounds it waits ``idle_interval`` seconds after a success, or the back-off delay after
    an error. ``wait`` is injectable (tests); it returns early when woken or stopped.
    """

    def __init__(
        self,
        client: SyncClient,
        *,
        backoff: Backoff | None = None,
        idle_interval: float = 30.0,
        on_round: Callable[[SyncReport | None, SyncError | None], None] | None = None,
    ) -> None:
        super().__init__(name="sync-worker", daemon=True)
        self.client = client
        self.backoff = backoff or Backoff()
        self.idle_interval = idle_interval
        self.on_round = on_round
        self._wake_event = threading.Event()
        self._stop_event = threading.Event()
        self.next_delay = 0.0

    def wake(self) -> None:
        self._wake_event.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        self._stop_event.set()
        self._wake_event.set()
        if self.is_alive():
            self.join(timeout)

    def run(self) -> None:
        while not self._stop_event.is_set():
            self._wake_event.clear()
            report: SyncReport | None = None
            error: SyncError | None = None
            started = time.monotonic()
            try:
                report = self.client.sync_once()
                self.backoff.reset()
                self.next_delay = self.idle_interval
            except RetryableError as exc:
                error = exc
                self.next_delay = self.backoff.next_delay(exc)
                log.warning("sync failed, retrying in %.1f s: %s", self.next_delay, exc)
            except SyncError as exc:
                error = exc
                self.next_delay = self.backoff.next_delay(exc)
                log.error("sync failed (needs attention), retrying in %.1f s: %s", self.next_delay, exc)
            except Exception:  # a bug must not kill the booth's only sync thread
                log.exception("sync round crashed")
                self.next_delay = self.backoff.next_delay(SyncError("internal error"))
            log.debug("sync round took %.3f s", time.monotonic() - started)
            if self.on_round is not None:
                self.on_round(report, error)
            self._wake_event.wait(self.next_delay)
