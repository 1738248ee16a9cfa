"""A full or failing disk is a specific, known error (not a bug), nothing half-written stays behind,
and the store works again once space is back.

The real thing first: a 3 MB tmpfs (needs root, as in the CI container; skipped otherwise). Then
SQLite's own limit ``PRAGMA max_page_count``, which makes the database file full for real and runs
everywhere."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.store import KnownStoreError, Store, StoreFullError, StoreIOError
from station.store.errors import translate
from sync import outbox
from tests.helpers.store_data import fake_png, inspection_images


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def _fill(directory: Path) -> Path:
    """Fill the file system completely with a filler file."""
    filler = directory / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def _assert_consistent(store: Store) -> None:
    report = store.check()
    assert report.ok, report
    with store.read() as conn:
        events = {r[0] for r in conn.execute("SELECT event_id FROM outbox WHERE kind = 'inspection'")}
    assert events == {r.record_id for r in store.records("inspection")}


def test_images_on_a_full_disk_give_store_full_error(tiny_disk: Path) -> None:
    with Store.open(tiny_disk / "booth.sqlite", min_free_mb=1) as store:
        saved = store.append("inspection", {"n": 0}, images=inspection_images(0, size=300_000))
        assert not store.health().low_space
        with pytest.raises(StoreFullError) as caught:
            for n in range(1, 10):
                store.append("inspection", {"n": n}, images=inspection_images(n, size=300_000))
        assert "disk is full" in caught.value.officer_message
        assert isinstance(caught.value, KnownStoreError)
        assert store.health().low_space
        _assert_consistent(store)
        assert store.image_bytes(saved, "white") == inspection_images(0, size=300_000)["white"]


def test_database_on_a_full_disk_gives_store_full_error_and_recovers(tiny_disk: Path) -> None:
    with Store.open(tiny_disk / "booth.sqlite") as store:
        first = store.append("inspection", {"n": 0})
        filler = _fill(tiny_disk)
        with pytest.raises(StoreFullError, match="SQLite"):
            store.append("inspection", {"n": 1, "notes": "x" * 400_000})
        filler.unlink()
        again = store.append("inspection", {"n": 2, "notes": "x" * 400_000})
        assert [r.record_id for r in store.records("inspection")] == [first, again]
        _assert_consistent(store)


def test_read_only_disk_gives_store_io_error(tiny_disk: Path) -> None:
    path = tiny_disk / "booth.sqlite"
    with Store.open(path) as store:
        saved = store.append("inspection", {"n": 0}, images=inspection_images(0))
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    try:
        with pytest.raises(StoreIOError) as caught:
            Store.open(path)
        assert "disk failed" in caught.value.officer_message
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)], check=True)
    with Store.open(path) as store:
        assert store.get(saved) is not None
        _assert_consistent(store)


def test_database_file_limit_gives_store_full_error(store: Store) -> None:
    """``max_page_count`` makes SQLite itself answer SQLITE_FULL, on any machine."""
    store.append("inspection", {"n": 0}, images=inspection_images(0))
    with store.transaction() as conn:
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StoreFullError) as caught:
        store.append("inspection", {"n": 1, "notes": "x" * 100_000}, images=inspection_images(1))
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert [r.body["n"] for r in store.records()] == [0]
    _assert_consistent(store)  # the failed record's image files were removed
    with store.transaction() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    store.append("inspection", {"n": 2, "notes": "x" * 100_000}, images=inspection_images(2))
    with store.read() as conn:
        assert outbox.stats(conn).pending == 2


def test_low_free_space_warns_before_the_disk_is_full(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with Store.open(tmp_path / "booth.sqlite", min_free_mb=10**9) as store:
        health = store.health()
        assert health.low_space and health.free_bytes < health.min_free_bytes
        assert health.message is not None and "Low disk space" in health.message
        with caplog.at_level(logging.WARNING, logger="station.store.core"):
            store.append("inspection", {"n": 0}, images={"photo": fake_png(100, 1)})
            store.append("inspection", {"n": 1})
        assert [r.message for r in caplog.records].count(health.message) == 1  # rate-limited
    with Store.open(tmp_path / "booth.sqlite", min_free_mb=0) as store:
        assert not store.health().low_space and store.health().message is None


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/x"), StoreFullError),
        (OSError(errno.EDQUOT, os.strerror(errno.EDQUOT)), StoreFullError),
        (OSError(errno.EIO, os.strerror(errno.EIO), "/x"), StoreIOError),
        (OSError(errno.EROFS, os.strerror(errno.EROFS)), StoreIOError),
        (OSError(errno.ENOENT, os.strerror(errno.ENOENT)), None),
        (ValueError("a bug"), None),
    ],
)
def test_os_errors_map_to_known_errors_and_bugs_stay_bugs(exc: BaseException, expected: type | None) -> None:
    known = translate(exc)
    assert (type(known) if known else None) is expected
