"""Turning untrusted image bytes into a grey pixel array, with bounded memory and time.

The header is read first and the pixel count checked *before* any decoding, so a decompression bomb (a
small file that claims gigapixels) is refused without allocating it. Truncated or corrupt files raise
``ImageError`` with a reason a person can act on, never a decoder's traceback.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, UnidentifiedImageError

from mrz.ocr.locate import GrayImage

#: a 50 MP phone photo is the largest honest input; more is a bomb or a mistake
MAX_PIXELS = 60_000_000
MAX_SIDE = 20_000
#: big JPEGs are decoded at reduced scale (libjpeg's DCT scaling): MRZ glyphs stay > 20 px tall
DRAFT_SIDE = 2000


class ImageError(ValueError):
    """The bytes are not a usable image; the message says why."""


def decode_image(data: bytes, *, max_pixels: int = MAX_PIXELS) -> GrayImage:
    """Decodes ``data`` to an 8-bit grey array (first frame of multi-frame files)."""
    if not data:
        raise ImageError("empty file")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
                if width * height > max_pixels or max(width, height) > MAX_SIDE:
                    raise ImageError(f"image too large: {width}x{height} px (limit {max_pixels} px)")
                if width < 16 or height < 16:
                    raise ImageError(f"image too small: {width}x{height} px")
                if img.format == "JPEG" and max(width, height) > 2 * DRAFT_SIDE:
                    scale = DRAFT_SIDE / max(width, height)
                    img.draft("L", (round(width * scale), round(height * scale)))
                img.load()
                grey = img.convert("L")
        except UnidentifiedImageError:
            raise ImageError("not an image (unknown or unsupported format)") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageError(f"image too large: {exc}") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            if isinstance(exc, ImageError):
                raise
            raise ImageError(f"corrupt or truncated image: {exc}") from None
    return np.asarray(grey, dtype=np.uint8)
