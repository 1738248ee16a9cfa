"""The demo's live camera: it films whoever the demo has put at the desk.

A video file (:mod:`devices.sim.camera`) films one person for the whole session, so a demo's face
match would compare every traveller with the same stranger. This camera instead reads the face seed
of the person at the desk from ``traveller.json`` in its folder (``port``), which the demo writes
as it presents each document, and renders frames of that person on request
(:func:`devices.sim.faces.camera_frame`, ~40 ms). Same device surface as :class:`devices.camera.Camera`
for what the booth uses: ``latest_frame`` and ``capture_still``. Driver name ``camera-sim``.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import threading
from pathlib import Path

from devices.base import DeviceConfig, EventSink
from devices.scan import DeviceState, Image
from devices.sim.faces import camera_frame
from devices.sim.folder_device import FolderDevice

log = logging.getLogger(__name__)

TRAVELLER_FILE = "traveller.json"


def seat_traveller(folder: Path, face_seed: int | None) -> None:
    """Put the person ``face_seed`` at the desk (``None``: nobody), replacing the file in one step."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{TRAVELLER_FILE}.tmp"
    temporary.write_text(json.dumps({"face_seed": face_seed}), encoding="utf-8")
    os.replace(temporary, folder / TRAVELLER_FILE)


class DeskCamera(FolderDevice):
    """The simulated booth camera as a device (driver ``camera-sim``; ``port`` = its folder)."""

    what = "simulated camera"

    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        super().__init__(config, sink)
        self._frames = itertools.count()
        self._lock = threading.Lock()

    def latest_frame(self) -> Image | None:
        """A frame of the person at the desk, or ``None`` when nobody is seated (or not opened)."""
        seed = self._seated()
        if seed is None:
            return None
        with self._lock:
            index = next(self._frames)
        return camera_frame(seed, index)

    def capture_still(self, timeout: float = 2.0) -> Image | None:
        """A fresh frame (rendered now, so never a stale one); ``timeout`` is the real camera's."""
        return self.latest_frame()

    def _seated(self) -> int | None:
        if self.folder is None or self.status().state is not DeviceState.CONNECTED:
            return None
        try:
            seed = json.loads((self.folder / TRAVELLER_FILE).read_text(encoding="utf-8"))["face_seed"]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("simulated camera: %s unreadable: %s", TRAVELLER_FILE, exc)
            return None
        return seed if isinstance(seed, int) else None
