"""Numbered migrations: applied in order on an empty file, idempotent, atomic, refusing a newer schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from station.store import SchemaTooNewError, Store
from station.store.schema import Migration, current_version, discover, migrate, split_statements
from sync.outbox import OUTBOX_SCHEMA_V1


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_migrations_are_numbered_and_discovered_in_order() -> None:
    migrations = discover()
    versions = [m.version for m in migrations]
    assert versions == sorted(versions) and versions[:3] == [1, 2, 3]
    assert len(set(versions)) == len(versions)
    first = migrations[0]
    assert first.name == "records"
    assert "CREATE TABLE outbox (" in first.sql  # included from sync.outbox, not copied
    assert OUTBOX_SCHEMA_V1.strip() in first.sql


def test_empty_database_gets_every_migration(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "booth.sqlite")
    applied = migrate(conn)
    assert applied == [m.version for m in discover()]
    assert current_version(conn) == applied[-1]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"records", "images", "outbox", "outbox_files", "audit_log", "audit_head", "officers"} <= tables
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migrating_again_is_a_no_op(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "booth.sqlite")
    migrate(conn)
    schema = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(conn) == []
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    # reopening through the Store is also a no-op
    Store.open(tmp_path / "booth.sqlite").close()
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "x.sqlite")
    good = Migration(1, "good", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "bad", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);")
    with pytest.raises(sqlite3.OperationalError, match="nowhere"):
        migrate(conn, [good, bad])
    assert current_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"a"}  # table b rolled back with its migration


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    conn = _connect(path)
    conn.execute("PRAGMA user_version = 9999")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="9999"):
        Store.open(path)


def test_statements_split_like_sqlite_parses_them() -> None:
    sql = """
    -- a comment; with a semicolon
    CREATE TABLE t (x TEXT DEFAULT 'a;b');
    CREATE TRIGGER t_no_delete BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no; never'); END;
    INSERT INTO t VALUES ('1');
    """
    statements = split_statements(sql)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE t (x")
