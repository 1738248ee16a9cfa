"""MRZ-from-image engines, chosen by name: ``own`` (default) and ``passporteye``.

Each engine takes the encoded image bytes, so every engine pays for decoding the same way and the
benchmark compares like with like. Both hand their text to ``mrz.parse`` (the same corrector), so the
comparison measures the reading, not the post-processing. An optional engine's package is imported only
when that engine is chosen.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from mrz import MRZError, MRZResult, parse
from mrz.ocr.decode import ImageError, decode_image
from mrz.ocr.locate import GrayImage
from mrz.ocr.reader import NOT_FOUND, read_mrz
from mrz.ocr.recognise import Recogniser, default_recogniser
from mrz.ocr.rectify import CELL_H, CELL_W

DEFAULT_ENGINE = "own"


@dataclass(frozen=True)
class Reading:
    """One image's outcome: ``result`` None means no MRZ, and ``error`` says why."""

    result: MRZResult | None
    error: str | None


class Engine(Protocol):
    name: str

    def read(self, data: bytes, *, infrared: bytes | None = None) -> Reading: ...


class EngineUnavailableError(RuntimeError):
    """The engine's optional dependencies are missing; the message says what to install."""


class OwnEngine:
    """The project's reader (``mrz.ocr.reader``)."""

    name = "own"

    def __init__(self, recogniser: Recogniser | None = None) -> None:
        self._recogniser = recogniser or default_recogniser()
        # warm up (BLAS buffers, OpenCV's first calls) so the first image's time is like the others'
        read_mrz(np.full((64, 64), 255, np.uint8), recogniser=self._recogniser)
        self._recogniser.probabilities(np.zeros((88, CELL_H, CELL_W), np.float32))

    def read(self, data: bytes, *, infrared: bytes | None = None) -> Reading:
        try:
            image = decode_image(data)
        except ImageError as exc:
            return Reading(None, str(exc))
        ir_image = None
        if infrared is not None:
            try:
                ir_image = decode_image(infrared)
            except ImageError:
                ir_image = None  # the white-light image still counts; a bad IR file is not fatal
        if _blank(image) and (ir_image is None or _blank(ir_image)):
            return Reading(None, "empty image (no contrast): " + NOT_FOUND)
        reading = read_mrz(image, infrared=ir_image, recogniser=self._recogniser)
        return Reading(reading.result, reading.error)


def _blank(image: GrayImage) -> bool:
    return float(image[::8, ::8].std()) < 2.0


class PassportEyeEngine:
    """PassportEye (Tesseract underneath): the design card's original choice, kept for comparison."""

    name = "passporteye"

    def __init__(self) -> None:
        try:
            from passporteye import read_mrz as passporteye_read  # noqa: PLC0415 (optional dependency)
        except ImportError as exc:
            raise EngineUnavailableError(
                f"the passporteye engine needs its optional dependencies ({exc}): "
                "pip install '.[passporteye]' and apt-get install tesseract-ocr"
            ) from None
        self._read = passporteye_read

    def read(self, data: bytes, *, infrared: bytes | None = None) -> Reading:
        try:
            decode_image(data)  # the same guard against bombs and garbage as the own engine
        except ImageError as exc:
            return Reading(None, str(exc))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # its scikit-image calls are deprecated; not ours to fix
                found = self._read(io.BytesIO(data))
        except Exception as exc:
            return Reading(None, f"passporteye failed: {type(exc).__name__}: {exc}")
        if found is None:
            return Reading(None, NOT_FOUND)
        text = _fit_lines(str(found.aux.get("text", "")))
        try:
            return Reading(parse(text), None)
        except MRZError as exc:
            return Reading(None, f"passporteye read text that is not an MRZ: {exc}")


def _fit_lines(text: str) -> str:
    """Tesseract often drops or adds a character at a line's end; pad or trim each line to the length its
    line count implies, as PassportEye's own MRZ checker does, so its reading gets a fair parse."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) == 3:
        width = 30
    elif len(lines) == 2:
        width = min((36, 44), key=lambda n: abs(n - max(len(line) for line in lines)))
    else:
        return text
    return "\n".join(line[:width].ljust(width, "<") for line in lines)


ENGINES: dict[str, Callable[[], Engine]] = {"own": OwnEngine, "passporteye": PassportEyeEngine}


def get_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine called ``name``.

    Raises ``KeyError`` for an unknown name, ``EngineUnavailableError`` if its packages are missing."""
    return ENGINES[name]()
