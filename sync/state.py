"""The booth-side bookkeeping of sync that is not the outbox: list versions held, and the last
outcome of each sync round (so ``station sync status`` in another process sees what the worker saw).

The DDL is frozen here and executed by the store's migration ``0020_sync_state.sql`` (a test keeps
the two identical); a change needs a new constant and a new migration, never an edit.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

SYNC_STATE_SCHEMA_V1 = """
CREATE TABLE sync_lists (
    kind       TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    expires_at TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE TABLE sync_status (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_status(conn: sqlite3.Connection, values: dict[str, str | None]) -> None:
    """Upsert status keys (None deletes one) inside the caller's transaction."""
    for key, value in values.items():
        if value is None:
            conn.execute("DELETE FROM sync_status WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO sync_status (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def read_status(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM sync_status").fetchall())
