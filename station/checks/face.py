"""Face match: is the traveller at the booth the holder of the document?

The live capture is compared with the document's photo: the chip's DG2 face when a chip was read
(the photo the issuing state signed), else the printed photo zone of the white-light scan. Faces
are found and compared with dlib's models as shipped in the ``face-recognition-models`` package
(HOG face detector, 5-point landmarks, the 128-D ResNet descriptor); nothing is downloaded at run
time. dlib's descriptors are calibrated so that a Euclidean distance below 0.6 means "same
person"; the score shown is ``1 - distance / 1.5`` clipped to [0, 1], so the booth setting
``[face] threshold = 0.6`` is exactly dlib's recommended distance of 0.6.

A mismatch is a WARNING, not a FAIL: the score is a probability-like signal that sends the
officer to look at the traveller, not proof of an impostor. Anything that prevents a comparison
(no live photo, a live photo that is not an image, no face found, two faces of similar size in
the live photo so it is unclear who the traveller is, dlib not installed) is "not checked", never
"passed". A much smaller face (someone further back in the queue) is ignored.
"""

from __future__ import annotations

import base64
import functools
import importlib.util
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from devices.chip import lds
from devices.scan import Image, Light
from mrz.layout import Zone, layout_for_mrz
from station.checks.base import CheckContext, check, failed, not_checked, passed
from station.config import Config
from station.findings import Finding, Severity

log = logging.getLogger(__name__)

CODE = "face.match"
DISTANCE_SCALE = 1.5
EVIDENCE_CROP_PX = 160
MIN_IMAGE_PX = 32
CROWD_RATIO = 0.6
"""A second face at least this wide (relative to the largest) makes the live photo ambiguous."""


class FaceEngineUnavailableError(RuntimeError):
    """dlib or its models are not installed at this booth."""


@dataclass(frozen=True)
class Face:
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in the image
    descriptor: np.ndarray[Any, np.dtype[np.float64]]
    crop: Image
    aligned: Image  # the 150x150 BGR chip the descriptor was computed on (eyes and nose in place)


class UnusableImageError(ValueError):
    """The picture is not an image a face can be looked for in (empty, wrong type or shape)."""


def _as_rgb(image: Image) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """The picture as contiguous 8-bit RGB, or ``UnusableImageError`` saying what is wrong with it."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise UnusableImageError("it is not an 8-bit image")
    if image.ndim not in {2, 3} or (image.ndim == 3 and image.shape[2] not in {1, 3, 4}):
        raise UnusableImageError(f"its shape {image.shape} is not a grey or colour picture")
    if min(image.shape[:2]) < MIN_IMAGE_PX:
        raise UnusableImageError(f"it is only {image.shape[1]}x{image.shape[0]} pixels")
    if image.ndim == 2 or image.shape[2] == 1:
        return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_GRAY2RGB))
    code = cv2.COLOR_BGRA2RGB if image.shape[2] == 4 else cv2.COLOR_BGR2RGB
    return np.ascontiguousarray(cv2.cvtColor(image, code))


class FaceEngine:
    """dlib's detector, landmark model and descriptor network, loaded once. dlib objects are not
    documented as thread-safe, so calls are serialised."""

    def __init__(self, models: Path) -> None:
        import dlib  # noqa: PLC0415 - optional, untyped

        self._dlib = dlib
        self._detector = dlib.get_frontal_face_detector()
        self._landmarks = dlib.shape_predictor(str(models / "shape_predictor_5_face_landmarks.dat"))
        self._descriptor = dlib.face_recognition_model_v1(
            str(models / "dlib_face_recognition_resnet_model_v1.dat")
        )
        self._lock = threading.Lock()

    def faces(self, image: Image) -> list[Face]:
        """Every face dlib finds in ``image`` (BGR, BGRA or grey), largest first.
        Raises ``UnusableImageError`` for a picture that is not an image."""
        rgb = _as_rgb(image)
        with self._lock:
            # at the picture's own scale first (a booth camera's face is large); upsampled once only
            # when nothing is found there (a small printed photo): 4x faster in the usual case
            boxes = list(self._detector(rgb, 0)) or list(self._detector(rgb, 1))
            found = sorted(boxes, key=lambda r: r.width() * r.height(), reverse=True)
            return [self._describe(image, rgb, box) for box in found]

    def largest_face(self, image: Image) -> Face | None:
        """The largest face in ``image``, or None when no face is found."""
        found = self.faces(image)
        return found[0] if found else None

    def _describe(self, image: Image, rgb: np.ndarray[Any, np.dtype[np.uint8]], box: Any) -> Face:
        chip = self._dlib.get_face_chip(rgb, self._landmarks(rgb, box), size=150, padding=0.25)
        descriptor = np.array(self._descriptor.compute_face_descriptor(chip), dtype=np.float64)
        h, w = image.shape[:2]
        x0, y0 = max(0, box.left()), max(0, box.top())
        x1, y1 = min(w, box.right()), min(h, box.bottom())
        aligned = np.asarray(cv2.cvtColor(np.asarray(chip, np.uint8), cv2.COLOR_RGB2BGR), np.uint8)
        return Face((x0, y0, x1, y1), descriptor, image[y0:y1, x0:x1].copy(), aligned)


def _models_directory() -> Path:
    # located without importing the package: its __init__ needs pkg_resources (setuptools)
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise FaceEngineUnavailableError("the face-recognition-models package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


@functools.cache
def engine() -> FaceEngine:
    """The booth's face engine; raises ``FaceEngineUnavailableError`` when dlib or its models are missing."""
    if importlib.util.find_spec("dlib") is None:
        raise FaceEngineUnavailableError("dlib (package dlib-bin) is not installed")
    models = _models_directory()
    if not (models / "dlib_face_recognition_resnet_model_v1.dat").exists():
        raise FaceEngineUnavailableError(f"dlib's face models are missing from {models}")
    return FaceEngine(models)


def score(distance: float) -> float:
    """Similarity in [0, 1] from dlib's descriptor distance (0.6 distance is a 0.6 score)."""
    return float(min(1.0, max(0.0, 1.0 - distance / DISTANCE_SCALE)))


def document_photo(ctx: CheckContext) -> tuple[Image, str] | None:
    """The chip's face (DG2) when it decodes, else the printed photo zone; with its source."""
    chip = ctx.scan.chip or {}
    if "DG2" in chip:
        try:
            face = lds.parse_dg2(chip["DG2"])[0]
            decoded = cv2.imdecode(np.frombuffer(face.data, np.uint8), cv2.IMREAD_COLOR)
            if decoded is not None:
                return np.asarray(decoded, dtype=np.uint8), "chip DG2"
            log.warning("chip DG2 face image (%s) does not decode; using the printed photo", face.mime)
        except lds.LDSError as exc:
            log.warning("chip DG2 unusable (%s); using the printed photo", exc)
    page = ctx.scan.images.get(Light.WHITE)
    mrz_text = ctx.mrz.mrz if ctx.mrz is not None else ctx.scan.mrz_text
    if page is None or not mrz_text:
        return None
    try:
        layout = layout_for_mrz(mrz_text)
    except ValueError:
        return None
    x0, y0, x1, y1 = layout.scan_box(Zone.PHOTO).pixels(page.shape[1], page.shape[0])
    return page[y0:y1, x0:x1].copy(), "printed photo"


def _png_base64(image: Image) -> str:
    h, w = image.shape[:2]
    factor = EVIDENCE_CROP_PX / max(h, w, 1)
    small = cv2.resize(image, (max(1, round(w * factor)), max(1, round(h * factor)))) if factor < 1 else image
    ok, encoded = cv2.imencode(".png", small)
    return base64.b64encode(encoded.tobytes()).decode("ascii") if ok else ""


def _width(face: Face) -> int:
    return face.box[2] - face.box[0]


def _threshold(ctx: CheckContext) -> float:
    config = ctx.config if ctx.config is not None else Config.defaults()
    return float(config.face.threshold)


@check(CODE)
def face_match(ctx: CheckContext) -> list[Finding]:
    """The live face against the document's photo, scored against ``[face] threshold``."""
    if ctx.live_photo is None:
        return [not_checked(CODE, "No live photo of the traveller was taken.")]
    photo = document_photo(ctx)
    if photo is None:
        return [
            not_checked(CODE, "The document offers no photo to compare with (no chip face, no page scan).")
        ]
    document_image, source = photo
    try:
        faces = engine()
    except FaceEngineUnavailableError as exc:
        return [not_checked(CODE, f"Face matching is not available at this booth: {exc}.")]
    try:
        found = faces.faces(ctx.live_photo)
    except UnusableImageError as exc:
        log.warning("live photo unusable for face matching: %s", exc)
        return [not_checked(CODE, f"The live photo cannot be used ({exc}): take it again.")]
    if not found:
        return [not_checked(CODE, "No face was found in the live photo: take it again, facing the camera.")]
    live, others = found[0], [f for f in found[1:] if _width(f) >= CROWD_RATIO * _width(found[0])]
    if others:
        return [
            not_checked(
                CODE,
                f"{1 + len(others)} faces are in the live photo: "
                "take it again with only the traveller in view.",
                faces=1 + len(others),
            )
        ]
    try:
        held = faces.largest_face(document_image)
    except UnusableImageError as exc:
        log.warning("document photo (%s) unusable for face matching: %s", source, exc)
        held = None
    if held is None:
        return [
            not_checked(
                CODE, f"No face was found in the document photo ({source}): compare by eye.", source=source
            )
        ]
    distance = float(np.linalg.norm(live.descriptor - held.descriptor))
    similarity, threshold = score(distance), _threshold(ctx)
    evidence = {
        "score": round(similarity, 4),
        "threshold": threshold,
        "distance": round(distance, 4),
        "source": source,
        "live_box": list(live.box),
        "document_box": list(held.box),
        "live_crop_png": _png_base64(live.crop),
        "document_crop_png": _png_base64(held.crop),
    }
    if similarity >= threshold:
        return [
            passed(CODE, f"The traveller's face matches the {source} (score {similarity:.2f}).", **evidence)
        ]
    return [
        failed(
            CODE,
            Severity.WARNING,
            f"The traveller's face does not match the {source} "
            f"(score {similarity:.2f}, threshold {threshold:.2f}): compare the traveller with the photo.",
            **evidence,
        )
    ]
