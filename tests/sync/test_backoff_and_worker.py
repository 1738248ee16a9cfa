"""Back-off with jitter (injected randomness), Retry-After within a bound, and the worker's loop."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from station.store import Store
from sync.client import Backoff, ClientSettings, SyncClient, SyncReport, SyncWorker
from sync.errors import AuthenticationError, NetworkError, RateLimitedError, SyncError
from sync.transport import LinkSettings, parse_retry_after
from tests.helpers.central_server import CentralServer


def test_delays_grow_exponentially_with_full_jitter_up_to_the_cap() -> None:
    backoff = Backoff(base=1.0, cap=20.0, rand=lambda: 1.0)
    assert [backoff.next_delay(NetworkError("x")) for _ in range(7)] == [1, 2, 4, 8, 16, 20, 20]
    jittered = Backoff(base=1.0, cap=20.0, rand=lambda: 0.25)
    assert [jittered.next_delay(NetworkError("x")) for _ in range(3)] == [0.25, 0.5, 1.0]
    backoff.reset()
    assert backoff.next_delay(NetworkError("x")) == 1


def test_retry_after_is_honoured_within_a_bound() -> None:
    backoff = Backoff(max_retry_after=600, rand=lambda: 0.0)
    assert backoff.next_delay(RateLimitedError("wait", 42)) == 42
    assert backoff.next_delay(RateLimitedError("wait", 86_400)) == 600
    assert backoff.next_delay(RateLimitedError("wait", None)) == 0.0  # no header: ordinary back-off


def test_a_final_link_error_waits_long_but_is_retried() -> None:
    backoff = Backoff(cap=300, rand=lambda: 0.0)
    assert backoff.next_delay(AuthenticationError("refused")) == 150


def test_retry_after_header_forms() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Thu, 01 Jan 2026 00:01:00 GMT", now) == 60
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_the_worker_backs_off_then_drains_when_woken(tmp_path: Path) -> None:
    server = CentralServer(tmp_path / "server")
    db = tmp_path / "booth.sqlite"
    store = Store.open(db)
    store.append("inspection", {"n": 1})
    store.close()
    server.start()
    token = server.add_booth("W")
    server.stop()
    client = SyncClient(db, LinkSettings(url=server.url, token=token), ClientSettings(booth_id="W"))
    outcomes: list[SyncError | None] = []
    done = threading.Event()

    def on_round(report: SyncReport | None, error: SyncError | None) -> None:
        outcomes.append(error)
        if error is None:
            done.set()

    worker = SyncWorker(client, backoff=Backoff(base=3600, cap=3600, rand=lambda: 1.0), on_round=on_round)
    worker.start()
    try:
        while not outcomes:
            threading.Event().wait(0.02)
        assert isinstance(outcomes[0], NetworkError) and worker.next_delay == 3600
        server.start()
        worker.wake()  # "sync now" cuts the hour-long wait short
        assert done.wait(20)
        assert client.status().backlog == 0
    finally:
        worker.stop()
        client.close()
        server.stop()
