"""Reference specimens for the second line: the pages of a document type to compare a document with.

Looked up by issuing state, document type (the first letter of the document code: ``P`` for every
passport variant) and MRZ format in ``resources/specimens/<STATE>/<TYPE>-<FORMAT>-<light>.jpg``
(see its README: the shipped ones are synthetic). Reading the images is blocking: call ``load`` on a
worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

SPECIMENS_DIR = Path(__file__).resolve().parents[1] / "resources" / "specimens"
LIGHTS = ("white", "ir", "uv")


@dataclass(frozen=True)
class Specimen:
    """A specimen's page images by light (those that exist and decode), and what it is a specimen of."""

    issuing_state: str
    document_type: str
    format: str
    images: dict[str, np.ndarray]

    @property
    def kind(self) -> str:
        return f"{self.issuing_state} {self.document_type} {self.format}"


def load(
    issuing_state: str, document_code: str, fmt: str, directory: Path = SPECIMENS_DIR
) -> Specimen | None:
    """The specimen for this kind of document, or ``None`` when the booth has none (or none decodes)."""
    state = issuing_state.replace("<", "").upper()
    kind = (document_code or "?")[0].upper()
    if not state.isalpha() or not kind.isalpha() or not fmt.replace("_", "").isalnum():
        return None  # never a path from unchecked MRZ text
    images = {}
    for light in LIGHTS:
        path = directory / state / f"{kind}-{fmt}-{light}.jpg"
        if path.is_file():
            image = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if image is not None:
                images[light] = image
    return Specimen(state, kind, fmt, images) if images else None
