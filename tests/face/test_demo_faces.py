"""The demo's travellers: the simulated desk camera films the person whose photo is on the page, so
a genuine passport's face match passes and a substituted photo is given away by the chip's photo."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.base import DeviceConfig, EventQueue, create
from devices.scan import DocumentScan
from devices.sim.desk_camera import DeskCamera, seat_traveller
from devices.sim.faces import identity, seed_for_sex
from station.demo import CAMERA, SCANNER, SCRIPT, DemoBooth
from station.inspection import Inspector


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoBooth]:
    booth = DemoBooth(tmp_path_factory.mktemp("demo"), camera=True)
    yield booth
    booth.close()


def _face_status(demo: DemoBooth, index: int) -> tuple[str, float]:
    devices = {d.name: DeviceConfig.from_mapping(d.to_toml_table()) for d in demo.config.devices}
    events = EventQueue()
    scanner, camera = create(devices[SCANNER], events), create(devices[CAMERA], events)
    scanner.open()
    camera.open()
    try:
        demo.present(index)
        while not isinstance(scan := events.get(timeout=30), DocumentScan):
            pass
        live = camera.capture_still()  # type: ignore[attr-defined]
    finally:
        scanner.close()
        camera.close()
    run = Inspector(config=demo.config, store=demo.store).inspect(scan, live_photo=live)
    (finding,) = [f for f in run.inspection.findings if f.code == "face.match"]
    return finding.status.value, float(finding.evidence.get("score", 0.0))


def test_the_holder_of_a_genuine_passport_matches_its_chip_photo(demo: DemoBooth) -> None:
    status, score = _face_status(demo, 0)
    assert status == "passed", score


def test_a_substituted_photo_is_given_away_by_the_chip_photo(demo: DemoBooth) -> None:
    substituted = next(i for i, case in enumerate(SCRIPT) if case.title == "substituted photo")
    status, score = _face_status(demo, substituted)
    assert status == "failed", score


def test_the_desk_camera_films_whoever_is_seated(tmp_path: Path) -> None:
    events = EventQueue()
    camera = DeskCamera(
        DeviceConfig(name="cam", driver="camera-sim", kind="camera", port=str(tmp_path)), events
    )
    assert camera.capture_still() is None  # not opened
    camera.open()
    assert camera.status().state.value == "connected"
    assert camera.capture_still() is None  # nobody at the desk
    seat_traveller(tmp_path, 7)
    first, second = camera.capture_still(), camera.capture_still()
    assert first is not None and second is not None and first.shape == (480, 640, 3)
    assert (first != second).any()  # a fresh frame each time, never a stale one
    (tmp_path / "traveller.json").write_text("{torn", encoding="utf-8")
    assert camera.capture_still() is None  # an unreadable file: no picture, a log line, no crash
    camera.close()
    unconfigured = DeskCamera(DeviceConfig(name="cam", driver="camera-sim", kind="camera"), events)
    unconfigured.open()
    assert unconfigured.status().state.value == "error"


def test_the_demo_photo_shows_someone_of_the_sex_the_mrz_gives() -> None:
    rng = random.Random(5)
    assert identity(seed_for_sex(rng, "M")).male
    assert not identity(seed_for_sex(rng, "F")).male
    seed_for_sex(rng, "<")  # unspecified: any face
