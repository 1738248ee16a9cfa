"""Plain lines: generic OCR readers in virtual COM mode send each MRZ line ended by CR, LF or CRLF,
and an empty line (or a pause) after the document.

Framing rule: consecutive non-empty lines form a document. Because the line length fixes how many
lines a document has (44 and 36 -> 2, 30 -> 3), a document is complete as soon as its last line
arrives, so two documents sent back to back without a blank line still separate. An empty line, a
pause longer than ``idle_gap``, a line of another length, or a line that is not MRZ text ends an
unfinished document: it is dropped and reported as a failed read. Whitespace-only lines (CR LF
pairs, stray blank lines) are separators, never data.
"""

from __future__ import annotations

import logging
from typing import Any

from devices.protocols.base import MAX_FRAME_BYTES, DecoderBase, is_mrz_line, plausible_mrz
from devices.scan import DeviceEvent

log = logging.getLogger(__name__)

CR, LF = 0x0D, 0x0A


class LineAssembler(DecoderBase):
    """Groups MRZ lines into documents; shared by the plain-line and keyboard-wedge decoders."""

    def __init__(self, source: str, **clocks: Any) -> None:
        super().__init__(source, **clocks)
        self._lines: list[str] = []
        self._raw = bytearray()
        self._reported = False  # this document's failure was already reported

    def line(self, text: str, raw: bytes) -> list[DeviceEvent]:
        """One complete line arrived (without its terminator)."""
        text = text.strip(" \t")
        if not text:
            return self.end_document()
        events: list[DeviceEvent] = []
        if not is_mrz_line(text):
            events.extend(self._drop_partial())
            if not self._reported:
                events.append(self._failed(f"not an MRZ line: {text[:60]!r}", raw))
            self._reported = True
            return events
        if self._lines and len(self._lines[0]) != len(text):
            events.extend(self._drop_partial())
            self._reported = False  # the new line starts a new document
        self._touch()
        self._lines.append(text)
        self._raw += raw
        mrz_text = plausible_mrz(self._lines)
        if mrz_text is not None:
            events.append(self._scan(mrz_text, bytes(self._raw)))
            self._lines.clear()
            self._raw.clear()
            self._reported = False
        return events

    def end_document(self) -> list[DeviceEvent]:
        """An empty line or a pause: whatever document is unfinished is torn."""
        events = self._drop_partial()
        self._reported = False
        return events

    def _drop_partial(self) -> list[DeviceEvent]:
        """Drop the unfinished document; report it unless its failure was reported already (a bad
        line followed by the rest of the same document is one failed read, not two)."""
        if not self._lines:
            return []
        raw = bytes(self._raw)
        count = len(self._lines)
        self._lines.clear()
        self._raw.clear()
        if self._reported:
            log.info("%s: rest of a failed read dropped: %r", self.source, raw[:200])
            return []
        self._reported = True
        return [self._failed(f"document ended after {count} line(s)", raw)]


class PlainLineDecoder(LineAssembler):
    """Bytes -> lines (CR, LF or CRLF) -> documents."""

    def __init__(self, source: str, **clocks: Any) -> None:
        super().__init__(source, **clocks)
        self._buffer = bytearray()
        self._after_cr = False

    def data_received(self, data: bytes) -> list[DeviceEvent]:
        events: list[DeviceEvent] = []
        for byte in data:
            if byte == LF and self._after_cr:  # second half of CR LF
                self._after_cr = False
                continue
            self._after_cr = byte == CR
            if byte in (CR, LF):
                raw = bytes(self._buffer) + bytes([byte])
                text = self._buffer.decode("ascii", errors="replace")
                self._buffer.clear()
                events.extend(self.line(text, raw))
                continue
            self._touch()
            self._buffer.append(byte)
            if len(self._buffer) > MAX_FRAME_BYTES:
                events.extend(self._drop_line("line longer than any MRZ"))
        return events

    def _drop_line(self, why: str) -> list[DeviceEvent]:
        """Drop the unfinished line with the document it belonged to: one torn read, one report."""
        raw = bytes(self._raw) + bytes(self._buffer)
        self._buffer.clear()
        self._lines.clear()
        self._raw.clear()
        return [self._failed(why, raw)]

    def idle(self) -> list[DeviceEvent]:
        if not self._idle_expired():
            return []
        if self._buffer:
            return self._drop_line("line without terminator")
        return self.end_document()

    def reset(self) -> list[DeviceEvent]:
        self._after_cr = False
        if self._buffer:
            return self._drop_line("port lost mid-line")
        return self.end_document()


def encode(mrz_text: str, *, terminator: bytes = b"\r\n") -> bytes:
    """The bytes a plain-line reader sends for one document: each line, then an empty line."""
    lines = mrz_text.strip().splitlines()
    return b"".join(line.encode("ascii") + terminator for line in lines) + terminator
