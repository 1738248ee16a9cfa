"""Synthetic MRZ images in OCR-B, for training the recogniser and for the benchmark.

Two families of renders, kept apart on purpose so the benchmark never measures what the model was fitted on:

- ``render_training_block``: the MRZ lines alone (random strings over the MRZ charset, not identities) on
  plain or noisy paper, at a random scale, with mild geometric and photometric damage. Used only by
  ``tools/train_mrz_ocr.py``.
- ``render_scene``: a whole document (TD1/TD2/TD3 page or MRV sticker) with guilloche artwork, a photo
  zone and printed VIZ text, placed on a scanner bed or a cluttered table, then rotated, warped, lit,
  blurred, noised and JPEG-compressed according to a ``Distortion``. Used by the benchmark and tests.

Both draw OCR-B from the system (Debian package ``fonts-ocr-b``); nothing is downloaded. This module is
never imported by the reader itself.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFont

MRZ_CHARSET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"))
PITCH_MM = 2.54  # ICAO 9303: 10 characters per inch
LINE_PITCH_MM = 4.23  # 6 lines per inch

GrayImage = npt.NDArray[np.uint8]


class FontMissingError(RuntimeError):
    """OCR-B (or the VIZ font) is not installed: ``apt-get install fonts-ocr-b fonts-dejavu-core``."""


@functools.cache
def _find_font(file_name: str) -> str:
    for root in _FONT_DIRS:
        for path in Path(root).rglob(file_name):
            return str(path)
    raise FontMissingError(f"font {file_name} not found; install fonts-ocr-b and fonts-dejavu-core")


@functools.cache
def _font(file_name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_find_font(file_name), size)


@functools.cache
def _ocrb_cap_ratio() -> float:
    """Cap height of OCR-B as a fraction of the font size, measured once."""
    font = _font("OCRB.otf", 200)
    _, top, _, bottom = font.getbbox("H", anchor="ls")
    return (bottom - top) / 200


def draw_mrz_text(
    draw: ImageDraw.ImageDraw,
    lines: list[str],
    *,
    origin: tuple[float, float],
    pitch: float,
    line_pitch: float,
    cap_height: float,
    ink: int | tuple[int, int, int],
) -> None:
    """Draws MRZ lines at a fixed character pitch; ``origin`` is the left edge of line 1's baseline."""
    size = max(4, round(cap_height / _ocrb_cap_ratio()))
    font = _font("OCRB.otf", size)
    x0, y0 = origin
    for row, line in enumerate(lines):
        baseline = y0 + row * line_pitch
        for col, char in enumerate(line):
            draw.text((x0 + (col + 0.5) * pitch, baseline), char, font=font, fill=ink, anchor="ms")


def random_mrz_like_lines(rng: random.Random, n_lines: int, n_chars: int) -> list[str]:
    """Random lines over the MRZ charset with filler runs, so every class is seen in every context."""
    lines = []
    for _ in range(n_lines):
        chars: list[str] = []
        while len(chars) < n_chars:
            if rng.random() < 0.15:
                chars.extend("<" * rng.randint(1, 8))
            else:
                chars.append(rng.choice(MRZ_CHARSET))
        lines.append("".join(chars[:n_chars]))
    return lines


# --------------------------------------------------------------------------------------------------
# Photometric and geometric damage shared by both families
# --------------------------------------------------------------------------------------------------


def _smooth_field(
    rng: random.Random, shape: tuple[int, int], lo: float, hi: float
) -> npt.NDArray[np.float32]:
    """A smooth random field in [lo, hi]: uneven light."""
    h, w = shape
    small = np.array([[rng.random() for _ in range(4)] for _ in range(4)], dtype=np.float32)
    field = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    field = (field - field.min()) / max(1e-6, float(field.max() - field.min()))
    return np.asarray(lo + (hi - lo) * field, dtype=np.float32)


def _glare(rng: random.Random, img: npt.NDArray[np.float32], strength: float) -> npt.NDArray[np.float32]:
    h, w = img.shape[:2]
    cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.3, 1.0) * h
    sx, sy = rng.uniform(0.05, 0.25) * w, rng.uniform(0.03, 0.15) * h
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    blob = np.exp(-(((xx - cx) / sx) ** 2 + ((yy - cy) / sy) ** 2) / 2) * 255 * strength
    if img.ndim == 3:
        blob = blob[..., None]
    out: npt.NDArray[np.float32] = img + blob
    return out


def _encode_jpeg(img: npt.NDArray[np.uint8], quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return buf.tobytes()


def _jpeg(img: npt.NDArray[np.uint8], quality: int) -> npt.NDArray[np.uint8]:
    flag = cv2.IMREAD_COLOR if img.ndim == 3 else cv2.IMREAD_GRAYSCALE
    return np.asarray(cv2.imdecode(np.frombuffer(_encode_jpeg(img, quality), np.uint8), flag), dtype=np.uint8)


# --------------------------------------------------------------------------------------------------
# Training renders: the MRZ block alone
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingBlock:
    image: GrayImage
    lines: list[str]


def _training_artwork(
    rng: random.Random, draw: ImageDraw.ImageDraw, size: tuple[int, int], ink: int, paper: int
) -> None:
    """Background printing under the MRZ: random strokes (straight, wavy, arcs), lighter than the ink."""
    w, h = size
    for _ in range(rng.choice((0, 0, 1, 3, 6, 12))):
        shade = rng.randint(min(ink + 40, paper - 10), paper - 10)
        width = rng.choice((1, 1, 2, 3))
        kind = rng.random()
        if kind < 0.3:
            draw.line(
                [(rng.uniform(0, w), rng.uniform(0, h)), (rng.uniform(0, w), rng.uniform(0, h))],
                fill=shade,
                width=width,
            )
        elif kind < 0.5:
            r = rng.uniform(0.2, 1.5) * h
            cx, cy = rng.uniform(0, w), rng.uniform(0, h)
            draw.arc(
                (cx - r, cy - r, cx + r, cy + r),
                rng.uniform(0, 360),
                rng.uniform(0, 360),
                fill=shade,
                width=width,
            )
        else:
            amp, period, phase, y0 = (
                rng.uniform(0.05, 0.6) * h,
                rng.uniform(0.05, 1.0) * w,
                rng.uniform(0, 6.3),
                rng.uniform(0, h),
            )
            slope = rng.uniform(-0.3, 0.3)
            pts = [
                (x, y0 + slope * x + amp * math.sin(2 * math.pi * x / period + phase)) for x in range(0, w, 2)
            ]
            draw.line(pts, fill=shade, width=width)


def render_training_block(rng: random.Random) -> TrainingBlock:
    """One MRZ-like block of random text, damaged at random; for training only (see module docstring)."""
    n_lines, n_chars = rng.choice([(3, 30), (2, 36), (2, 44)])
    lines = random_mrz_like_lines(rng, n_lines, n_chars)
    pitch = rng.uniform(8.0, 34.0)
    cap = pitch * rng.uniform(0.78, 1.0)
    line_pitch = pitch * rng.uniform(1.45, 2.0)
    margin = pitch * rng.uniform(1.5, 3.0)
    w = round(n_chars * pitch + 2 * margin)
    h = round((n_lines - 1) * line_pitch + cap + 2 * margin)
    paper = rng.randint(150, 255)
    ink = rng.randint(0, min(70, paper - 80))
    img = Image.new("L", (w, h), paper)
    _training_artwork(rng, ImageDraw.Draw(img), (w, h), ink, paper)
    draw_mrz_text(
        ImageDraw.Draw(img),
        lines,
        origin=(margin, margin + cap),
        pitch=pitch,
        line_pitch=line_pitch,
        cap_height=cap,
        ink=ink,
    )
    arr = np.asarray(img, dtype=np.uint8).copy()
    if rng.random() < 0.4:  # stroke weight: bold or thin print
        k = np.ones((2, 2), np.uint8)
        arr = np.asarray(cv2.erode(arr, k) if rng.random() < 0.5 else cv2.dilate(arr, k), dtype=np.uint8)
    # mild rotation and shear, as the rectifier leaves behind at worst
    angle = rng.uniform(-6, 6)
    shear = rng.uniform(-0.08, 0.08)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[0, 1] += shear
    arr = np.asarray(cv2.warpAffine(arr, m, (w, h), borderValue=paper), dtype=np.uint8)
    f = arr.astype(np.float32)
    f = f * _smooth_field(rng, f.shape[:2], rng.uniform(0.45, 1.0), rng.uniform(1.0, 1.15))
    if rng.random() < 0.25:
        f = _glare(rng, f, rng.uniform(0.2, 0.6))
    sigma = rng.choice([0.0, rng.uniform(0.3, 1.0) * pitch / 10, rng.uniform(0.5, 2.2) * pitch / 14])
    if sigma > 0.2:
        f = np.asarray(cv2.GaussianBlur(f, (0, 0), sigma), dtype=np.float32)
    f += np.asarray(np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(0, 12), f.shape))
    arr = np.clip(f, 0, 255).astype(np.uint8)
    if rng.random() < 0.3:  # low resolution capture
        s = rng.uniform(0.5, 0.9)
        small = cv2.resize(arr, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
        arr = np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), dtype=np.uint8)
    if rng.random() < 0.6:
        arr = _jpeg(arr, rng.randint(30, 95))
    return TrainingBlock(arr, lines)


# --------------------------------------------------------------------------------------------------
# Benchmark renders: a whole document in a scene
# --------------------------------------------------------------------------------------------------

#: page size (mm) and MRZ shape of each format
DOCUMENT_SIZES: dict[str, tuple[float, float, int, int]] = {
    "TD1": (85.6, 54.0, 3, 30),
    "TD2": (105.0, 74.0, 2, 36),
    "TD3": (125.0, 88.0, 2, 44),
    "MRVA": (120.0, 80.0, 2, 44),
    "MRVB": (105.0, 74.0, 2, 36),
}

_WORDS = [
    "SURNAME",
    "NAME",
    "GIVEN",
    "NAMES",
    "NATIONALITY",
    "DATE",
    "OF",
    "BIRTH",
    "SEX",
    "PLACE",
    "ISSUE",
    "EXPIRY",
    "AUTHORITY",
    "PASSPORT",
    "TYPE",
    "CODE",
    "DOCUMENT",
    "NUMBER",
    "HOLDER",
    "SIGNATURE",
    "VISA",
    "ENTRIES",
    "VALID",
    "UNTIL",
    "REMARKS",
    "PERSONAL",
]


@dataclass(frozen=True)
class Distortion:
    """How a scene is damaged. Angles in degrees, blur sigma in px of the final image."""

    rotation: float = 0.0
    perspective: float = 0.0  # corner jitter as a fraction of the page size
    page_fill: float = 0.9  # page width / image width
    clutter: bool = False  # cluttered table instead of a scanner bed
    light: tuple[float, float] = (1.0, 1.0)  # uneven light range (multiplier)
    glare: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    jpeg_quality: int = 95
    downscale: float = 1.0  # < 1: captured at lower resolution, then upsampled


def _guilloche(rng: random.Random, img: npt.NDArray[np.uint8], px_per_mm: float) -> None:
    h, w = img.shape[:2]
    for _ in range(rng.randint(6, 18)):
        colour = tuple(rng.randint(120, 235) for _ in range(3))
        amp, freq, phase = rng.uniform(2, 12) * px_per_mm, rng.uniform(0.5, 4) / w, rng.uniform(0, 6.3)
        y0 = rng.uniform(0, h)
        xs = np.arange(0, w, 3, dtype=np.float32)
        ys = y0 + amp * np.sin(2 * math.pi * freq * xs + phase) + rng.uniform(-0.3, 0.3) * xs
        pts = np.stack([xs, ys], axis=1).astype(np.int32)
        cv2.polylines(
            img, [pts], False, colour, max(1, round(px_per_mm * rng.uniform(0.05, 0.2))), cv2.LINE_AA
        )
    for _ in range(rng.randint(0, 4)):
        colour = tuple(rng.randint(150, 240) for _ in range(3))
        c = (rng.randint(0, w), rng.randint(0, h))
        cv2.circle(img, c, rng.randint(5, 30) * round(px_per_mm), colour, max(1, round(px_per_mm * 0.15)))


def _viz_text(
    rng: random.Random, draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], px_per_mm: float
) -> None:
    x0, y0, x1, y1 = box
    y = y0
    while y < y1 - 4 * px_per_mm:
        size = round(rng.uniform(1.4, 3.2) * px_per_mm)
        font = _font(rng.choice(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf"]), max(6, size))
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.5:
            words += " " + "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 9)))
        colour = (rng.randint(0, 90),) * 3 if rng.random() < 0.7 else (30, 30, rng.randint(90, 160))
        draw.text((x0 + rng.uniform(0, 6) * px_per_mm, y), words, font=font, fill=colour)
        y += size * rng.uniform(1.3, 2.2)
    _ = x1


def render_page(
    rng: random.Random, mrz_lines: list[str], fmt: str, width_px: int, *, infrared: bool = False
) -> npt.NDArray[np.uint8]:
    """The data page (BGR) at ``width_px``; ``infrared`` drops the IR-transparent artwork."""
    page_w, page_h, _, n_chars = DOCUMENT_SIZES[fmt]
    ppm = width_px / page_w
    h = round(page_h * ppm)
    paper = tuple(rng.randint(205, 250) for _ in range(3))
    img = np.empty((h, width_px, 3), np.uint8)
    img[:] = paper
    _guilloche(rng, img, ppm)
    pil = Image.fromarray(img)
    draw = ImageDraw.Draw(pil)
    mrz_top = page_h - (len(mrz_lines) * LINE_PITCH_MM + 3.5)
    if fmt == "TD1":
        _viz_text(rng, draw, (4 * ppm, 4 * ppm, page_w * ppm, (mrz_top - 2) * ppm), ppm)
    else:
        photo = (5 * ppm, 12 * ppm, (5 + page_w * 0.26) * ppm, (mrz_top - 4) * ppm)
        shade = rng.randint(90, 200)
        draw.rectangle(photo, fill=(shade, shade - 10, shade - 20))
        cx, cy = (photo[0] + photo[2]) / 2, (photo[1] + photo[3]) / 2
        rw, rh = (photo[2] - photo[0]) * 0.3, (photo[3] - photo[1]) * 0.35
        draw.ellipse((cx - rw, cy - rh, cx + rw, cy + rh), fill=(shade - 60, shade - 70, shade - 80))
        _viz_text(rng, draw, (photo[2] + 3 * ppm, 4 * ppm, page_w * ppm, (mrz_top - 2) * ppm), ppm)
        header = _font("DejaVuSans-Bold.ttf", round(3.5 * ppm))
        draw.text(
            (photo[2] + 3 * ppm, 1 * ppm),
            rng.choice(["PASSPORT", "VISA", "IDENTITY"]),
            font=header,
            fill=(40, 40, 90),
        )
    pitch = PITCH_MM * ppm
    left = (page_w - n_chars * PITCH_MM) / 2 * ppm
    cap = pitch * rng.uniform(0.8, 0.95)
    ink = rng.randint(0, 45)
    draw_mrz_text(
        draw,
        mrz_lines,
        origin=(left, mrz_top * ppm + cap + 1.2 * ppm),
        pitch=pitch,
        line_pitch=LINE_PITCH_MM * ppm,
        cap_height=cap,
        ink=(ink, ink, ink),
    )
    out = np.asarray(pil, dtype=np.uint8).copy()
    if infrared:
        grey = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
        text_mask = grey < 110  # printed text and MRZ absorb IR; the pastel artwork vanishes
        out[:] = 225
        out[text_mask] = grey[text_mask, None]
    return np.asarray(cv2.cvtColor(out, cv2.COLOR_RGB2BGR), dtype=np.uint8)


def _scene_background(rng: random.Random, shape: tuple[int, int], clutter: bool) -> npt.NDArray[np.uint8]:
    h, w = shape
    bg = np.empty((h, w, 3), np.uint8)
    bg[:] = tuple(rng.randint(20, 240) for _ in range(3))
    if not clutter:
        return bg
    for _ in range(rng.randint(10, 30)):
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        p1 = (rng.randint(0, w), rng.randint(0, h))
        p2 = (p1[0] + rng.randint(-300, 300), p1[1] + rng.randint(-300, 300))
        if rng.random() < 0.5:
            cv2.rectangle(bg, p1, p2, colour, -1 if rng.random() < 0.5 else rng.randint(1, 6))
        else:
            cv2.line(bg, p1, p2, colour, rng.randint(1, 8))
    pil = Image.fromarray(bg)
    draw = ImageDraw.Draw(pil)
    for _ in range(rng.randint(2, 8)):  # printed matter lying around: text of other fonts
        font = _font(
            rng.choice(["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf"]), rng.randint(12, 40)
        )
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 6)))
        draw.text((rng.randint(0, w), rng.randint(0, h)), text, font=font, fill=(rng.randint(0, 80),) * 3)
    return np.asarray(pil, dtype=np.uint8).copy()


@dataclass(frozen=True)
class Scene:
    """A rendered capture and its truth."""

    jpeg: bytes  # the white-light capture as a camera or scanner would deliver it
    infrared_jpeg: bytes  # the same capture under IR (grey)
    mrz_lines: list[str]
    fmt: str


def render_scene(rng: random.Random, mrz_text: str, fmt: str, d: Distortion, width_px: int = 1500) -> Scene:
    """A document showing ``mrz_text`` captured in a scene damaged as ``d`` says (see module docstring)."""
    lines = mrz_text.split("\n")
    page_px = round(width_px * d.page_fill)
    page_seed = rng.randrange(2**32)
    page = render_page(random.Random(page_seed), lines, fmt, page_px)
    page_ir = render_page(random.Random(page_seed), lines, fmt, page_px, infrared=True)
    ph, pw = page.shape[:2]
    rad = math.radians(d.rotation)
    # canvas big enough to hold the rotated page with some margin
    bw = abs(pw * math.cos(rad)) + abs(ph * math.sin(rad))
    bh = abs(pw * math.sin(rad)) + abs(ph * math.cos(rad))
    cw = width_px if abs(math.cos(rad)) > 0.7 else round(max(width_px, bw / d.page_fill * 0.95))
    ch = round(max(bh / 0.92, cw * 0.72))
    cw = max(cw, round(bw / 0.92))
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    corners = src - np.array([pw / 2, ph / 2], np.float32)
    corners += np.array(
        [
            [rng.uniform(-1, 1) * d.perspective * pw, rng.uniform(-1, 1) * d.perspective * ph]
            for _ in range(4)
        ],
        np.float32,
    )
    rot = np.array([[math.cos(rad), -math.sin(rad)], [math.sin(rad), math.cos(rad)]], np.float32)
    corners = corners @ rot.T
    slack_x = max(0.0, (cw - (corners[:, 0].max() - corners[:, 0].min())) / 2 - 4)
    slack_y = max(0.0, (ch - (corners[:, 1].max() - corners[:, 1].min())) / 2 - 4)
    centre = np.array(
        [cw / 2 + rng.uniform(-slack_x, slack_x), ch / 2 + rng.uniform(-slack_y, slack_y)], np.float32
    )
    dst = (corners + centre).astype(np.float32)
    hom = cv2.getPerspectiveTransform(src, dst)
    bg = _scene_background(rng, (ch, cw), d.clutter)
    out = []
    for img, background in (
        (page, bg),
        (cv2.cvtColor(page_ir, cv2.COLOR_BGR2GRAY), cv2.cvtColor(bg, cv2.COLOR_BGR2GRAY) // 3),
    ):
        warped = cv2.warpPerspective(
            img, hom, (cw, ch), flags=cv2.INTER_AREA if d.page_fill < 1 else cv2.INTER_LINEAR
        )
        mask = cv2.warpPerspective(np.full(img.shape[:2], 255, np.uint8), hom, (cw, ch)) > 127
        comp = background.copy()
        comp[mask] = warped[mask]
        out.append(comp)
    light_seed = rng.randrange(2**32)
    noise_seed = rng.randrange(2**32)
    damaged: list[bytes] = []
    for img in out:
        lrng = random.Random(light_seed)
        f = img.astype(np.float32)
        field = _smooth_field(lrng, f.shape[:2], *d.light)
        f = f * (field[..., None] if f.ndim == 3 else field)
        if d.glare > 0:
            f = _glare(lrng, f, d.glare)
        if d.blur > 0:
            f = np.asarray(cv2.GaussianBlur(f, (0, 0), d.blur), dtype=np.float32)
        if d.noise > 0:
            f += np.random.default_rng(noise_seed).normal(0, d.noise, f.shape).astype(np.float32)
        arr = np.clip(f, 0, 255).astype(np.uint8)
        if d.downscale < 1:
            small = cv2.resize(arr, None, fx=d.downscale, fy=d.downscale, interpolation=cv2.INTER_AREA)
            arr = np.asarray(
                cv2.resize(small, (arr.shape[1], arr.shape[0]), interpolation=cv2.INTER_LINEAR),
                dtype=np.uint8,
            )
        damaged.append(_encode_jpeg(arr, d.jpeg_quality))
    return Scene(damaged[0], damaged[1], lines, fmt)
