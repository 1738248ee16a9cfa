"""A real PC/SC stack for tests, benchmarks and the demo: a private pcscd with vsmartcard's vpcd
reader driver on a free port, and the project's virtual eMRTD plugged into it over the vpcd socket.

Steps (the same by hand): write a reader.conf naming ``libifdvpcd.so`` with ``DEVICENAME
/dev/null:<port>``; run ``pcscd --foreground -c <reader.conf>``; the reader "Virtual PCD 00 00"
appears; a card is inserted by connecting to ``127.0.0.1:<port>`` (``python -m
devices.sim.emrtd.vpcd --image chip.json --port <port>``) and removed by closing that socket.

pcscd 1.9 always serves ``/run/pcscd/pcscd.comm``, so one stack runs per machine at a time:
keep every real-stack test in one test module (xdist's loadfile keeps a module on one worker).
Needs apt ``pcscd`` and ``vsmartcard-vpcd`` and pip ``pyscard`` (``missing_parts`` says which lack).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from devices.sim.emrtd.card import VirtualChip
from devices.sim.emrtd.vpcd import VpcdCard

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
READER = "Virtual PCD 00 00"


def missing_parts() -> list[str]:
    """What this machine lacks for the real stack (empty when it can run)."""
    missing = []
    if shutil.which("pcscd") is None:
        missing.append("apt package pcscd")
    if not VPCD_DRIVER.exists():
        missing.append("apt package vsmartcard-vpcd")
    try:
        import smartcard  # noqa: F401, PLC0415 - optional dependency, probed on purpose
    except ImportError:
        missing.append("pip package pyscard")
    return missing


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Polls ``condition``: pcscd offers no event for "reader listed" or "card seen removed"."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.05)


@dataclass
class PcscStack:
    port: int
    log_path: Path
    reader: str = READER
    cards: list[tuple[VpcdCard, threading.Thread]] = field(default_factory=list)

    def insert(
        self, chip: VirtualChip, *, lift_after: int | None = None, lift_seconds: float | None = 0.5
    ) -> VpcdCard:
        """Puts ``chip`` on the reader (a card thread speaking the vpcd protocol)."""
        card = VpcdCard(chip, port=self.port, lift_after=lift_after, lift_seconds=lift_seconds)
        thread = threading.Thread(target=card.serve, name="vpcd-card", daemon=True)
        thread.start()
        self.cards.append((card, thread))
        if not card.connected.wait(10):
            raise TimeoutError(f"the virtual card did not connect to vpcd on port {self.port}")
        return card

    def remove_all(self) -> None:
        """Takes every card off and waits until pcscd has seen the reader empty (a card put on
        before vpcd noticed the last one leave would not be powered)."""
        for card, thread in self.cards:
            card.stop()
            thread.join(5)
        if self.cards:
            self.wait_until_empty()
        self.cards.clear()

    def wait_until_empty(self) -> None:
        _wait_for(lambda: not self.card_present(), 10, "pcscd to see the card removed")

    def card_present(self) -> bool:
        from smartcard import scard  # noqa: PLC0415 - optional dependency

        _, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        try:
            _, states = scard.SCardGetStatusChange(context, 0, [(self.reader, scard.SCARD_STATE_UNAWARE)])
            return bool(states[0][1] & scard.SCARD_STATE_PRESENT)
        finally:
            scard.SCardReleaseContext(context)

    def log_tail(self) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-20:])


@contextmanager
def pcsc_stack(workdir: Path) -> Iterator[PcscStack]:
    """Starts pcscd with the vpcd reader; stops it (and any card) on exit."""
    from smartcard.System import readers  # noqa: PLC0415 - optional dependency

    if PCSCD_SOCKET.exists():
        raise RuntimeError(
            f"{PCSCD_SOCKET} exists: another pcscd is running; stop it to run the chip stack tests"
        )
    port = _free_port()
    conf = workdir / "reader.conf"
    conf.write_text(
        f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:{port}\nLIBPATH {VPCD_DRIVER}\nCHANNELID {port}\n'
    )
    log_path = workdir / "pcscd.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["pcscd", "--foreground", "--auto-exit", "-c", str(conf)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ},
        )
    stack = PcscStack(port, log_path)
    try:

        def reader_listed() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"pcscd exited with {process.returncode}:\n{stack.log_tail()}")
            try:
                return any(str(r) == READER for r in readers())
            except Exception:  # pcscd not accepting connections yet
                return False

        _wait_for(reader_listed, 15, "pcscd to list the Virtual PCD reader")
        yield stack
    finally:
        stack.remove_all()
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
