"""DESKO style framing (DESKO "Misc. Reader Interface Specification for CUTE System"):
``<SODn><STX>line<CR>line<CR>[line<CR>]<ETX><EODn>``.

The public description gives the structure but not the byte values of the delimiters, so they are
assumptions here, kept in one place: ``<SODn>`` is FS (0x1C) followed by the device id ``n`` and
``<EODn>`` is GS (0x1D) followed by the same id; the OCR reader's id is ``"O"``. A reader configured
otherwise only changes ``SOD``, ``EOD`` or ``device_id``. The reader sends each MRZ line it saw
(a third line and its CR only for three-line documents) and sends unreadable characters as they
came, so the payload must still be a plausible MRZ to become a scan.

Resynchronisation: bytes outside a frame are noise and skipped (logged once per run); a new
``<SODn>`` inside a frame tears the frame in progress; a frame longer than 1024 characters, a
missing ``<EODn>``, or a pause mid-frame drops it as a failed read.
"""

from __future__ import annotations

import logging
from typing import Any

from devices.protocols.base import MAX_FRAME_BYTES, DecoderBase, plausible_mrz
from devices.scan import DeviceEvent

log = logging.getLogger(__name__)

SOD = 0x1C
EOD = 0x1D
STX = 0x02
ETX = 0x03
CR = 0x0D
OCR_DEVICE_ID = ord("O")


class DeskoDecoder(DecoderBase):
    def __init__(self, source: str, *, device_id: int = OCR_DEVICE_ID, **clocks: Any) -> None:
        super().__init__(source, **clocks)
        self.device_id = device_id
        self._frame = bytearray()  # from SOD on; empty while hunting for SOD
        self._noise = 0

    def data_received(self, data: bytes) -> list[DeviceEvent]:
        events: list[DeviceEvent] = []
        for byte in data:
            if not self._frame:
                if byte == SOD:
                    self._log_noise()
                    self._touch()
                    self._frame.append(byte)
                else:
                    self._noise += 1
                continue
            if byte == SOD and len(self._frame) > 1:
                events.append(self._failed("new frame started inside a frame", bytes(self._frame)))
                self._frame = bytearray([byte])
                self._touch()
                continue
            self._touch()
            self._frame.append(byte)
            if len(self._frame) > MAX_FRAME_BYTES + 6:
                events.append(self._failed("frame too long", bytes(self._frame)))
                self._frame.clear()
            elif len(self._frame) >= 2 and self._frame[-2] == EOD and self._frame[-3:-2] == bytes([ETX]):
                events.append(self._complete(bytes(self._frame)))
                self._frame.clear()
        return events

    def _complete(self, frame: bytes) -> DeviceEvent:
        head = bytes([SOD, self.device_id, STX])
        tail = bytes([CR, ETX, EOD, self.device_id])
        if not frame.startswith(head) or not frame.endswith(tail):
            return self._failed("bad frame delimiters", frame)
        payload = frame[len(head) : -len(tail) + 1]  # keep the last CR: every line ends with one
        try:
            text = payload.decode("ascii")
        except UnicodeDecodeError:
            return self._failed("non-ASCII payload", frame)
        lines = text.split("\r")[:-1]
        mrz_text = plausible_mrz(lines)
        if mrz_text is None:
            return self._failed("payload is not a whole MRZ", frame)
        return self._scan(mrz_text, frame)

    def _log_noise(self) -> None:
        if self._noise:
            log.info("%s: skipped %d noise byte(s) between frames", self.source, self._noise)
            self._noise = 0

    def idle(self) -> list[DeviceEvent]:
        self._log_noise()
        if not self._frame or not self._idle_expired():
            return []
        return self.reset()

    def reset(self) -> list[DeviceEvent]:
        if not self._frame:
            return []
        frame = bytes(self._frame)
        self._frame.clear()
        return [self._failed("frame cut off", frame)]


def encode(mrz_text: str, *, device_id: int = OCR_DEVICE_ID) -> bytes:
    """The bytes a DESKO reader sends for one document."""
    lines = mrz_text.strip().splitlines()
    payload = b"".join(line.encode("ascii") + b"\r" for line in lines)
    return bytes([SOD, device_id, STX]) + payload + bytes([ETX, EOD, device_id])
