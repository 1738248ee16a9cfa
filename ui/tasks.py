"""The one way the booth runs blocking work (store, inspection, sync, devices) off the GUI thread.

``Tasks.run(fn, on_done, on_error)`` runs ``fn`` on a worker of a ``QThreadPool`` and delivers its
result or exception back on the GUI thread by a queued signal: a worker never touches a widget.
Writes to the store go through one dedicated single-thread pool (``serial=True``) so decisions are
saved in the order the officer made them.

``DeviceBridge`` turns the devices' thread-safe sink calls (``DocumentScan`` / ``DeviceStatus`` from a
device's own thread) into Qt signals received on the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from station.devices import DeviceEvent, DeviceStatus, DocumentScan
from ui.qt import QtCore

log = logging.getLogger(__name__)


class _Relay(QtCore.QObject):
    """Lives on the GUI thread; a worker emits on it, so the slot runs on the GUI thread (queued).

    Signals:
        done(object, object): (callback, result)
        failed(object, object): (callback, exception)
    """

    done = QtCore.Signal(object, object)
    failed = QtCore.Signal(object, object)


class _Job(QtCore.QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Callable, on_error: Callable) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._on_done = on_done
        self._on_error = on_error

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the GUI, which shows it; never lost in a thread
            log.error("background task failed: %s\n%s", exc, traceback.format_exc())
            self._relay.failed.emit(self._on_error, exc)
            return
        self._relay.done.emit(self._on_done, result)


class Tasks(QtCore.QObject):
    """Background work with results by signal.

    Signals:
        busy_changed(int): the number of tasks still running changed.
        error(str): a task without its own error handler failed (for the status bar).
    """

    busy_changed = QtCore.Signal(int)
    error = QtCore.Signal(str)

    def __init__(self, parent: QtCore.QObject | None = None, *, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = QtCore.QThreadPool(self)
        self._pool.setMaxThreadCount(workers)
        self._serial = QtCore.QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._deliver)
        self._running = 0

    @property
    def running(self) -> int:
        return self._running

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        serial: bool = False,
    ) -> None:
        """Run ``fn()`` in the background; ``on_done(result)`` / ``on_error(exc)`` run on the GUI thread."""
        self._running += 1
        self.busy_changed.emit(self._running)
        job = _Job(fn, self._relay, on_done or (lambda _result: None), on_error or self._report)
        (self._serial if serial else self._pool).start(job)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every task finished (shutdown and tests only, never in a GUI handler)."""
        ok = self._pool.waitForDone(msecs) and self._serial.waitForDone(msecs)
        QtCore.QCoreApplication.processEvents()
        return ok

    def _report(self, exc: Exception) -> None:
        self.error.emit(str(exc) or type(exc).__name__)

    @QtCore.Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        self._running -= 1
        self.busy_changed.emit(self._running)
        try:
            callback(value)
        except Exception:
            log.exception("a task's result handler failed")


class DeviceBridge(QtCore.QObject):
    """The devices' event sink for the GUI: call it from any thread; signals arrive on the GUI thread.

    Signals:
        scanned(object): a ``DocumentScan``.
        status(object): a ``DeviceStatus``.
    """

    scanned = QtCore.Signal(object)
    status = QtCore.Signal(object)

    def __call__(self, event: DeviceEvent) -> None:
        if isinstance(event, DocumentScan):
            self.scanned.emit(event)
        elif isinstance(event, DeviceStatus):
            self.status.emit(event)
