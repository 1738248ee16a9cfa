"""3M RTE native framing (3M/Thales AT9000-family page readers in RTE mode):
``<SOH>[len lo][len hi]'O''U'<STX>[flag][data]<ETX>[BCC]``.

Conventions this decoder enforces (the vendor's manual is not public, so they are written down here
and the simulator uses the same ones):

- ``len`` (little-endian, 16 bit) counts the bytes after the two length bytes up to and including
  ``<ETX>``: ``'O' 'U' <STX> flag data <ETX>``;
- ``BCC`` is the XOR of every byte after ``<SOH>`` up to and including ``<ETX>`` (the length bytes,
  ``'O' 'U'``, ``<STX>``, flag, data and ``<ETX>``);
- ``flag`` is ``'0'`` for a good read; any other value is the reader saying the read failed;
- ``data`` is three CR-terminated slots; the MRZ's last line is always in slot 3, so a two-line
  document leaves slot 2 empty (slot 1 = line 1, slot 3 = line 2); slots may be padded with ``_``,
  which is removed.

A frame with a bad length, delimiter, BCC or flag is dropped as a failed read, and the decoder
resynchronises on the next ``<SOH>`` *after the bad one's first byte* (not after its claimed length),
so a corrupt length byte cannot swallow the next good frame.
"""

from __future__ import annotations

from typing import Any

from devices.protocols.base import MAX_FRAME_BYTES, DecoderBase, plausible_mrz
from devices.scan import DeviceEvent, DocumentScan

SOH = 0x01
STX = 0x02
ETX = 0x03
CR = 0x0D
MARKER = b"OU"
GOOD_READ = ord("0")
SLOTS = 3
_HEADER = 3  # SOH + two length bytes
_MIN_BODY = len(MARKER) + 3 + SLOTS  # 'O' 'U' STX flag CR CR CR ETX


def bcc(data: bytes) -> int:
    value = 0
    for byte in data:
        value ^= byte
    return value


class RteDecoder(DecoderBase):
    def __init__(self, source: str, **clocks: Any) -> None:
        super().__init__(source, **clocks)
        self._buffer = bytearray()

    def data_received(self, data: bytes) -> list[DeviceEvent]:
        if data:
            self._touch()
        self._buffer += data
        return self._drain()

    def _drain(self) -> list[DeviceEvent]:
        events: list[DeviceEvent] = []
        while True:
            start = self._buffer.find(SOH)
            if start < 0:  # only noise left: skip it
                self._buffer.clear()
                self._started_at = None
                return events
            del self._buffer[:start]
            if len(self._buffer) < _HEADER:
                return events
            length = self._buffer[1] | self._buffer[2] << 8
            if not _MIN_BODY <= length <= MAX_FRAME_BYTES:
                events.append(self._failed(f"impossible length {length}", bytes(self._buffer[:_HEADER])))
                del self._buffer[:1]
                continue
            total = _HEADER + length + 1
            if len(self._buffer) < total:
                return events
            frame = bytes(self._buffer[:total])
            event = self._decode(frame)
            events.append(event)
            # a good frame is consumed whole; a bad one only loses its SOH, then we hunt again
            del self._buffer[: total if isinstance(event, DocumentScan) else 1]
            if not self._buffer:
                self._started_at = None

    def _decode(self, frame: bytes) -> DeviceEvent:
        body = frame[_HEADER:-1]
        if not body.startswith(MARKER + bytes([STX])) or body[-1] != ETX:
            return self._failed("bad frame delimiters", frame)
        if bcc(frame[1:-1]) != frame[-1]:
            return self._failed("block check (BCC) mismatch", frame)
        flag = body[3]
        if flag != GOOD_READ:
            return self._failed(f"reader flagged a failed read ({flag:#04x})", frame)
        data = body[4:-1]
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            return self._failed("non-ASCII data", frame)
        slots = text.split("\r")
        if len(slots) != SLOTS + 1 or slots[-1]:
            return self._failed("data is not three CR-terminated slots", frame)
        lines = [slot.strip("_") for slot in slots[:SLOTS]]
        if not lines[-1]:
            return self._failed("slot 3 (last MRZ line) is empty", frame)
        mrz_text = plausible_mrz([line for line in lines if line])
        if mrz_text is None:
            return self._failed("slots do not hold a whole MRZ", frame)
        return self._scan(mrz_text, frame)

    def idle(self) -> list[DeviceEvent]:
        """A pause with a frame unfinished: it is torn. Its SOH is dropped and the rest re-scanned,
        so a good frame hidden behind a noise SOH with a bogus length is still found."""
        if not self._buffer or not self._idle_expired():
            return []
        events: list[DeviceEvent] = [self._failed("frame cut off", bytes(self._buffer))]
        del self._buffer[:1]
        events.extend(self._drain())
        while self._buffer:  # anything still waiting is older than the pause too
            del self._buffer[:1]
            events.extend(event for event in self._drain() if isinstance(event, DocumentScan))
        return events

    def reset(self) -> list[DeviceEvent]:
        if not self._buffer:
            return []
        frame = bytes(self._buffer)
        self._buffer.clear()
        return [self._failed("frame cut off", frame)]


def encode(mrz_text: str, *, flag: int = GOOD_READ, pad_to: int = 44) -> bytes:
    """The bytes a 3M RTE reader sends for one document (slots padded with ``_`` to ``pad_to``)."""
    lines = mrz_text.strip().splitlines()
    slots = [lines[0], "", lines[1]] if len(lines) == 2 else lines
    data = b"".join(slot.ljust(pad_to, "_").encode("ascii") + b"\r" for slot in slots)
    body = MARKER + bytes([STX, flag]) + data + bytes([ETX])
    length = len(body).to_bytes(2, "little")
    return bytes([SOH]) + length + body + bytes([bcc(length + body)])
