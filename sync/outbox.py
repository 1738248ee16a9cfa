"""The outbox: events waiting to be sent to the central side.

The station's store writes a record and its outbox event in ONE transaction (``enqueue`` never
commits: it runs inside the caller's transaction), so a crash can never leave a record that will not
be sent, or an event without its record. The sync worker drains the outbox in ``seq`` order; each
event's ``event_id`` is its idempotency key on the server, so sending twice is harmless.

The DDL is kept here as numbered, frozen statements that the store's migrations execute.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

OUTBOX_SCHEMA_V1 = """
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id   TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'rejected')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    acked_at   TEXT
);
CREATE INDEX outbox_pending ON outbox (state, seq);
CREATE TABLE outbox_files (
    event_id   TEXT NOT NULL REFERENCES outbox (event_id),
    name       TEXT NOT NULL,
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sent_bytes INTEGER NOT NULL DEFAULT 0,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked')),
    PRIMARY KEY (event_id, name)
);
"""


@dataclass(frozen=True)
class OutboxEvent:
    seq: int
    event_id: str
    kind: str
    payload: dict[str, Any]
    created_at: str
    attempts: int


@dataclass(frozen=True)
class OutboxFile:
    """A file (an image, a PDF report) sent after its event, in chunks that resume after a break."""

    event_id: str
    name: str
    path: str
    sha256: str
    size: int
    sent_bytes: int


@dataclass(frozen=True)
class OutboxStats:
    pending: int
    rejected: int
    oldest_pending: str | None
    pending_files: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def enqueue(
    conn: sqlite3.Connection,
    kind: str,
    payload: Mapping[str, Any],
    *,
    event_id: str | None = None,
    files: Iterable[OutboxFile] = (),
    created_at: str | None = None,
) -> str:
    """Add an event (and the files that follow it) inside the caller's open transaction."""
    eid = event_id or str(uuid.uuid4())
    conn.execute(
        "INSERT INTO outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
        (eid, kind, json.dumps(payload, sort_keys=True, separators=(",", ":")), created_at or _now()),
    )
    conn.executemany(
        "INSERT INTO outbox_files (event_id, name, path, sha256, size) VALUES (?, ?, ?, ?, ?)",
        [(eid, f.name, f.path, f.sha256, f.size) for f in files],
    )
    return eid


def pending_batch(conn: sqlite3.Connection, limit: int) -> list[OutboxEvent]:
    """The oldest pending events, in the order they were written."""
    rows = conn.execute(
        "SELECT seq, event_id, kind, payload, created_at, attempts FROM outbox"
        " WHERE state = 'pending' ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    return [OutboxEvent(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]


def pending_files(conn: sqlite3.Connection, limit: int) -> list[OutboxFile]:
    """Files whose event is already acknowledged but which are not fully sent."""
    rows = conn.execute(
        "SELECT f.event_id, f.name, f.path, f.sha256, f.size, f.sent_bytes FROM outbox_files f"
        " JOIN outbox o ON o.event_id = f.event_id"
        " WHERE f.state = 'pending' AND o.state = 'acked' ORDER BY o.seq, f.name LIMIT ?",
        (limit,),
    ).fetchall()
    return [OutboxFile(*r) for r in rows]


def mark_acked(conn: sqlite3.Connection, event_ids: Iterable[str]) -> None:
    now = _now()
    conn.executemany(
        "UPDATE outbox SET state = 'acked', acked_at = ?, last_error = NULL WHERE event_id = ?",
        [(now, e) for e in event_ids],
    )


def mark_rejected(conn: sqlite3.Connection, event_id: str, reason: str) -> None:
    """A final refusal by the server: the event is kept and flagged for a supervisor, never dropped."""
    conn.execute(
        "UPDATE outbox SET state = 'rejected', last_error = ? WHERE event_id = ?", (reason, event_id)
    )


def record_failure(conn: sqlite3.Connection, event_ids: Iterable[str], error: str) -> None:
    conn.executemany(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE event_id = ?",
        [(error, e) for e in event_ids],
    )


def file_progress(conn: sqlite3.Connection, event_id: str, name: str, sent_bytes: int, done: bool) -> None:
    conn.execute(
        "UPDATE outbox_files SET sent_bytes = ?, state = ? WHERE event_id = ? AND name = ?",
        (sent_bytes, "acked" if done else "pending", event_id, name),
    )


def stats(conn: sqlite3.Connection) -> OutboxStats:
    pending, rejected, oldest = conn.execute(
        "SELECT SUM(state = 'pending'), SUM(state = 'rejected'),"
        " MIN(CASE WHEN state = 'pending' THEN created_at END) FROM outbox"
    ).fetchone()
    (files,) = conn.execute("SELECT COUNT(*) FROM outbox_files WHERE state = 'pending'").fetchone()
    return OutboxStats(int(pending or 0), int(rejected or 0), oldest, int(files))
