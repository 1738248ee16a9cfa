"""The optional PassportEye engine, when it is installed (pip install '.[passporteye]', apt tesseract-ocr)."""

from __future__ import annotations

import shutil

import pytest

from mrz.ocr import get_engine
from mrz.ocr.engines import _fit_lines
from mrz.ocr.render import Distortion
from tests.mrz_ocr.conftest import scene


def test_tesseract_line_lengths_are_fitted_to_the_format() -> None:
    assert _fit_lines("P<UTO\nL898902C3\n") == "P<UTO" + "<" * 31 + "\nL898902C3" + "<" * 27
    assert _fit_lines("A" * 31 + "\n" + "B" * 29 + "\n" + "C" * 30) == "\n".join(
        ["A" * 30, "B" * 29 + "<", "C" * 30]
    )
    assert _fit_lines("one line") == "one line"


@pytest.mark.slow
def test_passporteye_reads_or_reports_never_crashes() -> None:
    pytest.importorskip("passporteye")
    if shutil.which("tesseract") is None:
        pytest.skip("apt tesseract-ocr is not installed")
    engine = get_engine("passporteye")
    sc = scene("TD3", 31, Distortion(page_fill=0.9))
    reading = engine.read(sc.jpeg)
    assert (reading.result is None) == (reading.error is not None)
    if reading.result is not None:
        assert reading.result.format.value == "TD3"
    garbage = engine.read(b"not an image at all")
    assert garbage.result is None and "not an image" in str(garbage.error)
