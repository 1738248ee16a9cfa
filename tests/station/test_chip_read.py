"""The chip in the inspection flow, with the project's virtual eMRTD in-process: the MRZ opens the
chip, the data groups reach the checks, and every way a read goes wrong reaches the officer as a
reason, not as a crash or a retry storm."""

from __future__ import annotations

import logging
import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.chip.bac import AccessKey
from devices.scan import DocumentScan
from devices.sim.emrtd.card import ChipSlot, VirtualChip
from devices.sim.emrtd.desk import DeskChipSource, place_chip, take_chip
from devices.sim.emrtd.passport import ChipImage, Forgery, build_chip
from mrz import MRZError, parse
from mrz.synthetic import random_mrz
from station.chip_read import (
    ChipProgress,
    ChipStation,
    access_key,
    chip_fields,
    chip_station_from_config,
)
from station.config import Config
from station.findings import Finding
from station.inspection import Inspector
from tests.chip.support import MRZ, PKI, TRUST

TRUSTED = {"chip_trust": TRUST}
OTHER_DOCUMENT = MRZ.replace(MRZ.split("\n")[1][:9], "ZZ9999999", 1)  # a chip this MRZ does not open


@pytest.fixture(scope="module")
def image() -> ChipImage:
    return build_chip(MRZ, PKI, chip_auth=True)


def chip_results(findings: tuple[Finding, ...]) -> dict[str, str]:
    return {f.code: f.status.value for f in findings if f.code.startswith("chip.")}


def test_a_genuine_chip_is_read_in_the_inspection_and_passes(image: ChipImage) -> None:
    events: list[ChipProgress] = []
    inspector = Inspector(chip=ChipStation(ChipSlot(VirtualChip(image))))
    run = inspector.inspect(
        DocumentScan("scanner", mrz_text=MRZ), extras=TRUSTED, chip_progress=events.append
    )
    results = chip_results(run.inspection.findings)
    assert results and set(results.values()) == {"passed"}, results
    assert {"chip.passive_auth.signature", "chip.passive_auth.trust_chain", "chip.mrz"} <= set(results)
    assert run.scan.chip is not None and run.scan.chip["DG1"] == image.files["DG1"]
    assert chip_fields(run.scan) == parse(MRZ).fields
    dg2 = [e for e in events if e.group == "DG2"]
    assert dg2[-1].done == dg2[-1].total >= 20_000
    assert [e.done for e in dg2] == sorted(e.done for e in dg2)


def test_start_keeps_its_contract_and_reads_the_chip_too(image: ChipImage) -> None:
    inspector = Inspector(chip=ChipStation(ChipSlot(VirtualChip(image))))
    inspection = inspector.start(DocumentScan("scanner", mrz_text=MRZ), extras=TRUSTED)
    assert chip_results(inspection.findings)["chip.passive_auth.hashes"] == "passed"


def test_a_forged_chip_fails_in_the_flow() -> None:
    chip = VirtualChip(build_chip(MRZ, PKI, forgery=Forgery.ALTERED_DG1))
    run = Inspector(chip=ChipStation(ChipSlot(chip))).inspect(
        DocumentScan("scanner", mrz_text=MRZ), extras=TRUSTED
    )
    results = chip_results(run.inspection.findings)
    assert results["chip.passive_auth.hashes"] == "failed"
    assert results["chip.mrz"] == "failed"
    assert run.inspection.verdict.value == "stop"


def test_wrong_mrz_is_denied_once_and_not_retried(image: ChipImage, caplog: pytest.LogCaptureFixture) -> None:
    chip = VirtualChip(build_chip(OTHER_DOCUMENT, PKI))
    station = ChipStation(ChipSlot(chip))
    inspector = Inspector(chip=station)
    scan = DocumentScan("scanner", mrz_text=MRZ)
    with caplog.at_level(logging.WARNING, logger="station.chip_read"):
        first = inspector.inspect(scan, extras=TRUSTED)
    passive = next(f for f in first.inspection.findings if f.code == "chip.passive_auth")
    assert passive.status.value == "not_checked"
    assert "refused access" in passive.message
    assert any("refused access" in r.getMessage() for r in caplog.records)
    for _ in range(5):  # the document presented again and again: the chip is left alone
        again = inspector.inspect(scan, extras=TRUSTED)
        reason = next(f for f in again.inspection.findings if f.code == "chip.mrz").message
        assert "not tried again" in reason
    assert chip.counts["mutual_authenticate"] + chip.counts["general_authenticate"] // 4 == 1


def test_a_denial_is_forgotten_after_the_hold(image: ChipImage) -> None:
    now = [0.0]
    chip = VirtualChip(build_chip(OTHER_DOCUMENT, PKI))
    station = ChipStation(ChipSlot(chip), denial_hold_s=60, clock=lambda: now[0])
    scan = DocumentScan("scanner", mrz_text=MRZ)
    assert station.read(scan, parse(MRZ)).attempted
    assert not station.read(scan, parse(MRZ)).attempted
    now[0] = 61.0
    assert station.read(scan, parse(MRZ)).attempted


def test_a_lifted_document_is_resumed_in_the_flow(image: ChipImage) -> None:
    slot = ChipSlot(VirtualChip(image))
    slot.lift_after(60)  # in the middle of DG2
    done = threading.Event()

    def traveller_puts_it_back() -> None:
        while not done.wait(0.01):
            if not slot.present:
                slot.put_back()
                return

    helper = threading.Thread(target=traveller_puts_it_back)
    helper.start()
    try:
        result = ChipStation(slot, timeout_s=5).read(DocumentScan("scanner", mrz_text=MRZ), parse(MRZ))
    finally:
        done.set()
        helper.join()
    assert result.error is None and result.resumes == 1
    assert result.scan.chip is not None and result.scan.chip["DG2"] == image.files["DG2"]


def test_no_document_on_the_reader_times_out_with_a_clear_reason() -> None:
    run = Inspector(chip=ChipStation(ChipSlot(), timeout_s=0.2)).inspect(DocumentScan("s", mrz_text=MRZ))
    finding = next(f for f in run.inspection.findings if f.code == "chip.passive_auth")
    assert finding.status.value == "not_checked"
    assert "No chip answered within 0.2 s" in finding.message
    assert run.scan.chip is None


def test_an_mrz_with_a_bad_check_digit_does_not_touch_the_chip(image: ChipImage) -> None:
    chip = VirtualChip(image)
    line2 = MRZ.split("\n")[1]
    wrong_digit = str((int(line2[9]) + 1) % 10)
    bad = MRZ.split("\n")[0] + "\n" + line2[:9] + wrong_digit + line2[10:]
    result = ChipStation(ChipSlot(chip)).read(DocumentScan("s", mrz_text=bad), parse(bad, correct=False))
    assert not result.attempted and not chip.counts
    assert result.error is not None and "document number check digit" in result.error


def test_no_mrz_no_chip_read(image: ChipImage) -> None:
    chip = VirtualChip(image)
    run = Inspector(chip=ChipStation(ChipSlot(chip))).inspect(DocumentScan("s"))
    assert not chip.counts
    finding = next(f for f in run.inspection.findings if f.code == "chip.mrz")
    assert "No MRZ was read" in finding.message


def test_a_scan_that_already_has_chip_data_is_not_read_again(image: ChipImage) -> None:
    chip = VirtualChip(image)
    scan = DocumentScan("s", mrz_text=MRZ, chip=dict(image.files))
    result = ChipStation(ChipSlot(chip)).read(scan, parse(MRZ))
    assert result.scan is scan and not chip.counts


def test_a_failing_progress_listener_does_not_break_the_read(image: ChipImage) -> None:
    def broken(_: ChipProgress) -> None:
        raise RuntimeError("widget gone")

    result = ChipStation(ChipSlot(VirtualChip(image))).read(
        DocumentScan("s", mrz_text=MRZ), parse(MRZ), progress=broken
    )
    assert result.error is None and result.scan.chip is not None


def test_a_driver_fault_becomes_a_reason_not_a_crash(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        def connect(self, timeout: float) -> object:
            raise OSError("USB reset")

    result = ChipStation(Broken()).read(DocumentScan("s", mrz_text=MRZ), parse(MRZ))  # type: ignore[arg-type]
    assert result.error == "The chip reader failed (OSError: USB reset)."
    assert "chip reader chip failed" in caplog.text


def _config(tmp_path: Path, **device: object) -> Config:
    return Config.from_mapping(
        {"devices": [{"name": "nfc", "kind": "chip_reader", **device}]}, source=tmp_path / "booth.toml"
    )


def test_the_simulated_desk_reader_from_config(tmp_path: Path, image: ChipImage) -> None:
    config = _config(tmp_path, driver="emrtd-sim", port="chip", timeout_s=0.3)
    place_chip(tmp_path / "chip", image)
    run = Inspector(config=config).inspect(DocumentScan("s", mrz_text=MRZ), extras=TRUSTED)
    assert set(chip_results(run.inspection.findings).values()) == {"passed"}
    take_chip(tmp_path / "chip")
    run = Inspector(config=config).inspect(DocumentScan("s", mrz_text=MRZ), extras=TRUSTED)
    assert "No chip answered within 0.3 s" in next(
        f.message for f in run.inspection.findings if f.code == "chip.mrz"
    )


def test_the_desk_reader_resumes_when_the_same_document_is_put_back(tmp_path: Path, image: ChipImage) -> None:
    folder = tmp_path / "desk"
    place_chip(folder, image)
    lifted = threading.Event()

    def lift_in_dg2(step: ChipProgress) -> None:
        if step.group == "DG2" and not lifted.is_set():
            lifted.set()
            place_chip(folder, image)  # a new file: the reader sees a lift and a put-back

    station = ChipStation(DeskChipSource(folder), timeout_s=5)
    result = station.read(DocumentScan("s", mrz_text=MRZ), parse(MRZ), progress=lift_in_dg2)
    assert result.error is None and result.resumes == 1


def test_a_corrupt_simulated_chip_file_is_a_reason(tmp_path: Path) -> None:
    (tmp_path / "chip").mkdir()
    (tmp_path / "chip" / "chip.json").write_text("{not json")
    result = chip_station_from_config(_config(tmp_path, driver="emrtd-sim", port="chip"))
    assert result is not None
    read = result.read(DocumentScan("s", mrz_text=MRZ), parse(MRZ))
    assert read.error is not None and "unreadable" in read.error


def test_an_unknown_driver_names_the_configuration_problem(tmp_path: Path) -> None:
    run = Inspector(config=_config(tmp_path, driver="acme-9000")).inspect(DocumentScan("s", mrz_text=MRZ))
    reason = next(f.message for f in run.inspection.findings if f.code == "chip.passive_auth")
    assert "unknown driver 'acme-9000'" in reason


def test_booths_without_a_chip_reader_read_no_chip() -> None:
    assert chip_station_from_config(None) is None
    assert chip_station_from_config(Config.defaults()) is None
    assert Inspector(config=Config.defaults()).chip is None


def test_a_bad_timeout_option_falls_back_to_the_default(tmp_path: Path) -> None:
    station = chip_station_from_config(_config(tmp_path, driver="emrtd-sim", port="x", timeout_s="soon"))
    assert station is not None and station.timeout_s == 15.0


def test_a_document_without_a_chip_is_given_up_on_at_first_contact() -> None:
    now = time.monotonic()
    result = ChipStation(ChipSlot(), timeout_s=30, first_contact_s=0.1).read(
        DocumentScan("s", mrz_text=MRZ), parse(MRZ)
    )
    assert time.monotonic() - now < 5
    assert result.error is not None and "No chip answered within 0.1 s" in result.error


def test_a_visa_is_not_read(image: ChipImage) -> None:
    chip = VirtualChip(image)
    visa = random_mrz(random.Random(4), "MRV_A")
    result = ChipStation(ChipSlot(chip)).read(DocumentScan("s", mrz_text=visa), parse(visa))
    assert result.error == "A visa has no chip." and not result.attempted and not chip.counts


@given(st.sampled_from(["TD1", "TD2", "TD3"]), st.integers(0, 2**32))
def test_the_key_is_the_chip_key_of_every_valid_mrz(fmt: str, seed: int) -> None:
    text = random_mrz(random.Random(seed), fmt)
    assert access_key(parse(text)) == AccessKey.from_mrz(text)


@given(st.integers(0, 2**32), st.integers(0, 27), st.sampled_from("0123456789<ABZ"))
def test_a_damaged_key_field_gives_a_reason_or_a_key_never_a_crash(seed: int, col: int, char: str) -> None:
    line1, line2 = random_mrz(random.Random(seed), "TD3").split("\n")
    damaged = f"{line1}\n{line2[:col]}{char}{line2[col + 1 :]}"
    try:
        result = parse(damaged, correct=False)
    except MRZError:
        return
    key = access_key(result)
    assert isinstance(key, str | AccessKey)
    if isinstance(key, AccessKey):
        assert all(result.checks[name] for name in ("document_number", "birth_date", "expiry_date"))
