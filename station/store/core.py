"""The booth store: one SQLite file per booth, append-only records, their images and outbox events.

Durability: WAL with ``synchronous=FULL`` (a commit is on disk when ``append`` returns), explicit
``BEGIN IMMEDIATE`` transactions (no implicit ones: the connections run in autocommit mode), and
image files made durable before the row that names them commits (see :mod:`station.store.images`).

Threads: all writes go through ONE connection. ``append`` and ``submit`` run on the store's writer
thread (a one-worker executor; the UI submits there and never blocks its event loop on a disk);
``transaction()`` lets a worker (e.g. sync) run its own multi-statement transaction on the same
connection, serialised with the writer thread by a lock. Reads use one read-only connection per
thread and, inside a transaction on the same thread, the writer connection (so they see their own
writes). Inside ``transaction()``, ``append`` joins the open transaction: a decision, a referral and
their audit entry commit together.

Several processes may open one store (the app and ``station users``): SQLite serialises their
writers; the crash recovery of image files runs only when no other process has the store open
(an exclusive ``flock`` on ``<db>.lock``), so it never removes another process's file in flight.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from station.clock import Clock, SystemClock, iso
from station.config import Config
from station.store import anchor, schema
from station.store.codec import canonical_json
from station.store.errors import translate
from station.store.images import ImageDir, StoredImage, check_name
from sync import outbox

log = logging.getLogger(__name__)

T = TypeVar("T")

_RECORD_COLUMNS = "seq, record_id, kind, body, created_at, supersedes, root_id"
_LOW_SPACE_LOG_INTERVAL = timedelta(minutes=1)


class UnknownRecordError(KeyError):
    """A record id that is not in the store (e.g. a correction of a record never saved)."""


class RecordExistsError(ValueError):
    """``record_id`` is already used: records are written once."""


class StaleCorrectionError(ValueError):
    """A correction must supersede the latest version; ``latest_id`` names it."""

    def __init__(self, record_id: str, latest_id: str) -> None:
        super().__init__(f"record {record_id} was already corrected; correct the latest version {latest_id}")
        self.latest_id = latest_id


@dataclass(frozen=True)
class Record:
    """One append-only record. ``root_id`` is the first record of its correction chain."""

    seq: int
    record_id: str
    kind: str
    body: dict[str, Any]
    created_at: str
    supersedes: str | None
    root_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "kind": self.kind,
            "body": self.body,
            "created_at": self.created_at,
            "supersedes": self.supersedes,
            "root_id": self.root_id,
        }


@dataclass(frozen=True)
class StoreHealth:
    """Free space on the store's disk against ``store.min_free_mb``; ``low_space`` warns early."""

    path: Path
    free_bytes: int
    min_free_bytes: int
    low_space: bool
    db_bytes: int
    wal_bytes: int

    @property
    def message(self) -> str | None:
        if not self.low_space:
            return None
        return (
            f"Low disk space for the booth's records: {self.free_bytes // 2**20} MB free"
            f" (warning below {self.min_free_bytes // 2**20} MB). Call a supervisor before the disk is full."
        )


@dataclass(frozen=True)
class IntegrityReport:
    """``integrity_check`` and the files/rows agreement; ``ok`` when nothing is wrong."""

    sqlite: str
    missing_files: list[str]
    orphan_files: list[str]
    records_without_event: list[str]

    @property
    def ok(self) -> bool:
        return self.sqlite == "ok" and not (
            self.missing_files or self.orphan_files or self.records_without_event
        )


def _record(row: tuple[Any, ...]) -> Record:
    return Record(int(row[0]), row[1], row[2], json.loads(row[3]), row[4], row[5], row[6])


def _time(value: datetime | str) -> str:
    return iso(value) if isinstance(value, datetime) else value


class Store:
    """Open with :meth:`open`; close with :meth:`close` (or use as a context manager)."""

    def __init__(self, path: Path, *, clock: Clock, min_free_mb: int, recover: bool) -> None:
        self.path = path
        self.clock = clock
        self.min_free_bytes = min_free_mb * 2**20
        self.images = ImageDir(path.with_name(path.stem + ".images"))
        self._lock = threading.RLock()
        self._tx_owner: int | None = None
        self._tx_files: list[StoredImage] = []
        self._depth = 0
        self._closed = False
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._local = threading.local()
        self._last_low_space_log: datetime | None = None
        self._head_file = anchor.head_file_path(path)
        self._lock_fd = -1
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
            sole_user = self._try_exclusive()
            self._conn = self._connect()
            schema.migrate(self._conn)
            self.images.ensure()
            if sole_user and recover:
                self._recover()
            if sole_user:
                fcntl.flock(self._lock_fd, fcntl.LOCK_SH)
            self._head_count = self._read_head_file_count()
        except BaseException as exc:
            self._release()
            known = translate(exc)
            if known is not None and known is not exc:
                raise known from exc
            raise
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        min_free_mb: int = 0,
        recover: bool = True,
    ) -> Store:
        """Open (creating and migrating as needed) the booth store at ``path``.

        Raises a :class:`KnownStoreError` for a full or failing disk or a damaged file."""
        return cls(Path(path), clock=clock or SystemClock(), min_free_mb=min_free_mb, recover=recover)

    @classmethod
    def from_config(cls, config: Config, *, clock: Clock | None = None) -> Store:
        """The booth's store as configured: ``store.path`` and the ``store.min_free_mb`` warning."""
        return cls.open(config.store_path(), clock=clock, min_free_mb=config.store.min_free_mb)

    # --- lifecycle -------------------------------------------------------------------------------

    def _try_exclusive(self) -> bool:
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fcntl.flock(self._lock_fd, fcntl.LOCK_SH)
            return False
        return True

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        try:
            (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if str(mode).lower() != "wal":
                raise RuntimeError(f"{self.path}: cannot switch to WAL (journal_mode is {mode})")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def _release(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()
        self.images.close()
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1

    def close(self) -> None:
        if self._closed:
            return
        self._executor.shutdown(wait=True)
        with self._lock:
            self._closed = True
            with self._readers_lock:
                for reader in self._readers:
                    reader.close()
                self._readers.clear()
            self._release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------------

    def in_transaction(self) -> bool:
        """True when the calling thread holds an open ``transaction()``."""
        return self._tx_owner == threading.get_ident()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` on the writer connection; ROLLBACK on any exception.

        Nested use on the same thread is a SAVEPOINT inside the open transaction: if the inner block
        fails, its writes (and image files) are undone even when the caller catches the error and
        commits the rest. Full disk and I/O errors come out as :class:`KnownStoreError` subclasses;
        anything else (a bug) propagates unchanged."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the store is closed")
            if self.in_transaction():
                with self._savepoint() as conn:
                    yield conn
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                _raise_known(exc)
                raise
            self._tx_owner = threading.get_ident()
            self._tx_files = []
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback()
                known = translate(exc)
                if known is not None and known is not exc:
                    raise known from exc
                raise
            finally:
                self._tx_owner = None
                self._tx_files = []
            self._after_commit()

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        self._depth += 1
        name = f"store_sp{self._depth}"
        mark = len(self._tx_files)
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield self._conn
        except BaseException:
            failed = self._tx_files[mark:]
            del self._tx_files[mark:]
            try:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            except sqlite3.Error as exc:  # SQLite may already have rolled back the whole transaction
                log.error("rollback to savepoint failed: %s", exc)
            self.images.remove(self.images.absolute(f.path) for f in failed)
            raise
        else:
            self._conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _rollback(self) -> None:
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.error("rollback failed: %s", exc)
        if not self._tx_files:
            return
        # Remove the files this transaction wrote, unless (after an ambiguous COMMIT failure) their rows
        # did commit; when even that cannot be checked, leave them to the recovery on the next open.
        try:
            paths = [f.path for f in self._tx_files]
            marks = ",".join("?" * len(paths))
            committed = {
                r[0] for r in self._conn.execute(f"SELECT path FROM images WHERE path IN ({marks})", paths)
            }
        except sqlite3.Error as exc:
            log.error("cannot tell which image files committed (%s); recovery will sort them out", exc)
            return
        self.images.remove(self.images.absolute(p) for p in paths if p not in committed)

    def _after_commit(self) -> None:
        """Keep the audit anchor file in step with the ``audit_head`` row (see :mod:`.anchor`)."""
        try:
            head = anchor.read_head_row(self._conn)
            if head is not None and head.count != self._head_count:
                anchor.write_head_file(self._head_file, head)
                self._head_count = head.count
        except (OSError, sqlite3.Error) as exc:
            log.error("could not update the audit head file %s: %s", self._head_file, exc)

    def _read_head_file_count(self) -> int:
        try:
            head = anchor.read_head_file(self._head_file)
        except ValueError as exc:
            log.error("%s", exc)
            return -1
        return head.count if head else 0

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]:
        """Run ``fn(conn)`` inside one transaction on the writer thread."""
        if self.in_transaction():
            raise RuntimeError("submit() inside transaction() would deadlock: call the function directly")

        def run() -> T:
            with self.transaction() as conn:
                return fn(conn)

        return self._executor.submit(run)

    def append(
        self,
        kind: str,
        body: Mapping[str, Any],
        *,
        images: Mapping[str, bytes] | None = None,
        supersedes: str | None = None,
        record_id: str | None = None,
    ) -> str:
        """Write a record, its image files and its outbox event in ONE transaction; returns its id.

        Blocks until the commit is on disk. Inside ``transaction()`` it joins the open transaction."""
        if self.in_transaction():
            with self.transaction() as conn:  # a savepoint: a failed append leaves nothing behind
                return self._append(conn, kind, body, images or {}, supersedes, record_id)
        return self.submit_append(
            kind, body, images=images, supersedes=supersedes, record_id=record_id
        ).result()

    def submit_append(
        self,
        kind: str,
        body: Mapping[str, Any],
        *,
        images: Mapping[str, bytes] | None = None,
        supersedes: str | None = None,
        record_id: str | None = None,
    ) -> Future[str]:
        """:meth:`append` on the writer thread without waiting (for the GUI thread)."""
        body_copy, images_copy = dict(body), dict(images or {})
        return self.submit(
            lambda conn: self._append(conn, kind, body_copy, images_copy, supersedes, record_id)
        )

    def _append(  # noqa: PLR0917 - private; mirrors append()'s arguments
        self,
        conn: sqlite3.Connection,
        kind: str,
        body: Mapping[str, Any],
        images: Mapping[str, bytes],
        supersedes: str | None,
        record_id: str | None,
    ) -> str:
        if not kind or not kind.replace("_", "").replace(".", "").isalnum():
            raise ValueError(f"record kind {kind!r}: use letters, digits, '_' and '.'")
        for name in images:
            check_name(name)
        record_id = record_id or str(uuid.uuid4())
        body_json = canonical_json(body)
        created_at = iso(self.clock.now())
        if conn.execute("SELECT 1 FROM records WHERE record_id = ?", (record_id,)).fetchone():
            raise RecordExistsError(f"record {record_id} already exists")
        root_id = record_id
        if supersedes is not None:
            root_id = self._check_correction(conn, kind, supersedes)
        self._warn_if_low_space()
        stored = self.images.write(record_id, images.items())
        self._tx_files.extend(stored)
        conn.execute(
            "INSERT INTO records (record_id, kind, body, created_at, supersedes, root_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (record_id, kind, body_json, created_at, supersedes, root_id),
        )
        conn.executemany(
            "INSERT INTO images (record_id, name, path, media_type, sha256, size) VALUES (?, ?, ?, ?, ?, ?)",
            [(s.record_id, s.name, s.path, s.media_type, s.sha256, s.size) for s in stored],
        )
        payload = {
            "record_id": record_id,
            "kind": kind,
            "body": json.loads(body_json),  # as stored: dates and enums already in their JSON form
            "created_at": created_at,
            "supersedes": supersedes,
            "root_id": root_id,
            "images": {
                s.name: {"media_type": s.media_type, "sha256": s.sha256, "size": s.size} for s in stored
            },
        }
        files = [
            outbox.OutboxFile(record_id, s.name, str(self.images.absolute(s.path)), s.sha256, s.size, 0)
            for s in stored
        ]
        outbox.enqueue(conn, kind, payload, event_id=record_id, files=files, created_at=created_at)
        return record_id

    def _check_correction(self, conn: sqlite3.Connection, kind: str, supersedes: str) -> str:
        row = conn.execute("SELECT kind, root_id FROM records WHERE record_id = ?", (supersedes,)).fetchone()
        if row is None:
            raise UnknownRecordError(supersedes)
        if row[0] != kind:
            raise ValueError(f"a correction of a {row[0]!r} record must be a {row[0]!r} record, not {kind!r}")
        (latest,) = conn.execute(
            "SELECT record_id FROM records WHERE root_id = ? ORDER BY seq DESC LIMIT 1", (row[1],)
        ).fetchone()
        if latest != supersedes:
            raise StaleCorrectionError(supersedes, latest)
        return str(row[1])

    # --- reading ---------------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection for queries: this thread's read-only one, or the writer inside a transaction."""
        if self.in_transaction():
            yield self._conn
            return
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise RuntimeError("the store is closed")
            try:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
                conn.execute("PRAGMA query_only = ON")
            except sqlite3.Error as exc:
                _raise_known(exc)
                raise
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        try:
            yield conn
        except sqlite3.Error as exc:
            _raise_known(exc)
            raise

    def get(self, record_id: str) -> Record | None:
        with self.read() as conn:
            row = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records WHERE record_id = ?", (record_id,)
            ).fetchone()
        return _record(row) if row else None

    def latest(self, record_id: str) -> Record:
        """The current version of the record (the end of its correction chain)."""
        with self.read() as conn:
            row = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records WHERE root_id ="
                " (SELECT root_id FROM records WHERE record_id = ?) ORDER BY seq DESC LIMIT 1",
                (record_id,),
            ).fetchone()
        if row is None:
            raise UnknownRecordError(record_id)
        return _record(row)

    def history(self, record_id: str) -> list[Record]:
        """Every version of the record, oldest first."""
        with self.read() as conn:
            rows = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records WHERE root_id ="
                " (SELECT root_id FROM records WHERE record_id = ?) ORDER BY seq",
                (record_id,),
            ).fetchall()
        if not rows:
            raise UnknownRecordError(record_id)
        return [_record(r) for r in rows]

    def records(
        self,
        kind: str | None = None,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        current_only: bool = False,
        newest_first: bool = False,
        limit: int | None = None,
    ) -> list[Record]:
        """Records of ``kind`` (any kind when None) created in ``[since, until)``.

        ``current_only`` leaves out versions that a correction superseded."""
        where: list[str] = []
        params: list[Any] = []
        if kind is not None:
            where.append("r.kind = ?")
            params.append(kind)
        if since is not None:
            where.append("r.created_at >= ?")
            params.append(_time(since))
        if until is not None:
            where.append("r.created_at < ?")
            params.append(_time(until))
        if current_only:
            where.append("NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.record_id)")
        sql = f"SELECT {', '.join('r.' + c.strip() for c in _RECORD_COLUMNS.split(','))} FROM records r"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY r.seq DESC" if newest_first else " ORDER BY r.seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self.read() as conn:
            return [_record(r) for r in conn.execute(sql, params)]

    def images_of(self, record_id: str) -> dict[str, StoredImage]:
        """The record's images that are still on the booth (retention removes purged ones)."""
        with self.read() as conn:
            rows = conn.execute(
                "SELECT record_id, name, path, media_type, sha256, size FROM images"
                " WHERE record_id = ? AND purged_at IS NULL ORDER BY name",
                (record_id,),
            ).fetchall()
        return {r[1]: StoredImage(*r) for r in rows}

    def image_bytes(self, record_id: str, name: str) -> bytes:
        image = self.images_of(record_id).get(name)
        if image is None:
            raise UnknownRecordError(f"{record_id}/{name}")
        try:
            return self.images.absolute(image.path).read_bytes()
        except OSError as exc:
            _raise_known(exc)
            raise

    # --- health and integrity --------------------------------------------------------------------

    def health(self) -> StoreHealth:
        free = shutil.disk_usage(self.path.parent).free
        wal = self.path.with_name(self.path.name + "-wal")
        return StoreHealth(
            path=self.path,
            free_bytes=free,
            min_free_bytes=self.min_free_bytes,
            low_space=free < self.min_free_bytes,
            db_bytes=self.path.stat().st_size if self.path.exists() else 0,
            wal_bytes=wal.stat().st_size if wal.exists() else 0,
        )

    def _warn_if_low_space(self) -> None:
        health = self.health()
        if not health.low_space:
            return
        now = self.clock.now()
        if self._last_low_space_log is None or now - self._last_low_space_log >= _LOW_SPACE_LOG_INTERVAL:
            log.warning("%s", health.message)
            self._last_low_space_log = now

    def _live_image_paths(self, conn: sqlite3.Connection) -> set[str]:
        return {r[0] for r in conn.execute("SELECT path FROM images WHERE purged_at IS NULL")}

    def _recover(self) -> None:
        self.images.recover(self._live_image_paths(self._conn))
        for leftover in self._head_file.parent.glob(f".{self._head_file.name}.*.tmp"):
            log.warning("removing an unfinished audit head file %s", leftover)
            leftover.unlink(missing_ok=True)

    def check(self) -> IntegrityReport:
        """Full check: SQLite's ``integrity_check``, every live image file present, no orphan files,
        every record with its outbox event. Slow on a big store; for ``station store check`` and tests."""
        with self.read() as conn:
            result = "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
            live = self._live_image_paths(conn)
            without_event = [
                r[0]
                for r in conn.execute(
                    "SELECT record_id FROM records r WHERE NOT EXISTS"
                    " (SELECT 1 FROM outbox o WHERE o.event_id = r.record_id)"
                )
            ]
        files = set(self.images.files())
        return IntegrityReport(
            sqlite=result,
            missing_files=sorted(live - files),
            orphan_files=sorted(files - live),
            records_without_event=without_event,
        )


def _raise_known(exc: BaseException) -> None:
    """Raise the KnownStoreError behind ``exc``, if there is one; else return (the caller re-raises)."""
    known = translate(exc)
    if known is not None and known is not exc:
        raise known from exc
