"""The one shape every device driver has, its settings, and the registry that picks a driver by name.

A driver is a small class behind ``Device``: ``open`` starts its own I/O thread, ``close`` stops it,
``status`` says how it is, and everything it learns (``DocumentScan`` or ``DeviceStatus``) goes to the
``EventSink`` it was built with. The sink is called from the device's thread, so it must be
thread-safe; ``EventQueue`` is the simple one (the station hands events to Qt by signal).

Devices are hot-plugged: no driver caches an OS handle across a failure. When the handle fails, it is
closed, the driver reports ``DISCONNECTED`` and opens a fresh handle when the device is back.
"""

from __future__ import annotations

import importlib
import logging
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from devices.scan import DeviceEvent, DeviceState, DeviceStatus

log = logging.getLogger(__name__)

EventSink = Callable[[DeviceEvent], None]


class StatusReporter:
    """A driver's current status and its road to the sink, shared by the drivers.

    A status equal in state and reason to the current one is not sent again (unless ``repeat``: a
    second "read failed" in a row is news to the officer), and a sink that raises is logged, never
    allowed to kill the device thread."""

    def __init__(self, name: str, sink: EventSink) -> None:
        self.name = name
        self._sink = sink
        self._lock = threading.Lock()
        self._status = DeviceStatus(name, DeviceState.DISCONNECTED, "not opened")

    def status(self) -> DeviceStatus:
        with self._lock:
            return self._status

    def emit(self, event: DeviceEvent, *, repeat: bool = False) -> bool:
        """Send ``event``; ``False`` when it was a status that changed nothing (and was not sent)."""
        if isinstance(event, DeviceStatus):
            with self._lock:
                same = (event.state, event.reason) == (self._status.state, self._status.reason)
                if same and not repeat:
                    return False
                self._status = event
        try:
            self._sink(event)
        except Exception:  # a consumer's bug must not kill the device thread
            log.exception("%s: event sink failed", self.name)
        return True

    def set(self, state: DeviceState, reason: str = "") -> bool:
        return self.emit(DeviceStatus(self.name, state, reason))

    def good_read(self) -> None:
        """A good read clears an earlier "read failed" without a word: the scan itself says so."""
        with self._lock:
            if self._status.state is DeviceState.ERROR:
                self._status = DeviceStatus(self.name, DeviceState.CONNECTED)


class EventQueue:
    """A thread-safe sink: devices ``put`` events from their threads, a consumer ``get``s them."""

    def __init__(self) -> None:
        self._queue: queue.Queue[DeviceEvent] = queue.Queue()

    def __call__(self, event: DeviceEvent) -> None:
        self._queue.put(event)

    def get(self, timeout: float | None = None) -> DeviceEvent:
        """The next event; raises ``queue.Empty`` after ``timeout`` seconds without one."""
        return self._queue.get(timeout=timeout)


@dataclass(frozen=True)
class DeviceConfig:
    """One ``[[devices]]`` entry of the booth config.

    ``port`` is where the device is: a serial port (``/dev/ttyUSB0``, ``COM3``), a hot folder, or a
    camera source (index, file or URL). Serial framing (``baud``, ``parity``, ``bytesize``,
    ``stopbits``) follows pyserial's names. Keys a driver understands beyond these go to ``options``.
    """

    name: str
    driver: str
    kind: str = "mrz_reader"
    port: str = ""
    baud: int = 9600
    parity: str = "N"
    bytesize: int = 8
    stopbits: float = 1
    options: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, entry: Mapping[str, Any]) -> DeviceConfig:
        """Build from a parsed TOML table; unknown keys become ``options``. Raises ``ValueError``
        naming the missing key when ``name`` or ``driver`` is absent."""
        known = {f.name for f in fields(cls)} - {"options"}
        for key in ("name", "driver"):
            if not entry.get(key):
                raise ValueError(f"device entry without {key!r}: {dict(entry)}")
        values = {key: value for key, value in entry.items() if key in known}
        if "port" in values:
            values["port"] = str(values["port"])
        options = {key: value for key, value in entry.items() if key not in known}
        return cls(**values, options={**entry.get("options", {}), **options})


class Device(Protocol):
    """What the station sees of any device."""

    config: DeviceConfig

    def open(self) -> None:
        """Start the device's thread; returns at once (the port may come later)."""
        ...

    def close(self) -> None:
        """Stop the thread and release the device; safe to call twice."""
        ...

    def status(self) -> DeviceStatus:
        """The device's latest state."""
        ...


DeviceFactory = Callable[[DeviceConfig, EventSink], Device]

DRIVERS: dict[str, str] = {
    "serial-plain": "devices.serial_reader:PlainSerialReader",
    "serial-desko": "devices.serial_reader:DeskoSerialReader",
    "serial-rte": "devices.serial_reader:RteSerialReader",
    "wedge": "devices.wedge_reader:WedgeReader",
    "hotfolder": "devices.hotfolder:HotFolderScanner",
    "camera": "devices.camera:Camera",
    "camera-sim": "devices.sim.desk_camera:DeskCamera",
    "pcsc": "devices.chip.pcsc:PcscChipReader",
    "emrtd-sim": "devices.sim.emrtd.desk:DeskChipReader",
}
"""Config driver names -> ``module:Class``. Resolved on use, so a booth without a camera never
imports OpenCV's video stack; a frozen build collects ``devices`` submodules by name."""


def driver_class(name: str) -> DeviceFactory:
    """The driver class registered as ``name``; ``KeyError`` lists the known names."""
    try:
        target = DRIVERS[name]
    except KeyError:
        raise KeyError(f"unknown device driver {name!r}; known: {', '.join(sorted(DRIVERS))}") from None
    module_name, _, class_name = target.partition(":")
    factory: DeviceFactory = getattr(importlib.import_module(module_name), class_name)
    return factory


def create(config: DeviceConfig, sink: EventSink) -> Device:
    """A device for ``config`` reporting to ``sink`` (not yet opened)."""
    return driver_class(config.driver)(config, sink)
