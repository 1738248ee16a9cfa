"""Bad input to the central server: garbage batches, chunks and list requests get a clear 4xx (or a
per-event rejection), never a 5xx, and never store anything half-way."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.server.storage import Storage, open_storage
from tests.helpers.central_server import CentralServer

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
EVENT = st.fixed_dictionaries(
    {
        "event_id": st.one_of(st.text(max_size=120), st.integers()),
        "seq": st.one_of(st.integers(), st.text(max_size=5)),
        "kind": st.one_of(st.sampled_from(["inspection", "alert", "decision.v2"]), st.text(max_size=70)),
        "payload": st.one_of(st.dictionaries(st.text(max_size=5), JSON, max_size=3), JSON),
        "created_at": st.text(max_size=30),
    }
)


class Client:
    """requests against the real server subprocess, with the booth's token and the base URL."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, self.url + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, Storage, str]]:
    central = CentralServer(tmp_path_factory.mktemp("input")).start()
    token = central.add_booth("FUZZ")
    storage = open_storage(central.db)
    client = Client(central.url, token)
    yield client, storage, token
    client.session.close()
    storage.close()
    central.stop()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(body=st.one_of(JSON, st.fixed_dictionaries({"events": st.lists(EVENT, max_size=5)})))
def test_garbage_batches_never_crash_the_server(server: tuple[Client, Storage, str], body: Any) -> None:
    client, storage, _ = server
    before = len(storage.event_ids())
    reply = client.post("/v1/events", json=body)
    assert reply.status_code in (200, 422), reply.text
    if reply.status_code == 422:
        assert len(storage.event_ids()) == before  # nothing stored from a refused batch
        return
    results = reply.json()["results"]
    assert len(results) == len(body["events"])
    assert {r["status"] for r in results} <= {"accepted", "duplicate", "rejected"}
    assert all(r["reason"] for r in results if r["status"] == "rejected")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(
    offset=st.integers(min_value=-5, max_value=50),
    data=st.binary(max_size=40),
    size=st.integers(min_value=-1, max_value=60),
    sha=st.one_of(st.just("0" * 64), st.text(max_size=70)),
    name=st.one_of(st.just("white"), st.text(max_size=20)),
)
def test_garbage_chunks_get_a_clear_refusal(
    server: tuple[Client, Storage, str], *, offset: int, data: bytes, size: int, sha: str, name: str
) -> None:
    client, storage, _ = server
    storage.store_events(
        "FUZZ", [{"event_id": "chunky", "seq": 1, "kind": "inspection", "payload": {}, "created_at": "t"}]
    )
    try:
        headers = {"X-File-Size": str(size), "X-File-Sha256": sha}
        reply = client.put(f"/v1/files/chunky/{name}", params={"offset": offset}, data=data, headers=headers)
    except (UnicodeEncodeError, ValueError, requests.exceptions.InvalidHeader):
        return  # not expressible as an HTTP request at all
    assert reply.status_code < 500, reply.text


def test_a_complete_file_with_the_wrong_hash_is_discarded_and_can_be_sent_again(
    server: tuple[Client, Storage, str], tmp_path: Path
) -> None:
    client, storage, _ = server
    storage.store_events(
        "FUZZ", [{"event_id": "hashy", "seq": 2, "kind": "inspection", "payload": {}, "created_at": "t"}]
    )
    data = b"genuine image bytes"
    claimed = hashlib.sha256(b"other bytes").hexdigest()
    headers = {"X-File-Size": str(len(data)), "X-File-Sha256": claimed}
    reply = client.put("/v1/files/hashy/uv", params={"offset": 0}, data=data, headers=headers)
    assert reply.status_code == 422 and "sha256" in reply.json()["detail"]
    assert client.get("/v1/files/hashy/uv").json() == {"received": 0, "complete": False}
    assert storage.read_file("hashy", "uv") is None


def test_another_booths_event_cannot_receive_files(server: tuple[Client, Storage, str]) -> None:
    client, storage, _ = server
    storage.add_booth("OTHER")
    storage.store_events(
        "OTHER", [{"event_id": "theirs", "seq": 1, "kind": "inspection", "payload": {}, "created_at": "t"}]
    )
    headers = {"X-File-Size": "1", "X-File-Sha256": hashlib.sha256(b"x").hexdigest()}
    assert (
        client.put("/v1/files/theirs/white", params={"offset": 0}, data=b"x", headers=headers).status_code
        == 403
    )
    assert (
        client.put("/v1/files/nobody/white", params={"offset": 0}, data=b"x", headers=headers).status_code
        == 404
    )


def test_requests_without_a_valid_token_are_refused(server: tuple[Client, Storage, str]) -> None:
    client, _, _ = server
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        assert client.post("/v1/events", json={"events": []}, headers=headers).status_code == 401
    assert client.get("/v1/health", headers={"Authorization": ""}).status_code == 200


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(body=st.binary(max_size=200))
def test_bytes_that_are_not_json_get_a_clear_4xx(server: tuple[Client, Storage, str], body: bytes) -> None:
    client, _, _ = server
    reply = client.post("/v1/events", data=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == 200 or 400 <= reply.status_code < 500, reply.text
    assert reply.json().get("detail") or "results" in reply.json()
