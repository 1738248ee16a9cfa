"""Face match with a chip: the DG2 face of the virtual passport against the booth camera's picture.

The faces are generated (``devices.sim.faces``: no real person). They exercise the whole path
(detection on both images, chip DG2 or printed photo, descriptor distance, threshold from config,
crops as evidence); same-vs-different-person rates on a larger set are in ``tests/face`` and
``bench/face.py``.
"""

from __future__ import annotations

import base64
import datetime

import cv2
import numpy as np
import pytest

from devices.scan import DocumentScan, Image
from devices.sim import faces
from devices.sim.document import draw_face, render_document_scan
from devices.sim.emrtd.passport import build_chip
from station.checks.base import CheckContext
from station.checks.face import engine, face_match, score
from station.config import Config, FaceSettings
from tests.chip.support import MRZ, PKI

pytest.importorskip("dlib")

PERSON = 6


def live_capture(seed: int) -> Image:
    """The person ``seed`` as the booth camera takes them (pose, light, noise, JPEG)."""
    return faces.live_capture(seed, capture_seed=1)


def _context(
    live: Image | None,
    *,
    chip_seed: int | None = PERSON,
    page: bool = False,
    threshold: float | None = None,
) -> CheckContext:
    chip = build_chip(MRZ, PKI, face_seed=chip_seed).files if chip_seed is not None else None
    images = render_document_scan(MRZ, seed=PERSON).images if page else {}
    config = Config(face=FaceSettings({"threshold": threshold})) if threshold is not None else None
    scan = DocumentScan("test", mrz_text=MRZ, images=images, chip=chip)
    return CheckContext(scan=scan, mrz=None, today=datetime.date.today(), config=config, live_photo=live)


def test_same_drawn_face_matches_the_chip_photo_with_crops_as_evidence() -> None:
    [finding] = face_match(_context(live_capture(PERSON)))
    assert finding.status.value == "passed", finding.message
    assert finding.evidence["source"] == "chip DG2"
    assert finding.evidence["score"] >= finding.evidence["threshold"] == 0.6
    for crop in ("live_crop_png", "document_crop_png"):
        png = cv2.imdecode(
            np.frombuffer(base64.b64decode(finding.evidence[crop]), np.uint8), cv2.IMREAD_COLOR
        )
        assert png is not None and max(png.shape[:2]) <= 160


def test_threshold_comes_from_the_booth_config() -> None:
    [finding] = face_match(_context(live_capture(PERSON), threshold=0.99))
    assert (finding.status.value, finding.severity.value) == ("failed", "warning")
    assert finding.evidence["threshold"] == 0.99


def test_without_a_chip_the_printed_photo_is_used() -> None:
    [finding] = face_match(_context(live_capture(PERSON), chip_seed=None, page=True))
    assert finding.status.value == "passed", finding.message
    assert finding.evidence["source"] == "printed photo"


def test_no_live_photo_is_not_checked() -> None:
    [finding] = face_match(_context(None))
    assert finding.status.value == "not_checked"


def test_no_face_in_the_live_photo_is_not_checked() -> None:
    [finding] = face_match(_context(np.full((480, 640, 3), 128, np.uint8)))
    assert finding.status.value == "not_checked" and "live photo" in finding.message


def test_no_document_photo_is_not_checked() -> None:
    [finding] = face_match(_context(live_capture(PERSON), chip_seed=None))
    assert finding.status.value == "not_checked" and "no photo" in finding.message


def test_corrupt_chip_face_falls_back_to_the_printed_photo() -> None:
    ctx = _context(live_capture(PERSON), page=True)
    chip = dict(ctx.scan.chip or {})
    chip["DG2"] = chip["DG2"][:500]
    broken = CheckContext(
        scan=DocumentScan("test", mrz_text=MRZ, images=ctx.scan.images, chip=chip),
        mrz=None,
        today=ctx.today,
        config=None,
        live_photo=ctx.live_photo,
    )
    [finding] = face_match(broken)
    assert "printed photo" in finding.message


def test_score_is_calibrated_on_dlibs_distance() -> None:
    assert score(0.0) == 1.0 and score(0.6) == pytest.approx(0.6) and score(2.0) == 0.0


def test_engine_loads_models_from_the_package() -> None:
    assert engine().largest_face(draw_face(240, 320, PERSON)) is not None
