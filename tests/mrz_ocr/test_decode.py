"""Untrusted image bytes: every outcome is a grey array or an ImageError with a reason, never a crash."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from mrz.ocr.decode import ImageError, decode_image


def _encoded(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, 128).save(buf, format=fmt)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "BMP", "TIFF", "WEBP", "GIF"])
def test_common_formats_decode_to_grey(fmt: str) -> None:
    image = decode_image(_encoded(fmt))
    assert image.dtype == np.uint8
    assert image.shape == (48, 64)


def test_sixteen_bit_and_palette_images_are_converted() -> None:
    assert decode_image(_encoded("PNG", mode="I;16")).dtype == np.uint8
    assert decode_image(_encoded("PNG", mode="P")).shape == (48, 64)


def test_oversized_header_is_refused_before_decoding() -> None:
    # 20000 x 20000 at 1 bit per pixel: a small file whose pixels would need 400 MB as grey
    buf = io.BytesIO()
    Image.new("1", (20_000, 20_000), 0).save(buf, format="PNG")
    data = buf.getvalue()
    assert len(data) < 200_000
    with pytest.raises(ImageError, match="too large"):
        decode_image(data)


def test_tiny_images_are_refused() -> None:
    with pytest.raises(ImageError, match="too small"):
        decode_image(_encoded("PNG", size=(8, 8)))


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        image = decode_image(data)
    except ImageError as exc:
        assert str(exc)
    else:
        assert image.ndim == 2


@given(cut=st.integers(min_value=0, max_value=2000), fmt=st.sampled_from(["PNG", "JPEG", "GIF"]))
def test_truncated_files_never_crash(cut: int, fmt: str) -> None:
    rng = np.random.default_rng(cut)
    buf = io.BytesIO()
    Image.fromarray(rng.integers(0, 256, (60, 80), dtype=np.uint8)).save(buf, format=fmt)
    data = buf.getvalue()
    try:
        decode_image(data[: min(cut, len(data) - 1)])
    except ImageError as exc:
        assert str(exc)
