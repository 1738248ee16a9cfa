"""Barcodes in images: boarding passes (PDF417, Aztec, QR) and 1D codes.

zbar (``pyzbar``) reads QR and 1D codes but not PDF417 or Aztec, the symbologies of most boarding
passes, so ``zxing-cpp`` reads those (and is asked first for everything: it reads all of them); zbar
is the second opinion for QR and 1D codes zxing missed. Results are de-duplicated by (format, text).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import zxingcpp
from pyzbar import pyzbar

from devices.scan import Image

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Barcode:
    format: str  # "PDF417", "Aztec", "QRCode", "Code128", ... (zxing-cpp's names)
    text: str
    reader: str  # "zxing-cpp" or "zbar"


_ZBAR_TO_ZXING = {
    "QRCODE": "QRCode",
    "CODE128": "Code128",
    "CODE39": "Code39",
    "CODE93": "Code93",
    "EAN13": "EAN13",
    "EAN8": "EAN8",
    "UPCA": "UPCA",
    "UPCE": "UPCE",
    "I25": "ITF",
    "CODABAR": "Codabar",
    "PDF417": "PDF417",
}


def read_barcodes(image: Image) -> list[Barcode]:
    """Every barcode found in ``image`` (BGR or grey), each once."""
    found: dict[tuple[str, str], Barcode] = {}
    grey = image if image.ndim == 2 else np.ascontiguousarray(image[..., :3].mean(axis=2).astype(np.uint8))
    for result in zxingcpp.read_barcodes(grey):
        fmt = result.format.name
        found.setdefault((fmt, result.text), Barcode(fmt, result.text, "zxing-cpp"))
    try:
        decoded = pyzbar.decode(grey)
    except Exception as exc:  # libzbar missing or refusing the image: zxing's answer still stands
        log.warning("zbar could not scan the image: %s", exc)
        decoded = []
    for symbol in decoded:
        fmt = _ZBAR_TO_ZXING.get(symbol.type, symbol.type)
        text = symbol.data.decode("utf-8", errors="replace")
        found.setdefault((fmt, text), Barcode(fmt, text, "zbar"))
    return list(found.values())
