"""A keyboard-wedge MRZ reader as a ``Device``: it has no port or thread of its own; the UI forwards
the key events of the focused window to ``key`` and the decoder picks out the reader's bursts."""

from __future__ import annotations

import threading
import time

from devices.base import DeviceConfig, EventSink
from devices.protocols.wedge import WedgeDecoder
from devices.scan import DeviceState, DeviceStatus


class WedgeReader:
    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        self.config = config
        self._sink = sink
        self._lock = threading.Lock()  # key events may come from the GUI thread, idle from a timer
        self._decoder = WedgeDecoder(config.name, max_key_gap=float(config.options.get("max_key_gap", 0.035)))
        self._status = DeviceStatus(config.name, DeviceState.DISCONNECTED, "not opened")

    def open(self) -> None:
        self._status = DeviceStatus(self.config.name, DeviceState.CONNECTED)
        self._sink(self._status)

    def close(self) -> None:
        with self._lock:
            events = self._decoder.reset()
        for event in events:
            self._sink(event)

    def status(self) -> DeviceStatus:
        return self._status

    def key(self, char: str, at: float | None = None) -> None:
        """One key typed in the focused window (``"\\r"`` for Enter), at monotonic time ``at``."""
        with self._lock:
            events = self._decoder.key(char, time.monotonic() if at is None else at)
        for event in events:
            self._sink(event)

    def idle(self) -> None:
        """Call now and then (a UI timer): ends a burst the reader left unfinished."""
        with self._lock:
            events = self._decoder.idle()
        for event in events:
            self._sink(event)
