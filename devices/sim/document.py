"""Synthetic data pages under white, infrared and ultraviolet light, genuine or with known defects.

The scanner simulator and the image checks' tests are built on this renderer, so it encodes the
physics both sides agree on (see the project brief, "Synthetic documents"):

- genuine page: paper is dull under UV, with a bright UV-fluorescent printed pattern that also
  crosses the photo zone; MRZ and VIZ text are printed in IR-absorbing ink (dark under IR); the
  background artwork is IR-transparent (it vanishes under IR);
- ``UV_BRIGHT_PAPER``: the whole page background glows under UV (optical brighteners of ordinary paper);
- ``IR_INVISIBLE_MRZ``: the MRZ band has no contrast under IR (printed with a colour-only ink);
- ``SUBSTITUTED_PHOTO``: another face in the photo zone, and the UV pattern missing over the photo zone
  (the new photo was laid over the original security print);
- ``ALTERED_DATE``: the VIZ expiry date is overwritten with other digits, visible under white light, but
  printed in IR-transparent ink, so the expiry box holds far less ink under IR than under white light.

The page is drawn as separate layers (artwork, UV pattern, IR-absorbing ink, IR-transparent ink,
photo) and each light composes them differently. Geometry comes from ``mrz.layout`` at 12 px/mm, so a
TD3 page is 1500 px wide. White and UV images are BGR; the IR image is grey, as IR page scanners
deliver it. A two-sided TD1 card is rendered with the front stacked above the rear, as
``Layout.scan_box`` describes. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import datetime
import functools
import math
import random
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from devices.scan import DocumentScan, Image, Light
from devices.sim import faces
from mrz import parse
from mrz.layout import (
    CAPTIONS,
    CHAR_PITCH_MM,
    LINE_PITCH_MM,
    VALUE_ZONES,
    Box,
    Layout,
    Side,
    Zone,
    layout_for_mrz,
)

PX_PER_MM = 12.0
SOURCE = "sim:document"

_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DOCUMENT_NAMES = {
    "P": "PASSPORT",
    "I": "IDENTITY CARD",
    "A": "IDENTITY CARD",
    "C": "IDENTITY CARD",
    "V": "VISA",
}

Mask = npt.NDArray[np.float32]


class Defect(StrEnum):
    UV_BRIGHT_PAPER = "uv-bright-paper"
    IR_INVISIBLE_MRZ = "ir-invisible-mrz"
    SUBSTITUTED_PHOTO = "substituted-photo"
    ALTERED_DATE = "altered-date"


class FontMissingError(RuntimeError):
    """OCR-B or DejaVu is not installed (Debian: ``apt-get install fonts-ocr-b fonts-dejavu-core``)."""


@functools.cache
def _font_path(file_name: str) -> Path:
    for root in _FONT_DIRS:
        if root.is_dir():
            for path in root.rglob(file_name):
                return path
    raise FontMissingError(f"font {file_name} not found; install fonts-ocr-b and fonts-dejavu-core")


@functools.cache
def _font(file_name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_font_path(file_name)), size)


@functools.cache
def _ocrb_size_for_pitch(pitch_px: float) -> int:
    """The OCR-B point size whose fixed advance equals the MRZ character pitch."""
    advance_at_100 = _font("OCRB.otf", 100).getlength("0") / 100
    return max(8, round(pitch_px / advance_at_100))


def render_document_scan(
    mrz_text: str, *, defects: frozenset[Defect] = frozenset(), seed: int = 0
) -> DocumentScan:
    """White, IR and UV images of the data page carrying ``mrz_text``, with ``defects`` applied.

    The VIZ is printed from the MRZ's own fields (read with ``mrz.parse``), so a genuine page's
    printed and machine-readable data agree. ``mrz_text`` is returned on the scan as a full-page
    reader that reads the MRZ itself would deliver it. Raises ``ValueError`` when the text has no
    document format's line geometry, and ``mrz.MRZError`` when it is not an MRZ.
    """
    layout = layout_for_mrz(mrz_text)
    lines = mrz_text.strip().splitlines()
    fields = parse("\n".join(lines), correct=False).fields
    page = _Page(layout, seed)
    page.draw_artwork()
    page.draw_uv_pattern(hole=Zone.PHOTO if Defect.SUBSTITUTED_PHOTO in defects else None)
    page.draw_header(str(fields.get("issuing_state", "")), str(fields.get("document_code", "P")))
    page.draw_viz(fields, altered_expiry=Defect.ALTERED_DATE in defects)
    page.draw_mrz(lines, ir_visible=Defect.IR_INVISIBLE_MRZ not in defects)
    page.draw_photo(photo_seed(seed, defects))
    images = {
        Light.WHITE: page.compose_white(),
        Light.IR: page.compose_ir(),
        Light.UV: page.compose_uv(bright_paper=Defect.UV_BRIGHT_PAPER in defects),
    }
    return DocumentScan(source=SOURCE, mrz_text="\n".join(lines), images=images)


def _viz_date(iso: object) -> str:
    try:
        day = datetime.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def _altered(iso: object) -> str:
    """The forger's expiry date: the same day, years later (the usual aim of the alteration)."""
    try:
        day = datetime.date.fromisoformat(str(iso))
    except ValueError:
        return "31 DEC 2099"
    return _viz_date(day.replace(year=day.year + 7, day=min(day.day, 28)))


class _Page:
    """The layers of one rendered document (all sides stacked), and their composition per light."""

    def __init__(self, layout: Layout, seed: int) -> None:
        self.layout = layout
        self.rng = random.Random(seed)
        self.noise = np.random.default_rng(seed)
        self.side_w = round(layout.width_mm * PX_PER_MM)
        self.side_h = round(layout.height_mm * PX_PER_MM)
        self.w = self.side_w
        self.h = self.side_h * len(layout.sides)
        self.art = np.zeros((self.h, self.w), np.float32)
        self.uv = np.zeros((self.h, self.w), np.float32)
        self.ink_ir = PILImage.new("L", (self.w, self.h), 0)
        self.ink_clear = PILImage.new("L", (self.w, self.h), 0)
        self.photo = np.zeros((self.h, self.w, 3), np.uint8)
        self.photo_mask = np.zeros((self.h, self.w), np.float32)
        self.art_colour = np.array([self.rng.randint(150, 230) for _ in range(3)], np.float32)

    # -- geometry -------------------------------------------------------------------------------
    def _px(self, zone: Zone) -> tuple[int, int, int, int]:
        return self.layout.scan_box(zone).pixels(self.w, self.h)

    def _side_top(self, side: Side) -> int:
        return self.layout.sides.index(side) * self.side_h

    # -- layers ---------------------------------------------------------------------------------
    def draw_artwork(self) -> None:
        """Guilloche background in IR-transparent ink: visible under white light only."""
        canvas = np.zeros((self.h, self.w), np.uint8)
        xs = np.arange(0, self.w, 3, dtype=np.float64)
        for _ in range(40):
            amp = self.rng.uniform(8, 40)
            period = self.rng.uniform(80, 400)
            phase = self.rng.uniform(0, 2 * math.pi)
            y0 = self.rng.uniform(0, self.h)
            ys = y0 + amp * np.sin(xs / period * 2 * math.pi + phase)
            pts = np.stack([xs, ys], axis=1).round().astype(np.int32)
            cv2.polylines(canvas, [pts], False, 255, 2, cv2.LINE_AA)
        self.art = canvas.astype(np.float32) / 255.0

    def draw_uv_pattern(self, hole: Zone | None) -> None:
        """UV-fluorescent security print: waves across the front side, through the photo zone, and a
        seal over the photo's corner. ``hole`` removes it from a zone (a photo laid over it)."""
        canvas = np.zeros((self.h, self.w), np.uint8)
        top = self._side_top(Side.FRONT)
        xs = np.arange(0, self.w, 2, dtype=np.float64)
        for i in range(7):
            base = top + self.side_h * (0.15 + 0.07 * i)
            ys = base + self.side_h * 0.03 * np.sin(xs / self.w * 6 * math.pi + i)
            pts = np.stack([xs, ys], axis=1).round().astype(np.int32)
            cv2.polylines(canvas, [pts], False, 255, max(3, round(PX_PER_MM * 0.5)), cv2.LINE_AA)
        x0, _top, x1, y1 = self._px(Zone.PHOTO)
        radius = round((x1 - x0) * 0.45)
        cv2.circle(canvas, (x1, y1 - radius), radius, 255, max(4, round(PX_PER_MM * 0.6)), cv2.LINE_AA)
        self.uv = canvas.astype(np.float32) / 255.0
        if hole is not None:
            hx0, hy0, hx1, hy1 = self._px(hole)
            self.uv[hy0:hy1, hx0:hx1] = 0.0

    def draw_header(self, issuing_state: str, document_code: str) -> None:
        x0, y0, x1, y1 = self._px(Zone.HEADER)
        size = round((y1 - y0) * 0.6)
        font = _font("DejaVuSans-Bold.ttf", size)
        draw = ImageDraw.Draw(self.ink_ir)
        name = _DOCUMENT_NAMES.get(document_code[:1], "TRAVEL DOCUMENT")
        draw.text((x0, (y0 + y1) // 2), issuing_state, font=font, fill=255, anchor="lm")
        draw.text(((x0 + x1) // 2, (y0 + y1) // 2), name, font=font, fill=255, anchor="mm")

    def draw_viz(self, fields: Mapping[str, object], *, altered_expiry: bool) -> None:
        """Captions and values of the printed personal data. Captions sit just above their value box,
        so each box contains only its value."""
        ink = ImageDraw.Draw(self.ink_ir)
        clear = ImageDraw.Draw(self.ink_clear)
        values: dict[Zone, str] = {
            Zone.DOCUMENT_CODE: str(fields.get("document_code", "")),
            Zone.ISSUING_STATE: str(fields.get("issuing_state", "")),
            Zone.DOCUMENT_NUMBER: str(fields.get("document_number", "")),
            Zone.SURNAME: str(fields.get("surname", "")),
            Zone.GIVEN_NAMES: str(fields.get("given_names", "")),
            Zone.NATIONALITY: str(fields.get("nationality", "")),
            Zone.SEX: str(fields.get("sex", "")).replace("<", "X"),
            Zone.BIRTH_DATE: _viz_date(fields.get("birth_date", "")),
            Zone.EXPIRY_DATE: _viz_date(fields.get("expiry_date", "")),
        }
        for zone in VALUE_ZONES:
            x0, y0, x1, y1 = self._px(zone)
            box_h = y1 - y0
            caption_font = _font("DejaVuSans.ttf", max(8, round(box_h * 0.42)))
            ink.text((x0, y0 - 2), CAPTIONS[zone], font=caption_font, fill=255, anchor="lb")
            text = values[zone]
            size = round(box_h * 0.78)
            font = _font("DejaVuSans-Bold.ttf", size)
            while size > 8 and font.getlength(text) > (x1 - x0) * 0.98:
                size -= 1
                font = _font("DejaVuSans-Bold.ttf", size)
            position = (x0 + 2, (y0 + y1) // 2)
            if zone is Zone.EXPIRY_DATE and altered_expiry:
                clear.text(
                    position, _altered(fields.get("expiry_date", "")), font=font, fill=255, anchor="lm"
                )
            else:
                ink.text(position, text, font=font, fill=255, anchor="lm")

    def draw_mrz(self, lines: list[str], *, ir_visible: bool) -> None:
        x0, y0, x1, y1 = self._px(Zone.MRZ)
        pitch = CHAR_PITCH_MM * PX_PER_MM
        line_pitch = LINE_PITCH_MM * PX_PER_MM
        font = _font("OCRB.otf", _ocrb_size_for_pitch(pitch))
        target = ImageDraw.Draw(self.ink_ir if ir_visible else self.ink_clear)
        left = x0 + ((x1 - x0) - len(lines[0]) * pitch) / 2
        first = (y0 + y1) / 2 - line_pitch * (len(lines) - 1) / 2
        for i, line in enumerate(lines):
            centre_y = first + i * line_pitch
            for j, char in enumerate(line):
                target.text((left + j * pitch, centre_y), char, font=font, fill=255, anchor="lm")

    def draw_photo(self, face_seed: int) -> None:
        x0, y0, x1, y1 = self._px(Zone.PHOTO)
        portrait = draw_face(x1 - x0, y1 - y0, face_seed)
        self.photo[y0:y1, x0:x1] = portrait
        self.photo_mask[y0:y1, x0:x1] = 1.0

    # -- composition per light ------------------------------------------------------------------
    def _masks(self) -> tuple[Mask, Mask]:
        ir = np.asarray(self.ink_ir, np.float32) / 255.0
        clear = np.asarray(self.ink_clear, np.float32) / 255.0
        return ir, clear

    def _finish(self, image: npt.NDArray[np.float32], sigma: float) -> Image:
        noisy = image + self.noise.normal(0.0, sigma, image.shape).astype(np.float32)
        return np.clip(noisy, 0, 255).astype(np.uint8)

    def compose_white(self) -> Image:
        paper = np.array([228, 238, 242], np.float32)
        image = np.broadcast_to(paper, (self.h, self.w, 3)).copy()
        art = self.art[..., None] * 0.35
        image = image * (1 - art) + self.art_colour * art
        photo = self.photo_mask[..., None]
        image = image * (1 - photo) + self.photo.astype(np.float32) * photo
        ir, clear = self._masks()
        ink = np.maximum(ir, clear)[..., None]
        image = image * (1 - ink) + np.array([40, 30, 30], np.float32) * ink
        return self._finish(image, 2.0)

    def compose_ir(self) -> Image:
        """Artwork and IR-transparent ink vanish; IR-absorbing ink and the printed photo stay dark."""
        image = np.full((self.h, self.w), 222.0, np.float32)
        grey = cv2.cvtColor(self.photo, cv2.COLOR_BGR2GRAY).astype(np.float32)
        photo = self.photo_mask
        image = image * (1 - photo) + (60 + grey * 0.6) * photo
        ir, _clear = self._masks()
        image = image * (1 - ir) + 25.0 * ir
        return self._finish(image, 2.5)

    def compose_uv(self, *, bright_paper: bool) -> Image:
        """Dull paper (or glowing, for ``UV_BRIGHT_PAPER``), bright fluorescent pattern, dark ink."""
        paper = np.array([215, 200, 205] if bright_paper else [70, 35, 45], np.float32)
        image = np.broadcast_to(paper, (self.h, self.w, 3)).copy()
        photo = self.photo_mask[..., None]
        image = image * (1 - photo) + np.array([55, 30, 38], np.float32) * photo
        uv = self.uv[..., None]
        image = image * (1 - uv) + np.array([120, 235, 170], np.float32) * uv
        ir, clear = self._masks()
        ink = np.maximum(ir, clear)[..., None] * np.float32(0.7)
        image = image * (1 - ink) + np.array([20, 10, 15], np.float32) * ink
        return self._finish(image, 2.0)


def photo_seed(seed: int, defects: frozenset[Defect] = frozenset()) -> int:
    """The face seed of the photo printed on the page rendered with ``seed``: the holder's own
    (``seed``), or, on a page with a substituted photo, another person's (the impostor's)."""
    return seed if Defect.SUBSTITUTED_PHOTO not in defects else seed ^ 0x5EED_F00D


def draw_face(width: int, height: int, seed: int) -> Image:
    """The passport photo of the synthetic person ``seed`` (``devices.sim.faces``: a shaded 2.5D face
    that dlib detects and tells apart from other seeds' faces; no real person's picture)."""
    return faces.portrait(width, height, seed)


def pick_box(scan_image: Image, box: Box) -> Image:
    """The part of a rendered scan image inside ``box`` (fractions of the image)."""
    h, w = scan_image.shape[:2]
    x0, y0, x1, y1 = box.pixels(w, h)
    return scan_image[y0:y1, x0:x1]
