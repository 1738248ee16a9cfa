"""ICAO Doc 9303 machine readable zones: formats described once as data, parsing, validation,
OCR error correction and a builder. Pure Python: no Qt, no I/O.

    from mrz import parse, build, MRZResult, MRZError, DocumentFormat
"""

from mrz.builder import build
from mrz.errors import MRZError
from mrz.formats import DocumentFormat
from mrz.parser import MRZResult, parse

__all__ = ["DocumentFormat", "MRZError", "MRZResult", "build", "parse"]
