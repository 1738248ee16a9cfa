"""A hostile or broken central side: each attack is refused with a clear reason, nothing is lost,
and the booth's credentials never travel anywhere else."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
import trustme

from sync.client import ClientSettings, SyncClient
from sync.errors import (
    ConfigurationError,
    DeadlineError,
    ProtocolError,
    RateLimitedError,
    ServerError,
    SyncError,
    TLSError,
)
from sync.lists import ListVerifier, generate_key, load_private_key, sign_list
from sync.transport import LinkSettings, Timeouts
from tests.helpers.central_server import TLSFiles
from tests.helpers.hostile_server import HostileServer, SeenRequest, free_loopback_alias, reply
from tests.sync.conftest import Keys, apply_test_list, list_items, open_booth

TOKEN = "booth-secret-token"


@pytest.fixture
def booth(tmp_path: Path) -> Path:
    path = tmp_path / "booth.sqlite"
    store = open_booth(path)
    store.append("inspection", {"n": 1})
    store.close()
    return path


@pytest.fixture
def servers() -> Iterator[list[HostileServer]]:
    started: list[HostileServer] = []
    yield started
    for server in started:
        server.close()


def _client(
    db: Path, url: str, *, ca: Path | None = None, keys: Keys | None = None, **timeouts: float
) -> SyncClient:
    link = LinkSettings(
        url=url,
        token=TOKEN,
        ca_file=str(ca) if ca else "",
        timeouts=Timeouts(**{"connect": 2.0, "read": 5.0, "total": 10.0, **timeouts}),
        max_response_bytes=1024 * 1024,
    )
    return SyncClient(
        db,
        link,
        ClientSettings(booth_id="B01", list_kinds=("persons",)),
        verifier=ListVerifier(keys.public, "B01") if keys else None,
        apply_list=apply_test_list if keys else None,
    )


def _assert_nothing_lost(client: SyncClient, reason: str) -> None:
    status = client.status()
    assert status.backlog == 1, "the record must stay queued"
    assert status.last_error is not None and reason in status.last_error


def test_a_huge_body_is_cut_off_at_the_size_cap(booth: Path, servers: list[HostileServer]) -> None:
    def flood(_: SeenRequest, out: BinaryIO) -> None:
        out.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
        for _ in range(64):  # 64 MB, no length announced
            out.write(b"[" * (1024 * 1024))

    servers.append(HostileServer(flood))
    client = _client(booth, servers[0].url)
    with pytest.raises(ProtocolError, match="exceeds 1048576 bytes"):
        client.sync_once()
    _assert_nothing_lost(client, "exceeds")
    client.close()


def test_an_announced_huge_body_is_refused_before_reading(booth: Path, servers: list[HostileServer]) -> None:
    huge = HostileServer(lambda _, out: out.write(b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n{"))
    servers.append(huge)
    client = _client(booth, huge.url)
    with pytest.raises(ProtocolError, match="too large"):
        client.sync_once()
    _assert_nothing_lost(client, "too large")
    client.close()


def test_a_body_dripping_one_byte_a_second_is_cut_off_by_the_deadline(
    booth: Path, servers: list[HostileServer]
) -> None:
    def drip(_: SeenRequest, out: BinaryIO) -> None:
        out.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
        out.flush()
        for _ in range(30):
            out.write(b" ")
            out.flush()
            time.sleep(1.0)

    servers.append(HostileServer(drip))
    client = _client(
        booth, servers[0].url, read=3.0, total=2.5
    )  # each byte comes well within the read timeout
    started = time.monotonic()
    with pytest.raises(DeadlineError, match=r"longer than 2\.5 s"):
        client.sync_once()
    assert time.monotonic() - started < 5.0
    _assert_nothing_lost(client, "longer than")
    client.close()


def test_a_redirect_to_another_host_is_not_followed_and_the_token_stays_home(
    booth: Path, servers: list[HostileServer]
) -> None:
    elsewhere = HostileServer(reply(200, b'{"results": []}'), host=free_loopback_alias())
    servers.append(elsewhere)
    redirect = HostileServer(reply(307, b"", {"Location": f"{elsewhere.url}/v1/events"}))
    servers.append(redirect)
    client = _client(booth, redirect.url)
    with pytest.raises(ProtocolError, match="redirect"):
        client.sync_once()
    assert redirect.seen and redirect.seen[0].headers.get("Authorization") == f"Bearer {TOKEN}"
    assert elsewhere.seen == []  # not a single request, so no token either
    _assert_nothing_lost(client, "redirect")
    client.close()


def test_an_untrusted_certificate_is_refused(
    booth: Path, servers: list[HostileServer], tmp_path: Path
) -> None:
    pinned = TLSFiles.make(tmp_path / "pinned")
    impostor = TLSFiles.make(tmp_path / "impostor")  # a valid certificate, from a CA the booth does not pin
    server = HostileServer(reply(200, b"{}"), cert_chain=impostor.server_cert, key=impostor.server_key)
    servers.append(server)
    client = _client(booth, server.url, ca=pinned.ca_file)
    with pytest.raises(TLSError, match="certificate verify failed"):
        client.sync_once()
    assert server.seen == []  # the handshake failed: no request, no token
    _assert_nothing_lost(client, "certificate")
    client.close()


def test_an_expired_certificate_is_refused(booth: Path, servers: list[HostileServer], tmp_path: Path) -> None:
    ca = trustme.CA()
    now = dt.datetime.now(dt.UTC)
    expired = ca.issue_cert(
        "127.0.0.1", not_before=now - dt.timedelta(days=30), not_after=now - dt.timedelta(days=1)
    )
    chain, key, ca_file = tmp_path / "chain.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    chain.write_bytes(b"".join(blob.bytes() for blob in expired.cert_chain_pems))
    expired.private_key_pem.write_to_path(str(key))
    ca.cert_pem.write_to_path(str(ca_file))
    server = HostileServer(reply(200, b"{}"), cert_chain=chain, key=key)
    servers.append(server)
    client = _client(booth, server.url, ca=ca_file)
    with pytest.raises(TLSError, match="expired"):
        client.sync_once()
    _assert_nothing_lost(client, "expired")
    client.close()


def test_server_errors_and_rate_limits_are_retryable(booth: Path, servers: list[HostileServer]) -> None:
    servers.append(HostileServer(reply(503, b'{"detail": "maintenance"}')))
    servers.append(HostileServer(reply(429, b"{}", {"Retry-After": "42"})))
    failing = _client(booth, servers[0].url)
    with pytest.raises(ServerError, match="maintenance"):
        failing.sync_once()
    failing.close()
    limited = _client(booth, servers[1].url)
    with pytest.raises(RateLimitedError) as caught:
        limited.sync_once()
    assert caught.value.retry_after == 42
    _assert_nothing_lost(limited, "wait")
    limited.close()


def test_a_reply_that_does_not_account_for_the_events_acks_nothing(
    booth: Path, servers: list[HostileServer]
) -> None:
    servers.append(
        HostileServer(reply(200, json.dumps({"results": [{"event_id": "x", "status": "accepted"}]}).encode()))
    )
    client = _client(booth, servers[0].url)
    with pytest.raises(ProtocolError, match="does not match"):
        client.sync_once()
    _assert_nothing_lost(client, "does not match")
    client.close()


# --- hostile lists ---------------------------------------------------------------------------------


def _serve_lists(servers: list[HostileServer], *envelopes: dict[str, str]) -> str:
    body = json.dumps({"envelopes": list(envelopes)}).encode()
    server = HostileServer(reply(200, body))
    servers.append(server)
    return server.url


@pytest.fixture
def held_v5(tmp_path: Path, keys: Keys, servers: list[HostileServer]) -> Path:
    """A booth holding persons version 5 (items A, B), applied through a list server."""
    path = tmp_path / "lists.sqlite"
    open_booth(path).close()
    good = sign_list(
        keys.private, kind="persons", version=5, records=[{"item": "A"}, {"item": "B"}], booth="B01"
    )
    client = _client(path, _serve_lists(servers, good), keys=keys)
    assert client.sync_once().lists_applied == ["persons v5"]
    client.close()
    return path


def _pull(path: Path, keys: Keys, url: str) -> SyncClient:
    client = _client(path, url, keys=keys)
    report = client.sync_once()
    assert report.lists_applied == []
    return client


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda k: sign_list(k, kind="persons", version=4, records=[{"item": "OLD"}]), "not newer"),
        (lambda k: sign_list(k, kind="persons", version=5, records=[{"item": "REPLAY"}]), "not newer"),
        (
            lambda k: sign_list(k, kind="persons", version=9, records=[{"item": "X"}], booth="B02"),
            "booth B02",
        ),
        (lambda k: sign_list(k, kind="documents", version=9, records=[{"item": "X"}]), "is a documents list"),
        (
            lambda k: sign_list(
                k, kind="persons", version=9, records=[{"item": "X"}], delta=True, base_version=3
            ),
            "applies to version 3",
        ),
        (
            lambda k: sign_list(
                load_private_key(generate_key()[0]), kind="persons", version=9, records=[{"item": "FORGED"}]
            ),
            "signature does not verify",
        ),
        (
            lambda k: {
                **(e := sign_list(k, kind="persons", version=9, records=[{"item": "A"}])),
                "body": e["body"].replace('"A"', '"EVIL"'),
            },
            "signature does not verify",
        ),
    ],
    ids=["rollback", "replay", "other-booth", "other-kind", "delta-gap", "wrong-key", "tampered"],
)
def test_a_bad_list_is_refused_and_the_held_list_stays_whole(
    held_v5: Path, keys: Keys, servers: list[HostileServer], make: object, reason: str
) -> None:
    envelope = make(keys.private)  # type: ignore[operator]
    client = _pull(held_v5, keys, _serve_lists(servers, envelope))
    status = client.status()
    assert status.lists["persons"][0] == 5
    assert status.last_error is not None and reason in status.last_error
    assert list_items(held_v5, "persons") == ["A", "B"]
    client.close()


def test_errors_are_sync_errors_with_plain_reasons() -> None:
    with pytest.raises(SyncError, match="not an https"):
        LinkSettings(url="ftp://x")  # settings alone are inert
        SyncClient(":memory:", LinkSettings(url="ftp://central.example"), ClientSettings(booth_id="B"))
    with pytest.raises(SyncError, match="plain http to another machine"):
        SyncClient(":memory:", LinkSettings(url="http://central.example"), ClientSettings(booth_id="B"))


def test_a_missing_ca_file_is_a_configuration_error_with_the_path(booth: Path, tmp_path: Path) -> None:
    client = _client(booth, "https://127.0.0.1:9", ca=tmp_path / "no-such-ca.pem")
    with pytest.raises(ConfigurationError, match="TLS files"):
        client.sync_once()
    _assert_nothing_lost(client, "no-such-ca.pem")
    client.close()


def test_a_server_offering_only_tls_1_1_is_refused(
    booth: Path, servers: list[HostileServer], tmp_path: Path
) -> None:
    pki = TLSFiles.make(tmp_path / "pki")
    server = HostileServer(
        reply(200, b"{}"), cert_chain=pki.server_cert, key=pki.server_key, tls_version="1.1"
    )
    servers.append(server)
    client = _client(booth, server.url, ca=pki.ca_file)
    with pytest.raises(TLSError):
        client.sync_once()
    assert server.seen == []
    _assert_nothing_lost(client, "secure connection")
    client.close()


def test_headers_dripping_one_byte_a_second_are_cut_off_by_the_deadline(
    booth: Path, servers: list[HostileServer]
) -> None:
    def drip_headers(_: SeenRequest, out: BinaryIO) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 60:
            out.write(bytes([byte]))
            out.flush()
            time.sleep(1.0)

    servers.append(HostileServer(drip_headers))
    client = _client(booth, servers[0].url, read=3.0, total=2.5)
    started = time.monotonic()
    with pytest.raises(DeadlineError, match=r"longer than 2\.5 s"):
        client.sync_once()
    assert time.monotonic() - started < 5.0
    _assert_nothing_lost(client, "longer than")
    client.close()
