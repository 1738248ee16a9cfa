"""What every frame decoder shares: MRZ plausibility, the events it emits, and its clocks.

A decoder is a pure object in the style of pyserial's ``serial.threaded.Packetizer``: the device
thread hands it bytes with ``data_received`` and calls ``idle`` when nothing arrived for a while; both
return the events the bytes completed. No port, no thread, no sleeping, so decoders are tested with
recorded byte streams and fake clocks.

A frame that is torn, corrupt or not a plausible MRZ never becomes a scan: it is dropped with a log
line and reported as ``DeviceStatus(ERROR, READ_FAILED)`` so the officer presents the document again.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan, utcnow

log = logging.getLogger(__name__)

READ_FAILED = "read failed — present the document again"

MRZ_LINE = re.compile(r"[A-Z0-9<]+")
LINES_PER_LENGTH = {44: 2, 36: 2, 30: 3}
"""MRZ line length -> lines in the document: TD3/MRV-A (2 x 44), TD2/MRV-B (2 x 36), TD1 (3 x 30)."""

MAX_FRAME_BYTES = 1024
"""Longest frame any supported reader sends (DESKO: 1024 characters); a longer run is noise."""

Monotonic = Callable[[], float]
WallClock = Callable[[], datetime]


def is_mrz_line(line: str) -> bool:
    """A line an MRZ could contain: the MRZ charset only, at one of the ICAO line lengths."""
    return len(line) in LINES_PER_LENGTH and MRZ_LINE.fullmatch(line) is not None


def plausible_mrz(lines: list[str]) -> str | None:
    """The lines joined by ``\\n`` when they form a whole MRZ of one format, else ``None``.

    Check digits are not verified here: a reader that reads a forged or damaged document correctly
    must still deliver it, so the checks can say what is wrong with it.
    """
    if not lines or not all(is_mrz_line(line) for line in lines):
        return None
    length = len(lines[0])
    if any(len(line) != length for line in lines) or len(lines) != LINES_PER_LENGTH[length]:
        return None
    return "\n".join(lines)


class FrameDecoder(Protocol):
    """A protocol's decoder: bytes in, completed events out."""

    def data_received(self, data: bytes) -> list[DeviceEvent]: ...

    def idle(self) -> list[DeviceEvent]:
        """Called when no byte arrived for a while: a frame left half-way is torn."""
        ...

    def reset(self) -> list[DeviceEvent]:
        """Drop any partial frame (the port went away); report it if there was one."""
        ...


class DecoderBase:
    """Clocks, the start time of the frame in progress, and the two ways a frame ends."""

    def __init__(
        self,
        source: str,
        *,
        idle_gap: float = 0.5,
        monotonic: Monotonic = time.monotonic,
        clock: WallClock = utcnow,
    ) -> None:
        self.source = source
        self.idle_gap = idle_gap
        self._monotonic = monotonic
        self._clock = clock
        self._started_at: datetime | None = None
        self._last_byte = 0.0

    def _touch(self) -> None:
        """Note that bytes of a frame arrived now (the first ones start the frame's clock)."""
        if self._started_at is None:
            self._started_at = self._clock()
        self._last_byte = self._monotonic()

    def _idle_expired(self) -> bool:
        return self._started_at is not None and self._monotonic() - self._last_byte >= self.idle_gap

    def _scan(self, mrz_text: str, raw: bytes) -> DocumentScan:
        started = self._started_at or self._clock()
        self._started_at = None
        return DocumentScan(
            source=self.source, mrz_text=mrz_text, started_at=started, finished_at=self._clock(), raw=raw
        )

    def _failed(self, why: str, raw: bytes) -> DeviceStatus:
        self._started_at = None
        log.warning("%s: frame dropped (%s): %r", self.source, why, raw[:200])
        return DeviceStatus(self.source, DeviceState.ERROR, READ_FAILED, self._clock())
