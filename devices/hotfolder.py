"""Full-page scanners that drop image sets into a folder ("hot folder").

Convention (what the scanner, or ``station sim scanner``, must do):

- one document = ``<id>_white.<ext>``, ``<id>_ir.<ext>``, ``<id>_uv.<ext>`` (png, jpg, tif or bmp),
  optionally ``<id>.mrz`` with the MRZ text if the scanner read it;
- completion: the empty marker ``<id>.done`` written after the images. Scanners that cannot write a
  marker set ``marker = false``: a set is then complete once all three images exist and none changed
  size or modification time for ``settle`` seconds (default 1.0 s), so a file still being written is
  never read.

Pick-up is atomic: the driver claims a complete set by renaming its files into
``processing/<id>/`` (same file system, so rename is atomic and a second reader cannot take the same
set), decodes the images, and moves the set to ``done/<id>/`` after reporting the scan, or to
``rejected/<id>/`` (with ``reason.txt``) when an image is corrupt, missing or absurdly large. Nothing is
deleted; a set is never lost. Sets left in ``processing/`` by a crash are retried at start.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image as PILImage

from devices.base import DeviceConfig, EventSink, StatusReporter
from devices.io_thread import IOThread
from devices.scan import DeviceState, DeviceStatus, DocumentScan, Image, Light, utcnow

log = logging.getLogger(__name__)

LIGHT_SUFFIX = {Light.WHITE: "_white.png", Light.IR: "_ir.png", Light.UV: "_uv.png"}
"""File names the simulator writes (the driver accepts the other image extensions too)."""
MARKER_SUFFIX = ".done"
MRZ_SUFFIX = ".mrz"
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
MAX_PIXELS = 60_000_000
"""A page scan at 600 dpi is ~20 MP; anything far larger is a broken or hostile file."""
UNREADABLE = "scan unreadable — scan the document again"
POLL = 0.2


@dataclass(frozen=True)
class _Candidate:
    document_id: str
    files: tuple[Path, ...]


def _split(name: str) -> tuple[str, str] | None:
    """``"<id>_<light>.<ext>"`` -> ``(id, light)``."""
    stem, ext = os.path.splitext(name)
    if ext.lower() not in IMAGE_EXTENSIONS or "_" not in stem:
        return None
    document_id, _, light = stem.rpartition("_")
    return (document_id, light) if light in {str(x) for x in Light} and document_id else None


class HotFolderScanner:
    """A ``Device`` watching ``config.port`` (or ``options["folder"]``) for complete image sets."""

    def __init__(self, config: DeviceConfig, sink: EventSink) -> None:
        self.config = config
        self.folder = Path(config.port or str(config.options.get("folder", "")))
        self.use_marker = bool(config.options.get("marker", True))
        self.settle = float(config.options.get("settle", 1.0))
        self._io = IOThread(config.name, self._run)
        self._stop = self._io.stop_event
        self._reporter = StatusReporter(config.name, sink)
        self._emit, self._set = self._reporter.emit, self._reporter.set
        self._seen: dict[str, tuple[tuple[int, int], ...]] = {}
        self._stable_since: dict[str, float] = {}

    def open(self) -> None:
        self._io.start()

    def close(self) -> None:
        self._io.stop()

    def status(self) -> DeviceStatus:
        return self._reporter.status()

    # -- the device thread ------------------------------------------------------------------------
    def _run(self) -> None:
        retried = False
        while not self._stop.is_set():
            if not self.folder.is_dir():
                self._emit(
                    DeviceStatus(self.config.name, DeviceState.DISCONNECTED, f"folder {self.folder} missing")
                )
                self._stop.wait(POLL * 5)
                continue
            self._set(DeviceState.CONNECTED)
            try:
                if not retried:
                    self._retry_interrupted()
                    retried = True
                for candidate in self._complete_sets():
                    self._process(candidate)
            except OSError as exc:  # folder vanished or unreadable mid-scan: report, then look again
                log.warning("%s: hot folder %s failed: %s", self.config.name, self.folder, exc)
                self._emit(
                    DeviceStatus(self.config.name, DeviceState.DISCONNECTED, f"folder {self.folder}: {exc}")
                )
            self._stop.wait(POLL)

    def _retry_interrupted(self) -> None:
        processing = self.folder / "processing"
        if processing.is_dir():
            for claimed in sorted(p for p in processing.iterdir() if p.is_dir()):
                log.info("%s: retrying set %s left by an interrupted run", self.config.name, claimed.name)
                self._read_claimed(claimed.name, claimed)

    def _complete_sets(self) -> list[_Candidate]:
        groups: dict[str, dict[str, Path]] = {}
        markers: set[str] = set()
        for entry in os.scandir(self.folder):
            if not entry.is_file() or entry.name.startswith("."):
                continue
            if entry.name.endswith(MARKER_SUFFIX):
                markers.add(entry.name[: -len(MARKER_SUFFIX)])
                continue
            split = _split(entry.name)
            if split is not None:
                groups.setdefault(split[0], {})[split[1]] = Path(entry.path)
        ready: list[_Candidate] = []
        for document_id in sorted(groups.keys() | markers):
            images = groups.get(document_id, {})
            extra = [self.folder / f"{document_id}{suffix}" for suffix in (MRZ_SUFFIX, MARKER_SUFFIX)]
            files = (*images.values(), *(p for p in extra if p.exists()))
            if self.use_marker:
                if document_id in markers:
                    ready.append(_Candidate(document_id, files))
            elif len(images) == len(Light) and self._settled(document_id, tuple(images.values())):
                ready.append(_Candidate(document_id, files))
        return ready

    def _settled(self, document_id: str, files: tuple[Path, ...]) -> bool:
        """Unchanged size and mtime since ``settle`` seconds ago (a scanner without markers)."""
        try:
            signature = tuple((p.stat().st_size, p.stat().st_mtime_ns) for p in files)
        except FileNotFoundError:
            return False
        now = time.monotonic()
        if self._seen.get(document_id) != signature:
            self._seen[document_id] = signature
            self._stable_since[document_id] = now
            return False
        return now - self._stable_since[document_id] >= self.settle

    def _process(self, candidate: _Candidate) -> None:
        claimed = self.folder / "processing" / candidate.document_id
        claimed.mkdir(parents=True, exist_ok=True)
        for path in candidate.files:
            try:
                os.replace(path, claimed / path.name)
            except FileNotFoundError:
                log.info("%s: %s vanished before pick-up", self.config.name, path.name)
        self._seen.pop(candidate.document_id, None)
        self._stable_since.pop(candidate.document_id, None)
        self._read_claimed(candidate.document_id, claimed)

    def _read_claimed(self, document_id: str, claimed: Path) -> None:
        started = utcnow()
        images: dict[Light, Image] = {}
        problems: list[str] = []
        mrz_text: str | None = None
        for path in sorted(claimed.iterdir()):
            split = _split(path.name)
            if split is not None:
                image, problem = _decode(path)
                if image is not None:
                    images[Light(split[1])] = image
                else:
                    problems.append(f"{path.name}: {problem}")
            elif path.name.endswith(MRZ_SUFFIX):
                mrz_text = path.read_text(encoding="ascii", errors="replace").strip() or None
        missing = [str(light) for light in Light if light not in images]
        if missing and not problems:
            problems.append(f"missing image(s): {', '.join(missing)}")
        if problems:
            log.warning("%s: set %s rejected: %s", self.config.name, document_id, "; ".join(problems))
            self._move(claimed, "rejected", "\n".join(problems))
            self._emit(DeviceStatus(self.config.name, DeviceState.ERROR, UNREADABLE))
            return
        scan = DocumentScan(
            source=self.config.name,
            mrz_text=mrz_text,
            images=images,
            started_at=started,
            finished_at=utcnow(),
            raw=document_id.encode(),
        )
        self._emit(scan)
        self._reporter.good_read()
        self._move(claimed, "done", None)

    def _move(self, claimed: Path, where: str, reason: str | None) -> None:
        target = self.folder / where / claimed.name
        if target.exists():  # the scanner reused an id: keep both
            target = target.with_name(f"{claimed.name}-{utcnow():%Y%m%dT%H%M%S%f}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(claimed), str(target))
        if reason is not None:
            (target / "reason.txt").write_text(reason + "\n", encoding="utf-8")


def _decode(path: Path) -> tuple[Image | None, str]:
    """The image, or ``None`` and why not. Pillow checks the header and size first (a decompression
    bomb never reaches the decoder); OpenCV decodes."""
    try:
        with PILImage.open(path) as probe:
            width, height = probe.size
        if width * height > MAX_PIXELS:
            return None, f"{width}x{height} pixels is larger than any page scan"
        data = np.fromfile(path, dtype=np.uint8)
    except (OSError, PILImage.DecompressionBombError, ValueError) as exc:
        return None, f"not a readable image ({exc})"
    decoded = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    if decoded is None or decoded.dtype != np.uint8 or decoded.ndim not in (2, 3):
        return None, "image data is corrupt or not 8-bit"
    if decoded.ndim == 3 and decoded.shape[2] == 4:
        decoded = cv2.cvtColor(decoded, cv2.COLOR_BGRA2BGR)
    return np.asarray(decoded, dtype=np.uint8), ""
