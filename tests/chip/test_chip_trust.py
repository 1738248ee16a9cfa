"""Loading the CSCA trust list into a real booth store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography.hazmat.primitives import serialization

from devices.chip import passive
from devices.sim.emrtd.pki import make_pki
from station.chip_trust import (
    CSCA_MASTER_LIST_OID,
    TrustListError,
    load_trust_list,
    parse_trust_file,
    trust_list_from_store,
)
from station.store import Store
from tests.chip.support import PKI


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "booth.sqlite")
    yield opened
    opened.close()


def test_load_pem_bundle_into_the_store(tmp_path: Path, store: Store) -> None:
    bundle = tmp_path / "csca.pem"
    bundle.write_bytes(PKI.trust_bundle_pem())
    report = load_trust_list(store, bundle)
    assert (report.cscas_added, report.crls_added, report.already_known) == (1, 1, 0)
    again = load_trust_list(store, bundle)
    assert (again.cscas_added, again.crls_added, again.already_known) == (0, 0, 2)
    trust = trust_list_from_store(store)
    assert trust.cscas == (PKI.csca.certificate,)
    assert trust.crls[0].issuer == PKI.csca.certificate.subject


def test_load_with_a_bare_connection_uses_the_callers_transaction(tmp_path: Path, store: Store) -> None:
    der = tmp_path / "csca.der"
    der.write_bytes(PKI.csca.certificate.public_bytes(serialization.Encoding.DER))
    with store.transaction() as conn:
        assert load_trust_list(conn, der).cscas_added == 1
    assert len(trust_list_from_store(store).cscas) == 1


def test_master_list_certificates_are_loaded(tmp_path: Path, store: Store) -> None:
    other = make_pki("ZZA", seed="other")
    certs = [
        cms.Certificate.load(c.public_bytes(serialization.Encoding.DER))
        for c in (PKI.csca.certificate, other.csca.certificate)
    ]
    from station.chip_trust import _CscaMasterList

    content = _CscaMasterList({"version": 0, "cert_list": certs}).dump()
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [],
            "signer_infos": [],
            "encap_content_info": {"content_type": CSCA_MASTER_LIST_OID, "content": content},
        }
    )
    path = tmp_path / "masterlist.ml"
    path.write_bytes(cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())
    assert load_trust_list(store, path).cscas_added == 2


def test_a_document_signer_is_refused_as_csca_and_nothing_is_loaded(tmp_path: Path, store: Store) -> None:
    bundle = tmp_path / "mixed.pem"
    bundle.write_bytes(
        PKI.trust_bundle_pem() + PKI.document_signer.certificate.public_bytes(serialization.Encoding.PEM)
    )
    with pytest.raises(TrustListError, match="not CSCA"):
        load_trust_list(store, bundle)
    assert trust_list_from_store(store).cscas == ()


@pytest.mark.parametrize(
    "content", [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"]
)
def test_garbage_files_give_a_clear_error(tmp_path: Path, store: Store, content: bytes) -> None:
    path = tmp_path / "bad.pem"
    path.write_bytes(content)
    with pytest.raises(TrustListError, match=r"bad\.pem"):
        load_trust_list(store, path)


def test_missing_file_gives_a_clear_error(tmp_path: Path, store: Store) -> None:
    with pytest.raises(TrustListError, match="cannot read"):
        load_trust_list(store, tmp_path / "absent.pem")


def test_anchors_feed_passive_authentication() -> None:
    trust = parse_trust_file(PKI.trust_bundle_pem())
    assert isinstance(trust.anchors, passive.TrustAnchors)
    assert trust.anchors.cscas == (PKI.csca.certificate,)
