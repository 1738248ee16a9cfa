"""The booth store, the sync client and the reference server together, over TLS on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from sync import outbox
from sync.errors import AuthenticationError, NetworkError, TLSError
from sync.lists import sign_list
from sync.server.storage import open_storage
from sync.transport import Reply, Transport
from tests.helpers.central_server import CentralServer, TLSFiles
from tests.sync.conftest import Keys, list_items, make_client, open_booth


def _server_file(server: CentralServer, event_id: str, name: str) -> bytes | None:
    storage = open_storage(server.db)
    try:
        return storage.read_file(event_id, name)
    finally:
        storage.close()


def test_records_and_images_arrive_exactly_once(
    tmp_path: Path, central: CentralServer, tls: TLSFiles
) -> None:
    token = central.add_booth("INT1")
    store = open_booth(tmp_path / "booth.sqlite")
    image = bytes(range(256)) * 1000  # 256 kB: several chunks
    ids = [
        store.append("inspection", {"n": i}, images={"white": image} if i % 10 == 0 else {})
        for i in range(45)
    ]
    store.close()
    client = make_client(tmp_path / "booth.sqlite", central, token, booth_id="INT1", tls=tls, batch_size=20)
    report = client.sync_once()
    assert (report.accepted, report.duplicates, report.rejected, report.files_done) == (45, 0, 0, 5)
    assert central.event_ids("INT1") == ids  # all, once, in the booth's order
    assert _server_file(central, ids[0], "white") == image
    status = client.status()
    assert (status.backlog, status.pending_files, status.rejected, status.last_error) == (0, 0, 0, None)
    assert status.last_success is not None
    assert client.sync_once().accepted == 0  # nothing left to send
    client.close()


def test_a_batch_sent_again_is_a_duplicate_not_a_second_copy(
    tmp_path: Path, central: CentralServer, tls: TLSFiles
) -> None:
    token = central.add_booth("INT2")
    store = open_booth(tmp_path / "booth.sqlite")
    record_id = store.append("inspection", {"n": 1})
    store.close()
    client = make_client(tmp_path / "booth.sqlite", central, token, booth_id="INT2", tls=tls)
    client.sync_once()
    with sqlite3.connect(tmp_path / "booth.sqlite") as conn:  # as if the ack had been lost
        conn.execute("UPDATE outbox SET state = 'pending'")
    report = client.sync_once()
    assert (report.accepted, report.duplicates) == (0, 1)
    assert central.event_ids("INT2") == [record_id]
    client.close()


def test_a_refused_record_is_kept_and_flagged_while_the_rest_drain(
    tmp_path: Path, central: CentralServer, tls: TLSFiles
) -> None:
    token = central.add_booth("INT3")
    store = open_booth(tmp_path / "booth.sqlite")
    first = store.append("inspection", {"n": 1})
    with store.transaction() as conn:
        bad = outbox.enqueue(conn, "not a kind!", {"n": 2})
    last = store.append("inspection", {"n": 3})
    store.close()
    client = make_client(tmp_path / "booth.sqlite", central, token, booth_id="INT3", tls=tls)
    report = client.sync_once()
    assert (report.accepted, report.rejected) == (2, 1)
    assert central.event_ids("INT3") == [first, last]
    status = client.status()
    assert status.rejected == 1 and status.backlog == 0
    assert any("supervisor" in w for w in status.warnings)
    with sqlite3.connect(tmp_path / "booth.sqlite") as conn:
        state, reason = conn.execute(
            "SELECT state, last_error FROM outbox WHERE event_id = ?", (bad,)
        ).fetchone()
    assert state == "rejected" and "not a valid kind" in reason
    client.close()


def test_a_file_upload_resumes_where_it_broke(tmp_path: Path, central: CentralServer, tls: TLSFiles) -> None:
    token = central.add_booth("INT4")
    store = open_booth(tmp_path / "booth.sqlite")
    image = hashlib.sha256(b"seed").digest() * 4000  # 128 kB
    record_id = store.append("referral", {"n": 1}, images={"uv": image})
    store.close()

    class BreakAfter(Transport):
        """The real link, cut after a number of chunk uploads (as a cable pulled mid-file)."""

        puts = 0

        def request(self, method: str, path: str, **kwargs: object) -> Reply:  # type: ignore[override]
            if method == "PUT":
                BreakAfter.puts += 1
                if BreakAfter.puts == 4:
                    raise NetworkError("link cut")
            return super().request(method, path, **kwargs)  # type: ignore[arg-type]

    client = make_client(
        tmp_path / "booth.sqlite", central, token, booth_id="INT4", tls=tls, chunk_size=16 * 1024
    )
    client.transport = BreakAfter(client.transport.settings)
    with pytest.raises(NetworkError):
        client.sync_once()
    with sqlite3.connect(tmp_path / "booth.sqlite") as conn:
        (sent,) = conn.execute("SELECT sent_bytes FROM outbox_files").fetchone()
    assert sent == 3 * 16 * 1024
    client.sync_once()
    assert BreakAfter.puts == 4 + 5  # the remaining five chunks only, not the whole file again
    assert _server_file(central, record_id, "uv") == image
    assert client.status().pending_files == 0
    client.close()


def test_signed_lists_snapshot_then_delta(
    tmp_path: Path, central: CentralServer, tls: TLSFiles, keys: Keys
) -> None:
    token = central.add_booth("INT5")
    records = tmp_path / "watch.json"
    records.write_text(json.dumps([{"item": "ALPHA"}, {"item": "BRAVO"}]))
    publish = [
        sys.executable,
        "-m",
        "sync.server",
        "publish",
        "persons",
        str(records),
        "--key",
        str(keys.private_path),
        "--db",
        central.db,
        "--booth",
        "INT5",
    ]
    out = subprocess.run(publish, capture_output=True, text=True, check=True).stdout
    assert "published persons list version" in out
    version = int(out.split("version ")[1].split()[0])
    store = open_booth(tmp_path / "booth.sqlite")
    store.close()
    client = make_client(tmp_path / "booth.sqlite", central, token, booth_id="INT5", tls=tls, keys=keys)
    assert client.sync_once().lists_applied == [f"persons v{version}"]
    assert list_items(tmp_path / "booth.sqlite", "persons") == ["ALPHA", "BRAVO"]
    records.write_text(json.dumps([{"op": "remove", "item": "ALPHA"}, {"item": "CHARLIE"}]))
    subprocess.run([*publish, "--delta", str(version)], capture_output=True, check=True)
    assert client.sync_once().lists_applied == [f"persons v{version + 1}"]
    assert list_items(tmp_path / "booth.sqlite", "persons") == ["BRAVO", "CHARLIE"]
    assert client.status().lists["persons"][0] == version + 1
    assert client.sync_once().lists_applied == []  # up to date
    client.close()


def test_an_alert_from_one_booth_reaches_another(
    tmp_path: Path, central: CentralServer, tls: TLSFiles, keys: Keys
) -> None:
    token_a, token_b = central.add_booth("ALERT-A"), central.add_booth("ALERT-B")
    booth_a, booth_b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    open_booth(booth_b).close()
    store = open_booth(booth_a)
    alert_id = store.append("alert", {"reason": "counterfeit", "document_number": "X1234567"})
    store.close()
    client_a = make_client(booth_a, central, token_a, booth_id="ALERT-A", tls=tls, keys=keys)
    client_a.sync_once()
    client_b = make_client(booth_b, central, token_b, booth_id="ALERT-B", tls=tls, keys=keys)
    assert any(x.startswith("alerts v") for x in client_b.sync_once().lists_applied)
    received = list_items(booth_b, "alerts")
    assert any(alert_id in item and "X1234567" in item for item in received)
    # booth A does not get its own alert back
    client_a.sync_once()
    assert not any(alert_id in item for item in list_items(booth_a, "alerts"))
    client_a.close()
    client_b.close()


def test_mutual_tls_needs_the_booth_certificate(tmp_path: Path, tls: TLSFiles) -> None:
    server = CentralServer(tmp_path / "mtls", tls=tls, mutual_tls=True).start()
    try:
        token = server.add_booth("MTLS")
        store = open_booth(tmp_path / "booth.sqlite")
        store.append("inspection", {"n": 1})
        store.close()
        without = make_client(tmp_path / "booth.sqlite", server, token, booth_id="MTLS", tls=tls)
        with pytest.raises((TLSError, NetworkError)):
            without.sync_once()
        without.close()
        with_cert = make_client(
            tmp_path / "booth.sqlite", server, token, booth_id="MTLS", tls=tls, client_cert=True
        )
        assert with_cert.sync_once().accepted == 1
        with_cert.close()
    finally:
        server.stop()


def test_a_wrong_token_is_refused_and_nothing_is_lost(
    tmp_path: Path, central: CentralServer, tls: TLSFiles
) -> None:
    store = open_booth(tmp_path / "booth.sqlite")
    store.append("inspection", {"n": 1})
    store.close()
    client = make_client(tmp_path / "booth.sqlite", central, "not-a-token", booth_id="X", tls=tls)
    with pytest.raises(AuthenticationError, match="refused this booth's credentials"):
        client.sync_once()
    status = client.status()
    assert status.backlog == 1 and status.last_error is not None and "credentials" in status.last_error
    client.close()


def test_audit_head_receipt_is_signed_and_conflicts_are_refused(
    tmp_path: Path, central: CentralServer, tls: TLSFiles, keys: Keys
) -> None:
    token = central.add_booth("AUDIT")
    open_booth(tmp_path / "booth.sqlite").close()
    client = make_client(tmp_path / "booth.sqlite", central, token, booth_id="AUDIT", tls=tls)
    receipt = client.send_audit_head(7, "ab" * 32)
    assert receipt["booth"] == "AUDIT" and receipt["seq"] == 7 and receipt["signature"]
    assert client.send_audit_head(7, "ab" * 32)["received_at"] == receipt["received_at"]  # idempotent
    with pytest.raises(Exception, match="different hash"):
        client.send_audit_head(7, "cd" * 32)
    client.close()


def test_publishing_over_the_api_needs_the_admin_token(tmp_path: Path, keys: Keys) -> None:
    server = CentralServer(tmp_path / "admin", env={"CENTRAL_ADMIN_TOKEN": "admin-secret"}).start()
    try:
        envelope = sign_list(keys.private, kind="persons", version=3, records=["A"])
        url = f"{server.url}/v1/lists/persons"
        assert requests.post(url, json={"envelope": envelope}, timeout=5).status_code == 403
        ok = requests.post(
            url, json={"envelope": envelope}, headers={"Authorization": "Bearer admin-secret"}, timeout=5
        )
        assert ok.status_code == 201 and ok.json()["version"] == 3
        again = requests.post(
            url, json={"envelope": envelope}, headers={"Authorization": "Bearer admin-secret"}, timeout=5
        )
        assert again.status_code == 409
    finally:
        server.stop()
