"""What a device hands to the station: a scanned document, or a change of the device's status.

These two types are the contract between ``devices`` and ``station``; every driver produces them
and every check consumes them, so they stay small and free of any driver's details.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
"""An image as OpenCV holds it: BGR (h, w, 3) or grey (h, w), uint8."""


class Light(enum.StrEnum):
    """The light source an image of the page was taken under."""

    WHITE = "white"
    IR = "ir"
    UV = "uv"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DocumentScan:
    """One presentation of a document to a device.

    ``mrz_text`` is set when the device itself read the MRZ (lines joined by ``\\n``); otherwise the
    station reads it from ``images`` with the MRZ OCR. ``chip`` holds raw data groups by name
    (``"COM"``, ``"SOD"``, ``"DG1"``, ...) when a chip was read. ``raw`` keeps the device's frame for
    diagnostics.
    """

    source: str
    mrz_text: str | None = None
    images: Mapping[Light, Image] = field(default_factory=dict)
    chip: Mapping[str, bytes] | None = None
    barcodes: tuple[str, ...] = ()
    started_at: datetime = field(default_factory=utcnow)
    finished_at: datetime = field(default_factory=utcnow)
    raw: bytes = b""


class DeviceState(enum.StrEnum):
    CONNECTED = "connected"
    READING = "reading"
    DISCONNECTED = "disconnected"
    ERROR = "error"


@dataclass(frozen=True)
class DeviceStatus:
    """A change in a device's state, with a reason an officer can act on when it is an error
    (e.g. "read failed — present the document again")."""

    source: str
    state: DeviceState
    reason: str = ""
    at: datetime = field(default_factory=utcnow)


DeviceEvent = DocumentScan | DeviceStatus
