"""The grid laid over a located MRZ: every glyph in its cell, also under a tilt along the lines."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from mrz.ocr.locate import MRZLine, MRZRegion
from mrz.ocr.rectify import rectify

N_CHARS = 44


def _tilted_block(foreshortening: float) -> tuple[np.ndarray, MRZRegion]:
    """Two lines of 44 dots whose pitch shrinks along the line, as a page tilted away from the camera
    shows it (x = (23 c + 60) / (1 + f c)); the region is what the locator would report for them."""
    image = np.full((320, 1500), 255, np.uint8)
    lines = []
    for row in range(2):
        cols = np.arange(N_CHARS, dtype=float)
        centres = np.stack(
            [(23 * cols + 60) / (1 + foreshortening * cols), np.full(N_CHARS, 120.0 + 50 * row)], 1
        )
        for x, y in centres:
            cv2.circle(image, (round(x), round(y)), 5, 0, -1)
        lines.append(MRZLine(centres))
    pitch = float(np.median(np.diff(lines[0].centres[:, 0])))
    return image, MRZRegion(lines, np.array([1.0, 0.0]), pitch, 50.0, N_CHARS)


def _glyphs_in_their_cells(image: np.ndarray, region: MRZRegion, *, ends_first: bool) -> int:
    grid = rectify(image, region, pad=(0, 0), ends_first=ends_first)
    centres = [grid.centre(row, col) for row in range(2) for col in range(N_CHARS)]
    return sum(int(grid.image[y, x] < 128) for x, y in centres)


def test_an_upright_block_fits_either_way() -> None:
    image, region = _tilted_block(0.0)
    assert _glyphs_in_their_cells(image, region, ends_first=False) == 2 * N_CHARS
    assert _glyphs_in_their_cells(image, region, ends_first=True) == 2 * N_CHARS


@pytest.mark.parametrize("foreshortening", [0.002, 0.003])
def test_a_tilt_along_the_lines_needs_the_fit_from_the_ends(foreshortening: float) -> None:
    image, region = _tilted_block(foreshortening)
    assert _glyphs_in_their_cells(image, region, ends_first=False) < 2 * N_CHARS  # the middle is off
    assert _glyphs_in_their_cells(image, region, ends_first=True) == 2 * N_CHARS
