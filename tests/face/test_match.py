"""Face match on generated people (``devices.sim.faces``; no photograph of anyone): same person vs
different person through the station's face check, and bad live photos.

dlib's descriptor was trained on photographs; it places all synthetic faces close together, so
on this set the booth's default threshold (score 0.6, dlib's distance 0.6) accepts most different
synthetic people (``bench/face.py`` measures it). Same-person pairs are tested against the booth
threshold; different-person pairs against ``SYNTHETIC_THRESHOLD``, the score near this set's
equal-error point, set in the booth config as a booth would set its own.
"""

from __future__ import annotations

import datetime
import functools
import random
from itertools import product

import cv2
import numpy as np
import pytest

from devices.scan import DocumentScan, Image, Light
from devices.sim import faces
from devices.sim.document import Defect, render_document_scan
from devices.sim.emrtd.passport import encode_dg2, face_jpeg
from mrz.synthetic import random_mrz
from station.checks.base import CheckContext, run_checks
from station.checks.face import CODE, engine, face_match, score
from station.config import Config, FaceSettings
from station.findings import Finding

pytest.importorskip("dlib")

PEOPLE = range(1, 7)
CAPTURES = (0, 1)
BOOTH_THRESHOLD = float(Config.defaults().face.threshold)
SYNTHETIC_THRESHOLD = 0.72  # dlib distance 0.42
SYNTHETIC = Config(face=FaceSettings({"threshold": SYNTHETIC_THRESHOLD}))
MRZ = random_mrz(random.Random(99), "TD3")


@functools.cache
def live(person: int, capture: int) -> Image:
    return faces.live_capture(person, capture)


@functools.cache
def chip(person: int) -> dict[str, bytes]:
    return {"DG2": encode_dg2(face_jpeg(person))}


@functools.cache
def descriptor(kind: str, person: int, capture: int = 0) -> np.ndarray:
    if kind == "document":
        image = np.asarray(
            cv2.imdecode(np.frombuffer(face_jpeg(person), np.uint8), cv2.IMREAD_COLOR), np.uint8
        )
    else:
        image = live(person, capture)
    face = engine().largest_face(image)
    assert face is not None, f"no face found in the {kind} picture of person {person}"
    return face.descriptor


def _match(
    live_photo: Image | None,
    *,
    chip_of: int | None = None,
    page: DocumentScan | None = None,
    config: Config | None = None,
) -> Finding:
    scan = page or DocumentScan("test", mrz_text=MRZ, images={}, chip=chip(chip_of) if chip_of else None)
    ctx = CheckContext(scan=scan, mrz=None, today=datetime.date.today(), config=config, live_photo=live_photo)
    [finding] = face_match(ctx)
    return finding


def test_every_document_photo_and_live_capture_has_its_face_found() -> None:
    for person, capture in product(PEOPLE, CAPTURES):
        assert descriptor("document", person) is not None
        assert descriptor("live", person, capture) is not None


def test_same_person_scores_above_both_thresholds() -> None:
    for person, capture in product(PEOPLE, CAPTURES):
        distance = float(np.linalg.norm(descriptor("document", person) - descriptor("live", person, capture)))
        assert score(distance) >= max(BOOTH_THRESHOLD, SYNTHETIC_THRESHOLD), (person, capture, distance)


def test_different_people_score_below_the_synthetic_threshold() -> None:
    impostor = [
        score(float(np.linalg.norm(descriptor("document", held) - descriptor("live", person, capture))))
        for held, person, capture in product(PEOPLE, PEOPLE, CAPTURES)
        if held != person
    ]
    accepted = sum(s >= SYNTHETIC_THRESHOLD for s in impostor)
    assert accepted / len(impostor) <= 0.15, sorted(impostor)[-10:]
    assert float(np.median(impostor)) < SYNTHETIC_THRESHOLD - 0.05


def test_holder_matches_the_chip_photo_with_evidence() -> None:
    finding = _match(live(3, 0), chip_of=3, config=SYNTHETIC)
    assert finding.status.value == "passed", finding.message
    assert finding.evidence["source"] == "chip DG2"
    assert finding.evidence["score"] >= finding.evidence["threshold"] == SYNTHETIC_THRESHOLD
    assert finding.evidence["live_crop_png"] and finding.evidence["document_crop_png"]


def test_another_person_does_not_match_the_chip_photo() -> None:
    finding = _match(live(1, 0), chip_of=3, config=SYNTHETIC)
    assert (finding.status.value, finding.severity.value) == ("failed", "warning"), finding.message
    assert finding.evidence["score"] < SYNTHETIC_THRESHOLD


def test_printed_photo_matches_the_holder_and_not_a_substitute() -> None:
    genuine = render_document_scan(MRZ, seed=4)
    substituted = render_document_scan(MRZ, seed=4, defects=frozenset({Defect.SUBSTITUTED_PHOTO}))
    holder = _match(live(4, 1), page=genuine, config=SYNTHETIC)
    assert holder.status.value == "passed" and holder.evidence["source"] == "printed photo", holder.message
    assert _match(live(4, 1), page=substituted, config=SYNTHETIC).status.value == "failed"


def test_grey_and_bgra_live_photos_are_compared() -> None:
    capture = live(2, 0)
    grey = cv2.cvtColor(capture, cv2.COLOR_BGR2GRAY)
    bgra = cv2.cvtColor(capture, cv2.COLOR_BGR2BGRA)
    for photo in (grey, bgra):
        assert _match(np.asarray(photo, np.uint8), chip_of=2).status.value == "passed"


def _two_people() -> Image:
    frame = np.full((480, 1280, 3), 200, np.uint8)
    frame[:, :640] = live(1, 0)
    frame[:, 640:] = live(2, 0)
    return frame


@pytest.mark.parametrize(
    ("photo", "words"),
    [
        (np.full((480, 640, 3), 128, np.uint8), "No face"),
        (np.random.default_rng(0).integers(0, 255, (480, 640, 3), dtype=np.uint8), "No face"),
        (np.zeros((0, 0, 3), np.uint8), "cannot be used"),
        (np.zeros((1, 1, 3), np.uint8), "cannot be used"),
        (np.zeros((480, 640, 3), np.float64), "cannot be used"),
        (np.zeros((480, 640, 2), np.uint8), "cannot be used"),
        (np.zeros((4, 480, 640, 3), np.uint8), "cannot be used"),
    ],
    ids=["blank", "noise", "empty", "one-pixel", "float", "two-channel", "four-dimensional"],
)
def test_unusable_live_photo_is_not_checked(photo: Image, words: str) -> None:
    finding = _match(photo, chip_of=1)
    assert finding.status.value == "not_checked" and words in finding.message, finding.message


def test_two_faces_in_the_live_photo_are_not_checked() -> None:
    finding = _match(_two_people(), chip_of=1)
    assert finding.status.value == "not_checked" and "2 faces" in finding.message
    assert finding.evidence["faces"] == 2


def test_a_small_face_far_behind_the_traveller_is_ignored() -> None:
    frame = live(5, 0).copy()
    small = cv2.resize(live(6, 0), (213, 160))
    frame[:160, -213:] = small
    assert _match(frame, chip_of=5).status.value == "passed"


def test_document_photo_without_a_face_is_not_checked() -> None:
    page = render_document_scan(MRZ, seed=2)
    blank = {light: image.copy() for light, image in page.images.items()}
    blank[Light.WHITE][:] = 230
    scan = DocumentScan("test", mrz_text=MRZ, images=blank)
    finding = _match(live(2, 0), page=scan)
    assert finding.status.value == "not_checked" and "document photo" in finding.message


def test_corrupt_live_photo_through_all_checks_is_a_finding_not_a_crash() -> None:
    scan = DocumentScan("test", mrz_text=MRZ, images={}, chip=chip(1))
    ctx = CheckContext(
        scan=scan,
        mrz=None,
        today=datetime.date.today(),
        config=None,
        live_photo=np.zeros((480, 640), np.float32),
    )
    findings = [f for f in run_checks(ctx) if f.code.startswith(CODE)]
    assert [f.status.value for f in findings] == ["not_checked"]


def test_camera_video_frames_match_the_holder() -> None:
    for index in (0, 12):
        finding = _match(faces.camera_frame(5, index), chip_of=5, config=SYNTHETIC)
        assert finding.status.value == "passed", finding.message
