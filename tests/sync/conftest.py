"""Fixtures for sync tests: a real booth store, a real central server subprocess, a test PKI and keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from station.store import Store
from sync.client import ClientSettings, SyncClient
from sync.lists import ListVerifier, generate_key, load_private_key, load_public_key
from sync.transport import LinkSettings, Timeouts
from tests.helpers.central_server import CentralServer, TLSFiles

TEST_LIST_DDL = (
    "CREATE TABLE IF NOT EXISTS test_list (kind TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (kind, item))"
)


TEST_TIMEOUTS = Timeouts(connect=5, read=10, total=30)


def apply_test_list(
    conn: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
) -> None:
    """The apply callback of the tests: a full snapshot replaces, a delta adds/removes items."""
    if not delta:
        conn.execute("DELETE FROM test_list WHERE kind = ?", (kind,))
    for record in records:
        item = record["item"] if isinstance(record, dict) and "item" in record else str(record)
        if isinstance(record, dict) and record.get("op") == "remove":
            conn.execute("DELETE FROM test_list WHERE kind = ? AND item = ?", (kind, item))
        else:
            conn.execute("INSERT OR REPLACE INTO test_list (kind, item) VALUES (?, ?)", (kind, item))


def open_booth(path: Path) -> Store:
    store = Store.open(path)
    with store.transaction() as conn:
        conn.execute(TEST_LIST_DDL)
    return store


def list_items(path: Path, kind: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [
            r[0] for r in conn.execute("SELECT item FROM test_list WHERE kind = ? ORDER BY item", (kind,))
        ]


class Keys:
    def __init__(self, directory: Path) -> None:
        private, public = generate_key()
        self.private_path = directory / "list.key"
        self.public_path = directory / "list.pub"
        self.private_path.write_bytes(private)
        self.public_path.write_bytes(public)
        self.private = load_private_key(private)
        self.public = load_public_key(public)


@pytest.fixture(scope="module")
def module_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("central")


@pytest.fixture(scope="module")
def keys(module_dir: Path) -> Keys:
    return Keys(module_dir)


@pytest.fixture(scope="module")
def tls(module_dir: Path) -> TLSFiles:
    return TLSFiles.make(module_dir / "pki")


@pytest.fixture(scope="module")
def central(module_dir: Path, tls: TLSFiles, keys: Keys) -> Iterator[CentralServer]:
    """One HTTPS central server per test module (starting one costs about a second)."""
    server = CentralServer(module_dir / "server", tls=tls, list_key=keys.private_path, faults=True).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain_central(module_dir: Path, keys: Keys) -> Iterator[CentralServer]:
    """A plain-HTTP loopback server with test faults enabled (fault tests need speed, not TLS)."""
    server = CentralServer(module_dir / "plain", list_key=keys.private_path, faults=True).start()
    yield server
    server.stop()


def make_client(
    db: Path,
    server: CentralServer,
    token: str,
    *,
    booth_id: str,
    keys: Keys | None = None,
    tls: TLSFiles | None = None,
    batch_size: int = 200,
    chunk_size: int = 64 * 1024,
    timeouts: Timeouts = TEST_TIMEOUTS,
    list_kinds: tuple[str, ...] = ("persons", "alerts"),
    client_cert: bool = False,
) -> SyncClient:
    link = LinkSettings(
        url=server.url,
        token=token,
        ca_file=str(tls.ca_file) if tls else "",
        client_cert=str(tls.client_cert) if tls and client_cert else "",
        timeouts=timeouts,
    )
    return SyncClient(
        db,
        link,
        ClientSettings(
            booth_id=booth_id, batch_size=batch_size, chunk_size=chunk_size, list_kinds=list_kinds
        ),
        verifier=ListVerifier(keys.public, booth_id) if keys else None,
        apply_list=apply_test_list if keys else None,
    )
