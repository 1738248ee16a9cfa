"""The chip in the inspection flow: read it once the printed MRZ gives the access key, and show
what it holds.

``chip_fields`` is what the booth's screens show beside the printed data: the chip's own MRZ
(DG1), parsed exactly as the printed one is, so a field that differs is a field that was altered.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.chip import lds
from devices.scan import DocumentScan
from mrz import MRZError, parse


@dataclass(frozen=True)
class ChipProgress:
    """How far a chip read has come: ``done`` of ``total`` bytes of the file ``group`` (``"DG2"``
    is the large one; a progress bar per group tells an officer the read is alive)."""

    group: str
    done: int
    total: int


def chip_fields(scan: DocumentScan) -> dict[str, str] | None:
    """The chip's MRZ (DG1) as the same fields ``mrz.parse(...).fields`` gives for the printed MRZ,
    or ``None`` when no chip was read or its DG1 cannot be read as an MRZ (the chip checks say why).

    Parsed without OCR correction: the chip's bytes are what the issuer wrote, and a "corrected"
    chip MRZ would hide exactly the difference an officer must see.
    """
    if not scan.chip or "DG1" not in scan.chip:
        return None
    try:
        text = lds.parse_dg1(scan.chip["DG1"])
        result = parse(text, correct=False)
    except (lds.LDSError, MRZError):
        return None
    return {name: str(value) for name, value in result.fields.items()}
