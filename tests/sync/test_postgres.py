"""The central server on a real PostgreSQL, with TWO server processes sharing it (as behind a load
balancer): de-duplication, ordering, file chunks, lists and alerts hold across processes."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from station.store import Store
from sync.client import ClientSettings, SyncClient
from sync.errors import NetworkError, SyncError
from sync.lists import ListVerifier, sign_list
from sync.server.storage import open_storage
from sync.transport import LinkSettings, Reply, Transport
from tests.helpers.central_server import CentralServer
from tests.helpers.postgres import PostgresCluster, missing_reason
from tests.sync.conftest import Keys, apply_test_list, list_items, open_booth

pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")


@pytest.fixture(scope="module")
def cluster() -> Iterator[PostgresCluster]:
    pg = PostgresCluster().start()
    yield pg
    pg.stop()


@pytest.fixture
def pair(
    cluster: PostgresCluster, tmp_path: Path, keys: Keys, request: pytest.FixtureRequest
) -> Iterator[list[CentralServer]]:
    """Two server processes on one fresh PostgreSQL database."""
    url = cluster.create_database(request.node.name.lower().replace("[", "_").replace("]", "")[:60])
    servers = [
        CentralServer(tmp_path / f"s{i}", db=url, list_key=keys.private_path, faults=True).start()
        for i in (1, 2)
    ]
    yield servers
    for server in servers:
        server.stop()


class RoundRobin(Transport):
    """The real transport, sending each request to the next server: a load balancer in one class."""

    def __init__(self, settings: LinkSettings, urls: list[str]) -> None:
        super().__init__(settings)
        self.urls = urls
        self.turn = 0

    def request(self, method: str, path: str, **kwargs: object) -> Reply:  # type: ignore[override]
        self.base_url = self.urls[self.turn % len(self.urls)]
        self.turn += 1
        return super().request(method, path, **kwargs)  # type: ignore[arg-type]


def _client(
    db: Path,
    servers: list[CentralServer],
    token: str,
    booth: str,
    *,
    keys: Keys | None = None,
    batch_size: int = 25,
) -> SyncClient:
    settings = LinkSettings(url=servers[0].url, token=token)
    return SyncClient(
        db,
        RoundRobin(settings, [s.url for s in servers]),
        ClientSettings(
            booth_id=booth, batch_size=batch_size, chunk_size=8192, list_kinds=("persons", "alerts")
        ),
        verifier=ListVerifier(keys.public, booth) if keys else None,
        apply_list=apply_test_list if keys else None,
    )


def _records(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        return [r.record_id for r in store.records()]
    finally:
        store.close()


def test_two_servers_share_dedup_order_and_files(pair: list[CentralServer], tmp_path: Path) -> None:
    token = pair[0].add_booth("PG1")
    db = tmp_path / "booth.sqlite"
    store = open_booth(db)
    image = hashlib.sha256(b"pg").digest() * 2000  # 64 kB over 8 chunks, alternating servers
    for n in range(200):
        store.append("inspection", {"n": n}, images={"white": image} if n % 50 == 0 else {})
    store.close()
    client = _client(db, pair, token, "PG1")
    report = client.sync_once()
    assert (report.accepted, report.files_done) == (200, 4)
    ids = pair[1].event_ids("PG1")
    assert ids == _records(db)
    # the same events again, through the other server: duplicates, still one copy
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE outbox SET state = 'pending'")
    client.transport.turn = 1  # type: ignore[attr-defined]
    assert client.sync_once().duplicates == 200
    assert pair[0].event_ids("PG1") == ids
    storage = open_storage(pair[0].db)
    try:
        assert storage.read_file(ids[0], "white") == image
    finally:
        storage.close()
    client.close()


def test_many_booths_at_once_through_both_servers(pair: list[CentralServer], tmp_path: Path) -> None:
    booths = [f"PGB{i}" for i in range(6)]
    tokens = {b: pair[0].add_booth(b) for b in booths}
    errors: list[BaseException] = []

    def run(booth: str) -> None:
        try:
            db = tmp_path / f"{booth}.sqlite"
            store = Store.open(db)
            with store.transaction():
                for n in range(150):
                    store.append("inspection", {"booth": booth, "n": n})
            store.close()
            client = _client(db, pair, tokens[booth], booth, batch_size=10)
            client.sync_once()
            client.close()
            assert pair[0].event_ids(booth) == _records(db)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(b,)) for b in booths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    assert len(pair[1].event_ids()) == 6 * 150


def test_a_dropped_reply_and_a_killed_server_on_postgres(pair: list[CentralServer], tmp_path: Path) -> None:
    token = pair[0].add_booth("PGF")
    db = tmp_path / "booth.sqlite"
    store = Store.open(db)
    with store.transaction():
        for n in range(300):
            store.append("inspection", {"n": n})
    store.close()
    pair[0].set_faults(drop_event_replies=2)
    pair[1].set_faults(drop_event_replies=2)
    client = _client(db, pair, token, "PGF", batch_size=20)
    failures = 0
    for attempt in range(40):
        if attempt == 3:
            pair[1].kill()  # one server dies: the balancer's other half carries on...
        if attempt == 6:
            pair[1].start()  # ...and it comes back
        try:
            client.sync_once()
        except (NetworkError, SyncError):
            failures += 1
            continue
        if client.status().backlog == 0:
            break
    client.close()
    assert failures >= 4
    ids = pair[0].event_ids("PGF")
    assert ids == _records(db) and len(set(ids)) == 300


def test_lists_and_alerts_through_either_server(
    pair: list[CentralServer], tmp_path: Path, keys: Keys
) -> None:
    storage = open_storage(pair[0].db)
    try:
        envelope = sign_list(keys.private, kind="persons", version=1, records=[{"item": "PG-PERSON"}])
        import json

        storage.publish_list(
            kind="persons",
            booth="*",
            version=1,
            base_version=None,
            delta=False,
            envelope=json.dumps(envelope),
        )
    finally:
        storage.close()
    token_a, token_b = pair[0].add_booth("PGA"), pair[0].add_booth("PGZ")
    db_a, db_b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    open_booth(db_b).close()
    store = open_booth(db_a)
    alert = store.append("alert", {"reason": "watchlist hit"})
    store.close()
    client_a = _client(db_a, pair, token_a, "PGA", keys=keys)
    client_a.sync_once()
    client_b = _client(db_b, pair, token_b, "PGZ", keys=keys)
    client_b.sync_once()
    assert list_items(db_b, "persons") == ["PG-PERSON"]
    assert any(alert in item for item in list_items(db_b, "alerts"))
    health = requests.get(f"{pair[1].url}/v1/health", timeout=5).json()
    assert health["database"] == "postgresql"
    client_a.close()
    client_b.close()
