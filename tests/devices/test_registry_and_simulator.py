"""Device settings and the driver registry; the reader simulator's byte stream decoded in-process
(every fault ends as a failed read, every good document as exactly one scan); the wedge device."""

from __future__ import annotations

import io

import pytest

from devices.base import DRIVERS, DeviceConfig, EventQueue, create, driver_class
from devices.protocols import desko, plain, rte
from devices.protocols.base import FrameDecoder
from devices.protocols.wedge import keystrokes
from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan
from devices.sim.reader import Fault, simulate
from devices.wedge_reader import WedgeReader
from tests.helpers.device_clock import FakeClock

DECODERS = {"plain": plain.PlainLineDecoder, "desko": desko.DeskoDecoder, "rte": rte.RteDecoder}


def test_device_config_from_a_toml_table() -> None:
    config = DeviceConfig.from_mapping(
        {"name": "reader", "driver": "serial-rte", "port": 3, "baud": 115200, "parity": "E", "idle_gap": 0.3}
    )
    assert (config.port, config.baud, config.parity, config.options) == ("3", 115200, "E", {"idle_gap": 0.3})
    with pytest.raises(ValueError, match="'driver'"):
        DeviceConfig.from_mapping({"name": "x"})


def test_every_registered_driver_resolves_to_a_device_class() -> None:
    for name in DRIVERS:
        cls = driver_class(name)
        assert callable(cls) and hasattr(cls, "open") and hasattr(cls, "status")
    with pytest.raises(KeyError, match="known: camera"):
        driver_class("serial-acme")


def test_a_created_device_is_disconnected_until_opened() -> None:
    device = create(DeviceConfig(name="r", driver="serial-plain", port="/nonexistent"), EventQueue())
    assert device.status().state is DeviceState.DISCONNECTED
    device.close()  # closing a device never opened is harmless


class Sleeper:
    """Stands in for time.sleep: advances the decoder's clock and lets it notice the silence."""

    def __init__(self, clock: FakeClock, decoder: FrameDecoder, port: io.BytesIO, events: list[DeviceEvent]):
        self.clock, self.decoder, self.port, self.events = clock, decoder, port, events

    def feed(self) -> None:
        data = self.port.getvalue()
        self.port.seek(0)
        self.port.truncate()
        self.events += self.decoder.data_received(data)

    def __call__(self, seconds: float) -> None:
        self.feed()
        self.clock.advance(seconds)
        self.events += self.decoder.idle()


@pytest.mark.parametrize("protocol", ["plain", "desko", "rte"])
def test_simulated_faults_are_failed_reads_and_good_documents_scans(protocol: str) -> None:
    faults = [Fault.TORN, Fault.NOISE, Fault.CORRUPT, Fault.PAUSE] + (
        [Fault.BAD_BCC] if protocol == "rte" else []
    )
    clock = FakeClock()
    decoder: FrameDecoder = DECODERS[protocol]("sim", monotonic=clock.monotonic, clock=clock.wall)
    port = io.BytesIO()
    events: list[DeviceEvent] = []
    reports: list[dict[str, object]] = []
    sleeper = Sleeper(clock, decoder, port, events)
    count = simulate(
        port, protocol, count=6, faults=faults, fault_every=2, seed=4, report=reports.append, sleep=sleeper
    )
    sleeper(1.0)
    assert count == 6
    sent = [r["mrz"] for r in reports if r["event"] == "sent"]
    assert [e.mrz_text for e in events if isinstance(e, DocumentScan)] == sent
    injected = [r["fault"] for r in reports if r["event"] == "fault" and r["fault"] != "pause"]
    failed = [e for e in events if isinstance(e, DeviceStatus)]
    assert len(injected) == 3 * (len(faults) - 1)
    if protocol == "plain":
        # a garbage line and the broken document right after it (no blank line between) are one
        # failed read; each faulty stretch is reported at least once
        assert 3 <= len(failed) <= len(injected)
    else:  # framed protocols skip noise outside frames; every other fault is one failed read
        assert len(failed) == len([f for f in injected if f != "noise"])
    assert all(e.state is DeviceState.ERROR for e in failed)


def test_simulator_disconnect_stops_mid_frame() -> None:
    port = io.BytesIO()
    assert (
        simulate(port, "desko", count=5, faults=[Fault.DISCONNECT], fault_every=3, sleep=lambda _: None) == 2
    )
    assert port.getvalue().count(bytes([desko.SOD])) == 3 and port.getvalue().count(bytes([desko.EOD])) == 2


def test_simulator_rejects_bad_requests() -> None:
    with pytest.raises(ValueError, match="unknown protocol"):
        simulate(io.BytesIO(), "morse", count=1)
    with pytest.raises(ValueError, match="needs the rte"):
        simulate(io.BytesIO(), "desko", count=1, faults=[Fault.BAD_BCC])


def test_wedge_device_turns_a_reader_burst_into_a_scan() -> None:
    events = EventQueue()
    device = create(DeviceConfig(name="wedge", driver="wedge", kind="mrz_reader"), events)
    assert isinstance(device, WedgeReader)
    device.open()
    assert events.get(timeout=1) == device.status()
    mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    for char, at in keystrokes(mrz, start=100.0):
        device.key(char, at)
    scan = events.get(timeout=1)
    assert isinstance(scan, DocumentScan) and scan.mrz_text == mrz and scan.source == "wedge"
    for char, at in keystrokes(mrz, start=200.0)[:50]:
        device.key(char, at)
    device.idle()  # long after the burst stopped
    failed = events.get(timeout=1)
    assert isinstance(failed, DeviceStatus) and failed.state is DeviceState.ERROR
    device.close()
