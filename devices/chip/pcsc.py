"""The PC/SC chip reader driver (pyscard over pcscd): any contact or contactless reader pcscd knows,
including vsmartcard's "Virtual PCD" that the virtual eMRTD plugs into.

No connection is cached between reads: readers and documents come and go, so each ``connect``
finds the reader by name again and waits for a card on it.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from smartcard.CardConnection import CardConnection
from smartcard.CardRequest import CardRequest
from smartcard.Exceptions import CardConnectionException, CardRequestTimeoutException, NoCardException
from smartcard.pcsc.PCSCExceptions import BaseSCardException
from smartcard.System import readers

from devices.base import DeviceConfig, EventSink
from devices.chip.apdu import CardRemovedError, ChipError, NoCardError
from devices.scan import DeviceState, DeviceStatus

log = logging.getLogger(__name__)


def reader_names() -> list[str]:
    """Names of the readers pcscd offers now (empty when pcscd runs but has none)."""
    try:
        return [str(r) for r in readers()]
    except BaseSCardException as exc:
        raise ChipError(f"The smart card service (pcscd) is not available: {exc}") from exc


class PcscCardSource:
    """Chips on the PC/SC reader whose name starts with ``reader`` (e.g. ``"Virtual PCD 00 00"``)."""

    def __init__(self, reader: str) -> None:
        self.reader = reader

    def _find(self) -> Any:
        try:
            found = [r for r in readers() if str(r).startswith(self.reader)]
        except BaseSCardException as exc:
            raise ChipError(f"The smart card service (pcscd) is not available: {exc}") from exc
        if not found:
            raise ChipError(f"No chip reader named {self.reader!r} is connected.")
        return found[0]

    def connect(self, timeout: float) -> PcscTransport:
        """Waits for a card and powers it. pcscd may still report a card that has just left (its
        driver polls), so a failed power-up waits for the next insertion instead of giving up."""
        reader = self._find()
        deadline = time.monotonic() + timeout
        new_only = False
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise NoCardError("no chip on the reader")
            # each PC/SC object holds a context: release it now, not whenever the garbage collector
            # runs (by then pcscd may be gone and the release raises inside __del__)
            try:
                with CardRequest(
                    readers=[reader], timeout=max(remaining, 0.1), newcardonly=new_only
                ) as request:
                    request.waitforcard()
            except CardRequestTimeoutException:
                raise NoCardError("no chip on the reader") from None
            # our own connection: the card service's one is disconnected when the service is collected
            connection = reader.createConnection()
            try:
                connection.connect(CardConnection.T1_protocol | CardConnection.T0_protocol)
            except (NoCardException, CardConnectionException) as exc:
                log.info("chip reported on %s but not powered (%s); waiting for it again", self.reader, exc)
                _release(connection)
                new_only = True
                continue
            return PcscTransport(connection)


class PcscTransport:
    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def transmit(self, apdu: bytes) -> bytes:
        try:
            data, sw1, sw2 = self._connection.transmit(list(apdu))
        except (CardConnectionException, NoCardException) as exc:
            # removed, or reset under us: either way the chip's session is gone
            self.close()
            raise CardRemovedError(f"the chip left the reader: {exc}") from exc
        return bytes(data) + bytes([sw1, sw2])

    def close(self) -> None:
        _release(self._connection)


def _release(connection: Any) -> None:
    """Disconnects and frees the connection's PC/SC context (tolerating a card or pcscd gone)."""
    try:
        connection.release()
    except (CardConnectionException, NoCardException, BaseSCardException) as exc:
        log.debug("releasing a chip connection: %s", exc)


class PcscChipReader:
    """A PC/SC chip reader as a booth device (driver ``pcsc``; ``port`` = the start of the reader's
    name, empty: any reader). It reports whether pcscd offers the reader when opened and whenever
    ``status`` is asked (readers are hot-plugged); reads are made on demand by the inspection
    through :class:`PcscCardSource`, since a chip opens only with the MRZ."""

    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        self.config = config
        self._sink = sink
        self._opened = False
        self._status = DeviceStatus(config.name, DeviceState.DISCONNECTED, "not opened")

    def open(self) -> None:
        self._opened = True
        self.status()

    def close(self) -> None:
        if self._opened:
            self._opened = False
            self._report(DeviceStatus(self.config.name, DeviceState.DISCONNECTED, "closed"))

    def status(self) -> DeviceStatus:
        if not self._opened:
            return self._status
        try:
            names = reader_names()
        except ChipError as exc:
            return self._report(DeviceStatus(self.config.name, DeviceState.ERROR, str(exc)))
        if any(name.startswith(self.config.port) for name in names):
            return self._report(DeviceStatus(self.config.name, DeviceState.CONNECTED))
        wanted = f"named {self.config.port!r} " if self.config.port else ""
        return self._report(
            DeviceStatus(
                self.config.name, DeviceState.DISCONNECTED, f"no chip reader {wanted}is connected: plug it in"
            )
        )

    def _report(self, status: DeviceStatus) -> DeviceStatus:
        """Keeps ``status`` and tells the sink when the state or reason changed."""
        changed = (status.state, status.reason) != (self._status.state, self._status.reason)
        self._status = status
        if changed:
            self._sink(status)
        return status
