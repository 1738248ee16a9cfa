"""The hash-chained audit log: appends inside the action's transaction, and ``verify`` (and
``station audit verify``) catches an edited, a deleted and a truncated entry, naming the first bad one."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from station import audit
from station.cli import main
from station.clock import FakeClock
from station.config import Config
from station.store import Store
from station.store.anchor import head_file_path, read_head_file, read_head_row, write_head_file
from sync import outbox

ENTRIES = 10


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "booth.sqlite"
    clock = FakeClock()
    with Store.open(path, clock=clock) as store:
        for n in range(1, ENTRIES + 1):
            with store.transaction() as conn:
                audit.append(
                    conn, f"officer:o{n % 3}", audit.Action.RECORD_VIEWED, f"rec-{n}", {"n": n}, clock=clock
                )
            clock.advance(30)
    return path


@pytest.fixture
def attacker(db: Path) -> Iterator[sqlite3.Connection]:
    """A SQLite shell on the booth's file: triggers are no obstacle to someone with write access."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    yield conn
    conn.close()


def _verify(db: Path) -> audit.VerifyResult:
    conn = sqlite3.connect(db)
    try:
        return audit.verify(conn, head_file_path(db))
    finally:
        conn.close()


def _rehash(conn: sqlite3.Connection, seq: int, prev: str) -> str:
    at, actor, action, target, details = conn.execute(
        "SELECT at, actor, action, target, details FROM audit_log WHERE seq = ?", (seq,)
    ).fetchone()
    digest = audit.entry_hash(seq, at, actor, action, target, details, prev)
    conn.execute("UPDATE audit_log SET prev = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
    return digest


def test_an_intact_log_verifies(db: Path) -> None:
    result = _verify(db)
    assert result.ok and result.count == ENTRIES
    assert result.summary().startswith(f"audit log OK: {ENTRIES} entries")
    head = read_head_file(head_file_path(db))
    assert head is not None and head.count == ENTRIES and head.last_hash == result.last_hash


def test_audit_entries_add_no_outbox_events(db: Path) -> None:
    # the head reaches the central side once per sync round (tests/sync), not once per entry
    conn = sqlite3.connect(db)
    assert outbox.pending_batch(conn, 100) == []
    conn.close()


def test_append_outside_a_transaction_is_refused(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit.append(conn, "x", "y")
    conn.close()


def test_triggers_stop_accidental_edits(db: Path) -> None:
    with (
        Store.open(db) as store,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
        store.transaction() as conn,
    ):
        conn.execute("DELETE FROM audit_log WHERE seq = 1")


def test_edited_entry_is_named(db: Path, attacker: sqlite3.Connection) -> None:
    attacker.execute("UPDATE audit_log SET target = 'rec-999' WHERE seq = 4")
    result = _verify(db)
    assert not result.ok and result.first_bad == 4 and "altered" in (result.problem or "")


def test_edited_entry_with_recomputed_hash_is_named(db: Path, attacker: sqlite3.Connection) -> None:
    attacker.execute("UPDATE audit_log SET actor = 'officer:someone-else' WHERE seq = 4")
    (prev,) = attacker.execute("SELECT prev FROM audit_log WHERE seq = 4").fetchone()
    _rehash(attacker, 4, prev)
    result = _verify(db)
    assert not result.ok and result.first_bad == 4 and "rewritten" in (result.problem or "")


def test_deleted_entry_is_named(db: Path, attacker: sqlite3.Connection) -> None:
    attacker.execute("DELETE FROM audit_log WHERE seq = 6")
    result = _verify(db)
    assert not result.ok and result.first_bad == 6 and "missing" in (result.problem or "")


def test_deleted_entry_with_renumbering_is_named(db: Path, attacker: sqlite3.Connection) -> None:
    attacker.execute("DELETE FROM audit_log WHERE seq = 6")
    attacker.execute("UPDATE audit_log SET seq = seq - 1 WHERE seq > 6")
    result = _verify(db)
    assert not result.ok and result.first_bad == 6


def test_truncated_tail_is_caught_by_the_head_row(db: Path, attacker: sqlite3.Connection) -> None:
    attacker.execute("DELETE FROM audit_log WHERE seq >= 8")
    result = _verify(db)
    assert not result.ok and result.first_bad == 8 and "truncated" in (result.problem or "")


def test_truncated_tail_with_a_forged_head_row_is_caught_by_the_head_file(
    db: Path, attacker: sqlite3.Connection
) -> None:
    (hash7,) = attacker.execute("SELECT hash FROM audit_log WHERE seq = 7").fetchone()
    attacker.execute("DELETE FROM audit_log WHERE seq >= 8")
    attacker.execute("UPDATE audit_head SET count = 7, last_hash = ?", (hash7,))
    result = _verify(db)
    assert not result.ok and result.first_bad == 8 and "head file" in (result.problem or "")


def test_entry_added_behind_the_api_is_caught(db: Path, attacker: sqlite3.Connection) -> None:
    (prev,) = attacker.execute("SELECT hash FROM audit_log WHERE seq = ?", (ENTRIES,)).fetchone()
    seq = ENTRIES + 1
    details = json.dumps({})
    digest = audit.entry_hash(seq, "2026-01-01T09:00:00.000+00:00", "x", "y", "z", details, prev)
    attacker.execute(
        "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, "2026-01-01T09:00:00.000+00:00", "x", "y", "z", details, prev, digest),
    )
    result = _verify(db)
    assert not result.ok and result.first_bad == seq


def test_what_verify_cannot_detect_a_consistent_rewrite_of_log_row_and_file(
    db: Path, attacker: sqlite3.Connection
) -> None:
    """Documented limit: with write access to the database AND the head file, a truncation with both
    anchors forged passes locally. Only the central side's receipts of earlier heads expose it."""
    attacker.execute("DELETE FROM audit_log WHERE seq >= 8")
    head = read_head_row(attacker)
    assert head is not None
    (hash7,) = attacker.execute("SELECT hash FROM audit_log WHERE seq = 7").fetchone()
    attacker.execute("UPDATE audit_head SET count = 7, last_hash = ?", (hash7,))
    write_head_file(head_file_path(db), type(head)(7, hash7, head.updated_at))
    assert _verify(db).ok


@pytest.mark.parametrize(
    ("tamper", "first_bad"),
    [
        ("UPDATE audit_log SET details = '{\"n\":99}' WHERE seq = 3", 3),
        ("DELETE FROM audit_log WHERE seq = 5", 5),
        ("DELETE FROM audit_log WHERE seq >= 9", 9),
    ],
    ids=["edited", "deleted", "truncated"],
)
def test_station_audit_verify_names_the_first_bad_entry(
    db: Path, attacker: sqlite3.Connection, capsys: pytest.CaptureFixture[str], tamper: str, first_bad: int
) -> None:
    assert main(["audit", "verify", "--db", str(db)]) == 0
    assert "audit log OK: 10 entries" in capsys.readouterr().out
    attacker.execute(tamper)
    assert main(["audit", "verify", "--db", str(db)]) == 1
    assert f"audit log BROKEN at entry #{first_bad}:" in capsys.readouterr().out


def test_station_audit_show_and_a_missing_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "show", "--db", str(db), "--last", "2", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [9, 10]
    assert main(["audit", "verify", "--db", str(db.with_name("none.sqlite"))]) == 2
    assert "no such database" in capsys.readouterr().err
    db.with_name("junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert main(["audit", "verify", "--db", str(db.with_name("junk.sqlite"))]) == 2
    assert "not a booth database" in capsys.readouterr().err


def test_two_processes_appending_keep_one_chain(tmp_path: Path) -> None:
    """The app (here: a thread of this process) and ``station users`` (a subprocess) write to the
    same log at the same time; SQLite serialises them and the chain stays whole."""
    db = tmp_path / "booth.sqlite"
    with Store.open(db) as store:
        stop = threading.Event()

        def app() -> None:
            n = 0
            while not stop.is_set() or n < 20:
                n += 1
                with store.transaction() as conn:
                    audit.append(conn, "officer:app", audit.Action.RECORD_VIEWED, f"r{n}")

        thread = threading.Thread(target=app)
        thread.start()
        try:
            for i in range(3):
                command = ["users", "add", f"u{i}", "--name", "U", "--role", "officer", "--pin-stdin"]
                done = subprocess.run(
                    [sys.executable, "-m", "station", *command, "--db", str(db)],
                    input="864200\n",
                    capture_output=True,
                    text=True,
                    check=False,
                )
                assert done.returncode == 0, done.stderr
        finally:
            stop.set()
            thread.join()
    result = _verify(db)
    assert result.ok, result.summary()
    conn = sqlite3.connect(db)
    actors = {r[0] for r in conn.execute("SELECT actor FROM audit_log")}
    conn.close()
    assert "officer:app" in actors and any(a.startswith("cli:") for a in actors)


def test_settings_changes_are_audited_once_per_change(tmp_path: Path) -> None:
    with Store.open(tmp_path / "booth.sqlite") as store:
        with store.transaction() as conn:
            first = audit.note_settings(conn, Config.defaults())
        assert first is not None and first.details["changed"] == {}  # the first snapshot
        with store.transaction() as conn:
            assert audit.note_settings(conn, Config.defaults()) is None  # unchanged: no entry
        edited = Config.from_mapping({"session": {"lock_minutes": 3}, "central": {"token": "abc"}})
        with store.transaction() as conn:
            entry = audit.note_settings(conn, edited)
        assert entry is not None
        changed = entry.details["changed"]
        assert changed["session.lock_minutes"] == [5, 3]
        old_token, new_token = changed["central.token"]
        assert old_token == "" and new_token.startswith("sha256:") and "abc" not in json.dumps(entry.details)
        with store.read() as conn:
            assert audit.verify(conn).ok
