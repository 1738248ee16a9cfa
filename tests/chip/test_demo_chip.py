"""The demo booth's passports have chips: the scanner's document is on the simulated desk reader, the
inspection reads it through the configured chip reader, and the demo's forged chip fails."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.base import DeviceConfig, EventQueue, create
from devices.scan import DocumentScan
from devices.sim.emrtd.desk import DeskChipReader
from devices.sim.emrtd.passport import Forgery
from mrz import parse
from station.chip_read import chip_fields
from station.demo import CHIP, SCANNER, SCRIPT, DemoBooth
from station.findings import Finding
from station.inspection import InspectionRun, Inspector


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoBooth]:
    booth = DemoBooth(tmp_path_factory.mktemp("demo"))
    yield booth
    booth.close()


def _scanned(demo: DemoBooth, index: int) -> DocumentScan:
    """Present document ``index`` and take it from the real hot-folder driver, as the booth does."""
    spec = next(d for d in demo.config.devices if d.name == SCANNER)
    events = EventQueue()
    scanner = create(DeviceConfig.from_mapping(spec.to_toml_table()), events)
    scanner.open()
    try:
        demo.present(index)
        while True:
            event = events.get(timeout=30)
            if isinstance(event, DocumentScan):
                return event
    finally:
        scanner.close()


def _inspect(demo: DemoBooth, index: int) -> InspectionRun:
    return Inspector(config=demo.config, store=demo.store).inspect(_scanned(demo, index))


def _chip(findings: tuple[Finding, ...]) -> dict[str, Finding]:
    return {f.code: f for f in findings if f.code.startswith("chip.")}


def test_a_genuine_demo_passport_passes_every_chip_check(demo: DemoBooth) -> None:
    run = _inspect(demo, 0)
    chip = _chip(run.inspection.findings)
    assert {code: f.status.value for code, f in chip.items()} == {
        "chip.passive_auth.signature": "passed",
        "chip.passive_auth.trust_chain": "passed",
        "chip.passive_auth.revocation": "passed",
        "chip.passive_auth.hashes": "passed",
        "chip.mrz": "passed",
        "chip.active_auth": "passed",
        "chip.chip_auth": "passed",
    }
    assert chip_fields(run.scan) == parse(demo.documents[0]).fields
    assert run.inspection.verdict.value == "clear"


def test_the_forged_demo_chip_fails(demo: DemoBooth) -> None:
    forged = next(i for i, case in enumerate(SCRIPT) if case.chip not in (None, Forgery.GENUINE))
    chip = _chip(_inspect(demo, forged).inspection.findings)
    assert chip["chip.passive_auth.hashes"].status.value == "failed"
    assert chip["chip.mrz"].status.value == "failed"


def test_an_unread_mrz_leaves_the_chip_unread_until_the_mrz_is_typed(demo: DemoBooth) -> None:
    unreadable = next(i for i, case in enumerate(SCRIPT) if not case.mrz_readable)
    scan = _scanned(demo, unreadable)
    inspector = Inspector(config=demo.config, store=demo.store)
    first = _chip(inspector.inspect(scan).inspection.findings)
    assert first["chip.passive_auth"].status.value == "not_checked"
    typed = DocumentScan("manual", mrz_text=demo.documents[unreadable], images=scan.images)
    second = _chip(inspector.inspect(typed).inspection.findings)
    assert second["chip.passive_auth.hashes"].status.value == "passed"


def test_the_demo_chip_reader_is_a_device_of_the_booth(demo: DemoBooth) -> None:
    spec = next(d for d in demo.config.devices if d.name == CHIP)
    events = EventQueue()
    reader = DeskChipReader(DeviceConfig.from_mapping(spec.to_toml_table()), events)
    reader.open()
    assert reader.status().state.value == "connected"
    reader.close()
    assert reader.status().state.value == "disconnected"
    broken = DeskChipReader(DeviceConfig(name="x", driver="emrtd-sim", kind="chip_reader"), events)
    broken.open()
    assert broken.status().state.value == "error"
