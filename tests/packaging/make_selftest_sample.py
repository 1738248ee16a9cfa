"""Make the self-test's built-in sample (``resources/selftest/``) with the project's own renderer.

``python -m tests.packaging.make_selftest_sample`` rewrites ``sample.png`` (the white-light data page
of a fictional TD3 passport, greyscale, 3/4 of the simulator's resolution, 16 grey levels: about
95 KB, which the default OCR engine reads) and ``sample.mrz`` (the MRZ printed on it). The same seed
gives the same files, so a test can check the committed sample is still what this makes.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import cv2
import numpy as np

from devices.scan import Light
from devices.sim.document import render_document_scan
from mrz.synthetic import random_mrz

SEED = 2026
ISSUED_AROUND = dt.date(2026, 1, 1)
SCALE = 0.75
GREY_LEVELS = 16
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "selftest"


def make_sample() -> tuple[str, bytes]:
    """The sample's MRZ text and its PNG bytes."""
    text = random_mrz(random.Random(SEED), "TD3", today=ISSUED_AROUND)
    white = render_document_scan(text, seed=SEED).images[Light.WHITE]
    grey = cv2.cvtColor(white, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(grey, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_AREA)
    step = 256 // GREY_LEVELS
    posterised = ((small // step) * step + step // 2).astype(np.uint8)
    ok, png = cv2.imencode(".png", posterised, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    if not ok:  # pragma: no cover - OpenCV always encodes a uint8 image
        raise RuntimeError("PNG encoding failed")
    return text, png.tobytes()


def main() -> int:
    text, png = make_sample()
    (SAMPLE_DIR / "sample.png").write_bytes(png)
    (SAMPLE_DIR / "sample.mrz").write_text(text + "\n", encoding="ascii")
    print(f"wrote {SAMPLE_DIR}/sample.png ({len(png) // 1024} KB) and sample.mrz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
