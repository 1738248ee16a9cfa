"""Serial MRZ readers: one I/O thread per port, a protocol's frame decoder, and hot-plug recovery.

The thread owns the port: it opens it, reads with a short timeout, feeds the decoder, and reports
every event to the sink. When the port fails (cable pulled, USB-serial adapter reset, pty gone:
pyserial raises ``SerialException`` or ``OSError``), the handle is closed at once, a partial frame is
reported as a failed read, ``DISCONNECTED`` is reported, and the thread tries to open the port again
with a growing pause (0.2 s doubling to 2 s), so a returning port is picked up within ~2 s and a
missing one costs no CPU. A handle is never kept across a failure.

A failed read (torn or corrupt frame) is reported as ``ERROR`` and stays the device's status until
the next good scan, so the "present the document again" message is not cleared by the port itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import serial

from devices.base import DeviceConfig, EventSink, StatusReporter
from devices.io_thread import IOThread
from devices.protocols import desko, plain, rte
from devices.protocols.base import FrameDecoder
from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan

log = logging.getLogger(__name__)

READ_TIMEOUT = 0.05
"""Longest a read blocks; also how often the decoder's idle timer and the stop flag are looked at."""
BACKOFF_START = 0.2
BACKOFF_MAX = 2.0

DecoderFactory = Callable[..., FrameDecoder]
"""``factory(source, idle_gap=seconds)``: a protocol's decoder class."""


class SerialReader:
    """A document reader on a serial port speaking the protocol ``decoder_factory`` decodes."""

    decoder_factory: DecoderFactory = plain.PlainLineDecoder

    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        self.config = config
        self._io = IOThread(config.name, self._run, join_timeout=5)
        self._stop = self._io.stop_event
        self._reporter = StatusReporter(config.name, sink)
        idle_gap = float(config.options.get("idle_gap", 0.5))
        self._decoder = self._make_decoder(idle_gap)

    def _make_decoder(self, idle_gap: float) -> FrameDecoder:
        return type(self).decoder_factory(self.config.name, idle_gap=idle_gap)

    # -- Device protocol --------------------------------------------------------------------------
    def open(self) -> None:
        self._io.start()

    def close(self) -> None:
        self._io.stop()

    def status(self) -> DeviceStatus:
        return self._reporter.status()

    # -- the device thread ------------------------------------------------------------------------
    def _emit(self, event: DeviceEvent) -> None:
        """Every event the decoder makes goes out: two torn frames in a row are two failed reads."""
        self._reporter.emit(event, repeat=True)

    def _set_state(self, state: DeviceState, reason: str = "") -> bool:
        """Report a change of state; ``False`` (and nothing reported) when nothing changed."""
        return self._reporter.set(state, reason)

    def _open_port(self) -> serial.Serial:
        c = self.config
        return serial.Serial(
            port=c.port,
            baudrate=c.baud,
            bytesize=c.bytesize,
            parity=c.parity,
            stopbits=c.stopbits,
            timeout=READ_TIMEOUT,
            exclusive=True,
        )

    def _run(self) -> None:
        backoff = BACKOFF_START
        while not self._stop.is_set():
            try:
                port = self._open_port()
            except (serial.SerialException, OSError, ValueError) as exc:
                if (
                    self.status().state is not DeviceState.DISCONNECTED
                    or self.status().reason == "not opened"
                ):
                    log.warning("%s: cannot open %s: %s", self.config.name, self.config.port, exc)
                self._set_state(DeviceState.DISCONNECTED, f"port {self.config.port} not available")
                self._stop.wait(backoff)
                backoff = min(backoff * 2, BACKOFF_MAX)
                continue
            backoff = BACKOFF_START
            log.info("%s: %s open", self.config.name, self.config.port)
            self._set_state(DeviceState.CONNECTED)
            try:
                self._read_until_failure(port)
            finally:
                port.close()

    def _read_until_failure(self, port: serial.Serial) -> None:
        while not self._stop.is_set():
            try:
                data = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError) as exc:
                log.warning("%s: port %s lost: %s", self.config.name, self.config.port, exc)
                for event in self._decoder.reset():
                    self._emit(event)
                self._set_state(DeviceState.DISCONNECTED, f"port {self.config.port} lost — check the cable")
                return
            events = self._decoder.data_received(data) if data else self._decoder.idle()
            for event in events:
                if isinstance(event, DocumentScan):
                    self._reporter.good_read()
                self._emit(event)
        for event in self._decoder.reset():
            self._emit(event)


class PlainSerialReader(SerialReader):
    """Generic OCR readers in virtual COM mode: MRZ lines ended by CR/LF."""

    decoder_factory = plain.PlainLineDecoder


class DeskoSerialReader(SerialReader):
    """DESKO readers: ``<SODn><STX>lines<ETX><EODn>`` frames."""

    decoder_factory = desko.DeskoDecoder


class RteSerialReader(SerialReader):
    """3M readers in RTE native mode: length-prefixed frames with a block check."""

    decoder_factory = rte.RteDecoder
