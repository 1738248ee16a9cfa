"""The booth as the screens see it: the station's parts wired to Qt, every blocking call off the GUI thread.

``BoothController`` owns the session, the devices (their events arrive by ``DeviceBridge`` signals),
the inspector, the workflow and the optional sync service. Screens call its methods and get answers
by signal; nothing here blocks the GUI thread: inspections, store writes (one serial worker, so
decisions are saved in order) and sync status reads run on ``ui.tasks.Tasks``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from station.auth import Auth, AuthError, Permission, Session
from station.chip_read import ChipProgress, chip_fields
from station.config import Config
from station.devices import Device, DeviceState, DeviceStatus, DocumentScan, Image, open_device
from station.domain import BoothRef, Inspection
from station.health import Health, read_health
from station.inspection import InspectionRun, Inspector
from station.store import Store
from station.workflow import Workflow, WorkflowError, officer_of
from ui.qt import QtCore
from ui.tasks import DeviceBridge, Tasks

log = logging.getLogger(__name__)

LIVE_PHOTO_TIMEOUT = 1.0
"""Seconds to wait for a fresh camera frame; without one the checks say the live photo is missing."""

CHIP_PROGRESS_INTERVAL = 0.1
"""Seconds between two chip progress updates on screen (a bar needs no more)."""


@dataclass(frozen=True)
class Current:
    """The traveller on screen: the inspection, its scan (with the chip's data groups when the chip
    was read) and the live photo taken with it."""

    inspection: Inspection
    scan: DocumentScan | None
    live_photo: Image | None = None

    @property
    def chip(self) -> dict[str, str] | None:
        """The chip's MRZ fields, or None when no chip was read."""
        return chip_fields(self.scan) if self.scan is not None else None


class BoothController(QtCore.QObject):
    """Signals:
    logged_in(object): a ``Session`` after a good PIN.
    login_failed(str): why the login was refused (fit for the screen).
    locked(): the session locked (inactivity or the lock key).
    unlocked(): the PIN was accepted again.
    logged_out(): the session ended.
    inspection_ready(object): a ``Current`` for the primary screen.
    chip_progress(object): a ``ChipProgress`` while the document's chip is read (from the worker).
    decision_saved(str): the decision kind (admit, refuse, refer); the booth is ready for the next.
    action_failed(str): a decision or examination the rules refused (message for the officer).
    device_status(object): a ``DeviceStatus``.
    busy(bool): background work is running (a scan being checked, a decision being saved).
    health(object): a ``Health`` snapshot (sync backlog, lists, store), every few seconds.
    """

    logged_in = QtCore.Signal(object)
    login_failed = QtCore.Signal(str)
    locked = QtCore.Signal()
    unlocked = QtCore.Signal()
    logged_out = QtCore.Signal()
    inspection_ready = QtCore.Signal(object)
    chip_progress = QtCore.Signal(object)
    decision_saved = QtCore.Signal(str)
    action_failed = QtCore.Signal(str)
    device_status = QtCore.Signal(object)
    busy = QtCore.Signal(bool)
    health = QtCore.Signal(object)

    def __init__(
        self,
        config: Config,
        store: Store,
        auth: Auth,
        *,
        inspector: Inspector | None = None,
        sync: Any = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.store = store
        self.auth = auth
        self.sync = sync
        booth = config.booth
        self.booth_ref = BoothRef(booth.crossing_point, booth.booth_id, booth.direction, booth.lane)
        self.inspector = inspector or Inspector(
            config=config, clock=store.clock, booth=self.booth_ref, store=store
        )
        self.workflow = Workflow(store, config)
        self.tasks = Tasks(self)
        self.tasks.busy_changed.connect(lambda n: self.busy.emit(n > 0))
        self.bridge = DeviceBridge(self)
        self.bridge.scanned.connect(self.on_scan)
        self.bridge.status.connect(self._on_status)
        self.devices: dict[str, Device] = {}
        self.statuses: dict[str, DeviceStatus] = {}
        self.session: Session | None = None
        self.current: Current | None = None
        self._chip_progress_group, self._chip_progress_at = "", 0.0
        self._held_scan: DocumentScan | None = None
        self._lock_timer = QtCore.QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.check_lock)
        self._health_timer = QtCore.QTimer(self)
        self._health_timer.setInterval(5000)
        self._health_timer.timeout.connect(self.poll_health)
        self._health_timer.start()

    # --- devices -----------------------------------------------------------------------------------

    def open_devices(self) -> None:
        for spec in self.config.devices:
            try:
                device = open_device(spec, self.bridge)
            except (KeyError, ValueError, OSError) as exc:
                log.error("device %s cannot start: %s", spec.name, exc)
                self._on_status(DeviceStatus(spec.name, DeviceState.ERROR, str(exc)))
                continue
            self.devices[spec.name] = device
            self.statuses.setdefault(spec.name, device.status())

    def close(self) -> None:
        self._lock_timer.stop()
        self._health_timer.stop()
        for device in self.devices.values():
            device.close()
        self.tasks.wait()
        if self.sync is not None:
            self.sync.stop()

    def device_of_kind(self, kind: str) -> Device | None:
        """The first open device of ``kind`` (the booth file's ``kind``: camera, scanner ...)."""
        for device in self.devices.values():
            if device.config.kind == kind:
                return device
        return None

    def device_of_driver(self, driver: str) -> Device | None:
        for device in self.devices.values():
            if device.config.driver == driver:
                return device
        return None

    @QtCore.Slot(object)
    def _on_status(self, status: DeviceStatus) -> None:
        self.statuses[status.source] = status
        self.device_status.emit(status)

    # --- session -----------------------------------------------------------------------------------

    def login(self, officer_id: str, pin: str) -> None:
        def done(session: Session) -> None:
            self.session = session
            self._lock_timer.start()
            self.logged_in.emit(session)

        self.tasks.run(lambda: self.auth.login(officer_id, pin), done, self._login_error)

    def unlock(self, pin: str) -> None:
        session = self.session
        if session is None:
            return

        def done(_: object) -> None:
            self.unlocked.emit()
            held, self._held_scan = self._held_scan, None
            if held is not None:
                self.on_scan(held)

        self.tasks.run(lambda: self.auth.unlock(session, pin), done, self._login_error)

    def _login_error(self, exc: Exception) -> None:
        self.login_failed.emit(str(exc) if isinstance(exc, AuthError) else self.tr("Login failed: %s") % exc)

    def lock(self) -> None:
        if self.session is not None and not self.session.locked:
            self.session.lock()
        self.locked.emit()

    def logout(self) -> None:
        session, self.session = self.session, None
        self._held_scan = None
        self._lock_timer.stop()
        self.current = None
        if session is not None:
            self.tasks.run(lambda: self.auth.logout(session))
        self.logged_out.emit()

    def touch(self) -> None:
        if self.session is not None:
            self.session.touch()

    def check_lock(self) -> None:
        """Called every second: a session the clock has locked locks the screen."""
        session = self.session
        if session is None:
            return
        if session.state.value == "expired":
            self.logout()
        elif session.locked:
            self.locked.emit()

    def can(self, permission: Permission) -> bool:
        return self.session is not None and permission in self.session.permissions

    # --- primary line ------------------------------------------------------------------------------

    @QtCore.Slot(object)
    def on_scan(self, scan: DocumentScan) -> None:
        """A document arrived: inspect it in the background, then record it (serial writer)."""
        session = self.session
        if session is not None and session.locked and Permission.INSPECT in session.permissions:
            # the traveller's document is not lost: it is inspected once the officer unlocks
            log.info("scan from %s held until the screen is unlocked", scan.source)
            self._held_scan = scan
            return
        if session is None or not session.can(Permission.INSPECT):
            log.info("scan from %s ignored: nobody able to inspect is logged in", scan.source)
            return
        officer = officer_of(session)
        camera = self.device_of_kind("camera")

        def inspect() -> tuple[InspectionRun, Image | None]:
            # the live photo is taken as the document is read: the traveller is at the desk now
            live = camera.capture_still(LIVE_PHOTO_TIMEOUT) if camera is not None else None  # type: ignore[attr-defined]
            run = self.inspector.inspect(
                scan, officer=officer, live_photo=live, chip_progress=self._chip_progress
            )
            return run, live

        self.tasks.run(inspect, lambda result: self._inspected(result[0], result[1]), self._failed)

    def _chip_progress(self, progress: ChipProgress) -> None:
        """Called on the worker reading the chip, once per block: passed on to the GUI thread (queued)
        at most every ``CHIP_PROGRESS_INTERVAL`` s, and at each file's start and end, so a read of
        hundreds of blocks never floods the GUI thread with repaints."""
        now = time.monotonic()
        group_changed = progress.group != self._chip_progress_group
        if (
            group_changed
            or progress.done >= progress.total
            or now - self._chip_progress_at >= CHIP_PROGRESS_INTERVAL
        ):
            self._chip_progress_group, self._chip_progress_at = progress.group, now
            self.chip_progress.emit(progress)

    def inspect_manual(self, mrz_text: str) -> None:
        """The officer typed the MRZ of a document the reader could not read: inspect it again with the
        page images already scanned; the new inspection supersedes the unreadable one (a correction)."""
        session, old = self.session, self.current
        if session is None or not session.can(Permission.INSPECT):
            return
        images = old.scan.images if old is not None and old.scan is not None else {}
        scan = DocumentScan(source="manual", mrz_text=mrz_text, images=images)
        supersedes = old.inspection.inspection_id if old is not None else None
        officer = officer_of(session)
        live = old.live_photo if old is not None else None
        self.tasks.run(
            lambda: self.inspector.inspect(
                scan,
                officer=officer,
                live_photo=live,
                supersedes=supersedes,
                correction_note="MRZ typed by the officer",
                chip_progress=self._chip_progress,
            ),
            lambda run: self._inspected(run, live),
            self._failed,
        )

    def _inspected(self, run: InspectionRun, live: Image | None = None) -> None:
        inspection, scan = run.inspection, run.scan
        current = Current(inspection, scan, live)
        self.current = current
        self.inspection_ready.emit(current)
        session = self.session
        if session is None:
            return

        self.tasks.run(
            lambda: self.workflow.record_inspection(session, inspection, scan, live_photo=live),
            None,
            self._failed,
            serial=True,
        )

    def decide(
        self, kind: str, *, reason: str | None = None, note: str = "", flags: tuple[str, ...] = ()
    ) -> None:
        """Admit, refuse or refer the traveller on screen; saved off the GUI thread, in order."""
        current, session = self.current, self.session
        if current is None or session is None:
            return
        inspection_id = current.inspection.inspection_id
        actions: dict[str, Callable[[], object]] = {
            "admit": lambda: self.workflow.admit(session, inspection_id, note),
            "refuse": lambda: self.workflow.refuse(session, inspection_id, reason or "", note, flags),
            "refer": lambda: self.workflow.refer(session, inspection_id, reason, note, flags),
        }

        def saved(_: object) -> None:
            if self.current is current:
                self.current = None
            self.decision_saved.emit(kind)

        self.tasks.run(actions[kind], saved, self._failed, serial=True)

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, (WorkflowError, AuthError)):
            log.error("booth action failed: %s", exc)
        self.action_failed.emit(str(exc))

    # --- health -----------------------------------------------------------------------------------

    def poll_health(self) -> None:
        self.tasks.run(
            self.read_health, self.health.emit, lambda exc: log.warning("health not read: %s", exc)
        )

    def read_health(self) -> Health:
        """Blocking (store and sync reads): call from a worker."""
        return read_health(self.store, self.sync)

    # --- helpers for the other screens ------------------------------------------------------------

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        serial: bool = False,
    ) -> None:
        """Background work for a screen; failures reach ``action_failed``."""
        self.tasks.run(fn, on_done, self._failed, serial=serial)
