"""The store survives SIGKILL at any moment: a child saving inspections (three images each) is
killed at random times, at least 200 times. After each kill the store is reopened (running crash
recovery) and checked: ``PRAGMA integrity_check`` is ok, every inspection the child reported as saved
is there with its outbox event, its images (byte for byte) and its audit entry, the audit chain and
its head file agree, and there are no orphan files or rows.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from station import audit
from station.store import Store
from station.store.anchor import head_file_path

ROOT = Path(__file__).resolve().parents[3]
KILLS = 200


def _read_line(proc: subprocess.Popen[bytes]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline().decode()
    if not line:
        raise AssertionError("the crash child exited unexpectedly")
    return line.rstrip("\n")


def _record_saved(line: str, saved: dict[str, list[str]]) -> str:
    word, record_id, digests = line.split()
    assert word == "saved", line
    saved[record_id] = digests.split(",")
    return record_id


def _check(store: Store, saved: dict[str, list[str]], fresh: list[str]) -> None:
    report = store.check()
    assert report.sqlite == "ok"
    assert report.missing_files == [] and report.orphan_files == [], report
    assert report.records_without_event == []
    with store.read() as conn:
        events = {r[0] for r in conn.execute("SELECT event_id FROM outbox WHERE kind = 'inspection'")}
        files = conn.execute("SELECT COUNT(*) FROM outbox_files").fetchone()[0]
        images = conn.execute("SELECT COUNT(*) FROM images").fetchone()[0]
        records = {r[0] for r in conn.execute("SELECT record_id FROM records")}
    assert events == records  # no event without its record, no record without its event
    assert files == images == 3 * len(records)  # no image row without its file entry and vice versa
    assert set(saved) <= records, "a record reported as saved is missing"
    with store.read() as conn:
        chain = audit.verify(conn, head_file_path(store.path))
        decided = {
            r[0] for r in conn.execute("SELECT target FROM audit_log WHERE action = 'inspection.decision'")
        }
    assert chain.ok, chain.summary()
    assert decided == records  # each record's audit entry committed with it, never apart
    for record_id in fresh:
        stored = store.images_of(record_id)
        digests = [
            hashlib.sha256(store.image_bytes(record_id, name)).hexdigest() for name in ("white", "ir", "uv")
        ]
        assert digests == saved[record_id]
        assert [stored[name].sha256 for name in ("white", "ir", "uv")] == saved[record_id]


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "booth.sqlite"
    Store.open(db).close()  # create the schema once, so kills land in saves rather than migrations
    rng = random.Random(20261123)
    saved: dict[str, list[str]] = {}
    killed_with_leftovers = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_child", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None
    started = time.monotonic()
    try:
        for kill in range(KILLS):
            proc.stdin.write(f"run {kill}\n".encode())
            proc.stdin.flush()
            line = _read_line(proc)
            assert line.startswith("pid "), line
            pid = int(line.split()[1])
            fresh: list[str] = []
            # Kill after a random number of saves plus a random fraction of the next one: the kill
            # lands anywhere in open, image writes, rename, commit, whatever the machine's load.
            for _ in range(rng.choice((0, 0, 1, 2, 3))):
                fresh.append(_record_saved(_read_line(proc), saved))
            time.sleep(rng.uniform(0.0, 0.006))
            os.kill(pid, signal.SIGKILL)
            while not (line := _read_line(proc)).startswith("reaped "):
                fresh.append(_record_saved(line, saved))
            with Store.open(db, recover=False) as store:
                if store.check().orphan_files:
                    killed_with_leftovers += 1
            with Store.open(db) as store:
                _check(store, saved, fresh)
        with Store.open(db) as store:
            _check(store, saved, list(saved))
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {len(saved)} saved, {killed_with_leftovers} kills mid-save, {elapsed:.1f} s")
    assert len(saved) >= KILLS // 2, "the child saved too little to make the test meaningful"
    assert killed_with_leftovers > 0, "no kill landed between writing the images and the commit"
