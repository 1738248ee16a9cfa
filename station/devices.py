"""The booth's devices as the application sees them: the events they send and a way to start one from
the booth config. The UI talks to ``station`` only (ui -> station -> devices); this is its door."""

from __future__ import annotations

from devices.base import Device, DeviceConfig, EventSink, create
from devices.scan import DeviceEvent, DeviceState, DeviceStatus, DocumentScan, Image, Light
from station.config import DeviceSpec

__all__ = [
    "Device",
    "DeviceEvent",
    "DeviceState",
    "DeviceStatus",
    "DocumentScan",
    "EventSink",
    "Image",
    "Light",
    "open_device",
]


def open_device(spec: DeviceSpec, sink: EventSink) -> Device:
    """The device ``spec`` names, created and opened, reporting to ``sink``.

    Raises ``KeyError`` (unknown driver), ``ValueError`` (bad settings) or ``OSError`` (cannot open)."""
    device = create(DeviceConfig.from_mapping(spec.to_toml_table()), sink)
    device.open()
    return device
