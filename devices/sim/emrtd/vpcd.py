"""The virtual chip on a real PC/SC stack: a client of vsmartcard's ``vpcd`` reader driver.

pcscd loads ``libifdvpcd``, which listens on a TCP port (35963 unless its reader.conf says
otherwise). A card "is on the reader" while a client is connected to that port. The protocol is a
stream of messages, each a 2-byte big-endian length and its bytes: a 1-byte message is a control
code (0 power off, 1 power on, 2 reset, 4 ask for the ATR, answered with the ATR), anything longer
is a command APDU answered with the response APDU. Closing the socket takes the card off the
reader, which is how ``lift_after`` simulates a traveller lifting the passport.

Run as a process: ``python -m devices.sim.emrtd.vpcd --image chip.json --port 35963``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import socket
import threading
import time
from collections.abc import Sequence

from devices.sim.emrtd.card import ATR, VirtualChip
from devices.sim.emrtd.passport import ChipImage

log = logging.getLogger(__name__)

CTRL_OFF, CTRL_ON, CTRL_RESET, CTRL_ATR = 0, 1, 2, 4
DEFAULT_PORT = 35963


class VpcdCard:
    """Connects ``chip`` to vpcd and answers until ``stop`` (or until the lift it was told to do).

    ``lift_after``: close the connection after that many APDUs, then reconnect after
    ``lift_seconds`` (``None``: stay away). ``apdus`` counts commands answered.
    """

    def __init__(
        self,
        chip: VirtualChip,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        lift_after: int | None = None,
        lift_seconds: float | None = 0.5,
    ) -> None:
        self.chip = chip
        self._address = (host, port)
        self._lift_after = lift_after
        self._lift_seconds = lift_seconds
        self._stop = threading.Event()
        self.apdus = 0
        self.lifts = 0
        self.connected = threading.Event()
        self._socket: socket.socket | None = None

    def stop(self) -> None:
        self._stop.set()
        sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def serve(self, connect_timeout: float = 10.0) -> None:
        """Connects (retrying while vpcd is not listening yet) and serves until stopped.

        When vpcd drops the connection (it re-creates its listening socket after noticing a card
        leave, dropping connections that arrived too early) the card connects again: it stays
        on the reader until ``stop``, or until its simulated lift.
        """
        while not self._stop.is_set():
            sock = self._connect(connect_timeout)
            if sock is None:
                return
            if self._session(sock):
                self.lifts += 1
                if self._lift_seconds is None or self._stop.wait(self._lift_seconds):
                    return

    def _connect(self, timeout: float) -> socket.socket | None:
        deadline = time.monotonic() + timeout
        while not self._stop.is_set():
            try:
                sock = socket.create_connection(self._address, timeout=2)
            except OSError:
                if time.monotonic() > deadline:
                    log.error("vpcd is not listening on %s:%d", *self._address)
                    return None
                self._stop.wait(0.05)
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._socket = sock
            self.chip.reset()
            self.connected.set()
            log.debug("virtual chip connected to vpcd on port %d", self._address[1])
            return sock
        return None

    def _session(self, sock: socket.socket) -> bool:
        """Serves one insertion; True when it ended because of a simulated lift."""
        with sock:
            while not self._stop.is_set():
                message = _receive(sock)
                if message is None:
                    log.debug("vpcd closed the connection")
                    return False
                if len(message) == 1:
                    if message[0] == CTRL_ATR:
                        _send(sock, ATR)
                    elif message[0] in (CTRL_OFF, CTRL_RESET):
                        self.chip.reset()
                    continue
                if self._lift_after is not None and self.apdus >= self._lift_after:
                    self._lift_after = None
                    self.connected.clear()
                    return True
                self.apdus += 1
                _send(sock, self.chip.transmit(message))
        return False


def _receive(sock: socket.socket) -> bytes | None:
    header = _exactly(sock, 2)
    if header is None:
        return None
    return _exactly(sock, int.from_bytes(header, "big"))


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        try:
            # vpcd writes length and body separately; acknowledging at once avoids waiting for
            # delayed ACKs against its Nagle (40 ms per APDU otherwise)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            part = sock.recv(size - len(data))
        except OSError:
            return None
        if not part:
            return None
        data += part
    return data


def _send(sock: socket.socket, data: bytes) -> None:
    sock.sendall(len(data).to_bytes(2, "big") + data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a virtual eMRTD to vpcd (vsmartcard)")
    parser.add_argument("--image", required=True, help="chip image JSON (devices.sim.emrtd.passport)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    card = VpcdCard(VirtualChip(ChipImage.load(args.image)), host=args.host, port=args.port)
    try:
        card.serve()
    except KeyboardInterrupt:
        card.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
