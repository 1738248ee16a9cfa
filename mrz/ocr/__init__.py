"""Reading the MRZ from images: locate (any rotation), rectify, recognise, correct with check digits.

Entry points: ``read_mrz(array)`` for pixels already in memory (devices, the inspection workflow) and
``get_engine(name).read(bytes)`` for encoded files (the CLI, the benchmark). No Qt, no file I/O: the
callers read files; the shipped recogniser weights are the one thing loaded from disk.
"""

from mrz.ocr.decode import ImageError, decode_image
from mrz.ocr.engines import DEFAULT_ENGINE, ENGINES, Engine, EngineUnavailableError, Reading, get_engine
from mrz.ocr.reader import OCRReading, read_mrz

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "Engine",
    "EngineUnavailableError",
    "ImageError",
    "OCRReading",
    "Reading",
    "decode_image",
    "get_engine",
    "read_mrz",
]
