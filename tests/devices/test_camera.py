"""The camera driver on a generated video file (the camera simulator), and face detection on stills."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from devices.base import DeviceConfig, EventQueue, create
from devices.camera import Camera
from devices.face_detect import detect_faces, has_dlib
from devices.scan import DeviceState, DeviceStatus, DocumentScan, Light
from devices.sim.camera import FRAME_SIZE, write_video
from devices.sim.document import draw_face
from station.cli import main

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("camera") / "booth.avi"
    assert write_video(path, seconds=1.0, fps=20, seed=3) == 20
    return path


@pytest.fixture
def camera(video: Path) -> Iterator[tuple[Camera, EventQueue]]:
    events = EventQueue()
    device = create(DeviceConfig(name="camera", driver="camera", kind="camera", port=str(video)), events)
    assert isinstance(device, Camera)
    device.open()
    yield device, events
    device.close()


def next_status(events: EventQueue, timeout: float = 5) -> DeviceStatus:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            event = events.get(timeout=0.1)
        except queue.Empty:
            continue
        if isinstance(event, DeviceStatus):
            return event
    raise AssertionError("no status")


def test_frames_flow_latest_never_blocks_and_stills_are_fresh(camera: tuple[Camera, EventQueue]) -> None:
    device, events = camera
    assert next_status(events).state is DeviceState.CONNECTED
    first = device.capture_still(timeout=5)
    assert first is not None and first.shape == (FRAME_SIZE[1], FRAME_SIZE[0], 3)
    started = time.monotonic()
    latest = device.latest_frame()
    assert time.monotonic() - started < 0.05 and latest is not None
    before = device.frames_read
    still = device.capture_still(timeout=5)
    assert still is not None and device.frames_read > before
    # paced at the file's 20 fps and looped: about 20 frames a second, beyond the file's 20 frames
    time.sleep(1.2)
    assert 8 <= device.frames_read - before <= 40  # lower bound loose: a shared CI machine may lag


def test_document_camera_reports_a_white_light_scan(camera: tuple[Camera, EventQueue]) -> None:
    device, events = camera
    scan = device.scan_document(timeout=5)
    assert scan is not None and set(scan.images) == {Light.WHITE} and scan.mrz_text is None
    seen = []
    while True:
        try:
            seen.append(events.get(timeout=0.2))
        except queue.Empty:
            break
    assert scan in seen and all(isinstance(e, DocumentScan | DeviceStatus) for e in seen)


def test_missing_camera_is_reported_and_stills_time_out(tmp_path: Path) -> None:
    events = EventQueue()
    device = Camera(DeviceConfig(name="cam", driver="camera", port=str(tmp_path / "none.avi")), events)
    device.open()
    try:
        status = next_status(events)
        assert status.state is DeviceState.DISCONNECTED and status.reason == "camera not available"
        assert device.latest_frame() is None
        assert device.capture_still(timeout=0.2) is None
    finally:
        device.close()


def test_face_found_on_a_camera_still(camera: tuple[Camera, EventQueue]) -> None:
    device, _ = camera
    still = device.capture_still(timeout=5)
    assert still is not None
    faces = detect_faces(still, method="heuristic")
    assert len(faces) == 1
    face = faces[0]
    # the simulator draws a 280x360 portrait centred in the frame; the head is inside it
    assert 100 < face.x + face.width / 2 < 540 and face.height > 100


@pytest.mark.parametrize("seed", range(12))
def test_heuristic_finds_one_face_per_portrait(seed: int) -> None:
    frame = np.full((480, 640, 3), 90, np.uint8)
    frame[60:420, 180:460] = draw_face(280, 360, seed)
    faces = detect_faces(frame, method="heuristic")
    assert len(faces) == 1 and faces[0].method == "heuristic"
    assert faces[0].x >= 180 and faces[0].x + faces[0].width <= 460


def test_no_face_in_blank_noise_or_grey_images() -> None:
    rng = np.random.default_rng(0)
    assert detect_faces(np.full((480, 640, 3), 90, np.uint8), method="heuristic") == []
    assert detect_faces(rng.integers(0, 255, (480, 640, 3), dtype=np.uint8), method="heuristic") == []
    assert detect_faces(np.full((100, 100), 128, np.uint8), method="heuristic") == []


@pytest.mark.skipif(not has_dlib(), reason="dlib-bin is not installed")
def test_dlib_detector_runs_when_installed() -> None:
    frame = np.full((480, 640, 3), 90, np.uint8)
    frame[60:420, 180:460] = draw_face(280, 360, 2)
    faces = detect_faces(frame, method="dlib-hog")
    assert all(f.method == "dlib-hog" for f in faces)
    assert detect_faces(np.full((480, 640, 3), 90, np.uint8), method="dlib-hog") == []


def test_sim_camera_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cam.avi"
    assert main(["sim", "camera", "--out", str(out), "--seconds", "0.5", "--fps", "10"]) == 0
    assert out.stat().st_size > 0 and '"frames": 5' in capsys.readouterr().out
