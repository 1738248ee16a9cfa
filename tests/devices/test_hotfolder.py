"""The hot-folder scanner driver on real files written by the scanner simulator: complete sets are
picked up once, half-written files are never read, corrupt sets are rejected (kept, not lost)."""

from __future__ import annotations

import contextlib
import queue
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.base import DeviceConfig, EventQueue, create
from devices.hotfolder import UNREADABLE, HotFolderScanner
from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan, Light
from devices.sim.document import Defect
from devices.sim.scanner import write_document_set
from station.cli import main

pytestmark = pytest.mark.timeout(120)


class Events:
    def __init__(self) -> None:
        self.queue = EventQueue()
        self.seen: list[DeviceEvent] = []

    def wait(self, predicate: Callable[[DeviceEvent], bool], timeout: float = 10) -> DeviceEvent:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.queue.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(event)
            if predicate(event):
                return event
        raise AssertionError(f"no matching event; saw {self.seen}")

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                self.seen.append(self.queue.get(timeout=0.05))


def is_scan(event: DeviceEvent) -> bool:
    return isinstance(event, DocumentScan)


def start(folder: Path, **options: object) -> tuple[HotFolderScanner, Events]:
    events = Events()
    device = create(
        DeviceConfig(name="scanner", driver="hotfolder", port=str(folder), options=options), events.queue
    )
    assert isinstance(device, HotFolderScanner)
    device.open()
    return device, events


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "hot"
    path.mkdir()
    return path


@pytest.fixture
def running(folder: Path) -> Iterator[Events]:
    device, events = start(folder)
    events.wait(lambda e: isinstance(e, DeviceStatus) and e.state is DeviceState.CONNECTED)
    yield events
    device.close()


def test_complete_sets_become_scans_once(folder: Path, running: Events) -> None:
    rng = random.Random(3)
    written = [write_document_set(folder, rng, defects=frozenset({Defect.UV_BRIGHT_PAPER})) for _ in range(2)]
    scans = [running.wait(is_scan), running.wait(is_scan)]
    running.drain(0.6)
    assert sum(is_scan(e) for e in running.seen) == 2
    by_id = {s.raw.decode(): s for s in scans if isinstance(s, DocumentScan)}
    for item in written:
        scan = by_id[item.document_id]
        assert scan.mrz_text == item.mrz_text and set(scan.images) == set(Light)
        assert scan.images[Light.WHITE].ndim == 3 and scan.images[Light.WHITE].shape[1] <= 1500
        assert (folder / "done" / item.document_id).is_dir()
    assert not [p for p in folder.iterdir() if p.is_file()]


def test_half_written_set_is_not_read_until_its_marker(folder: Path, running: Events) -> None:
    item = write_document_set(folder, random.Random(4), marker=False)
    (folder / f"{item.document_id}_white.png").write_bytes(b"\x89PNG half")  # still being written
    running.drain(0.6)
    assert not any(is_scan(e) for e in running.seen)
    write_document_set(folder, random.Random(4), marker=True)  # same id: rewritten whole, marker last
    scan = running.wait(is_scan)
    assert isinstance(scan, DocumentScan) and scan.raw.decode() == item.document_id


def test_corrupt_image_is_rejected_reported_and_kept(folder: Path, running: Events) -> None:
    item = write_document_set(folder, random.Random(5), marker=False)
    (folder / f"{item.document_id}_ir.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 100)
    (folder / f"{item.document_id}.done").write_bytes(b"")
    event = running.wait(lambda e: isinstance(e, DeviceStatus) and e.state is DeviceState.ERROR)
    assert isinstance(event, DeviceStatus) and event.reason == UNREADABLE
    rejected = folder / "rejected" / item.document_id
    assert sorted(p.name for p in rejected.iterdir()) == sorted(
        [f"{item.document_id}{s}" for s in ("_white.png", "_ir.png", "_uv.png", ".mrz", ".done")]
        + ["reason.txt"]
    )
    assert "_ir.png" in (rejected / "reason.txt").read_text()
    # the next good set is read, and the error clears
    good = write_document_set(folder, random.Random(6))
    scan = running.wait(is_scan)
    assert isinstance(scan, DocumentScan) and scan.mrz_text == good.mrz_text


def test_marker_without_images_is_rejected(folder: Path, running: Events) -> None:
    (folder / "lonely.done").write_bytes(b"")
    running.wait(lambda e: isinstance(e, DeviceStatus) and e.state is DeviceState.ERROR)
    assert (folder / "rejected" / "lonely" / "reason.txt").read_text().startswith("missing image")


def test_scanner_without_markers_waits_for_files_to_settle(folder: Path) -> None:
    device, events = start(folder, marker=False, settle=0.3)
    try:
        item = write_document_set(folder, random.Random(7), marker=False)
        scan = events.wait(is_scan)
        assert isinstance(scan, DocumentScan) and scan.mrz_text == item.mrz_text
    finally:
        device.close()


def test_missing_folder_is_reported_and_picked_up(tmp_path: Path) -> None:
    folder = tmp_path / "later"
    device, events = start(folder)
    try:
        events.wait(lambda e: isinstance(e, DeviceStatus) and e.state is DeviceState.DISCONNECTED)
        folder.mkdir()
        events.wait(lambda e: isinstance(e, DeviceStatus) and e.state is DeviceState.CONNECTED)
    finally:
        device.close()


def test_set_interrupted_in_processing_is_retried(folder: Path) -> None:
    item = write_document_set(folder, random.Random(8))
    claimed = folder / "processing" / item.document_id
    claimed.mkdir(parents=True)
    for path in item.files:
        path.rename(claimed / path.name)
    device, events = start(folder)
    try:
        scan = events.wait(is_scan)
        assert isinstance(scan, DocumentScan) and scan.mrz_text == item.mrz_text
    finally:
        device.close()


def test_grey_and_alpha_images_are_accepted(folder: Path, running: Events) -> None:
    grey = np.full((40, 60), 128, np.uint8)
    alpha = np.full((40, 60, 4), 200, np.uint8)
    cv2.imwrite(str(folder / "x_white.png"), alpha)
    cv2.imwrite(str(folder / "x_ir.png"), grey)
    cv2.imwrite(str(folder / "x_uv.jpg"), alpha[..., :3])
    (folder / "x.done").write_bytes(b"")
    scan = running.wait(is_scan)
    assert isinstance(scan, DocumentScan) and scan.mrz_text is None
    assert scan.images[Light.WHITE].shape == (40, 60, 3) and scan.images[Light.IR].ndim == 2


def test_sim_scanner_command_writes_sets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["sim", "scanner", "--folder", str(tmp_path), "--count", "2", "--defect", "altered-date"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and '"altered-date"' in lines[0]
    assert len(list(tmp_path.glob("*.done"))) == 2 and len(list(tmp_path.glob("*_uv.png"))) == 2
