"""The audit log's anchor outside the database: ``<db>.audit-head``.

The ``audit_head`` row is updated in the same transaction as every audit entry, so a truncated tail
no longer matches it; but someone who truncates the log with a SQLite shell can fix that row too.
This small JSON file, rewritten atomically after each commit that appended to the log, is a second
witness in another place (and the heads sent after each sync round a third, at the central side). The
file may lag the database by the last commit after a crash, never lead it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from station.store.images import fsync_dir


@dataclass(frozen=True)
class AuditHead:
    count: int
    last_hash: str
    updated_at: str


def head_file_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit-head")


def read_head_row(conn: sqlite3.Connection) -> AuditHead | None:
    row = conn.execute("SELECT count, last_hash, updated_at FROM audit_head WHERE id = 1").fetchone()
    return AuditHead(int(row[0]), str(row[1]), str(row[2])) if row else None


def read_head_file(path: Path) -> AuditHead | None:
    """The anchor file's content; None when absent. Raises ValueError when it is not ours."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: unreadable audit head file ({exc})") from None
    try:
        return AuditHead(int(data["count"]), str(data["last_hash"]), str(data["updated_at"]))
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"{path}: not an audit head file") from None


def write_head_file(path: Path, head: AuditHead) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(asdict(head), handle, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
