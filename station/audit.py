"""The audit log: every action at the booth, hash-chained, appended in the action's own transaction.

Each entry carries ``prev``, the hash of the entry before it, and ``hash`` = SHA-256 over the
canonical JSON of its fields (seq, at, actor, action, target, details, prev). The ``audit_head``
row (count and last hash) is updated in the same transaction, the ``<db>.audit-head`` file after
each commit (:mod:`station.store.anchor`), and after each sync round the head goes to the central
side (``POST /v1/audit-heads``), whose signed receipt the booth keeps: the central side refuses a
different hash for a count it already holds, so it is the witness a local attacker cannot reach.

The booth's settings live in a file edited outside the station: :func:`note_settings`, called at
start-up, audits them whenever they differ from the last snapshot audited.

What :func:`verify` detects, naming the first bad entry:
- an edited entry (its hash no longer matches its content, or, if the hash was recomputed, the next
  entry no longer chains to it);
- a deleted entry (a gap in the sequence, or a broken chain if the rest was renumbered);
- a truncated tail (fewer entries than the ``audit_head`` row or the head file records; the file
  also catches a tail truncated together with a rewrite of the row);
- entries added behind the API's back (more entries than the head records).
What it cannot detect locally: someone with write access to BOTH the database and the head file who
rewrites the whole chain and both anchors consistently. The heads already received by the
central side still expose that (compare the central receipts with
``station audit verify`` output); entries written after the last sync are then unprotected.
"""

from __future__ import annotations

import enum
import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.clock import Clock, SystemClock, iso
from station.config import Config
from station.store.anchor import AuditHead, read_head_file, read_head_row
from station.store.codec import canonical_json

GENESIS = "0" * 64


class Action(enum.StrEnum):
    """Actions the core writes; other modules may use their own dotted strings."""

    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login_failed"
    LOGIN_REFUSED = "auth.login_refused"
    LOCKOUT = "auth.lockout"
    LOGOUT = "auth.logout"
    SESSION_UNLOCKED = "auth.session_unlocked"
    UNLOCK_FAILED = "auth.unlock_failed"
    OFFICER_ADDED = "officers.added"
    OFFICER_LOCKED = "officers.locked"
    OFFICER_UNLOCKED = "officers.unlocked"
    PIN_CHANGED = "officers.pin_changed"
    SCAN = "inspection.scan"
    DECISION = "inspection.decision"
    RECORD_VIEWED = "record.viewed"
    EXPORT = "record.export"
    SETTINGS_CHANGED = "settings.changed"
    RETENTION_PURGE = "retention.purge"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]
    prev: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    """``ok`` with ``count`` entries, or the first bad entry's number and what is wrong."""

    ok: bool
    count: int
    last_hash: str
    first_bad: int | None = None
    problem: str | None = None

    def summary(self) -> str:
        if self.ok:
            return f"audit log OK: {self.count} entries, head {self.last_hash[:16]}"
        return f"audit log BROKEN at entry #{self.first_bad}: {self.problem}"


def entry_hash(  # noqa: PLR0917 - the entry's fields, in their one canonical order
    seq: int, at: str, actor: str, action: str, target: str, details_json: str, prev: str
) -> str:
    fields = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "target": target,
        "details": details_json,
        "prev": prev,
    }
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def append(
    conn: sqlite3.Connection,
    actor: str,
    action: str,
    target: str = "",
    details: Mapping[str, Any] | None = None,
    *,
    clock: Clock | None = None,
) -> AuditEntry:
    """Append an entry inside the caller's open transaction (so it commits with the action)."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside the transaction of the action it records")
    at = iso((clock or SystemClock()).now())
    details_json = canonical_json(dict(details or {}))
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
    digest = entry_hash(seq, at, actor, str(action), target, details_json, prev)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, target, details, prev, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, str(action), target, details_json, prev, digest),
    )
    conn.execute(
        "INSERT INTO audit_head (id, count, last_hash, updated_at) VALUES (1, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET count = excluded.count, last_hash = excluded.last_hash,"
        " updated_at = excluded.updated_at",
        (seq, digest, at),
    )
    return AuditEntry(seq, at, actor, str(action), target, dict(details or {}), prev, digest)


def settings_snapshot(config: Config) -> dict[str, Any]:
    """The effective settings as flat ``section.key`` values; secrets as a short hash (a change of
    token is visible, the token is not)."""
    snapshot: dict[str, Any] = {}
    for section in config.sections():
        for setting in type(section).settings():
            value = section.as_dict()[setting.name]
            if setting.secret and value:
                value = "sha256:" + hashlib.sha256(str(value).encode()).hexdigest()[:16]
            snapshot[f"{section.name}.{setting.name}"] = json.loads(canonical_json(value))
    snapshot["devices"] = json.loads(canonical_json([d.to_toml_table() for d in config.devices]))
    return snapshot


def note_settings(
    conn: sqlite3.Connection, config: Config, *, actor: str = "system:startup", clock: Clock | None = None
) -> AuditEntry | None:
    """Audit the booth's settings when they differ from the last ones audited (call at start-up).

    The file is edited outside the station, so the change is noticed on the next start: the entry
    names every changed key with its old and new value, and keeps the full snapshot for the next
    comparison. Returns None when nothing changed."""
    snapshot = settings_snapshot(config)
    row = conn.execute(
        "SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1",
        (Action.SETTINGS_CHANGED.value,),
    ).fetchone()
    previous: dict[str, Any] = json.loads(row[0]).get("settings", {}) if row else {}
    if previous == snapshot:
        return None
    changed = {
        key: [previous.get(key), snapshot.get(key)]
        for key in sorted(set(previous) | set(snapshot))
        if previous.get(key) != snapshot.get(key)
    }
    details = {
        "source": str(config.source) if config.source else "defaults",
        "changed": changed if previous else {},
        "settings": snapshot,
    }
    return append(conn, actor, Action.SETTINGS_CHANGED, "config", details, clock=clock)


def entries(conn: sqlite3.Connection, *, last: int | None = None) -> list[AuditEntry]:
    sql = "SELECT seq, at, actor, action, target, details, prev, hash FROM audit_log ORDER BY seq"
    params: tuple[int, ...] = ()
    if last is not None:
        sql = f"SELECT * FROM ({sql} DESC LIMIT ?) ORDER BY seq"
        params = (last,)
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7])
        for r in conn.execute(sql, params)
    ]


def verify(conn: sqlite3.Connection, head_file: Path | None = None) -> VerifyResult:
    """Walk the chain and compare it with its anchors (see the module docstring)."""
    expected_seq, prev_hash, count = 1, GENESIS, 0
    previous_valid = True
    for seq, at, actor, action, target, details, prev, stored in conn.execute(
        "SELECT seq, at, actor, action, target, details, prev, hash FROM audit_log ORDER BY seq"
    ):
        if seq != expected_seq:
            return _bad(count, prev_hash, expected_seq, f"entry #{expected_seq} is missing (next is #{seq})")
        own_hash_ok = entry_hash(seq, at, actor, action, target, details, prev) == stored
        if not own_hash_ok:
            return _bad(count, prev_hash, seq, "its content was altered (the hash does not match)")
        if prev != prev_hash:
            if previous_valid and seq > 1:
                return _bad(
                    count, prev_hash, seq - 1, f"replaced or rewritten: entry #{seq} does not chain to it"
                )
            return _bad(count, prev_hash, seq, "does not chain to the entry before it")
        expected_seq, prev_hash, count = seq + 1, stored, seq
    head = read_head_row(conn)
    problem = _compare_head(head, count, prev_hash, "the audit_head row")
    if problem is None and head_file is not None:
        try:
            file_head = read_head_file(head_file)
        except ValueError as exc:
            return _bad(count, prev_hash, count + 1, str(exc))
        if file_head is not None:
            problem = _compare_file(conn, file_head, count)
    if problem is not None:
        first_bad, text = problem
        return _bad(count, prev_hash, first_bad, text)
    return VerifyResult(True, count, prev_hash)


def _compare_head(head: AuditHead | None, count: int, last_hash: str, where: str) -> tuple[int, str] | None:
    recorded = head.count if head else 0
    if recorded > count:
        return count + 1, f"the log was truncated: {where} records {recorded} entries, the log has {count}"
    if recorded < count:
        return recorded + 1, f"entries after #{recorded} were added outside the audit log's API ({where})"
    if head is not None and head.last_hash != last_hash:
        return count, f"the last entry was replaced ({where} records another hash)"
    return None


def _compare_file(conn: sqlite3.Connection, file_head: AuditHead, count: int) -> tuple[int, str] | None:
    if file_head.count > count:
        return (
            count + 1,
            f"the log was truncated: the head file records {file_head.count} entries, the log has {count}",
        )
    if file_head.count == 0:
        return None
    row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (file_head.count,)).fetchone()
    if row is None or row[0] != file_head.last_hash:
        return file_head.count, "rewritten: it does not match the hash in the head file"
    return None


def _bad(count: int, last_hash: str, first_bad: int, problem: str) -> VerifyResult:
    return VerifyResult(False, count, last_hash, first_bad, problem)
