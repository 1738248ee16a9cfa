"""The synthetic face generator (``devices.sim.faces``): deterministic, people differ, pictures of
one person differ in the ways a booth camera makes them differ, any size renders."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.sim import faces
from devices.sim.document import draw_face


def _difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean())


def test_same_seed_same_picture() -> None:
    assert np.array_equal(faces.portrait(240, 320, 5), faces.portrait(240, 320, 5))
    assert np.array_equal(faces.live_capture(5, 9), faces.live_capture(5, 9))
    assert faces.identity(5) == faces.identity(5)


def test_people_differ() -> None:
    people = [faces.identity(seed) for seed in range(40)]
    assert len({p.skin for p in people}) > 20
    assert len({(p.eye_dx, p.nose_tip_v, p.mouth_w) for p in people}) == 40
    assert _difference(faces.portrait(240, 320, 1), faces.portrait(240, 320, 2)) > 10


def test_captures_of_one_person_differ_by_pose_light_and_camera() -> None:
    captures = [faces.random_capture(random.Random(seed)) for seed in range(200)]
    assert all(abs(c.yaw) <= 10 and abs(c.pitch) <= 8 and abs(c.roll) <= 6 for c in captures)
    assert {c.jpeg_quality > 0 for c in captures} == {True}
    assert max(c.light_azimuth for c in captures) - min(c.light_azimuth for c in captures) > 60
    a, b = faces.live_capture(3, 1), faces.live_capture(3, 2)
    assert a.shape == b.shape == (480, 640, 3) and _difference(a, b) > 5


def test_document_photo_is_frontal_and_evenly_lit() -> None:
    sitting = faces.document_capture(random.Random(1))
    assert abs(sitting.yaw) <= 3 and abs(sitting.light_azimuth) <= 15 and sitting.jpeg_quality == 0


def test_page_and_chip_photo_are_the_generated_portrait() -> None:
    assert np.array_equal(draw_face(300, 380, 4), faces.portrait(300, 380, 4))


@settings(max_examples=15, deadline=None)
@given(
    width=st.integers(min_value=1, max_value=700),
    height=st.integers(min_value=1, max_value=700),
    seed=st.integers(min_value=0, max_value=2**40),
)
def test_any_size_and_seed_renders(width: int, height: int, seed: int) -> None:
    image = faces.portrait(width, height, seed)
    assert image.shape == (height, width, 3) and image.dtype == np.uint8


def test_camera_frames_move_a_little_and_show_the_same_person() -> None:
    first, later = faces.camera_frame(8, 0), faces.camera_frame(8, 15)
    assert first.shape == (480, 640, 3)
    assert 2 < _difference(first, later) < 40
    assert np.array_equal(first, faces.camera_frame(8, 0))
