"""The station's chip checks on reads of genuine and forged virtual chips (in-process), and on
missing or hostile chip data: a check that could not run says so, never "passed"."""

from __future__ import annotations

import dataclasses

import pytest

from devices.chip import tlv
from devices.chip.bac import AccessKey
from devices.chip.reader import ChipRead, ChipReader
from devices.sim.emrtd.card import ChipSlot, VirtualChip
from devices.sim.emrtd.passport import Forgery, build_chip
from station.chip_trust import TrustList
from tests.chip.support import MRZ, PKI, chip_findings, failing

KEY = AccessKey.from_mrz(MRZ)


def _read(forgery: Forgery = Forgery.GENUINE, **options: object) -> ChipRead:
    image = build_chip(MRZ, PKI, forgery=forgery, **options)  # type: ignore[arg-type]
    return ChipReader(ChipSlot(VirtualChip(image))).read(KEY)


@pytest.fixture(scope="module")
def genuine() -> ChipRead:
    return _read(chip_auth=True)


def test_genuine_chip_passes_every_chip_check(genuine: ChipRead) -> None:
    findings = chip_findings(genuine)
    assert {code: f.status.value for code, f in findings.items()} == {
        "chip.passive_auth.signature": "passed",
        "chip.passive_auth.trust_chain": "passed",
        "chip.passive_auth.revocation": "passed",
        "chip.passive_auth.hashes": "passed",
        "chip.mrz": "passed",
        "chip.active_auth": "passed",
        "chip.chip_auth": "passed",
    }
    assert findings["chip.passive_auth.trust_chain"].evidence["csca"].startswith("CN=CSCA UTO")


@pytest.mark.parametrize(
    ("forgery", "code", "evidence_key", "evidence_value"),
    [
        (Forgery.ALTERED_DG1, "chip.passive_auth.hashes", "mismatched", ["DG1"]),
        (Forgery.SWAPPED_DG2, "chip.passive_auth.hashes", "mismatched", ["DG2"]),
        (Forgery.UNTRUSTED_SIGNER, "chip.passive_auth.trust_chain", "issuer", None),
        (Forgery.REVOKED_SIGNER, "chip.passive_auth.revocation", "revoked_on", None),
        (Forgery.CLONED_CHIP, "chip.active_auth", "challenge", None),
    ],
)
def test_forgery_fails_with_evidence(
    forgery: Forgery, code: str, evidence_key: str, evidence_value: object
) -> None:
    findings = chip_findings(_read(forgery))
    assert findings[code].status.value == "failed"
    assert findings[code].severity.value == "fail"
    assert evidence_key in findings[code].evidence
    if evidence_value is not None:
        assert findings[code].evidence[evidence_key] == evidence_value


def test_altered_dg1_also_differs_from_the_print() -> None:
    finding = chip_findings(_read(Forgery.ALTERED_DG1))["chip.mrz"]
    assert finding.status.value == "failed"
    assert finding.evidence["differences"][0]["line"] == 1


def test_no_chip_is_not_checked_with_the_readers_reason() -> None:
    findings = chip_findings(None, extras={"chip_error": "The chip refused access (BAC)"})
    assert {f.status.value for f in findings.values()} == {"not_checked"}
    assert "refused access" in findings["chip.passive_auth"].message


def test_without_a_trust_list_the_chain_is_not_checked(genuine: ChipRead) -> None:
    findings = chip_findings(genuine, trust=None)
    assert findings["chip.passive_auth.trust_chain"].status.value == "not_checked"
    assert findings["chip.passive_auth.revocation"].status.value == "not_checked"
    assert findings["chip.passive_auth.signature"].status.value == "passed"


def test_without_crls_revocation_is_unknown_not_passed(genuine: ChipRead) -> None:
    findings = chip_findings(genuine, trust=TrustList(cscas=(PKI.csca.certificate,)))
    assert findings["chip.passive_auth.trust_chain"].status.value == "passed"
    assert findings["chip.passive_auth.revocation"].status.value == "not_checked"


def test_chip_without_active_authentication_is_not_checked() -> None:
    finding = chip_findings(_read(active_auth=False))["chip.active_auth"]
    assert finding.status.value == "not_checked"


def test_unanswered_active_authentication_is_a_warning(genuine: ChipRead) -> None:
    silent = dataclasses.replace(genuine, aa_challenge=None, aa_signature=None)
    finding = chip_findings(silent)["chip.active_auth"]
    assert (finding.status.value, finding.severity.value) == ("failed", "warning")


@pytest.mark.parametrize(
    "sod", [b"", b"\x77\x03\x30\x01\x00", tlv.encode(0x77, b"garbage" * 10), b"\xff" * 40]
)
def test_malformed_sod_fails_clearly(genuine: ChipRead, sod: bytes) -> None:
    broken = dataclasses.replace(genuine, files={**genuine.files, "SOD": sod})
    finding = chip_findings(broken)["chip.passive_auth.sod"]
    assert finding.status.value == "failed" and "malformed" in finding.message


def test_garbage_data_groups_never_crash_the_checks(genuine: ChipRead) -> None:
    broken = dataclasses.replace(
        genuine,
        files={**genuine.files, "DG1": b"\x61\x05junk", "DG15": b"\x6f\x02\x00", "DG14": b"\x6e\x01"},
    )
    findings = chip_findings(broken)
    assert not any(code.endswith(".crashed") for code in findings)
    assert findings["chip.mrz"].status.value == "failed"
    assert findings["chip.passive_auth.hashes"].evidence["mismatched"] == ["DG1", "DG14", "DG15"]
    assert findings["chip.active_auth"].status.value == "not_checked"


def test_rsa_active_authentication_passes_and_catches_a_clone() -> None:
    genuine_rsa = chip_findings(_read(aa_algorithm="rsa"))["chip.active_auth"]
    assert genuine_rsa.status.value == "passed" and genuine_rsa.evidence["algorithm"] == "rsa"
    cloned_rsa = chip_findings(_read(Forgery.CLONED_CHIP, aa_algorithm="rsa"))["chip.active_auth"]
    assert cloned_rsa.status.value == "failed"


def test_chip_authentication_catches_a_clone_without_active_authentication() -> None:
    findings = chip_findings(_read(Forgery.CLONED_CHIP, chip_auth=True, active_auth=False))
    assert failing(findings) == {"chip.chip_auth"}
    assert "private key" in findings["chip.chip_auth"].evidence["reason"]
    assert findings["chip.active_auth"].status.value == "not_checked"


def test_chip_without_chip_authentication_is_not_checked() -> None:
    assert chip_findings(_read())["chip.chip_auth"].status.value == "not_checked"
