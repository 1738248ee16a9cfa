"""Images the benchmark once read wrong, rendered again by its own generator (``bench.mrz_ocr.make_case``
with the seed, tier and index of the run that found them), so each failure mode stays fixed."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from bench.mrz_ocr import make_case
from mrz.ocr import read_mrz
from mrz.ocr.decode import decode_image
from mrz.ocr.locate import locate


def _grey(jpeg: bytes) -> np.ndarray:
    image = decode_image(jpeg)
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


@pytest.mark.parametrize("index", [576, 918, 944])
def test_the_mrz_is_found_where_artwork_broke_a_line_at_the_loose_threshold(index: int) -> None:
    """Clean pages (seed 1) where a guilloche line merged glyphs of one MRZ line at the first ink threshold:
    that line came out too short to pair with the other, only a block of VIZ text was left, and the VIZ
    block was read as garbage. The darker threshold finds both lines whole."""
    scene = make_case(1, "clean", index)
    truth = "\n".join(scene.mrz_lines)
    gray = _grey(scene.jpeg)
    first = locate(gray)[0]
    assert (len(first.lines), first.n_chars) == (len(scene.mrz_lines), len(scene.mrz_lines[0]))
    reading = read_mrz(gray)
    assert reading.result is not None and reading.result.mrz == truth
