"""The reference central server's storage: SQLite by default, PostgreSQL when given a URL.

Several server processes behind a load balancer may share one database, so every guarantee lives
in the database, not in a process: permanent de-duplication is a UNIQUE constraint on
``events.event_id`` written with ``INSERT ... ON CONFLICT DO NOTHING`` (both engines speak it);
appending a file chunk locks the file's row; alerts take a lock so their sequence numbers become
visible in order. Tokens are stored as SHA-256 hashes (they are 256-bit random values, so a slow
password hash adds nothing), never in clear.
"""

from __future__ import annotations

import abc
import contextlib
import hashlib
import json
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

EVENT_KIND = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
ALERT_KINDS = frozenset({"alert"})
_ALERT_LOCK = 0x5AFE_A1E7  # advisory-lock key that orders alert inserts on PostgreSQL

_SCHEMA = """
CREATE TABLE IF NOT EXISTS booths (
    booth_id   TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq         {serial},
    event_id    TEXT NOT NULL UNIQUE,
    booth_id    TEXT NOT NULL,
    booth_seq   BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    event_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    booth_id TEXT NOT NULL,
    size     BIGINT NOT NULL,
    sha256   TEXT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, name)
);
CREATE TABLE IF NOT EXISTS file_chunks (
    event_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    start    BIGINT NOT NULL,
    data     {blob} NOT NULL,
    PRIMARY KEY (event_id, name, start)
);
CREATE TABLE IF NOT EXISTS lists (
    kind         TEXT NOT NULL,
    booth_id     TEXT NOT NULL,
    version      BIGINT NOT NULL,
    base_version BIGINT,
    delta        INTEGER NOT NULL,
    envelope     TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, booth_id, version)
);
CREATE TABLE IF NOT EXISTS alerts (
    seq          {serial},
    event_id     TEXT NOT NULL UNIQUE,
    origin_booth TEXT NOT NULL,
    payload      TEXT NOT NULL,
    received_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_heads (
    booth_id    TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    head        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (booth_id, seq)
);
"""


class ConflictError(Exception):
    """The request disagrees with what the server holds (e.g. a chunk at the wrong offset)."""

    def __init__(self, message: str, received: int | None = None) -> None:
        super().__init__(message)
        self.received = received


class RefusedError(Exception):
    """A request the server will never accept as sent (maps to a 4xx)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class EventResult:
    event_id: str
    status: str  # accepted | duplicate | rejected
    reason: str | None = None


@dataclass(frozen=True)
class ListRow:
    version: int
    base_version: int | None
    delta: bool
    envelope: str


class _Cursor(Protocol):
    rowcount: int

    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


class Tx(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor: ...


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Storage(abc.ABC):
    """Shared operations over a dialect-specific connection per thread."""

    dialect = "base"

    def __init__(self) -> None:
        self._local = threading.local()

    # dialect hooks
    @abc.abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager[Tx]:
        """One database transaction, committed on leaving the block, rolled back on an exception."""

    def _lock_alerts(self, tx: Tx) -> None:  # noqa: B027 - a hook: only PostgreSQL needs the lock
        """Make alert sequence numbers commit in order (SQLite: writers are already serialised)."""

    def _for_update(self) -> str:
        return ""

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def init_schema(self) -> None: ...

    # --- booths -------------------------------------------------------------------------------

    def add_booth(self, booth_id: str) -> str:
        """Register a booth (or issue it a new token); the token is shown once, stored hashed."""
        token = secrets.token_urlsafe(32)
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO booths (booth_id, token_hash, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (booth_id) DO UPDATE SET token_hash = excluded.token_hash",
                (booth_id, hash_token(token), now_text()),
            )
        return token

    def revoke_booth(self, booth_id: str) -> bool:
        """Remove a booth's token: its requests are refused from now on (its records stay)."""
        with self.transaction() as tx:
            return tx.execute("DELETE FROM booths WHERE booth_id = ?", (booth_id,)).rowcount > 0

    def booth_for_token(self, token: str) -> str | None:
        with self.transaction() as tx:
            row = tx.execute(
                "SELECT booth_id FROM booths WHERE token_hash = ?", (hash_token(token),)
            ).fetchone()
        return str(row[0]) if row else None

    # --- events -------------------------------------------------------------------------------

    def store_events(self, booth_id: str, events: Sequence[dict[str, Any]]) -> list[EventResult]:
        """Insert a batch in order in ONE transaction; an event id seen before is a duplicate forever."""
        results: list[EventResult] = []
        received = now_text()
        with self.transaction() as tx:
            for event in events:
                event_id = str(event["event_id"])
                problem = _event_problem(event)
                if problem:
                    results.append(EventResult(event_id, "rejected", problem))
                    continue
                is_alert = event["kind"] in ALERT_KINDS
                if is_alert:
                    self._lock_alerts(tx)
                payload = json.dumps(event["payload"], sort_keys=True, separators=(",", ":"))
                cur = tx.execute(
                    "INSERT INTO events"
                    " (event_id, booth_id, booth_seq, kind, payload, created_at, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    (
                        event_id,
                        booth_id,
                        int(event["seq"]),
                        event["kind"],
                        payload,
                        event["created_at"],
                        received,
                    ),
                )
                if cur.rowcount == 0:
                    results.append(EventResult(event_id, "duplicate"))
                    continue
                if is_alert:
                    tx.execute(
                        "INSERT INTO alerts (event_id, origin_booth, payload, received_at)"
                        " VALUES (?, ?, ?, ?)",
                        (event_id, booth_id, payload, received),
                    )
                results.append(EventResult(event_id, "accepted"))
        return results

    # --- files --------------------------------------------------------------------------------

    def file_state(self, booth_id: str, event_id: str, name: str) -> tuple[int, bool]:
        with self.transaction() as tx:
            row = tx.execute(
                "SELECT received, complete, booth_id FROM files WHERE event_id = ? AND name = ?",
                (event_id, name),
            ).fetchone()
        if row is None or row[2] != booth_id:
            return 0, False
        return int(row[0]), bool(row[1])

    def append_chunk(
        self, booth_id: str, event_id: str, name: str, *, offset: int, data: bytes, size: int, sha256: str
    ) -> tuple[int, bool]:
        """Append ``data`` at ``offset``; returns (bytes held, complete). Re-sent chunks are harmless."""
        if not FILE_NAME.match(name):
            raise RefusedError(f"file name {name!r} is not allowed")
        with self.transaction() as tx:
            owner = tx.execute("SELECT booth_id FROM events WHERE event_id = ?", (event_id,)).fetchone()
            if owner is None:
                raise RefusedError(f"event {event_id} is unknown; send the event before its files", 404)
            if owner[0] != booth_id:
                raise RefusedError(f"event {event_id} belongs to another booth", 403)
            tx.execute(
                "INSERT INTO files (event_id, name, booth_id, size, sha256) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (event_id, name) DO NOTHING",
                (event_id, name, booth_id, size, sha256),
            )
            row = tx.execute(
                "SELECT size, sha256, received, complete FROM files WHERE event_id = ? AND name = ?"
                + self._for_update(),
                (event_id, name),
            ).fetchone()
            held_size, held_sha, received, complete = int(row[0]), str(row[1]), int(row[2]), bool(row[3])
            if (held_size, held_sha) != (size, sha256):
                raise RefusedError("the file's size or sha256 differs from the one first announced", 422)
            if complete:
                return received, True
            if offset != received:
                if offset < received and offset + len(data) <= received:
                    return received, False  # a chunk re-sent after a lost reply
                raise ConflictError(f"expected offset {received}, got {offset}", received)
            if received + len(data) > size:
                raise RefusedError("more bytes than the announced file size", 422)
            if data:
                tx.execute(
                    "INSERT INTO file_chunks (event_id, name, start, data) VALUES (?, ?, ?, ?)",
                    (event_id, name, offset, data),
                )
            received += len(data)
            if received == size:
                digest = hashlib.sha256()
                for (block,) in tx.execute(
                    "SELECT data FROM file_chunks WHERE event_id = ? AND name = ? ORDER BY start",
                    (event_id, name),
                ).fetchall():
                    digest.update(bytes(block))
                if digest.hexdigest() != sha256:
                    tx.execute("DELETE FROM file_chunks WHERE event_id = ? AND name = ?", (event_id, name))
                    tx.execute(
                        "UPDATE files SET received = 0 WHERE event_id = ? AND name = ?", (event_id, name)
                    )
                    raise _ChecksumMismatchError()
                complete = True
            tx.execute(
                "UPDATE files SET received = ?, complete = ? WHERE event_id = ? AND name = ?",
                (received, int(complete), event_id, name),
            )
        return received, complete

    def read_file(self, event_id: str, name: str) -> bytes | None:
        """A complete file's bytes (None if not complete)."""
        with self.transaction() as tx:
            row = tx.execute(
                "SELECT complete FROM files WHERE event_id = ? AND name = ?", (event_id, name)
            ).fetchone()
            if not row or not row[0]:
                return None
            blocks = tx.execute(
                "SELECT data FROM file_chunks WHERE event_id = ? AND name = ? ORDER BY start",
                (event_id, name),
            ).fetchall()
        return b"".join(bytes(b[0]) for b in blocks)

    # --- lists --------------------------------------------------------------------------------

    def publish_list(
        self, *, kind: str, booth: str, version: int, base_version: int | None, delta: bool, envelope: str
    ) -> None:
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO lists (kind, booth_id, version, base_version, delta, envelope, published_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, booth_id, version) DO NOTHING",
                (kind, booth, version, base_version, int(delta), envelope, now_text()),
            )
            if cur.rowcount == 0:
                raise ConflictError(f"{kind} list version {version} for booth {booth} is already published")

    def latest_list_version(self, kind: str) -> int:
        with self.transaction() as tx:
            row = tx.execute("SELECT MAX(version) FROM lists WHERE kind = ?", (kind,)).fetchone()
        return int(row[0] or 0)

    def list_chain(self, kind: str, booth: str, have: int) -> list[str]:
        """The envelopes that take a booth holding version ``have`` to the newest version.

        Either deltas chained from ``have``, or the newest full snapshot and the deltas after it.
        """
        with self.transaction() as tx:
            rows = [
                ListRow(int(r[0]), None if r[1] is None else int(r[1]), bool(r[2]), str(r[3]))
                for r in tx.execute(
                    "SELECT version, base_version, delta, envelope FROM lists"
                    " WHERE kind = ? AND booth_id IN ('*', ?) AND version > ? ORDER BY version",
                    (kind, booth, have),
                ).fetchall()
            ]
        if not rows:
            return []
        by_version = {r.version: r for r in rows}
        chain = [rows[-1]]
        while chain[-1].delta and chain[-1].base_version != have:
            base = by_version.get(chain[-1].base_version or 0)
            if base is None:
                raise ConflictError(
                    f"no complete chain of {kind} lists from version {have}; publish a full snapshot"
                )
            chain.append(base)
        return [r.envelope for r in reversed(chain)]

    def has_lists(self, kind: str) -> bool:
        with self.transaction() as tx:
            return tx.execute("SELECT 1 FROM lists WHERE kind = ? LIMIT 1", (kind,)).fetchone() is not None

    # --- alerts -------------------------------------------------------------------------------

    def alerts_since(self, booth: str, since: int) -> tuple[int, list[dict[str, Any]]]:
        """(newest alert number, alerts from OTHER booths after ``since``) for the booth's alerts feed."""
        with self.transaction() as tx:
            (newest,) = tx.execute("SELECT MAX(seq) FROM alerts").fetchone()
            rows = tx.execute(
                "SELECT seq, event_id, origin_booth, payload, received_at FROM alerts"
                " WHERE seq > ? AND origin_booth <> ? ORDER BY seq",
                (since, booth),
            ).fetchall()
        alerts = [
            {
                "alert_seq": int(r[0]),
                "event_id": r[1],
                "origin_booth": r[2],
                "alert": json.loads(r[3]),
                "received_at": r[4],
            }
            for r in rows
        ]
        return int(newest or 0), alerts

    # --- audit heads --------------------------------------------------------------------------

    def record_audit_head(self, booth: str, seq: int, head: str) -> str:
        """Store a booth's audit-chain head; returns when the server first had it."""
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO audit_heads (booth_id, seq, head, received_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (booth_id, seq) DO NOTHING",
                (booth, seq, head, now_text()),
            )
            held, received_at = tx.execute(
                "SELECT head, received_at FROM audit_heads WHERE booth_id = ? AND seq = ?", (booth, seq)
            ).fetchone()
        if held != head:
            raise ConflictError(f"audit head {seq} was already received with a different hash")
        return str(received_at)

    # --- inspection (tests, operators) --------------------------------------------------------

    def event_ids(self, booth: str | None = None) -> list[str]:
        with self.transaction() as tx:
            if booth is None:
                rows = tx.execute("SELECT event_id FROM events ORDER BY seq").fetchall()
            else:
                rows = tx.execute(
                    "SELECT event_id FROM events WHERE booth_id = ? ORDER BY seq", (booth,)
                ).fetchall()
        return [str(r[0]) for r in rows]


class _ChecksumMismatchError(RefusedError):
    def __init__(self) -> None:
        super().__init__("the file's sha256 does not match its bytes; it was discarded, send it again", 422)


def _event_problem(event: dict[str, Any]) -> str | None:
    if not isinstance(event.get("kind"), str) or not EVENT_KIND.match(event["kind"]):
        return f"event kind {event.get('kind')!r} is not a valid kind"
    if not 1 <= len(str(event["event_id"])) <= 100:
        return "event id must be 1 to 100 characters"
    if not isinstance(event.get("payload"), dict):
        return "payload must be a JSON object"
    return None


class SqliteStorage(Storage):
    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = str(path)
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=60.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 60000")
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn  # type: ignore[misc]
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def init_schema(self) -> None:
        conn = self._conn()
        conn.executescript(_SCHEMA.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT", blob="BLOB"))

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()


class PostgresStorage(Storage):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg  # noqa: PLC0415 - the `central` extra; loaded only when PostgreSQL is asked for

        self._psycopg = psycopg
        self.url = url
        self._all: list[Any] = []
        self._all_lock = threading.Lock()

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._psycopg.connect(self.url, autocommit=True)
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        conn = self._conn()
        with conn.transaction():
            yield _PgTx(conn)

    def _lock_alerts(self, tx: Tx) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (_ALERT_LOCK,))

    def _for_update(self) -> str:
        return " FOR UPDATE"

    def init_schema(self) -> None:
        with self.transaction() as tx:
            tx.execute("SELECT pg_advisory_xact_lock(?)", (_ALERT_LOCK + 1,))  # one creator at a time
            for statement in _SCHEMA.format(
                serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", blob="BYTEA"
            ).split(";"):
                if statement.strip():
                    tx.execute(statement)

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()


class _PgTx:
    """Adapts ``?`` placeholders (shared SQL) to psycopg's ``%s``."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor:
        cursor: _Cursor = self._conn.execute(sql.replace("?", "%s"), tuple(params))
        return cursor


def open_storage(target: str | Path) -> Storage:
    """A PostgreSQL URL (postgresql://...) or a SQLite file path; the schema is created if missing."""
    text = str(target)
    storage: Storage
    if text.startswith(("postgresql://", "postgres://")):
        storage = PostgresStorage(text)
    else:
        storage = SqliteStorage(text)
    storage.init_schema()
    return storage
