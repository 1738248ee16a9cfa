"""Line finding details: blobs at a line's ends that are not glyphs."""

from __future__ import annotations

import numpy as np

from mrz.ocr.locate import _trim_stray_ends


def _line(gaps: list[float]) -> tuple[np.ndarray, np.ndarray]:
    u = np.concatenate([[0.0], np.cumsum(gaps)]) * 20.0  # pitch 20 px
    return np.arange(len(u)), u


def test_a_speck_off_the_pitch_beyond_the_last_glyph_is_dropped() -> None:
    members, u = _line([1.0] * 30 + [1.72])
    assert list(_trim_stray_ends(members, u, 20.0, 20.0)) == list(members[:-1])


def test_a_glyph_lost_at_the_end_leaves_a_whole_number_of_columns() -> None:
    members, u = _line([2.0] + [1.0] * 30 + [3.0])
    assert list(_trim_stray_ends(members, u, 20.0, 20.0)) == list(members)


def test_the_pitch_growing_along_a_tilted_line_is_no_reason_to_drop_its_last_glyph() -> None:
    gaps = [*np.linspace(0.8, 1.3, 29), 1.33]  # off the median pitch by a quarter, not off its neighbours'
    members, u = _line(gaps)
    median_pitch = float(np.median(np.diff(u)))
    assert abs(1.33 * 20 / median_pitch - 1) > 0.25
    assert list(_trim_stray_ends(members, u, median_pitch, 20.0)) == list(members)
