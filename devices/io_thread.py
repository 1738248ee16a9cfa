"""The one I/O thread a device driver owns: started by ``open``, stopped by ``close``.

One thread per device, and only that thread touches the device's handle (STYLE.md: never one
serial/USB handle from several threads). The driver's loop watches ``stop_event`` and ends when it
is set; ``stop`` waits for it, and logs a driver bug if the loop does not end in time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class IOThread:
    def __init__(self, name: str, loop: Callable[[], None], *, join_timeout: float = 10.0) -> None:
        self.name = name
        self.stop_event = threading.Event()
        self._loop = loop
        self._join_timeout = join_timeout
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Starts the loop; a second call while it runs does nothing."""
        if self._thread is not None:
            return
        self.stop_event.clear()
        self._thread = threading.Thread(target=self._loop, name=f"device:{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self.stop_event.set()
        thread.join(timeout=self._join_timeout)
        if thread.is_alive():  # pragma: no cover - a driver bug, not a device state
            log.error("%s: device thread did not stop", self.name)
