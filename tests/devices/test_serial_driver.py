"""The serial reader driver on real pseudo-terminals (socat), fed by the simulator in its own process:
reads arrive intact, faults become failed reads (never scans), a pulled port is reported within 2 s,
and the driver reads again by itself when the port returns. Nothing sent is lost or read twice."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from devices.base import DeviceConfig, EventQueue, create
from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan
from tests.helpers.socat_pair import SocatPair

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def pair(tmp_path) -> Iterator[SocatPair]:
    ports = SocatPair(tmp_path)
    ports.start()
    yield ports
    ports.stop()


class Collector:
    """Drains the device's queue on the test thread and keeps everything it saw."""

    def __init__(self) -> None:
        self.queue = EventQueue()
        self.events: list[tuple[float, DeviceEvent]] = []

    def wait(self, predicate, timeout: float) -> DeviceEvent:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no matching event in {timeout} s; saw {[e for _, e in self.events]}")
            try:
                event = self.queue.get(timeout=remaining)
            except queue.Empty:
                continue
            self.events.append((time.monotonic(), event))
            if predicate(event):
                return event

    def scans(self) -> list[str | None]:
        return [e.mrz_text for _, e in self.events if isinstance(e, DocumentScan)]

    def failed_reads(self) -> int:
        return sum(1 for _, e in self.events if isinstance(e, DeviceStatus) and e.state is DeviceState.ERROR)


def is_state(state: DeviceState):
    return lambda e: isinstance(e, DeviceStatus) and e.state is state


def simulate(port, protocol: str, *args: str) -> list[dict]:
    """Run ``station sim reader`` as a separate process; its report of what it sent."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "station",
            "sim",
            "reader",
            "--protocol",
            protocol,
            "--port",
            str(port),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def sent(report: list[dict]) -> list[str]:
    return [line["mrz"] for line in report if line["event"] == "sent"]


@pytest.fixture
def reader(pair: SocatPair, request) -> Iterator[tuple[Collector, str]]:
    protocol = request.param
    collector = Collector()
    device = create(
        DeviceConfig(name="reader", driver=f"serial-{protocol}", port=str(pair.a)), collector.queue
    )
    device.open()
    collector.wait(is_state(DeviceState.CONNECTED), 5)
    yield collector, protocol
    device.close()
    assert device.status().state in {DeviceState.CONNECTED, DeviceState.ERROR, DeviceState.DISCONNECTED}


@pytest.mark.parametrize("reader", ["plain", "desko", "rte"], indirect=True)
def test_reads_arrive_intact_and_faults_never_become_scans(pair: SocatPair, reader) -> None:
    collector, protocol = reader
    faults = ["torn", "noise", "corrupt", "pause"] + (["bad-bcc"] if protocol == "rte" else [])
    args = ["--count", "4", "--interval", "0.05", "--seed", "11", "--fault-every", "2"]
    report = simulate(pair.b, protocol, *args, *[f"--fault={f}" for f in faults])
    expected = sent(report)
    assert len(expected) == 4
    for _ in expected:
        collector.wait(lambda e: isinstance(e, DocumentScan), 10)
    time.sleep(0.7)  # anything late (a duplicate, a stray scan) would show up within the idle gap
    while True:
        try:
            collector.events.append((time.monotonic(), collector.queue.get(timeout=0.1)))
        except queue.Empty:
            break
    assert collector.scans() == expected
    # each fault except the pause (which must still read) is one failed read per faulty document
    broken = [f for f in faults if f != "pause"]
    assert collector.failed_reads() >= len(broken)


@pytest.mark.slow
@pytest.mark.parametrize("reader", ["rte", "plain"], indirect=True)
def test_pulled_port_mid_frame_is_reported_and_reading_resumes(pair: SocatPair, reader) -> None:
    collector, protocol = reader
    first = simulate(
        pair.b, protocol, "--count", "3", "--fault=disconnect", "--fault-every", "3", "--seed", "1"
    )
    assert len(sent(first)) == 2  # two whole documents, then half a frame and the simulator is gone
    for _ in range(2):
        collector.wait(lambda e: isinstance(e, DocumentScan), 10)

    pulled = time.monotonic()
    pair.unplug(hard=True)
    collector.wait(is_state(DeviceState.DISCONNECTED), 5)
    reported = collector.events[-1][0]
    assert reported - pulled < 2.0

    pair.plug()
    collector.wait(is_state(DeviceState.CONNECTED), 5)
    second = simulate(pair.b, protocol, "--count", "2", "--interval", "0.05", "--seed", "2")
    for _ in range(2):
        collector.wait(lambda e: isinstance(e, DocumentScan), 10)
    assert collector.scans() == sent(first) + sent(second)  # nothing lost, nothing twice
    assert collector.failed_reads() >= 1  # the half frame was reported, not delivered


def test_missing_port_is_reported_and_picked_up_when_it_appears(tmp_path) -> None:
    ports = SocatPair(tmp_path)
    collector = Collector()
    device = create(DeviceConfig(name="reader", driver="serial-desko", port=str(ports.a)), collector.queue)
    device.open()
    try:
        event = collector.wait(is_state(DeviceState.DISCONNECTED), 5)
        assert "not available" in event.reason
        ports.start()
        collector.wait(is_state(DeviceState.CONNECTED), 5)
        report = simulate(ports.b, "desko", "--count", "1")
        collector.wait(lambda e: isinstance(e, DocumentScan), 10)
        assert collector.scans() == sent(report)
    finally:
        device.close()
        ports.stop()
