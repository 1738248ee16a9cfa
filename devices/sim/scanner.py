"""A full-page scanner simulator: renders generated documents into a hot folder, as a scanner would.

It follows the hot-folder convention of ``devices.hotfolder``: each image is written under a hidden
temporary name and renamed into place (so no reader ever sees half a file), and the ``<id>.done``
marker is written last. ``<id>.mrz`` carries the MRZ text when the scanner "read" it.
"""

from __future__ import annotations

import os
import random
import uuid
from dataclasses import dataclass
from pathlib import Path

import cv2

from devices.hotfolder import LIGHT_SUFFIX, MARKER_SUFFIX, MRZ_SUFFIX
from devices.scan import Image
from devices.sim.document import Defect, render_document_scan
from mrz.synthetic import random_mrz


@dataclass(frozen=True)
class WrittenSet:
    document_id: str
    mrz_text: str
    files: tuple[Path, ...]


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a hidden temporary name in the same folder, then rename it into place."""
    temporary = path.with_name(f".{path.name}.part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def encode_png(image: Image) -> bytes:
    ok, buffer = cv2.imencode(".png", image)
    if not ok:  # pragma: no cover - OpenCV always encodes uint8 images to PNG
        raise ValueError("PNG encoding failed")
    return bytes(buffer.tobytes())


def write_document_set(
    folder: Path,
    rng: random.Random,
    *,
    defects: frozenset[Defect] = frozenset(),
    with_mrz: bool = True,
    marker: bool = True,
) -> WrittenSet:
    """Render one generated document and write its white/IR/UV set (and marker) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    mrz_text = random_mrz(rng)
    scan = render_document_scan(mrz_text, defects=defects, seed=rng.randrange(2**31))
    document_id = uuid.UUID(int=rng.getrandbits(128)).hex[:12]
    files: list[Path] = []
    for light, image in scan.images.items():
        path = folder / f"{document_id}{LIGHT_SUFFIX[light]}"
        write_atomically(path, encode_png(image))
        files.append(path)
    if with_mrz:
        path = folder / f"{document_id}{MRZ_SUFFIX}"
        write_atomically(path, mrz_text.encode("ascii") + b"\n")
        files.append(path)
    if marker:
        path = folder / f"{document_id}{MARKER_SUFFIX}"
        write_atomically(path, b"")
        files.append(path)
    return WrittenSet(document_id, mrz_text, tuple(files))
