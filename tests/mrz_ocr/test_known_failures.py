"""Images the benchmark once read wrong, rendered again by its own generator (``bench.mrz_ocr.make_case``
with the seed, tier and index of the run that found them), so each failure mode stays fixed."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from bench.mrz_ocr import make_case
from mrz.ocr import read_mrz
from mrz.ocr.decode import decode_image
from mrz.ocr.locate import GrayImage, locate


def _grey(jpeg: bytes) -> GrayImage:
    image = decode_image(jpeg)
    return image if image.ndim == 2 else np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), dtype=np.uint8)


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


@pytest.mark.parametrize("turn", [None, cv2.ROTATE_180])
def test_a_visa_whose_last_fillers_glare_hid_is_read_at_its_full_44_characters(turn: int | None) -> None:
    """Hard tier (seed 1): glare washed out the last eleven fillers of an MRV-A, the locator measured the
    lines at 36 characters, and the MRV-B reading passed every check digit: every field right, the format
    wrong, reported valid. The glyphs beyond column 36 now send the reader to the 44-character grid
    (also when the image is upside down, so the reading's end is where the located lines begin)."""
    scene = make_case(1, "hard", 973)
    truth = "\n".join(scene.mrz_lines)
    assert len(scene.mrz_lines[0]) == 44
    gray = _grey(scene.jpeg)
    if turn is not None:
        gray = np.asarray(cv2.rotate(gray, turn), dtype=np.uint8)
    assert locate(gray)[0].n_chars == 36  # the locator still misses the fillers: the reader has to look
    reading = read_mrz(gray)
    assert reading.result is not None and reading.result.mrz == truth
    assert reading.result.format == "MRV_A"


@pytest.mark.parametrize(("tier", "index"), [("clean", 4), ("hard", 4), ("hard", 144)])
def test_a_36_character_visa_with_paper_beyond_its_lines_stays_a_valid_mrv_b(tier: str, index: int) -> None:
    """The other side of the check above: past a real MRV-B's lines lie margin, page edge and table, which
    the recogniser reads with low confidence; the short reading stands (index 144 of the hard tier has
    the most confident cells there seen on the benchmark)."""
    scene = make_case(1, tier, index)
    assert len(scene.mrz_lines[0]) == 36 and scene.mrz_lines[0].startswith("V")
    reading = read_mrz(_grey(scene.jpeg))
    assert reading.result is not None and reading.result.mrz == "\n".join(scene.mrz_lines)
    assert reading.result.format == "MRV_B"
