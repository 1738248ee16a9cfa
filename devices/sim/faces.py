"""Synthetic, human-like faces for tests, benchmarks and the demo: no photograph of anyone.

A face is a 2.5D height field (a head ellipsoid plus Gaussian bumps and hollows for brow ridge, eye
sockets, nose, cheeks, lips and chin) with an albedo map (skin, lips, eyes, brows, hair, beard),
shaded with Lambert's law under a directional light. Geometry and colours are drawn from a seed:
the *identity* (a fictional person). How one picture of that person is taken is a separate
*capture* (pose within about ±10°, light direction, expression, scale, camera noise, JPEG), so
two captures of one identity are "the same person" and two identities are different people.

No package ships a face mesh or morphable model we may use (mediapipe's wheels no longer carry the
canonical mesh; eos-py ships no model), so the geometry is procedural. dlib's HOG detector finds
these faces and its ResNet descriptor tells identities apart well enough to exercise the face
match path with measurable false-accept / false-reject rates (``bench/face.py``). What that says
is how the code path behaves, not how well the matcher does on real travellers.

Rendering works on a fixed canonical grid (cheap separable Gaussians), then one affine warp puts
the head into the output image: a 640x480 live capture renders in a few tens of milliseconds.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass, replace
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from devices.scan import Image

Array = npt.NDArray[np.float32]

# canonical grid: face units (half the face width at the cheekbones = 1), v grows downwards,
# origin between the eyes
_U0, _U1, _V0, _V1 = -2.0, 2.0, -2.2, 3.0
_GRID_W = 240
_GRID_H = round(_GRID_W * (_V1 - _V0) / (_U1 - _U0))
_u_axis = np.linspace(_U0, _U1, _GRID_W, dtype=np.float32)
_v_axis = np.linspace(_V0, _V1, _GRID_H, dtype=np.float32)
_STEP = float(_u_axis[1] - _u_axis[0])
_u_grid, _v_grid = np.meshgrid(_u_axis, _v_axis)
_WARP = 0.12
_RELIEF = 0.07
_BLOTCH = 0.12
_SHEEN = 0.08
_MAX_GAIN = 2.2
_BLOTCH_SIGMA = 6.0

SKIN_TONES: tuple[tuple[int, int, int], ...] = (
    (188, 208, 240),
    (160, 190, 230),
    (135, 172, 215),
    (110, 150, 200),
    (88, 125, 178),
    (66, 98, 148),
    (50, 72, 118),
    (38, 52, 88),
)
"""BGR skin albedos from very light to very dark."""
HAIR_COLOURS: tuple[tuple[int, int, int], ...] = (
    (18, 18, 22),
    (20, 28, 40),
    (25, 45, 75),
    (40, 70, 110),
    (80, 140, 190),
    (30, 55, 140),
    (150, 150, 155),
    (215, 215, 220),
)
IRIS_COLOURS: tuple[tuple[int, int, int], ...] = (
    (20, 40, 70),
    (30, 60, 100),
    (40, 90, 110),
    (130, 110, 70),
    (110, 120, 80),
    (70, 90, 90),
)
CLOTHING: tuple[tuple[int, int, int], ...] = (
    (90, 40, 20),
    (30, 30, 30),
    (120, 120, 120),
    (40, 80, 30),
    (80, 60, 50),
    (235, 235, 235),
    (60, 60, 150),
)


@dataclass(frozen=True)
class Identity:
    """One fictional person: everything that stays the same from picture to picture."""

    seed: int
    male: bool
    skin: tuple[int, int, int]
    hair: tuple[int, int, int]
    iris: tuple[int, int, int]
    lips: tuple[int, int, int]
    clothing: tuple[int, int, int]
    face_width: float  # cheek half-width scale
    face_length: float  # forehead-to-chin scale
    jaw: float  # narrowing of the lower face (0 round, 0.4 pointed)
    squareness: float  # outline exponent: 2 oval, 3 square
    eye_dx: float
    eye_v: float
    eye_w: float
    eye_h: float
    eye_tilt: float
    brow_gap: float
    brow_thickness: float
    brow_arch: float
    brow_slope: float
    nose_tip_v: float
    nose_width: float
    nose_height: float
    mouth_v: float
    mouth_w: float
    lip_thickness: float
    chin: float
    cheeks: float
    hairline: float  # v of the hairline at the middle (-0.75 low, -1.2 receding)
    hair_volume: float
    hair_length: float  # 0 short, 1 to the jaw, 1.6 to the shoulders
    beard: float  # 0 none, 0.3 stubble, 1 full
    moustache: float
    ear_size: float
    crease: float  # gap between eye and upper-lid crease (0: no visible crease)
    eye_bags: float
    folds: float  # nasolabial folds
    wrinkles: float  # forehead lines
    freckles: float
    moles: int
    undertone: float  # -1 yellow-olive, +1 pink
    brow_ridge: float
    eyeliner: float  # 0: none
    eyeshadow: tuple[int, int, int]


@dataclass(frozen=True)
class Capture:
    """How one picture is taken: pose, light, expression, framing and camera."""

    yaw: float = 0.0  # degrees, positive turns the face to the viewer's right
    pitch: float = 0.0
    roll: float = 0.0
    light_azimuth: float = 0.0  # degrees from the camera axis, positive from the viewer's right
    light_elevation: float = 20.0
    ambient: float = 0.45
    smile: float = 0.0
    brow_raise: float = 0.0
    eye_open: float = 1.0
    face_fraction: float = 0.5  # face width (cheek to cheek) as a fraction of the image width
    centre_x: float = 0.5
    centre_y: float = 0.42  # eye line as a fraction of the image height
    gain: float = 1.0
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0)  # white balance, BGR
    background: tuple[int, int, int] = (225, 220, 215)
    noise: float = 2.0
    blur: float = 0.0
    jpeg_quality: int = 0  # 0: no JPEG round trip
    exposure: float = 0.0  # grey level the camera meters the face to (0: fixed exposure)


DOCUMENT_CAPTURE = Capture(light_elevation=15.0, ambient=0.55, face_fraction=0.52, noise=1.0, exposure=150.0)
"""A passport photo: frontal, evenly lit, plain light background."""


def seed_for_sex(rng: random.Random, sex: str) -> int:
    """A face seed whose person looks like the sex an MRZ gives (``M``/``F``; anything else: any)."""
    while True:
        seed = rng.randrange(2**31)
        if sex not in ("M", "F") or identity(seed).male == (sex == "M"):
            return seed


def identity(seed: int) -> Identity:
    """The fictional person of ``seed`` (deterministic). Sex and age steer many features together,
    as they do in people, which is what makes two random identities look like different people."""
    rng = random.Random(seed)
    skin = SKIN_TONES[rng.randrange(len(SKIN_TONES))]
    skin = (_jitter(rng, skin[0], 10), _jitter(rng, skin[1], 10), _jitter(rng, skin[2], 10))
    dark = sum(skin) / 3 < 110
    male = rng.random() < 0.5
    m = rng.uniform(0.75, 1.0) if male else rng.uniform(0.0, 0.25)  # masculinity
    age = rng.random()
    hair = HAIR_COLOURS[rng.randrange(4 if dark else 6)]
    if age > 0.75:
        hair = HAIR_COLOURS[6 + rng.randrange(2)]
    painted = not male and rng.random() < 0.6
    lips = (
        round(skin[0] * rng.uniform(0.55, 0.8)),
        round(skin[1] * rng.uniform(0.5, 0.75)),
        min(255, round(skin[2] * rng.uniform(0.85, 1.05))),
    )
    if painted:
        lips = rng.choice(((70, 40, 190), (110, 80, 200), (60, 30, 120), (120, 110, 210)))
    return Identity(
        seed=seed,
        male=male,
        skin=skin,
        hair=hair,
        iris=IRIS_COLOURS[rng.randrange(2 if dark else len(IRIS_COLOURS))],
        lips=lips,
        clothing=CLOTHING[rng.randrange(len(CLOTHING))],
        face_width=rng.uniform(0.86, 1.06) + 0.08 * m,
        face_length=rng.uniform(0.9, 1.12),
        jaw=rng.uniform(0.1, 0.4) - 0.12 * m,
        squareness=rng.uniform(1.8, 2.4) + 0.6 * m,
        eye_dx=rng.uniform(0.36, 0.54),
        eye_v=rng.uniform(-0.04, 0.04),
        eye_w=rng.uniform(0.3, 0.45),
        eye_h=rng.uniform(0.09, 0.18) * (1.1 - 0.2 * m),
        eye_tilt=rng.uniform(-0.03, 0.04),
        brow_gap=rng.uniform(0.2, 0.3) - 0.06 * m,
        brow_thickness=rng.uniform(0.025, 0.05) + 0.04 * m * rng.random(),
        brow_arch=rng.uniform(0.0, 0.05) + 0.05 * (1 - m),
        brow_slope=rng.uniform(-0.06, 0.06),
        brow_ridge=0.03 + 0.09 * m * rng.uniform(0.5, 1.0),
        nose_tip_v=rng.uniform(0.55, 0.75) + 0.05 * m,
        nose_width=rng.uniform(0.13, 0.22) + 0.05 * m,
        nose_height=rng.uniform(0.22, 0.38) + 0.08 * m,
        mouth_v=rng.uniform(0.95, 1.12),
        mouth_w=rng.uniform(0.27, 0.42),
        lip_thickness=rng.uniform(0.05, 0.08) + 0.03 * (1 - m),
        chin=rng.uniform(0.03, 0.1) + 0.05 * m,
        cheeks=rng.uniform(0.03, 0.12),
        hairline=rng.uniform(-1.15, -0.78) - (0.5 * age * m if rng.random() < 0.5 else 0.0),
        hair_volume=rng.uniform(0.05, 0.3),
        hair_length=rng.uniform(0.0, 0.5) if male else rng.uniform(0.6, 1.7),
        beard=(rng.choice((0.0, 0.0, 0.3, 0.6, 1.0)) if male else 0.0),
        moustache=(rng.choice((0.0, 0.0, 0.5, 1.0)) if male else 0.0),
        ear_size=rng.uniform(0.85, 1.15),
        crease=rng.choice((0.0, rng.uniform(0.05, 0.1))),
        eye_bags=rng.uniform(0.0, 0.1) + 0.15 * age,
        folds=rng.uniform(0.0, 0.02) + 0.05 * age,
        wrinkles=rng.uniform(0.01, 0.03) * max(0.0, age - 0.4),
        freckles=rng.uniform(0.0, 0.6) if not dark and rng.random() < 0.25 else 0.0,
        moles=rng.choice((0, 0, 1, 2, 3)),
        undertone=rng.uniform(-1, 1),
        eyeliner=rng.uniform(0.5, 1.0) if painted else 0.0,
        eyeshadow=rng.choice(((90, 60, 60), (60, 70, 110), (120, 90, 120), (70, 80, 60))),
    )


def random_capture(rng: random.Random) -> Capture:
    """A booth camera picture: small pose changes, side light, expression, noise and compression."""
    base = 200 + rng.randint(-40, 30)
    return Capture(
        yaw=rng.uniform(-10, 10),
        pitch=rng.uniform(-8, 8),
        roll=rng.uniform(-6, 6),
        light_azimuth=rng.uniform(-45, 45),
        light_elevation=rng.uniform(10, 45),
        ambient=rng.uniform(0.3, 0.55),
        smile=rng.uniform(0, 0.6),
        brow_raise=rng.uniform(0, 0.05),
        eye_open=rng.uniform(0.8, 1.1),
        face_fraction=rng.uniform(0.22, 0.34),
        centre_x=rng.uniform(0.4, 0.6),
        centre_y=rng.uniform(0.36, 0.46),
        gain=rng.uniform(0.8, 1.15),
        tint=(rng.uniform(0.9, 1.1), 1.0, rng.uniform(0.9, 1.1)),
        background=(base + rng.randint(-15, 15), base + rng.randint(-15, 15), base + rng.randint(-15, 15)),
        noise=rng.uniform(2, 6),
        blur=rng.uniform(0, 1.0),
        jpeg_quality=rng.randint(60, 95),
        exposure=rng.uniform(115, 150),
    )


def document_capture(rng: random.Random) -> Capture:
    """A passport photo as issued: frontal and evenly lit, with small differences between sittings."""
    return replace(
        DOCUMENT_CAPTURE,
        yaw=rng.uniform(-3, 3),
        pitch=rng.uniform(-3, 3),
        roll=rng.uniform(-2, 2),
        light_azimuth=rng.uniform(-15, 15),
        smile=rng.uniform(0, 0.15),
    )


def portrait(width: int, height: int, seed: int) -> Image:
    """The passport photo of the person ``seed`` (what the data page and chip DG2 show)."""
    return render(identity(seed), width, height, DOCUMENT_CAPTURE)


def live_capture(seed: int, capture_seed: int, *, width: int = 640, height: int = 480) -> Image:
    """A booth camera picture of the person ``seed``; ``capture_seed`` picks pose, light and noise."""
    return render(identity(seed), width, height, random_capture(random.Random(capture_seed)))


def camera_frame(seed: int, index: int, *, width: int = 640, height: int = 480) -> Image:
    """Frame ``index`` of a booth camera video of the person ``seed``: the head drifts and turns a
    little and the light changes slowly, as a traveller shifts in front of the camera."""
    t = index / 10
    capture = Capture(
        yaw=6 * math.sin(t * 0.9),
        pitch=3 * math.sin(t * 0.6 + 1),
        roll=2 * math.sin(t * 0.4),
        light_azimuth=25 + 10 * math.sin(t * 0.3),
        light_elevation=25,
        ambient=0.42,
        smile=0.15 + 0.15 * math.sin(t * 0.5),
        face_fraction=0.28,
        centre_x=0.5 + 0.08 * math.sin(t * 0.7),
        centre_y=0.4,
        background=(170, 175, 180),
        noise=3.0,
        exposure=135.0,
    )
    return render(identity(seed), width, height, capture)


def render(person: Identity, width: int, height: int, capture: Capture) -> Image:
    """``person`` photographed as ``capture`` says, as a BGR image of ``width`` x ``height``."""
    depth, albedo, alpha = _deform(*_canonical(person, capture), person)
    shaded = _shade(depth, albedo, alpha, capture)
    shaded, alpha = _turn(shaded, alpha, depth, capture)
    exposure = _exposure(shaded, capture)
    background = np.array(capture.background, np.float32)
    flat = (shaded * alpha[..., None] + background * (1 - alpha[..., None])) * exposure
    matrix = _placement(width, height, capture)
    border = tuple(float(c) * exposure for c in capture.background)
    image = cv2.warpAffine(flat, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=border)
    return _camera(image, capture, person.seed)


# --- geometry and colour on the canonical grid ----------------------------------------------------------


def _colour(bgr: tuple[int, int, int]) -> Array:
    return np.asarray(np.array(bgr, np.float32) / 255, np.float32)


def _jitter(rng: random.Random, value: int, spread: int) -> int:
    return min(255, max(0, value + rng.randint(-spread, spread)))


def _g1(axis: Array, centre: float, sigma: float) -> Array:
    return np.asarray(np.exp(-0.5 * ((axis - centre) / sigma) ** 2), np.float32)


def _bump(u: float, v: float, su: float, sv: float) -> Array:
    """A separable Gaussian bump on the canonical grid (an outer product: cheap)."""
    return np.outer(_g1(_v_axis, v, sv), _g1(_u_axis, u, su))


def _ellipse(u: float, v: float, au: float, av: float, *, angle: float = 0.0, soft: float = 0.02) -> Array:
    """A soft-edged filled ellipse mask (1 inside), computed only around the ellipse."""
    reach = max(au, av) + soft
    c0, c1 = np.searchsorted(_u_axis, (u - reach, u + reach))
    r0, r1 = np.searchsorted(_v_axis, (v - reach, v + reach))
    mask = np.zeros((_GRID_H, _GRID_W), np.float32)
    if c1 <= c0 or r1 <= r0:
        return mask
    c, s = math.cos(angle), math.sin(angle)
    du, dv = _u_grid[r0:r1, c0:c1] - u, _v_grid[r0:r1, c0:c1] - v
    r = np.sqrt(((du * c + dv * s) / au) ** 2 + ((-du * s + dv * c) / av) ** 2)
    edge = soft / max(min(au, av), 1e-3)
    mask[r0:r1, c0:c1] = np.clip((1 - r) / edge + 0.5, 0, 1)
    return mask


def _face_outline(person: Identity) -> tuple[Array, Array]:
    """The face oval (soft mask) and the normalised radius inside it, narrowing towards the jaw."""
    centre_v = 0.2 * person.face_length
    half_h = 1.45 * person.face_length
    below = np.clip((_v_grid - 0.45) / (half_h + centre_v - 0.45), 0, 1)
    half_w = person.face_width * (1 - person.jaw * below**1.5)
    p = person.squareness
    r = (np.abs(_u_grid / half_w) ** p + np.abs((_v_grid - centre_v) / half_h) ** p) ** (1 / p)
    mask = np.clip((1 - r) / 0.02 + 0.5, 0, 1).astype(np.float32)
    return mask, (r**2).astype(np.float32)


def _canonical(person: Identity, capture: Capture) -> tuple[Array, Array, Array]:
    """Height field, BGR albedo (0-1) and coverage of the head, neck and shoulders."""
    face, r2 = _face_outline(person)
    depth = (0.85 * np.sqrt(np.clip(1 - r2, 0, 1))).astype(np.float32)
    eye_v = person.eye_v - capture.brow_raise * 0.2
    for side in (-1, 1):
        eu = side * person.eye_dx
        depth -= 0.13 * _bump(eu, eye_v + 0.02, 0.2, 0.12)  # socket
        depth += 0.05 * _bump(eu, eye_v, 0.1, 0.06)  # eyeball
        depth += person.brow_ridge * _bump(
            side * 0.42, eye_v - person.brow_gap - capture.brow_raise, 0.28, 0.07
        )
        depth += person.cheeks * _bump(side * 0.55, 0.45, 0.25, 0.22)
        depth += 0.06 * _bump(side * person.nose_width, person.nose_tip_v + 0.04, 0.07, 0.07)  # ala
        depth -= 0.04 * _bump(side * 0.85, -0.25, 0.15, 0.3)  # temple
    ridge = np.clip((_v_axis + 0.05) / (person.nose_tip_v + 0.05), 0, 1) * (_v_axis < person.nose_tip_v + 0.1)
    depth += person.nose_height * np.outer(
        ridge.astype(np.float32), _g1(_u_axis, 0.0, 0.06 + person.nose_width * 0.2)
    )
    depth += 0.08 * _bump(0.0, person.nose_tip_v, 0.1, 0.08)
    mouth_w = person.mouth_w * (1 + 0.15 * capture.smile)
    depth += 0.05 * _bump(0.0, person.mouth_v - person.lip_thickness, mouth_w * 0.8, person.lip_thickness)
    depth += 0.06 * _bump(0.0, person.mouth_v + person.lip_thickness, mouth_w * 0.7, person.lip_thickness)
    depth -= 0.03 * _bump(0.0, person.mouth_v + 2.6 * person.lip_thickness + 0.08, mouth_w * 0.6, 0.05)
    depth += person.chin * _bump(0.0, 1.45 * person.face_length, 0.22, 0.15)
    rng = np.random.default_rng(person.seed)
    for _ in range(12):  # this person's own relief: brow, cheek, jaw and forehead differ a little
        u, v = rng.uniform(-0.8, 0.8), rng.uniform(-0.9, 1.5)
        depth += rng.uniform(-_RELIEF, _RELIEF) * _bump(u, v, rng.uniform(0.15, 0.4), rng.uniform(0.15, 0.4))
    for side in (-1, 1):  # folds from the nose wings to the corners of the mouth
        lower = np.clip((_v_axis - person.nose_tip_v) / (person.mouth_v - person.nose_tip_v), 0, 1.2)
        fold_u = side * (person.nose_width + 0.12 + 0.6 * lower * (person.mouth_w - person.nose_width))
        along = np.clip((_v_axis - person.nose_tip_v) / 0.08, 0, 1) * np.clip(
            (person.mouth_v + 0.15 - _v_axis) / 0.1, 0, 1
        )
        groove = np.exp(-0.5 * ((_u_grid - fold_u[:, None]) / 0.04) ** 2) * along[:, None]
        depth -= (person.folds + 0.03 * capture.smile) * groove
    for line in range(3):
        line_v = -0.55 - 0.12 * line
        depth -= person.wrinkles * np.outer(_g1(_v_axis, line_v, 0.015), _g1(_u_axis, 0.0, 0.45))
    depth *= face

    skin = _colour(person.skin)
    albedo = np.empty((_GRID_H, _GRID_W, 3), np.float32)
    albedo[:] = skin
    blotch = cv2.GaussianBlur(rng.normal(0, 1, (_GRID_H, _GRID_W)).astype(np.float32), (0, 0), _BLOTCH_SIGMA)
    albedo *= (1 + _BLOTCH * blotch / max(float(blotch.std()), 1e-6))[..., None]
    for side in (-1, 1):
        blush = 0.08 * _bump(side * 0.55, 0.5, 0.2, 0.15)
        albedo[..., 2] += blush * 0.5
        albedo[..., 0] -= blush * 0.3
    _paint(albedo, _lip_mask(person, capture), _colour(person.lips))
    _paint(albedo, _mouth_line(person, capture), _colour(person.lips) * 0.3)
    nostril = sum(
        (
            _ellipse(side * person.nose_width * 0.55, person.nose_tip_v + 0.08, 0.055, 0.03)
            for side in (-1, 1)
        ),
        np.zeros_like(_u_grid),
    )
    _paint(albedo, nostril * 0.8, skin * 0.25)
    tone = np.array((-0.04, 0.0, 0.04), np.float32) * person.undertone
    albedo += tone
    for side in (-1, 1):
        bag = person.eye_bags * _bump(
            side * person.eye_dx, eye_v + person.eye_h * 0.9, person.eye_w * 0.45, 0.05
        )
        albedo *= (1 - bag)[..., None]
    if person.freckles > 0:
        speckle = (rng.random((_GRID_H, _GRID_W)) < 0.03 * person.freckles).astype(np.float32)
        speckle *= _ellipse(0.0, 0.35, 0.9, 0.35)
        albedo *= (1 - 0.25 * cv2.GaussianBlur(speckle, (3, 3), 0.7))[..., None]
    for _ in range(person.moles):
        mole = _ellipse(rng.uniform(-0.7, 0.7), rng.uniform(-0.5, 1.4), 0.025, 0.025, soft=0.01)
        _paint(albedo, mole * 0.8, skin * 0.35)
    _paint_eyes(albedo, person, capture, eye_v)
    hair = _colour(person.hair)
    # brows stay darker than the skin whatever the hair colour, as they do on people
    _paint_brows(albedo, person, capture, eye_v, np.minimum(hair * 0.9, skin * 0.45))
    if person.beard > 0 or person.moustache > 0:
        _paint(albedo, _beard_mask(person, capture, face), hair * 0.9 + skin * 0.1)

    # ears, neck and shoulders behind the face; hair around and over the top
    coverage = face.copy()
    behind = np.zeros_like(face)
    for side in (-1, 1):
        ear_u = side * person.face_width * 0.98
        ear = _ellipse(ear_u, 0.2, 0.12 * person.ear_size, 0.28 * person.ear_size)
        behind = np.maximum(behind, ear)
        depth += ear * (1 - face) * 0.25 * _bump(ear_u, 0.2, 0.08, 0.2)
    neck_top = 1.1 * person.face_length
    neck = np.clip((0.6 * person.face_width - np.abs(_u_grid)) / 0.04, 0, 1) * (_v_grid > neck_top)
    behind = np.maximum(behind, neck.astype(np.float32))
    shoulders = _ellipse(0.0, 2.35 * person.face_length + 1.1, 1.9, 1.3)
    cloth = _colour(person.clothing)
    under = np.maximum(behind, shoulders)
    part = behind * (1 - face)
    albedo = albedo * face[..., None] + (skin * 0.92)[None, None, :] * part[..., None] + albedo * 0
    albedo = np.where(
        ((shoulders > 0.5) & (face < 0.5) & (_v_grid > neck_top + 0.45))[..., None], cloth, albedo
    )
    coverage = np.maximum(coverage, under)
    depth += 0.35 * shoulders * (1 - face) * np.sqrt(np.clip(1 - ((_u_grid / 1.9) ** 2), 0, 1))
    hair_mask = _hair_mask(person, face)
    _paint(albedo, hair_mask, hair)
    head = _ellipse(0.0, -0.2, person.face_width + person.hair_volume, 1.35 * person.face_length)
    depth += (
        hair_mask
        * (1 - face)
        * 0.6
        * np.sqrt(np.clip(1 - ((_u_grid / (person.face_width + 0.3)) ** 2), 0, 1))
    )
    depth += hair_mask * face * person.hair_volume * 0.5 * head
    coverage = np.maximum(coverage, hair_mask)
    return depth.astype(np.float32), np.clip(albedo, 0, 1).astype(np.float32), coverage.astype(np.float32)


def _deform(depth: Array, albedo: Array, alpha: Array, person: Identity) -> tuple[Array, Array, Array]:
    """A smooth random warp of the whole head: proportions no two people share."""
    map_x, map_y = _deformation(person.seed)
    return (
        np.asarray(cv2.remap(depth, map_x, map_y, cv2.INTER_LINEAR), np.float32),
        np.asarray(cv2.remap(albedo, map_x, map_y, cv2.INTER_LINEAR), np.float32),
        np.asarray(cv2.remap(alpha, map_x, map_y, cv2.INTER_LINEAR), np.float32),
    )


@functools.lru_cache(maxsize=64)
def _deformation(seed: int) -> tuple[Array, Array]:
    rng = np.random.default_rng(seed ^ 0x5EED)
    shift_u = np.zeros_like(_u_grid)
    shift_v = np.zeros_like(_u_grid)
    for _ in range(6):
        u, v, sigma = rng.uniform(-1, 1), rng.uniform(-1, 1.6), rng.uniform(0.3, 0.7)
        weight = _bump(u, v, sigma, sigma)
        shift_u += rng.uniform(-_WARP, _WARP) * weight
        shift_v += rng.uniform(-_WARP, _WARP) * weight
    xs, ys = np.meshgrid(np.arange(_GRID_W, dtype=np.float32), np.arange(_GRID_H, dtype=np.float32))
    return xs + shift_u / _STEP, ys + shift_v / _STEP


def _paint(albedo: Array, mask: Array, colour: npt.NDArray[Any]) -> None:
    """Blend ``colour`` into ``albedo`` where ``mask`` (0-1) says; only over the mask's bounding box."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return
    box = (slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1))
    weight = mask[box][..., None]
    target = albedo[box]
    target += weight * (np.broadcast_to(colour, target.shape) - target)


def _lip_mask(person: Identity, capture: Capture) -> Array:
    w = person.mouth_w * (1 + 0.15 * capture.smile)
    t = person.lip_thickness
    upper = _ellipse(0.0, person.mouth_v - t * 0.9, w, t * 1.1)
    lower = _ellipse(0.0, person.mouth_v + t, w * 0.9, t * 1.3)
    return np.asarray(np.clip(upper + lower, 0, 1) * 0.85, np.float32)


def _mouth_line(person: Identity, capture: Capture) -> Array:
    """The dark line between the lips, curving up at the corners with a smile."""
    w = person.mouth_w * (1 + 0.15 * capture.smile)
    du = np.clip(np.abs(_u_axis) / w, 0, 1)
    line_v = person.mouth_v - (0.04 + 0.06 * capture.smile) * du**2
    band = np.exp(-0.5 * ((_v_axis[:, None] - line_v[None, :]) / 0.012) ** 2) * (np.abs(_u_axis) < w)[None, :]
    return (band * 0.9).astype(np.float32)


def _paint_eyes(albedo: Array, person: Identity, capture: Capture, eye_v: float) -> None:
    height = person.eye_h * capture.eye_open
    for side in (-1, 1):
        eu = side * person.eye_dx
        tilt = -side * person.eye_tilt * 3
        white = _ellipse(eu, eye_v, person.eye_w * 0.55, height * 0.55, angle=tilt, soft=0.01)
        _paint(albedo, white * 0.9, np.array((205, 210, 215), np.float32) / 255)
        iris = _ellipse(eu, eye_v, 0.08, 0.08, soft=0.008) * white
        _paint(albedo, iris, _colour(person.iris))
        _paint(albedo, _ellipse(eu, eye_v, 0.03, 0.03, soft=0.006) * white, np.full(3, 0.05, np.float32))
        glint = _ellipse(eu + 0.025, eye_v - 0.025, 0.012, 0.012, soft=0.004) * white
        _paint(albedo, glint * 0.9, np.full(3, 0.95, np.float32))
        lid = _ellipse(eu, eye_v - height * 0.35, person.eye_w * 0.6, height * 0.35, angle=tilt, soft=0.01)
        lash = np.clip(
            lid - _ellipse(eu, eye_v - height * 0.3, person.eye_w * 0.56, height * 0.3, angle=tilt), 0, 1
        )
        _paint(albedo, lash * 0.9, np.full(3, 0.08, np.float32))
        if person.eyeliner > 0:
            lid_top = eye_v - height * 0.5 - 0.06
            shadow = _ellipse(eu, lid_top, person.eye_w * 0.6, 0.09, angle=tilt, soft=0.05)
            _paint(albedo, shadow * 0.5 * person.eyeliner * (1 - white), _colour(person.eyeshadow))
            _paint(albedo, lash * person.eyeliner, np.full(3, 0.02, np.float32))
        if person.crease > 0:
            top = eye_v - height * 0.35 - person.crease
            fold = _ellipse(eu, top + height * 0.3, person.eye_w * 0.55, height * 0.4, angle=tilt, soft=0.01)
            rim = np.clip(
                fold - _ellipse(eu, top + height * 0.34, person.eye_w * 0.52, height * 0.36, angle=tilt), 0, 1
            )
            albedo *= (1 - 0.35 * rim * (_v_grid < eye_v))[..., None]


def _paint_brows(albedo: Array, person: Identity, capture: Capture, eye_v: float, colour: Array) -> None:
    for side in (-1, 1):
        centre = side * (person.eye_dx + 0.02)
        base_v = eye_v - person.brow_gap - capture.brow_raise
        du = (_u_grid - centre) / (person.eye_w * 0.75)
        arch = base_v - person.brow_arch * (1 - du**2) + side * person.brow_slope * du
        taper = np.clip(1 - np.abs(du + side * 0.2) ** 3, 0, 1)
        thickness = person.brow_thickness * (0.5 + 0.5 * taper)
        band = np.clip((thickness - np.abs(_v_grid - arch)) / 0.012, 0, 1) * (np.abs(du) < 1.05)
        _paint(albedo, (band * 0.85).astype(np.float32), colour)


def _beard_mask(person: Identity, capture: Capture, face: Array) -> Array:
    jaw = np.clip((_v_grid - (person.nose_tip_v + 0.25)) / 0.35, 0, 1) * face * person.beard
    lips = _lip_mask(person, capture) / 0.85
    moustache = _ellipse(0.0, person.mouth_v - person.lip_thickness - 0.07, person.mouth_w * 1.05, 0.06)
    mask = np.maximum(jaw * (np.abs(_u_grid) > 0.0), moustache * person.moustache) * (1 - lips)
    return np.asarray(np.clip(mask, 0, 1) * 0.8, np.float32)


def _hair_mask(person: Identity, face: Array) -> Array:
    head = _ellipse(0.0, -0.15, person.face_width + person.hair_volume, 1.35 * person.face_length + 0.1)
    over = _v_grid < person.hairline + 0.25 * np.abs(_u_grid) ** 2
    sides = (np.abs(_u_grid) > person.face_width * 0.9) & (_v_grid < -0.3 + person.hair_length * 0.9)
    top = head * (over | sides | (face < 0.5)).astype(np.float32)
    if person.hair_length > 0.6:
        drop = 1.2 * person.hair_length
        long = _ellipse(0.0, drop * 0.45, person.face_width + person.hair_volume + 0.1, drop + 0.4)
        beside = (_v_grid < 0.8) | (np.abs(_u_grid) > person.face_width * 0.7)
        top = np.maximum(top, long * (face < 0.5) * (_v_grid < drop) * beside)
    return np.clip(top, 0, 1).astype(np.float32)


# --- light, pose, camera ------------------------------------------------------------------------------


def _shade(depth: Array, albedo: Array, alpha: Array, capture: Capture) -> Array:
    dz_dv, dz_du = np.gradient(depth, _STEP)
    norm = np.sqrt(dz_du**2 + dz_dv**2 + 1)
    az = math.radians(capture.light_azimuth - capture.yaw)
    el = math.radians(capture.light_elevation - capture.pitch)
    light = (math.sin(az) * math.cos(el), -math.sin(el), math.cos(az) * math.cos(el))
    lambert = np.clip((-dz_du * light[0] - dz_dv * light[1] + light[2]) / norm, 0, 1)
    half = np.array(light) + np.array((0.0, 0.0, 1.0))
    half /= np.linalg.norm(half)
    spec = np.clip((-dz_du * half[0] - dz_dv * half[1] + half[2]) / norm, 0, 1) ** 20
    hollow = np.clip((cv2.GaussianBlur(depth, (0, 0), 4) - depth) * 6, 0, 0.5)
    light_level = (capture.ambient + (1 - capture.ambient) * lambert) * (1 - hollow)
    shaded = albedo * light_level[..., None] + _SHEEN * spec[..., None] * alpha[..., None]
    return np.asarray(shaded * 255, np.float32)


def _exposure(shaded: Array, capture: Capture) -> float:
    """Face-priority auto-exposure, as booth cameras and photo studios meter: the middle of the face
    is brought to ``capture.exposure`` grey, so dark skin is not rendered as a featureless shadow."""
    if capture.exposure <= 0:
        return 1.0
    rows = slice(*np.searchsorted(_v_axis, (-0.6, 1.2)))
    cols = slice(*np.searchsorted(_u_axis, (-0.6, 0.6)))
    level = float(shaded[rows, cols].mean())
    return float(np.clip(capture.exposure / max(level, 1.0), 0.8, _MAX_GAIN))


def _turn(image: Array, alpha: Array, depth: Array, capture: Capture) -> tuple[Array, Array]:
    """Small yaw and pitch as parallax: points that stand out move further than the face's rim."""
    shift_u = depth * math.sin(math.radians(capture.yaw)) / _STEP
    shift_v = -depth * math.sin(math.radians(capture.pitch)) / _STEP
    xs, ys = np.meshgrid(np.arange(_GRID_W, dtype=np.float32), np.arange(_GRID_H, dtype=np.float32))
    map_x, map_y = xs - shift_u, ys - shift_v
    turned = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    cover = cv2.remap(alpha, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    return np.asarray(turned, np.float32), np.asarray(cover, np.float32)


def _placement(width: int, height: int, capture: Capture) -> npt.NDArray[np.float64]:
    """Canonical grid pixels -> output pixels: scale, roll about the eyes, move the eyes into place."""
    px_per_unit = capture.face_fraction * width / 2
    scale = px_per_unit * _STEP
    origin = ((0 - _U0) / _STEP, (0 - _V0) / _STEP)
    matrix = cv2.getRotationMatrix2D(origin, capture.roll, scale)
    matrix[0, 2] += capture.centre_x * width - origin[0]
    matrix[1, 2] += capture.centre_y * height - origin[1]
    return np.asarray(matrix, np.float64)


def _camera(image: npt.NDArray[Any], capture: Capture, seed: int) -> Image:
    out = np.asarray(image, np.float32) * (np.array(capture.tint, np.float32) * capture.gain)
    if capture.blur > 0.05:
        out = cv2.GaussianBlur(out, (0, 0), capture.blur)
    if capture.noise > 0:
        cv2.setRNGSeed(seed & 0x7FFFFFFF)
        grain = np.empty_like(out)
        cv2.randn(grain, np.zeros(1), np.full(1, capture.noise))
        out += grain
    result = np.clip(out, 0, 255).astype(np.uint8)
    if capture.jpeg_quality:
        ok, encoded = cv2.imencode(".jpg", result, [cv2.IMWRITE_JPEG_QUALITY, capture.jpeg_quality])
        if ok:
            result = np.asarray(cv2.imdecode(encoded, cv2.IMREAD_COLOR), np.uint8)
    return result
