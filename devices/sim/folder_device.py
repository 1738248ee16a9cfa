"""The device surface shared by the demo's desk simulators (chip reader, camera): a folder the demo
writes what is on the desk into (``port``), and a health status like a real device's."""

from __future__ import annotations

from pathlib import Path

from devices.base import DeviceConfig, EventSink, StatusReporter
from devices.scan import DeviceState, DeviceStatus


class FolderDevice:
    """Open = the folder exists (made if missing); no folder configured = ERROR with the reason."""

    what = "simulated device"

    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        self.config = config
        self.folder = Path(config.port) if config.port else None
        self._reporter = StatusReporter(config.name, sink)

    def open(self) -> None:
        if self.folder is None:
            self._report(DeviceState.ERROR, f"no folder (port) is configured for the {self.what}")
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._report(DeviceState.CONNECTED)

    def close(self) -> None:
        if self.status().state is not DeviceState.DISCONNECTED:
            self._report(DeviceState.DISCONNECTED, "closed")

    def status(self) -> DeviceStatus:
        return self._reporter.status()

    def _report(self, state: DeviceState, reason: str = "") -> None:
        self._reporter.set(state, reason)
