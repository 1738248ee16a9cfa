"""Measurements on page images shared by the image checks (not a check module: the leading
underscore keeps discovery away).

Every image a check touches goes through ``prepare``, which turns anything odd (not an array, empty,
a strange dtype or channel count, too small) into an ``UnusableImageError`` with a reason the officer can
read, so a bad camera frame becomes NOT_CHECKED instead of a crash or a false alarm. Images are
reduced to about a working width before measuring (by a whole factor, which OpenCV does fastest):
the features measured (ink bands, paper glow, a photo) are large, and a 1500 px page costs ten times
more than a 500 px one for the same answer (``bench.inspection`` measures both).

Several checks look at the same image, so the prepared image and its UV pattern map are computed
once per image object and reused (``memo``). A scan's images are never modified after capture; the
cached results are made read-only so that no check can modify them for the next one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import cv2
import numpy as np
import numpy.typing as npt

from mrz.layout import Box

Grey = npt.NDArray[np.float32]
"""A grey image with values 0..1 (0 black, 1 white)."""

WORK_WIDTH = 480
MIN_SIDE = 48
ASPECT_TOLERANCE = 0.06
PATTERN_WINDOW = 15
"""Median window (working pixels, about 4 mm of a TD3 page) wider than any pattern line."""


T = TypeVar("T")


class UnusableImageError(Exception):
    """An image that cannot be measured; the message says why, in plain words."""


class _Memo:
    """Results computed from an image, kept while the image is among the last few used. Entries hold
    the image itself, so its ``id`` cannot be reused by another object while the entry lives."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[tuple[int, str], tuple[object, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: object, key: str, compute: Callable[[], T]) -> T:
        slot = (id(source), key)
        with self._lock:
            hit = self._items.get(slot)
            if hit is not None and hit[0] is source:
                self._items.move_to_end(slot)
                return hit[1]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._items[slot] = (source, value)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


memo = _Memo(size=16)


def prepare(image: object, what: str, width: int | None = None) -> Grey:
    """``image`` as a read-only grey 0..1 float image about ``width`` (default ``WORK_WIDTH``)
    pixels wide, never wider than the original."""
    width = width or WORK_WIDTH
    return memo.get(image, f"prepare:{width}", lambda: _prepare(image, what, width))


def _prepare(image: object, what: str, width: int) -> Grey:
    if not isinstance(image, np.ndarray):
        raise UnusableImageError(f"the {what} image is missing or not an image")
    if image.size == 0:
        raise UnusableImageError(f"the {what} image is empty")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (3, 4)):
        raise UnusableImageError(f"the {what} image has an unexpected shape {image.shape}")
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype != np.uint8:
        raise UnusableImageError(f"the {what} image has an unexpected pixel type {image.dtype}")
    height, width_in = image.shape[:2]
    if min(height, width_in) < MIN_SIDE:
        raise UnusableImageError(f"the {what} image is too small to check ({width_in}x{height} pixels)")
    if image.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        image = cv2.cvtColor(np.ascontiguousarray(image), code)
    factor = round(width_in / width)
    if factor > 1:
        image = cv2.resize(image, (width_in // factor, height // factor), interpolation=cv2.INTER_AREA)
    grey = np.asarray(image, dtype=np.float32) / np.float32(255.0)
    grey.flags.writeable = False
    return grey


def same_page(first: Grey, second: Grey, what: str) -> Grey:
    """``second`` resized onto ``first``'s grid; images of differently shaped pages are refused."""
    ratio_a = first.shape[1] / first.shape[0]
    ratio_b = second.shape[1] / second.shape[0]
    if abs(ratio_a - ratio_b) > ASPECT_TOLERANCE * ratio_a:
        raise UnusableImageError(f"the {what} image does not show the same page as the white-light image")
    if second.shape != first.shape:
        resized = cv2.resize(second, (first.shape[1], first.shape[0]), interpolation=cv2.INTER_AREA)
        return np.asarray(resized, dtype=np.float32)
    return second


def crop(image: Grey, box: Box) -> Grey:
    x0, y0, x1, y1 = box.pixels(image.shape[1], image.shape[0])
    region = image[y0:y1, x0:x1]
    if region.shape[0] < 4 or region.shape[1] < 4:
        raise UnusableImageError("the region to check is too small in this image")
    return region


def ring(image: Grey, box: Box, margin: float) -> Grey:
    """The pixels around ``box`` within ``margin`` (fraction of the page), as a flat array."""
    height, width = image.shape
    grown = Box(
        max(0.0, box.x0 - margin),
        max(0.0, box.y0 - margin),
        min(1.0, box.x1 + margin),
        min(1.0, box.y1 + margin),
    )
    gx0, gy0, gx1, gy1 = grown.pixels(width, height)
    x0, y0, x1, y1 = box.pixels(width, height)
    mask = np.zeros(image.shape, dtype=bool)
    mask[gy0:gy1, gx0:gx1] = True
    mask[y0:y1, x0:x1] = False
    if mask.sum() < 16:
        raise UnusableImageError("there is no page around the region to compare with")
    return image[mask]


def relative_contrast(region: Grey) -> float:
    """How far the darkest ink stands from the paper, as a share of the paper's brightness.

    Percentiles, not min/max, so dust and a few hot pixels do not count; relative, so an IR image
    exposed darker than the white-light one is compared fairly."""
    dark, bright = np.percentile(region, (3.0, 97.0))
    if bright <= 1e-3:
        return 0.0
    return float(max(0.0, bright - dark) / bright)


def ink_share(region: Grey, darker_by: float) -> float:
    """Share of ``region`` darker than its paper (the bright 90th percentile) by ``darker_by``."""
    paper = float(np.percentile(region, 90.0))
    return float(np.mean(region < paper - darker_by))


def bright_share(region: Grey, level: float) -> float:
    """Share of ``region`` brighter than ``level`` (0..1)."""
    return float(np.mean(region > level))


def pattern_map(image: Grey, above: float) -> npt.NDArray[np.bool_]:
    """Where the page is brighter than its surroundings by ``above``: a printed pattern (e.g. UV
    fluorescent lines), found the same way on dull paper and on glowing paper. The surroundings
    are a median, not a mean, so the bright rim next to dark ink is not taken for pattern."""
    return memo.get(image, f"pattern:{above}", lambda: _pattern_map(image, above))


def _pattern_map(image: Grey, above: float) -> npt.NDArray[np.bool_]:
    as_bytes = np.clip(image * 255.0, 0, 255).astype(np.uint8)
    background = cv2.medianBlur(as_bytes, PATTERN_WINDOW).astype(np.float32) / np.float32(255.0)
    found = np.asarray(image - background > above)
    found.flags.writeable = False
    return found


def detail_share(region: Grey, deviation: float) -> float:
    """Share of ``region`` that differs from its median by more than ``deviation``: near 0 for a
    blank area, large for a busy picture."""
    median = float(np.median(region))
    return float(np.mean(np.abs(region - median) > deviation))


def detail_extent(region: Grey, deviation: float, line_share: float = 0.02) -> float:
    """How much of ``region`` a picture spans: the share of its rows times the share of its columns
    that hold detail (pixels off the median by ``deviation`` in more than ``line_share`` of the line).

    A portrait on a plain background spans most of its frame even where the background itself is
    uniform, so this separates "a photo" from "blank paper" far better than counting busy pixels;
    thin background artwork and sensor noise stay below ``line_share``."""
    busy = np.abs(region - float(np.median(region))) > deviation
    rows = np.mean(busy, axis=1) > line_share
    cols = np.mean(busy, axis=0) > line_share
    return float(np.mean(rows) * np.mean(cols))
