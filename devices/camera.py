"""Cameras through OpenCV ``VideoCapture``: a device index (``"0"``), a video file, or a stream URL
(``rtsp://...``). Used for the traveller's live photo and as a document camera.

The device thread reads frames at the device's rate (a file is paced at its own frame rate, and
looped, so a recorded video stands in for a camera) and keeps only the latest one: ``latest_frame``
never blocks, ``capture_still`` waits for a frame taken after the call. When reading fails (camera
unplugged, stream dropped) the capture is released, ``DISCONNECTED`` reported and the source
reopened with a growing pause; a ``VideoCapture`` is never kept across a failure.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import cv2
import numpy as np

from devices.base import DeviceConfig, EventSink, StatusReporter
from devices.io_thread import IOThread
from devices.scan import DeviceState, DeviceStatus, DocumentScan, Image, Light, utcnow

log = logging.getLogger(__name__)

BACKOFF_START = 0.2
BACKOFF_MAX = 2.0
UNAVAILABLE = "camera not available"
LOST = "camera lost — check the cable"


class Camera:
    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        self.config = config
        source = config.port or str(config.options.get("source", "0"))
        self.source: int | str = int(source) if source.isdigit() else source
        self.is_file = isinstance(self.source, str) and Path(self.source).is_file()
        self.loop = bool(config.options.get("loop", True))
        self._io = IOThread(config.name, self._run)
        self._stop = self._io.stop_event
        self._frame_ready = threading.Condition()
        self._latest: Image | None = None
        self._frames = 0
        self._reporter = StatusReporter(config.name, sink)
        self._emit = self._reporter.emit

    # -- Device protocol --------------------------------------------------------------------------
    def open(self) -> None:
        self._io.start()

    def close(self) -> None:
        self._io.stop()

    def status(self) -> DeviceStatus:
        return self._reporter.status()

    # -- frames -----------------------------------------------------------------------------------
    @property
    def frames_read(self) -> int:
        with self._frame_ready:
            return self._frames

    def latest_frame(self) -> Image | None:
        """The most recent frame (read-only; a new array per frame), or ``None`` before the first."""
        with self._frame_ready:
            return self._latest

    def capture_still(self, timeout: float = 2.0) -> Image | None:
        """A frame taken after this call (not a stale one), or ``None`` if none came in ``timeout``."""
        with self._frame_ready:
            wanted = self._frames + 1
            if not self._frame_ready.wait_for(lambda: self._frames >= wanted, timeout):
                return None
            return self._latest

    def scan_document(self, timeout: float = 2.0) -> DocumentScan | None:
        """Use the camera as a document camera: a still under white light, reported to the sink
        (the station reads its MRZ with the OCR). ``None`` when no frame came."""
        started = utcnow()
        still = self.capture_still(timeout)
        if still is None:
            self._emit(DeviceStatus(self.config.name, DeviceState.ERROR, "no picture from the camera"))
            return None
        scan = DocumentScan(source=self.config.name, images={Light.WHITE: still}, started_at=started)
        self._emit(scan)
        return scan

    # -- the device thread ------------------------------------------------------------------------
    def _run(self) -> None:
        backoff = BACKOFF_START
        while not self._stop.is_set():
            capture = cv2.VideoCapture(self.source)
            try:
                if not capture.isOpened():
                    if (
                        self.status().state is not DeviceState.DISCONNECTED
                        or self.status().reason == "not opened"
                    ):
                        log.warning("%s: cannot open camera %r", self.config.name, self.source)
                    self._emit(
                        DeviceStatus(self.config.name, DeviceState.DISCONNECTED, "camera not available")
                    )
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, BACKOFF_MAX)
                    continue
                backoff = BACKOFF_START
                self._emit(DeviceStatus(self.config.name, DeviceState.CONNECTED))
                self._read_frames(capture)
            finally:
                capture.release()

    def _read_frames(self, capture: cv2.VideoCapture) -> None:
        fps = capture.get(cv2.CAP_PROP_FPS) if self.is_file else 0.0
        period = 1.0 / fps if fps and fps > 0 else 0.0
        next_at = time.monotonic()
        while not self._stop.is_set():
            ok, frame = capture.read()
            if not ok and self.is_file and self.loop:
                capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, frame = capture.read()
            if not ok or frame is None:
                log.warning("%s: camera %r stopped delivering frames", self.config.name, self.source)
                self._emit(
                    DeviceStatus(self.config.name, DeviceState.DISCONNECTED, "camera lost — check the cable")
                )
                return
            with self._frame_ready:
                self._latest = np.asarray(frame, dtype=np.uint8)
                self._frames += 1
                self._frame_ready.notify_all()
            if period:
                next_at += period
                self._stop.wait(max(0.0, next_at - time.monotonic()))
