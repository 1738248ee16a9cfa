"""The chip trust list through sync: the reference central server (a real process on 127.0.0.1)
publishes its test PKI's CSCA and CRL as a signed ``trusted_certificates`` list, a booth pulls it
with its SyncService, and a chip then passes passive authentication. A tampered or wrongly signed
list is refused with a log line and nothing applied."""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from hypothesis import given
from hypothesis import strategies as st

from devices.scan import DocumentScan
from devices.sim.emrtd.card import ChipSlot, VirtualChip
from devices.sim.emrtd.passport import Forgery, build_chip
from station.chip_read import ChipStation
from station.chip_trust import apply_trust_records, trust_list_from_store
from station.config import Config
from station.inspection import Inspector
from station.store import Store
from station.sync_service import SyncService
from sync.errors import ListRejectedError
from sync.lists import generate_key, load_private_key, sign_list
from sync.trusted_certificates import BundleError, records_from_bundle
from tests.chip.support import MRZ, PKI
from tests.helpers.central_server import CentralServer

ADMIN_TOKEN = "operator-token-for-tests"
KIND = "trusted_certificates"


def _run(*command: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, *command], capture_output=True, text=True, timeout=60, check=False, cwd=cwd
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    _run("-m", "sync.server", "keygen", "--out", str(tmp_path / "list"), cwd=tmp_path)
    server = CentralServer(
        tmp_path / "server", list_key=tmp_path / "list.key", env={"CENTRAL_ADMIN_TOKEN": ADMIN_TOKEN}
    ).start()
    yield server
    server.stop()


def _booth(tmp_path: Path, central: CentralServer) -> tuple[Store, SyncService]:
    config = Config.from_mapping(
        {
            "booth": {"booth_id": "B01"},
            "store": {"path": "booth.sqlite"},
            "central": {
                "url": central.url,
                "token": central.add_booth("B01"),
                "list_public_key": str(tmp_path / "list.pub"),
            },
        },
        source=tmp_path / "booth.toml",
    )
    store = Store.from_config(config)
    return store, SyncService(config, store=store)


def _chip_results(store: Store, forgery: Forgery = Forgery.GENUINE) -> dict[str, str]:
    chip = ChipStation(ChipSlot(VirtualChip(build_chip(MRZ, PKI, forgery=forgery))))
    run = Inspector(store=store, chip=chip).inspect(DocumentScan("scanner", mrz_text=MRZ))
    return {f.code: f.status.value for f in run.inspection.findings if f.code.startswith("chip.passive")}


def _post(central: CentralServer, envelope: dict[str, str]) -> None:
    reply = requests.post(
        f"{central.url}/v1/lists/{KIND}",
        json={"envelope": envelope},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
        timeout=10,
    )
    assert reply.status_code == 201, reply.text


def _stored_fingerprints(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        return conn.execute("SELECT kind, source FROM chip_trust ORDER BY kind").fetchall()


def test_a_booth_receives_the_trust_list_and_refuses_forged_ones(
    tmp_path: Path, central: CentralServer, caplog: pytest.LogCaptureFixture
) -> None:
    store, service = _booth(tmp_path, central)
    try:
        assert _chip_results(store)["chip.passive_auth.trust_chain"] != "passed"

        # the central host: the test PKI's trust bundle, published with the central CLI
        _run("-m", "devices.sim.emrtd.pki", "bundle.pem", "--seed", "test", cwd=tmp_path)
        out = _run(
            "-m", "sync.server", "publish", KIND, "bundle.pem",
            "--key", str(tmp_path / "list.key"), "--db", central.db, cwd=tmp_path,
        )  # fmt: skip
        assert "published trusted_certificates list version 1 (2 records)" in out

        report = service.run_once()
        assert f"{KIND} v1" in report.lists_applied
        assert _stored_fingerprints(store) == [("crl", "sync:v1"), ("csca", "sync:v1")]
        results = _chip_results(store)
        assert results["chip.passive_auth.trust_chain"] == "passed"
        assert results["chip.passive_auth.revocation"] == "passed"
        assert _chip_results(store, Forgery.REVOKED_SIGNER)["chip.passive_auth.revocation"] == "failed"

        # a list whose body was changed after signing: the forger's CSCA slipped in
        key = load_private_key((tmp_path / "list.key").read_bytes())
        forger = records_from_bundle(PKI.untrusted_csca.certificate.public_bytes(serialization.Encoding.PEM))
        genuine = records_from_bundle(PKI.trust_bundle_pem())
        envelope = sign_list(key, kind=KIND, version=2, records=genuine)
        body = json.loads(envelope["body"])
        body["records"] = genuine + forger
        tampered = {**envelope, "body": json.dumps(body, sort_keys=True, separators=(",", ":"))}
        _post(central, tampered)
        with caplog.at_level(logging.ERROR, logger="sync.client"):
            report = service.run_once()
        assert report.lists_applied == []
        assert any("signature does not verify" in r.getMessage() for r in caplog.records)

        # a list signed by a key the booth does not pin
        other_key = load_private_key(generate_key()[0])
        _post(central, sign_list(other_key, kind=KIND, version=3, records=genuine + forger))
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="sync.client"):
            report = service.run_once()
        assert report.lists_applied == []
        assert any("signature does not verify" in r.getMessage() for r in caplog.records)

        # nothing of either was applied: the forger's chip still has no trusted chain
        assert _stored_fingerprints(store) == [("crl", "sync:v1"), ("csca", "sync:v1")]
        assert _chip_results(store, Forgery.UNTRUSTED_SIGNER)["chip.passive_auth.trust_chain"] == "failed"
    finally:
        service.stop()
        store.close()


# --- the applier on its own: a real SQLite store, the transaction sync would open -------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "booth.sqlite")
    yield opened
    opened.close()


def _apply(store: Store, version: int, records: list[dict[str, object]], *, delta: bool = False) -> None:
    with store.transaction() as conn:
        apply_trust_records(conn, KIND, version, records, delta)


def test_a_snapshot_replaces_synced_entries_and_keeps_file_loaded_ones(store: Store, tmp_path: Path) -> None:
    from station.chip_trust import load_trust_list

    untrusted_pem = PKI.untrusted_csca.certificate.public_bytes(serialization.Encoding.PEM)
    (tmp_path / "local.pem").write_bytes(untrusted_pem)
    load_trust_list(store, tmp_path / "local.pem")
    _apply(store, 1, records_from_bundle(PKI.trust_bundle_pem()))
    assert len(trust_list_from_store(store).cscas) == 2
    _apply(store, 2, [])  # an empty snapshot withdraws what sync brought, not the administrator's file
    assert [c.subject for c in trust_list_from_store(store).cscas] == [PKI.untrusted_csca.certificate.subject]


def test_a_delta_adds_and_removes(store: Store) -> None:
    csca, crl = records_from_bundle(PKI.trust_bundle_pem())
    _apply(store, 1, [csca])
    _apply(store, 2, [crl], delta=True)
    assert len(trust_list_from_store(store).crls) == 1
    _apply(store, 3, [{**csca, "remove": True}], delta=True)
    trust = trust_list_from_store(store)
    assert (len(trust.cscas), len(trust.crls)) == (0, 1)


def test_a_signed_list_with_a_bad_record_is_refused_whole(store: Store) -> None:
    _apply(store, 1, records_from_bundle(PKI.trust_bundle_pem()))
    signer = PKI.document_signer.certificate.public_bytes(serialization.Encoding.DER)
    not_a_ca = {"type": "csca", "der": base64.b64encode(signer).decode()}
    for bad in (not_a_ca, {"type": "csca", "der": "not base64!"}, {"type": "key"}, "text"):
        with pytest.raises(ListRejectedError, match="record 2"):
            _apply(store, 2, [records_from_bundle(PKI.trust_bundle_pem())[0], bad])  # type: ignore[list-item]
    with store.read() as conn:
        assert conn.execute("SELECT DISTINCT source FROM chip_trust").fetchall() == [("sync:v1",)]


@given(
    st.lists(st.dictionaries(st.sampled_from(["type", "der", "remove"]), st.text(max_size=20)), max_size=4)
)
def test_garbage_records_are_refused_never_crash(records: list[dict[str, str]]) -> None:
    with sqlite3.connect(":memory:") as conn:
        conn.execute(
            "CREATE TABLE chip_trust (fingerprint TEXT PRIMARY KEY, kind TEXT, subject TEXT, der BLOB,"
            " source TEXT, loaded_at TEXT)"
        )
        try:
            apply_trust_records(conn, KIND, 1, records, False)
        except ListRejectedError:
            return
        assert records == []


def test_bundles_become_records_or_a_clear_error() -> None:
    assert [r["type"] for r in records_from_bundle(PKI.trust_bundle_pem())] == ["csca", "crl"]
    der = PKI.csca.certificate.public_bytes(serialization.Encoding.DER)
    assert records_from_bundle(der) == [{"type": "csca", "der": base64.b64encode(der).decode()}]
    with pytest.raises(BundleError, match="not a PEM bundle"):
        records_from_bundle(b"\x00garbage")
    with pytest.raises(BundleError, match="not a certificate or CRL"):
        records_from_bundle(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    with pytest.raises(BundleError, match="does not parse"):
        records_from_bundle(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
