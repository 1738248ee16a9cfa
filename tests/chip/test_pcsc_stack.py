"""The chip read through the real PC/SC stack: pcscd + vsmartcard's vpcd driver + the project's
virtual eMRTD on the vpcd socket, read by pyscard. All real-stack tests live in this one module
(pcscd serves one fixed socket per machine; see tests/helpers/pcsc_stack.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.chip.apdu import AccessDeniedError, ChipTimeoutError
from devices.chip.bac import AccessKey
from devices.chip.reader import ChipReader, Progress
from devices.sim.emrtd.card import VirtualChip
from devices.sim.emrtd.passport import Forgery, build_chip
from tests.chip.support import MRZ, PKI, chip_findings, failing
from tests.helpers.pcsc_stack import PcscStack, pcsc_stack_fixture, requires_pcsc_stack

__all__ = ["pcsc_stack_fixture"]  # the module-scoped "pcsc" fixture

pytestmark = requires_pcsc_stack

KEY = AccessKey.from_mrz(MRZ)


@pytest.fixture
def reader(pcsc: PcscStack) -> Iterator[ChipReader]:
    from devices.chip.pcsc import PcscCardSource

    yield ChipReader(PcscCardSource(pcsc.reader), timeout_s=10)
    pcsc.remove_all()


def test_genuine_chip_reads_and_passes_passive_authentication(pcsc: PcscStack, reader: ChipReader) -> None:
    pcsc.insert(VirtualChip(build_chip(MRZ, PKI, chip_auth=True)))
    read = reader.read(KEY)
    assert read.access_control == "BAC"
    assert {"COM", "SOD", "DG1", "DG2", "DG14", "DG15"} <= set(read.files)
    findings = chip_findings(read)
    assert failing(findings) == set()
    for code in (
        "chip.passive_auth.signature",
        "chip.passive_auth.trust_chain",
        "chip.passive_auth.revocation",
        "chip.passive_auth.hashes",
        "chip.mrz",
        "chip.active_auth",
        "chip.chip_auth",
    ):
        assert findings[code].status.value == "passed", findings[code]


@pytest.mark.parametrize(
    ("forgery", "expected"),
    [
        (Forgery.ALTERED_DG1, {"chip.passive_auth.hashes", "chip.mrz"}),
        (Forgery.SWAPPED_DG2, {"chip.passive_auth.hashes"}),
        (Forgery.UNTRUSTED_SIGNER, {"chip.passive_auth.trust_chain"}),
        (Forgery.REVOKED_SIGNER, {"chip.passive_auth.revocation"}),
        (Forgery.CLONED_CHIP, {"chip.active_auth"}),
    ],
)
def test_each_forgery_gives_its_failing_finding(
    pcsc: PcscStack, reader: ChipReader, forgery: Forgery, expected: set[str]
) -> None:
    pcsc.insert(VirtualChip(build_chip(MRZ, PKI, forgery=forgery)))
    findings = chip_findings(reader.read(KEY))
    assert failing(findings) == expected
    if forgery is Forgery.SWAPPED_DG2:
        assert findings["chip.passive_auth.hashes"].evidence["mismatched"] == ["DG2"]


def test_wrong_mrz_key_is_denied_once_without_a_retry_storm(pcsc: PcscStack, reader: ChipReader) -> None:
    chip = VirtualChip(build_chip(MRZ, PKI))
    card = pcsc.insert(chip)
    wrong = AccessKey(KEY.document_number, KEY.birth_date, "991231")
    with pytest.raises(AccessDeniedError, match="refused access"):
        reader.read(wrong)
    assert chip.counts["mutual_authenticate"] == 1
    assert card.apdus <= 5  # CardAccess select, app select, challenge, mutual authenticate


def test_pace_through_pcscd(pcsc: PcscStack, reader: ChipReader) -> None:
    pcsc.insert(VirtualChip(build_chip(MRZ, PKI, pace=True)))
    read = reader.read(KEY)
    assert read.access_control == "PACE"
    assert failing(chip_findings(read)) == set()


def test_read_resumes_after_the_document_is_lifted(pcsc: PcscStack, reader: ChipReader) -> None:
    card = pcsc.insert(VirtualChip(build_chip(MRZ, PKI)), lift_after=40, lift_seconds=1.0)
    events: list[Progress] = []
    read = reader.read(KEY, progress=events.append)
    assert card.lifts == 1 and read.resumes == 1
    assert failing(chip_findings(read)) == set()
    dg2 = [e.done for e in events if e.file == "DG2"]
    assert dg2 == sorted(dg2) and dg2[-1] == len(read.files["DG2"]) and len(dg2) > 50


def test_lifted_document_not_put_back_times_out_clearly(pcsc: PcscStack) -> None:
    from devices.chip.pcsc import PcscCardSource

    pcsc.insert(VirtualChip(build_chip(MRZ, PKI)), lift_after=40, lift_seconds=None)
    with pytest.raises(ChipTimeoutError, match="lifted and not put back"):
        ChipReader(PcscCardSource(pcsc.reader), timeout_s=2).read(KEY)
    pcsc.remove_all()


def test_card_process_from_the_command_line(pcsc: PcscStack, reader: ChipReader, tmp_path: Path) -> None:
    image = tmp_path / "chip.json"
    build_chip(MRZ, PKI, chip_auth=True, aa_algorithm="rsa").save(str(image))
    process = subprocess.Popen(
        [sys.executable, "-m", "devices.sim.emrtd.vpcd", "--image", str(image), "--port", str(pcsc.port)],
        stderr=subprocess.DEVNULL,
    )
    try:
        assert failing(chip_findings(reader.read(KEY))) == set()
    finally:
        process.terminate()
        process.wait(10)
        pcsc.wait_until_empty()


def test_the_inspection_reads_the_configured_pcsc_reader(pcsc: PcscStack, tmp_path: Path) -> None:
    """The booth's path end to end: a ``pcsc`` chip reader in the config, the inspection reads the
    chip through pcscd and the checks pass; the reader's device status says it is there."""
    from devices.base import DeviceConfig, EventQueue
    from devices.chip.pcsc import PcscChipReader
    from devices.scan import DocumentScan
    from station.config import Config
    from station.inspection import Inspector
    from tests.chip.support import TRUST

    config = Config.from_mapping(
        {"devices": [{"name": "nfc", "kind": "chip_reader", "driver": "pcsc", "port": pcsc.reader}]},
        source=tmp_path / "booth.toml",
    )
    pcsc.insert(VirtualChip(build_chip(MRZ, PKI, chip_auth=True)))
    try:
        run = Inspector(config=config).inspect(
            DocumentScan("scanner", mrz_text=MRZ), extras={"chip_trust": TRUST}
        )
    finally:
        pcsc.remove_all()
    chip = {f.code: f.status.value for f in run.inspection.findings if f.code.startswith("chip.")}
    assert chip and set(chip.values()) == {"passed"}, chip

    events = EventQueue()
    device = PcscChipReader(
        DeviceConfig(name="nfc", driver="pcsc", kind="chip_reader", port=pcsc.reader), events
    )
    device.open()
    assert device.status().state.value == "connected"
    missing = PcscChipReader(
        DeviceConfig(name="x", driver="pcsc", kind="chip_reader", port="No Such"), events
    )
    missing.open()
    assert missing.status().state.value == "disconnected"
    assert "no chip reader named 'No Such'" in missing.status().reason
    device.close()
    assert device.status().state.value == "disconnected"
