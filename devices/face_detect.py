"""Face detection on the traveller's live photo (is there one face, and where).

OpenCV 5 dropped the Haar cascades and ``CascadeClassifier``; ``cv2.FaceDetectorYN`` exists but no
package ships its ONNX model, and nothing may be downloaded at run time. So:

1. ``dlib``'s HOG frontal-face detector, when the ``dlib-bin`` wheel is installed: a real, trained
   detector whose model is compiled into the library (no model file to fetch);
2. otherwise a documented heuristic: skin-tone regions (YCrCb) of face shape (an upright oval filling
   most of its box) with at least two dark blobs (eyes) in the upper half. It finds a frontal,
   evenly lit face against a plain background, as at a booth camera, and the synthetic portraits of
   the simulators; it is NOT a general or biometric-grade detector, and ``FaceBox.method`` says which
   one answered so a caller can weigh it.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from dataclasses import dataclass
from typing import Any, Literal

import cv2
import numpy as np

from devices.scan import Image

log = logging.getLogger(__name__)

Method = Literal["dlib-hog", "heuristic"]


@dataclass(frozen=True)
class FaceBox:
    x: int
    y: int
    width: int
    height: int
    method: Method


def has_dlib() -> bool:
    return importlib.util.find_spec("dlib") is not None


@functools.cache
def _dlib_detector() -> Any:
    import dlib  # noqa: PLC0415 - optional, imported only when present

    return dlib.get_frontal_face_detector()


def detect_faces(image: Image, *, method: Method | None = None) -> list[FaceBox]:
    """Faces in ``image`` (BGR or grey), largest first. ``method`` forces one detector; by default dlib
    is used when installed, and the heuristic when it is not or finds nothing in a colour image."""
    if method in (None, "dlib-hog") and has_dlib():
        found = _detect_dlib(image)
        if found or method == "dlib-hog":
            return found
    if image.ndim != 3:
        return []  # the heuristic needs colour
    return _detect_heuristic(image)


def _detect_dlib(image: Image) -> list[FaceBox]:
    rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB) if image.ndim == 3 else image
    rects = _dlib_detector()(np.ascontiguousarray(rgb), 1)
    boxes = [
        FaceBox(max(0, r.left()), max(0, r.top()), r.right() - r.left(), r.bottom() - r.top(), "dlib-hog")
        for r in rects
    ]
    return sorted(boxes, key=lambda b: b.width * b.height, reverse=True)


def _detect_heuristic(image: Image) -> list[FaceBox]:
    height, width = image.shape[:2]
    ycrcb = cv2.cvtColor(image, cv2.COLOR_BGR2YCrCb)
    mask = cv2.inRange(ycrcb, (40, 135, 70), (250, 180, 130))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    grey = np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), dtype=np.uint8)
    boxes: list[FaceBox] = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if cv2.contourArea(contour) < 0.01 * width * height:
            continue
        blob = np.zeros((h, w), np.uint8)
        cv2.drawContours(blob, [contour], -1, 1, thickness=-1, offset=(-x, -y))
        head = _head_rows(blob)
        x, w = _columns(blob[:head])
        blob = blob[:head, x : x + w]
        h = head
        if w == 0 or not 0.8 <= h / w <= 2.0 or float(blob.mean()) < 0.6:
            continue
        x += int(cv2.boundingRect(contour)[0])
        if _eyes(grey[y : y + h * 3 // 5, x : x + w]) >= 2:
            boxes.append(FaceBox(x, y, w, h, "heuristic"))
    return sorted(boxes, key=lambda b: b.width * b.height, reverse=True)


def _head_rows(blob: Image) -> int:
    """Rows of a skin blob that belong to the head: from the top down to where it narrows to a
    neck (under 3/4 of the widest row so far, once the blob is taller than it is wide), so
    a neck and a skin-coloured collar joined to the face do not make it too tall to pass for one."""
    widths = np.convolve(blob.sum(axis=1).astype(np.float64), np.ones(9) / 9, mode="same")
    widest = 0.0
    for row, row_width in enumerate(widths):
        widest = max(widest, float(row_width))
        if row > widest and row_width < 0.75 * widest:
            return row
    return len(widths)


def _columns(rows: Image) -> tuple[int, int]:
    used = np.flatnonzero(rows.any(axis=0))
    return (int(used[0]), int(used[-1] - used[0] + 1)) if used.size else (0, 0)


def _eyes(upper_face: Image) -> int:
    """Dark compact blobs in the upper part of a face candidate (eyes, pupils): darker than their
    surroundings (a black-hat filter), so they are found on light and dark skin alike."""
    if upper_face.size == 0:
        return 0
    size = max(3, upper_face.shape[1] // 8) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    contrast = cv2.morphologyEx(upper_face, cv2.MORPH_BLACKHAT, kernel)
    dark = (contrast > max(20.0, 0.3 * float(np.median(upper_face)))).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(dark)
    face_area = upper_face.shape[0] * upper_face.shape[1]
    return sum(
        1 for i in range(1, count) if 0.0005 * face_area <= stats[i, cv2.CC_STAT_AREA] <= 0.05 * face_area
    )
