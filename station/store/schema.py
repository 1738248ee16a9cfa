"""Numbered schema migrations.

Each migration is a file ``migrations/NNNN_<name>.sql`` (store 0001-0009, screening 0010-0019,
sync 0020-0029, chip 0030-0039). They are applied in number order, each in its own ``BEGIN
IMMEDIATE`` transaction together with ``PRAGMA user_version = NNNN``, so a crash leaves the schema
at a whole version and a second process opening the same file waits and then finds nothing to do.

A line ``-- !include package.module.NAME`` inside a migration executes the SQL held in that Python
constant (e.g. ``sync.outbox.OUTBOX_SCHEMA_V1``): a frozen DDL owned by another package is run from
its one definition, never copied.
"""

from __future__ import annotations

import importlib
import importlib.resources
import logging
import re
import sqlite3
from dataclasses import dataclass

from station.store.errors import SchemaTooNewError

log = logging.getLogger(__name__)

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_INCLUDE = re.compile(r"^\s*--\s*!include\s+([\w.]+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def discover() -> list[Migration]:
    """All migration files in number order; two files with one number is a packaging bug."""
    found: dict[int, Migration] = {}
    for entry in importlib.resources.files("station.store.migrations").iterdir():
        match = _FILE_NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version == 0 or version in found:
            raise RuntimeError(f"migration number {version:04d} is used twice or is zero ({entry.name})")
        found[version] = Migration(version, match.group(2), _expand(entry.read_text(encoding="utf-8")))
    return [found[v] for v in sorted(found)]


def _expand(sql: str) -> str:
    def include(match: re.Match[str]) -> str:
        module_name, _, attr = match.group(1).rpartition(".")
        value = getattr(importlib.import_module(module_name), attr)
        if not isinstance(value, str):
            raise TypeError(f"{match.group(1)} is not SQL text")
        return value

    return _INCLUDE.sub(include, sql)


def split_statements(sql: str) -> list[str]:
    """Split a script into statements (``executescript`` would COMMIT our transaction).

    ``sqlite3.complete_statement`` knows about triggers' ``BEGIN ... END`` and string literals."""
    statements: list[str] = []
    pending = ""
    pieces = sql.split(";")
    for index, piece in enumerate(pieces):
        pending += piece if index == len(pieces) - 1 else piece + ";"
        if sqlite3.complete_statement(pending):
            text = pending.strip()
            if _has_code(text):
                statements.append(text)
            pending = ""
    if _has_code(pending):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:80]!r}")
    return statements


def _has_code(text: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in text.splitlines())
    return any(line and line != ";" for line in lines)


def current_version(conn: sqlite3.Connection) -> int:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    return int(version)


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[int]:
    """Apply the pending migrations; returns the versions applied (empty when up to date).

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions are explicit."""
    migrations = discover() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    applied: list[int] = []
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = current_version(conn)
            if version > latest:
                raise SchemaTooNewError(f"schema version {version}, this software knows up to {latest}")
            if migration.version <= version:
                conn.execute("COMMIT")
                continue
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("store schema migrated to %04d_%s", migration.version, migration.name)
        applied.append(migration.version)
    if not migrations:
        version = current_version(conn)
        if version > latest:
            raise SchemaTooNewError(f"schema version {version}, this software knows up to {latest}")
    return applied
