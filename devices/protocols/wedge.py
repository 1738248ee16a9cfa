"""Keyboard-wedge readers: the reader types the MRZ into the focused window, each line ended by Enter.

The UI feeds key events ``(char, timestamp)``; this decoder tells a reader's burst from a person
typing by the gap between keys: a reader types a whole line at machine speed (a few ms per key),
a person never keeps every gap under ``max_key_gap`` (default 35 ms) for thirty keys. A gap longer
than that ends the burst: what came before is dropped (a person typing is not an error); a fast
burst of at least ``MIN_BURST`` keys that does not make a plausible MRZ is a failed read.
"""

from __future__ import annotations

from typing import Any

from devices.protocols.base import is_mrz_line
from devices.protocols.plain import LineAssembler
from devices.scan import DeviceEvent

ENTER = ("\r", "\n")
MIN_BURST = 20
"""Shorter fast bursts (a barcode, a person's lucky double key press) are not reader output."""


class WedgeDecoder(LineAssembler):
    def __init__(self, source: str, *, max_key_gap: float = 0.035, **clocks: Any) -> None:
        super().__init__(source, **clocks)
        self.max_key_gap = max_key_gap
        self._line: list[str] = []
        self._burst = 0
        self._last_key: float | None = None

    def key(self, char: str, at: float) -> list[DeviceEvent]:
        """One typed character (``"\\r"`` or ``"\\n"`` for Enter) at monotonic time ``at`` seconds."""
        events: list[DeviceEvent] = []
        if self._last_key is not None and at - self._last_key > self.max_key_gap:
            events.extend(self._end_burst())
        self._last_key = at
        self._burst += 1
        if char in ENTER:
            text = "".join(self._line)
            self._line.clear()
            if text and self._burst < MIN_BURST and not is_mrz_line(text):
                self._drop_quietly()  # a person's quick word and Enter, not reader output
            elif text:
                events.extend(self.line(text, text.encode("ascii", "replace") + b"\r"))
            else:
                events.extend(self.end_document())
            return events
        self._touch()
        self._line.append(char)
        return events

    def _end_burst(self) -> list[DeviceEvent]:
        """The burst ended by a pause: a long one left unfinished was a reader's failed read."""
        was_reader = self._burst >= MIN_BURST
        partial = "".join(self._line)
        self._line.clear()
        self._burst = 0
        if not was_reader:
            self._drop_quietly()
            return []
        events = self.end_document()
        if partial and not events:
            events.append(self._failed("burst ended mid-line", partial.encode("ascii", "replace")))
        return events

    def _drop_quietly(self) -> None:
        self._lines.clear()
        self._raw.clear()
        self._started_at = None

    def idle(self) -> list[DeviceEvent]:
        if self._last_key is None or self._monotonic() - self._last_key <= self.max_key_gap:
            return []
        self._last_key = None
        return self._end_burst()

    def reset(self) -> list[DeviceEvent]:
        self._last_key = None
        return self._end_burst()


def keystrokes(mrz_text: str, *, start: float = 0.0, gap: float = 0.004) -> list[tuple[str, float]]:
    """The key events a wedge reader types for one document: each line then Enter, ``gap`` apart."""
    keys = [char for line in mrz_text.strip().splitlines() for char in (*line, "\r")]
    return [(char, start + i * gap) for i, char in enumerate(keys)]
