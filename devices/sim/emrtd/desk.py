"""A simulated chip reader on the booth's desk, in-process: the demo's passports have chips.

The document "on the reader" is a chip image file (``chip.json``, :class:`ChipImage`) in a folder,
the way the hot-folder scanner's page images are files: the demo places a passport's chip there just
before its pages reach the scanner, and takes it away for a document without a chip. Reads go
through the same ``CardSource`` protocol as PC/SC and the same APDUs as the real virtual card
(:class:`VirtualChip`), so the station's path is the booth's path; no pcscd is needed.

Replacing or removing the file while a read runs is a lifted document: the next exchange raises
``CardRemovedError`` and the reader resumes when a chip is back, as with a real reader.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from devices.chip.apdu import CardRemovedError, ChipError, NoCardError
from devices.sim.emrtd.card import VirtualChip
from devices.sim.emrtd.passport import ChipImage
from devices.sim.folder_device import FolderDevice

CHIP_FILE = "chip.json"
POLL_S = 0.05  # how often a waiting connect looks for a chip (a document being put down)


def place_chip(folder: Path, image: ChipImage) -> None:
    """Put the document with chip ``image`` on the simulated reader (atomically: a read never sees
    half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{CHIP_FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
    partial.write_text(json.dumps(image.to_json()), encoding="utf-8")
    os.replace(partial, folder / CHIP_FILE)


def take_chip(folder: Path) -> None:
    """Lift the document from the simulated reader (nothing happens when none is there)."""
    (folder / CHIP_FILE).unlink(missing_ok=True)


def _identity(path: Path) -> tuple[int, int, int] | None:
    """What tells one placed document from the next: inode, size and modification time."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


class DeskChipSource:
    """Chips placed in ``folder`` with :func:`place_chip`; a ``CardSource`` for ``ChipReader``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._loaded: tuple[tuple[int, int, int], ChipImage] | None = None
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self.folder / CHIP_FILE

    def connect(self, timeout: float) -> DeskTransport:
        """A fresh (powered-up) chip for the document on the reader, waiting up to ``timeout`` s."""
        waited = threading.Event()
        remaining = timeout
        while True:
            identity = _identity(self.path)
            if identity is not None:
                image = self._image(identity)
                if image is not None:
                    return DeskTransport(self, identity, VirtualChip(image))
            if remaining <= 0:
                raise NoCardError("no chip on the reader")
            waited.wait(min(POLL_S, remaining))
            remaining -= POLL_S

    def _image(self, identity: tuple[int, int, int]) -> ChipImage | None:
        with self._lock:
            if self._loaded is not None and self._loaded[0] == identity:
                return self._loaded[1]
            try:
                image = ChipImage.from_json(json.loads(self.path.read_text(encoding="utf-8")))
            except FileNotFoundError:
                return None  # lifted between the look and the read: wait for the next one
            except (ValueError, KeyError, TypeError) as exc:
                raise ChipError(f"The simulated chip in {self.path} is unreadable: {exc}") from exc
            self._loaded = (identity, image)
            return image


class DeskTransport:
    """APDUs to the chip placed when the connection was made; a different or no chip since then is
    a lifted document."""

    def __init__(self, source: DeskChipSource, identity: tuple[int, int, int], chip: VirtualChip) -> None:
        self._source, self._identity, self._chip = source, identity, chip

    def transmit(self, apdu: bytes) -> bytes:
        if _identity(self._source.path) != self._identity:
            raise CardRemovedError("the document was lifted from the reader")
        return self._chip.transmit(apdu)

    def close(self) -> None:
        """Nothing to release in-process."""


class DeskChipReader(FolderDevice):
    """The simulated desk reader as a booth device (driver ``emrtd-sim``; ``port`` = its folder).

    Only its health is a device's business here: reads are made on demand by the inspection (on
    its worker thread) through :class:`DeskChipSource`, since a chip opens only with the MRZ.
    """

    what = "simulated chip reader"
