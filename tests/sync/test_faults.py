"""Fault tests: each ends with every record on the server exactly once, and the queue drained.

The station is killed (SIGKILL) at random points while it saves and syncs; the server is killed and
restarted; the server commits a batch and drops the reply; the link is cut while thousands of
records queue up, then healed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import select
import signal
import sqlite3
import time
import traceback
from pathlib import Path

import pytest

from station.store import Store
from sync.client import Backoff, ClientSettings, SyncClient, SyncWorker
from sync.errors import NetworkError, SyncError
from sync.server.storage import open_storage
from sync.transport import LinkSettings, Timeouts
from tests.helpers.central_server import CentralServer

KILL_ROUNDS = int(os.environ.get("SYNC_KILL_ROUNDS", "200"))


def _client(db: Path, server: CentralServer, token: str, booth: str, batch_size: int = 50) -> SyncClient:
    link = LinkSettings(url=server.url, token=token, timeouts=Timeouts(connect=2, read=10, total=20))
    return SyncClient(db, link, ClientSettings(booth_id=booth, batch_size=batch_size, chunk_size=4096))


def _records(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT record_id FROM records ORDER BY seq")]


def _drain(client: SyncClient, attempts: int = 50) -> None:
    for _ in range(attempts):
        try:
            client.sync_once()
        except SyncError:
            time.sleep(0.1)
            continue
        status = client.status()
        if status.backlog == 0 and status.pending_files == 0:
            return
    raise AssertionError(f"the queue did not drain: {client.status()}")


def _assert_exactly_once(server: CentralServer, booth: str, db: Path) -> None:
    records = _records(db)
    on_server = server.event_ids(booth)
    assert len(on_server) == len(set(on_server)), "a record arrived twice"
    assert on_server == records, "the server must hold every record, once, in the booth's order"


def _assert_files_complete(server: CentralServer, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        files = conn.execute("SELECT event_id, name, sha256 FROM outbox_files").fetchall()
    storage = open_storage(server.db)
    try:
        for event_id, name, sha in files:
            data = storage.read_file(event_id, name)
            assert data is not None and hashlib.sha256(data).hexdigest() == sha
    finally:
        storage.close()


def _save_and_sync_forever(
    db: Path, server: CentralServer, token: str, booth: str, *, seed: int, ready: int
) -> None:
    """The child: save records (some with an image) and sync, until it is killed."""
    rng = random.Random(seed)
    store = Store.open(db)
    client = _client(db, server, token, booth, batch_size=7)
    os.write(ready, b"!")  # the kill must land in the work, not in start-up
    n = 0
    while True:
        for _ in range(rng.randint(1, 4)):
            n += 1
            images = {"white": rng.randbytes(rng.randint(1, 20_000))} if n % 5 == 0 else {}
            store.append("inspection", {"seed": seed, "n": n}, images=images)
        with contextlib.suppress(SyncError):
            client.sync_once()


@pytest.mark.slow
def test_station_killed_at_random_points_during_save_and_sync(
    tmp_path: Path, plain_central: CentralServer
) -> None:
    db = tmp_path / "booth.sqlite"
    Store.open(db).close()
    token = plain_central.add_booth("KILL")
    rng = random.Random(1234)
    for round_no in range(KILL_ROUNDS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns; it is killed
            try:
                os.close(read_end)
                _save_and_sync_forever(db, plain_central, token, "KILL", seed=round_no, ready=write_end)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(3)
        os.close(write_end)
        ready, _, _ = select.select([read_end], [], [], 30)
        os.close(read_end)
        assert ready, f"round {round_no}: the child did not start"
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), f"round {round_no}: the child ended on its own ({status})"
    Store.open(db).close()  # crash recovery, as the next start of the station would do
    client = _client(db, plain_central, token, "KILL")
    _drain(client)
    client.close()
    assert len(_records(db)) > KILL_ROUNDS // 2  # the rounds did real work
    _assert_exactly_once(plain_central, "KILL", db)
    _assert_files_complete(plain_central, db)


def test_server_killed_and_restarted_mid_drain(tmp_path: Path) -> None:
    server = CentralServer(tmp_path / "server").start()
    try:
        token = server.add_booth("RESTART")
        db = tmp_path / "booth.sqlite"
        store = Store.open(db)
        with store.transaction():
            for n in range(600):
                store.append("inspection", {"n": n})
        store.close()
        client = _client(db, server, token, "RESTART", batch_size=20)
        worker = SyncWorker(client, backoff=Backoff(base=0.05, cap=0.3), idle_interval=0.05)
        worker.start()
        deadline = time.monotonic() + 30
        while client.status().backlog > 450 and time.monotonic() < deadline:
            time.sleep(0.005)
        server.kill()  # SIGKILL in the middle of the drain
        time.sleep(0.3)
        server.start()
        while client.status().backlog and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.stop()
        client.close()
        _assert_exactly_once(server, "RESTART", db)
    finally:
        server.stop()


def test_server_commits_a_batch_and_drops_the_reply(tmp_path: Path, plain_central: CentralServer) -> None:
    token = plain_central.add_booth("DROP")
    db = tmp_path / "booth.sqlite"
    store = Store.open(db)
    for n in range(100):
        store.append("inspection", {"n": n}, images={"white": bytes([n]) * 5000} if n % 10 == 0 else {})
    store.close()
    plain_central.set_faults(drop_event_replies=3)
    client = _client(db, plain_central, token, "DROP", batch_size=30)
    failures = 0
    duplicates = 0
    for _ in range(20):
        try:
            duplicates += client.sync_once().duplicates
        except NetworkError:
            failures += 1
            continue
        if client.status().backlog == 0:
            break
    client.close()
    assert failures == 3  # three replies lost after commit...
    assert duplicates > 0  # ...so the re-sent batches were recognised as held
    _assert_exactly_once(plain_central, "DROP", db)
    _assert_files_complete(plain_central, db)


def test_a_long_network_cut_with_thousands_queued_then_healed_drains(tmp_path: Path) -> None:
    server = CentralServer(tmp_path / "server").start()
    try:
        token = server.add_booth("CUT")
        db = tmp_path / "booth.sqlite"
        store = Store.open(db)
        server.stop()  # the link is down from the start
        client = _client(db, server, token, "CUT", batch_size=500)
        rounds: list[str] = []
        worker = SyncWorker(
            client,
            backoff=Backoff(base=0.02, cap=0.2),
            idle_interval=0.05,
            on_round=lambda report, error: rounds.append("ok" if error is None else type(error).__name__),
        )
        worker.start()
        for batch in range(5):  # the booth keeps working: 5000 records while cut off
            with store.transaction():
                for n in range(1000):
                    store.append("inspection", {"batch": batch, "n": n})
        store.close()
        deadline = time.monotonic() + 10
        while rounds.count("NetworkError") < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        status = client.status()
        assert status.backlog == 5000 and status.last_error and "cannot reach" in status.last_error
        server.start()  # healed: same address
        deadline = time.monotonic() + 90
        while client.status().backlog and time.monotonic() < deadline:
            time.sleep(0.1)
        worker.stop()
        status = client.status()
        client.close()
        assert status.backlog == 0 and status.last_error is None and status.last_success
        _assert_exactly_once(server, "CUT", db)
    finally:
        server.stop()
