"""Where things are on an ICAO 9303 data page: the nominal zones of TD1, TD2 and TD3 documents.

Pure data, as fractions of the page (0.0 = left/top edge, 1.0 = right/bottom edge), so the same
description serves a 1500 px scanner image and a 600 px camera crop. The scanner simulator renders
pages from it and the image checks use it to know where to look, so both agree by construction.

Sizes follow Doc 9303 Part 3/4/5/6: TD3 125 x 88 mm, TD2 105 x 74 mm, TD1 85.60 x 53.98 mm; the
MRZ zone is the bottom band of the page (TD3 23.2 mm, TD2 21.0 mm, TD1 17.9 mm on the rear side),
printed in OCR-B at 2.54 mm per character and 4.23 mm per line. Positions of the photo and the
printed (VIZ) fields inside zones I-VI are *nominal*: Doc 9303 fixes their order and the zone
boundaries but lets each issuer move fields inside a zone, so the boxes here describe the pages this
project renders, with a margin that still contains a typical issuer's field.

A TD1 card has two sides: photo and VIZ on the front, MRZ on the rear. Zones carry their ``side``;
a scan of a two-sided document stacks the sides top to bottom (front above rear) in one image, and
``Layout.scan_box`` converts a zone to fractions of that stacked image.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Side(StrEnum):
    FRONT = "front"
    REAR = "rear"


class Zone(StrEnum):
    """Named areas of a data page. ``*_VALUE`` boxes hold only the printed value, not its caption,
    so an ink measurement inside one (e.g. an altered expiry date) sees nothing else."""

    HEADER = "header"  # zone I: issuing state, document name
    PHOTO = "photo"  # zone V: portrait
    VIZ = "viz"  # zones II-IV: all printed personal data
    MRZ = "mrz"  # zone VII
    DOCUMENT_CODE = "document_code"
    ISSUING_STATE = "issuing_state"
    DOCUMENT_NUMBER = "document_number"
    SURNAME = "surname"
    GIVEN_NAMES = "given_names"
    NATIONALITY = "nationality"
    BIRTH_DATE = "birth_date"
    SEX = "sex"
    EXPIRY_DATE = "expiry_date"


@dataclass(frozen=True)
class Box:
    """A rectangle as fractions of its side of the page: ``x0 < x1`` and ``y0 < y1`` in [0, 1]."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        if not (0.0 <= self.x0 < self.x1 <= 1.0 and 0.0 <= self.y0 < self.y1 <= 1.0):
            raise ValueError(f"box outside the page or empty: {self}")

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        """``(x0, y0, x1, y1)`` in pixels of an image ``width`` x ``height`` (ends exclusive)."""
        return (
            round(self.x0 * width),
            round(self.y0 * height),
            round(self.x1 * width),
            round(self.y1 * height),
        )


@dataclass(frozen=True)
class Layout:
    """One document format's page: its size, MRZ geometry and zones."""

    name: str
    width_mm: float
    height_mm: float
    mrz_lines: int
    mrz_chars: int
    sides: tuple[Side, ...]
    zones: dict[Zone, tuple[Side, Box]]

    @property
    def aspect(self) -> float:
        """Width / height of one side."""
        return self.width_mm / self.height_mm

    def box(self, zone: Zone) -> Box:
        """The zone as fractions of its own side."""
        return self.zones[zone][1]

    def side_of(self, zone: Zone) -> Side:
        return self.zones[zone][0]

    def scan_box(self, zone: Zone) -> Box:
        """The zone as fractions of a scan image in which all sides are stacked top to bottom."""
        side, box = self.zones[zone]
        n = len(self.sides)
        i = self.sides.index(side)
        return Box(box.x0, (i + box.y0) / n, box.x1, (i + box.y1) / n)


def _mm(page: tuple[float, float], x0: float, y0: float, x1: float, y1: float) -> Box:
    """A box given in millimetres on a ``page`` of (width, height) mm, as fractions."""
    width, height = page
    return Box(x0 / width, y0 / height, x1 / width, y1 / height)


def _td3() -> Layout:
    w, h = 125.0, 88.0
    mrz_top = h - 23.2

    def b(x0: float, y0: float, x1: float, y1: float) -> tuple[Side, Box]:
        return Side.FRONT, _mm((w, h), x0, y0, x1, y1)

    return Layout(
        name="TD3",
        width_mm=w,
        height_mm=h,
        mrz_lines=2,
        mrz_chars=44,
        sides=(Side.FRONT,),
        zones={
            Zone.HEADER: b(4.0, 2.0, 121.0, 11.0),
            Zone.PHOTO: b(5.0, 16.0, 40.0, 61.0),
            Zone.VIZ: b(44.0, 12.0, 121.0, 63.0),
            Zone.MRZ: b(0.0, mrz_top, w, h),
            Zone.DOCUMENT_CODE: b(44.0, 15.5, 58.0, 20.5),
            Zone.ISSUING_STATE: b(60.0, 15.5, 84.0, 20.5),
            Zone.DOCUMENT_NUMBER: b(88.0, 15.5, 121.0, 20.5),
            Zone.SURNAME: b(44.0, 24.5, 121.0, 29.5),
            Zone.GIVEN_NAMES: b(44.0, 33.5, 121.0, 38.5),
            Zone.NATIONALITY: b(44.0, 42.5, 84.0, 47.5),
            Zone.SEX: b(88.0, 42.5, 121.0, 47.5),
            Zone.BIRTH_DATE: b(44.0, 51.5, 80.0, 56.5),
            Zone.EXPIRY_DATE: b(84.0, 51.5, 121.0, 56.5),
        },
    )


def _td2() -> Layout:
    w, h = 105.0, 74.0
    mrz_top = h - 21.0

    def b(x0: float, y0: float, x1: float, y1: float) -> tuple[Side, Box]:
        return Side.FRONT, _mm((w, h), x0, y0, x1, y1)

    return Layout(
        name="TD2",
        width_mm=w,
        height_mm=h,
        mrz_lines=2,
        mrz_chars=36,
        sides=(Side.FRONT,),
        zones={
            Zone.HEADER: b(3.0, 1.5, 102.0, 8.5),
            Zone.PHOTO: b(4.0, 12.0, 32.0, 50.0),
            Zone.VIZ: b(36.0, 9.5, 102.0, 52.0),
            Zone.MRZ: b(0.0, mrz_top, w, h),
            Zone.DOCUMENT_CODE: b(36.0, 12.0, 47.0, 16.0),
            Zone.ISSUING_STATE: b(49.0, 12.0, 70.0, 16.0),
            Zone.DOCUMENT_NUMBER: b(73.0, 12.0, 102.0, 16.0),
            Zone.SURNAME: b(36.0, 19.5, 102.0, 23.5),
            Zone.GIVEN_NAMES: b(36.0, 27.0, 102.0, 31.0),
            Zone.NATIONALITY: b(36.0, 34.5, 70.0, 38.5),
            Zone.SEX: b(73.0, 34.5, 102.0, 38.5),
            Zone.BIRTH_DATE: b(36.0, 42.0, 68.0, 46.0),
            Zone.EXPIRY_DATE: b(71.0, 42.0, 102.0, 46.0),
        },
    )


def _td1() -> Layout:
    w, h = 85.6, 53.98
    mrz_top = h - 17.9

    def f(x0: float, y0: float, x1: float, y1: float) -> tuple[Side, Box]:
        return Side.FRONT, _mm((w, h), x0, y0, x1, y1)

    return Layout(
        name="TD1",
        width_mm=w,
        height_mm=h,
        mrz_lines=3,
        mrz_chars=30,
        sides=(Side.FRONT, Side.REAR),
        zones={
            Zone.HEADER: f(3.0, 1.5, 82.6, 7.5),
            Zone.PHOTO: f(3.0, 10.0, 27.0, 42.0),
            Zone.VIZ: f(30.0, 8.5, 83.0, 51.0),
            Zone.MRZ: (Side.REAR, _mm((w, h), 0.0, mrz_top, w, h)),
            Zone.DOCUMENT_CODE: f(30.0, 11.0, 40.0, 14.5),
            Zone.ISSUING_STATE: f(42.0, 11.0, 58.0, 14.5),
            Zone.DOCUMENT_NUMBER: f(60.0, 11.0, 83.0, 14.5),
            Zone.SURNAME: f(30.0, 18.0, 83.0, 21.5),
            Zone.GIVEN_NAMES: f(30.0, 25.0, 83.0, 28.5),
            Zone.NATIONALITY: f(30.0, 32.0, 55.0, 35.5),
            Zone.SEX: f(60.0, 32.0, 83.0, 35.5),
            Zone.BIRTH_DATE: f(30.0, 39.5, 55.0, 43.0),
            Zone.EXPIRY_DATE: f(58.0, 39.5, 83.0, 43.0),
        },
    )


LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (_td1(), _td2(), _td3())}
"""Layouts by format name ("TD1", "TD2", "TD3"). MRV-A visas share TD3's MRZ geometry and MRV-B TD2's."""

CHAR_PITCH_MM = 2.54
"""Doc 9303 Part 3: ten OCR-B characters per inch."""
LINE_PITCH_MM = 4.23
"""Doc 9303 Part 3: six lines per inch."""

CAPTIONS: dict[Zone, str] = {
    Zone.DOCUMENT_CODE: "Type",
    Zone.ISSUING_STATE: "Code of issuing State",
    Zone.DOCUMENT_NUMBER: "Document No.",
    Zone.SURNAME: "Surname",
    Zone.GIVEN_NAMES: "Given names",
    Zone.NATIONALITY: "Nationality",
    Zone.SEX: "Sex",
    Zone.BIRTH_DATE: "Date of birth",
    Zone.EXPIRY_DATE: "Date of expiry",
}
"""The English caption printed above each VIZ field (Doc 9303 Part 4, zone II), just above its box."""

VALUE_ZONES: tuple[Zone, ...] = tuple(CAPTIONS)
"""The VIZ value boxes, in printing order."""


def layout_for_mrz(mrz_text: str) -> Layout:
    """The layout whose MRZ geometry matches ``mrz_text`` (lines joined by newlines).

    Raises ``ValueError`` when the line count and lengths match no format.
    """
    lines = mrz_text.strip().splitlines()
    for layout in LAYOUTS.values():
        if len(lines) == layout.mrz_lines and all(len(line) == layout.mrz_chars for line in lines):
            return layout
    raise ValueError(f"no document format has {len(lines)} MRZ lines of lengths {[len(x) for x in lines]}")
