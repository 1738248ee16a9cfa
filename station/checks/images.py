"""Checks on the page images under white, infrared and ultraviolet light, and on the live photo.

The physics they rely on (shared with the scanner simulator, see ``mrz.layout``):

* MRZ and printed personal data are in IR-absorbing ink, dark under infrared; background artwork is
  IR-transparent. MRZ ink that vanishes under IR, or a date whose digits vanish under IR while they
  show under white light, was not printed by the issuer.
* Security paper stays dull under UV apart from its printed fluorescent pattern, which also runs
  across the photo. Office paper is brightened with fluorescent whiteners and glows all over; a
  photo pasted over the original interrupts the pattern.

Each check needs a known page layout (from the MRZ's format) and its images; without them it says
NOT_CHECKED and why. A device or the CLI that got an image it could not decode says so in
``ctx.extras["image_errors"]`` (``{Light: reason}``), and the reason reaches the officer.
Thresholds come from the booth's ``[checks]`` settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from devices.scan import Light
from mrz.layout import LAYOUTS, Layout, Zone, layout_for_mrz
from station.checks import _imaging as im
from station.checks.base import CheckContext, check, failed, not_checked, passed, settings
from station.findings import Finding, Severity

# MRZ format name -> the page layout it is printed on (visas share the TD3/TD2 geometry).
FORMAT_LAYOUT = {
    "TD1": "TD1",
    "TD2": "TD2",
    "TD3": "TD3",
    "MRV_A": "TD3",
    "MRV_B": "TD2",
    "FRENCH_ID": "TD2",
}

INK_DARKER_BY = 0.25
"""How much darker than the paper a pixel must be to count as printed ink (0..1 of full scale)."""
UV_PATTERN_ABOVE = 0.08
"""How much brighter than its surroundings a UV pixel must be to count as printed pattern."""
PHOTO_DEVIATION = 0.08
MIN_MRZ_CONTRAST = 0.2
MIN_PATTERN_SHARE = 0.01
MIN_INK_SHARE = 0.02


def _layout(ctx: CheckContext) -> Layout:
    if ctx.mrz is not None:
        name = FORMAT_LAYOUT.get(ctx.mrz.format.value)
        if name is None:
            raise im.UnusableImageError(f"the page layout of a {ctx.mrz.format.value} document is not known")
        return LAYOUTS[name]
    if ctx.scan.mrz_text:
        try:
            return layout_for_mrz(ctx.scan.mrz_text)
        except ValueError:
            pass
    raise im.UnusableImageError(
        "the document format is unknown (no MRZ was read), so the zones to check are unknown"
    )


def _page(ctx: CheckContext, light: Light, layout: Layout) -> im.Grey:
    """The page under ``light`` as a grey working image, refused when its proportions are not the
    layout's (a crop or another document would put the zones in the wrong places)."""
    names = {Light.WHITE: "white-light", Light.IR: "infrared", Light.UV: "ultraviolet"}
    image = ctx.scan.images.get(light)
    if image is None:
        errors = ctx.extras.get("image_errors")
        if isinstance(errors, Mapping) and light in errors:
            raise im.UnusableImageError(f"the {names[light]} image could not be read ({errors[light]})")
        raise im.UnusableImageError(f"no {names[light]} image was taken")
    grey = im.prepare(image, names[light])
    expected = layout.width_mm / (layout.height_mm * len(layout.sides))
    actual = grey.shape[1] / grey.shape[0]
    if abs(actual - expected) > im.ASPECT_TOLERANCE * expected:
        raise im.UnusableImageError(
            f"the {names[light]} image does not show a whole {layout.name} page "
            f"(proportions {actual:.2f}, expected {expected:.2f})"
        )
    return grey


def _pages(ctx: CheckContext, *lights: Light) -> tuple[Layout, list[im.Grey]]:
    layout = _layout(ctx)
    pages = [_page(ctx, light, layout) for light in lights]
    aligned = [
        pages[0],
        *(im.same_page(pages[0], p, light.value) for p, light in zip(pages[1:], lights[1:], strict=True)),
    ]
    return layout, aligned


@check("image.ir_mrz")
def ir_mrz(ctx: CheckContext) -> Iterable[Finding]:
    """The MRZ must stay dark under infrared: issuers print it in IR-absorbing ink."""
    code = "image.ir_mrz"
    try:
        layout, (white, ir) = _pages(ctx, Light.WHITE, Light.IR)
        box = layout.scan_box(Zone.MRZ)
        white_contrast = im.relative_contrast(im.crop(white, box))
        ir_contrast = im.relative_contrast(im.crop(ir, box))
    except im.UnusableImageError as problem:
        yield not_checked(code, f"Infrared check of the MRZ not done: {problem}.")
        return
    if white_contrast < MIN_MRZ_CONTRAST:
        yield not_checked(
            code,
            "Infrared check of the MRZ not done: the MRZ is not visible in the white-light image.",
            white_contrast=round(white_contrast, 3),
        )
        return
    ratio = ir_contrast / white_contrast
    minimum = settings(ctx).ir_mrz_min_contrast
    evidence = {
        "white_contrast": round(white_contrast, 3),
        "ir_contrast": round(ir_contrast, 3),
        "ratio": round(ratio, 3),
        "minimum": minimum,
    }
    if ratio < minimum:
        yield failed(
            code,
            Severity.FAIL,
            "The MRZ fades under infrared light: genuine MRZ ink stays dark. Possible counterfeit; "
            "compare the infrared image.",
            **evidence,
        )
    else:
        yield passed(code, "The MRZ is clearly visible under infrared light.", **evidence)


@check("image.uv_paper")
def uv_paper(ctx: CheckContext) -> Iterable[Finding]:
    """Security paper stays dull under UV; only its printed pattern glows. The background is
    measured with the pattern taken out, so a dense genuine pattern is no false alarm."""
    code = "image.uv_paper"
    try:
        _, (uv,) = _pages(ctx, Light.UV)
    except im.UnusableImageError as problem:
        yield not_checked(code, f"Ultraviolet check of the paper not done: {problem}.")
        return
    background = uv[~im.pattern_map(uv, UV_PATTERN_ABOVE)]
    level = settings(ctx).uv_glow_level
    maximum = settings(ctx).uv_max_paper_brightness
    glowing = im.bright_share(background, level)
    evidence = {
        "glowing_share": round(glowing, 3),
        "maximum": maximum,
        "glow_level": level,
        "median_background": round(float(np.median(background)), 3),
    }
    if glowing > maximum:
        yield failed(
            code,
            Severity.FAIL,
            "The paper glows under ultraviolet light, like brightened office paper: genuine "
            "document paper stays dull. Possible counterfeit; compare the UV image.",
            **evidence,
        )
    else:
        yield passed(
            code, "The paper stays dull under ultraviolet light, as security paper should.", **evidence
        )


@check("image.photo_present")
def photo_present(ctx: CheckContext) -> Iterable[Finding]:
    """The photo zone must hold a picture, not blank paper: measured as how much of the zone the
    picture spans (``photo_min_coverage``)."""
    code = "image.photo_present"
    try:
        layout, (white,) = _pages(ctx, Light.WHITE)
        zone = im.crop(white, layout.scan_box(Zone.PHOTO))
    except im.UnusableImageError as problem:
        yield not_checked(code, f"Photo check not done: {problem}.")
        return
    coverage = im.detail_extent(zone, PHOTO_DEVIATION)
    minimum = settings(ctx).photo_min_coverage
    evidence = {"coverage": round(coverage, 3), "minimum": minimum}
    if coverage < minimum:
        yield failed(code, Severity.FAIL, "There is no photo in the document's photo zone.", **evidence)
    else:
        yield passed(code, "A photo is present in the photo zone.", **evidence)


@check("image.photo_uv")
def photo_uv(ctx: CheckContext) -> Iterable[Finding]:
    """The UV pattern runs across the genuine photo; a photo pasted on top interrupts it."""
    code = "image.photo_uv"
    try:
        layout, (uv,) = _pages(ctx, Light.UV)
        box = layout.scan_box(Zone.PHOTO)
        pattern = im.pattern_map(uv, UV_PATTERN_ABOVE).astype(np.float32)
        inside = float(np.mean(im.crop(pattern, box)))
        around = float(np.mean(im.ring(pattern, box, margin=0.04)))
    except im.UnusableImageError as problem:
        yield not_checked(code, f"Ultraviolet check of the photo not done: {problem}.")
        return
    if around < MIN_PATTERN_SHARE:
        yield not_checked(
            code,
            "Ultraviolet check of the photo not done: this page shows no UV pattern around the photo.",
            around=round(around, 4),
        )
        return
    ratio = inside / around
    minimum = settings(ctx).uv_photo_pattern_ratio
    evidence = {
        "inside": round(inside, 4),
        "around": round(around, 4),
        "ratio": round(ratio, 3),
        "minimum": minimum,
    }
    if ratio < minimum:
        yield failed(
            code,
            Severity.FAIL,
            "The ultraviolet pattern stops at the edge of the photo: the photo may have been "
            "substituted. Compare the UV image and the photo with the traveller.",
            **evidence,
        )
    else:
        yield passed(code, "The ultraviolet pattern continues across the photo.", **evidence)


DATE_ZONES = {Zone.BIRTH_DATE: "date of birth", Zone.EXPIRY_DATE: "date of expiry"}


@check("image.viz_dates")
def viz_dates(ctx: CheckContext) -> Iterable[Finding]:
    """Printed dates must carry as much ink under infrared as under white light: digits redrawn in
    ordinary ink vanish under IR."""
    code = "image.viz_dates"
    try:
        layout, (white, ir) = _pages(ctx, Light.WHITE, Light.IR)
        boxes = {zone: layout.scan_box(zone) for zone in DATE_ZONES}
        shares = {
            zone: (
                im.ink_share(im.crop(white, box), INK_DARKER_BY),
                im.ink_share(im.crop(ir, box), INK_DARKER_BY),
            )
            for zone, box in boxes.items()
        }
    except im.UnusableImageError as problem:
        yield not_checked(code, f"Infrared check of the printed dates not done: {problem}.")
        return
    minimum = settings(ctx).viz_ir_min_ink_ratio
    evidence: dict[str, object] = {"minimum": minimum}
    altered: list[str] = []
    checked: list[str] = []
    for zone, (white_ink, ir_ink) in shares.items():
        if white_ink < MIN_INK_SHARE:
            continue
        ratio = ir_ink / white_ink
        evidence[zone.value] = {
            "white_ink": round(white_ink, 4),
            "ir_ink": round(ir_ink, 4),
            "ratio": round(ratio, 3),
        }
        checked.append(zone.value)
        if ratio < minimum:
            altered.append(DATE_ZONES[zone])
    if not checked:
        yield not_checked(code, "Infrared check of the printed dates not done: no printed dates found.")
    elif altered:
        yield failed(
            code,
            Severity.FAIL,
            f"The printed {' and '.join(altered)} fades under infrared light while it shows under "
            "white light: the date may have been altered. Compare with the MRZ and the IR image.",
            altered=altered,
            **evidence,
        )
    else:
        yield passed(
            code, "The printed dates show the same ink under infrared as under white light.", **evidence
        )


@check("photo.live")
def live_photo(ctx: CheckContext) -> Iterable[Finding]:
    """A live photo of the traveller was taken and shows something (not a covered or dead camera)."""
    code = "photo.live"
    if ctx.live_photo is None and ctx.extras.get("live_photo_error"):
        reason = ctx.extras["live_photo_error"]
        yield failed(code, Severity.WARNING, f"The live photo cannot be used: {reason}. Take it again.")
        return
    if ctx.live_photo is None:
        yield not_checked(
            code, "No live photo was taken: compare the traveller with the document photo by eye."
        )
        return
    try:
        grey = im.prepare(ctx.live_photo, "live photo", width=240)
    except im.UnusableImageError as problem:
        yield failed(code, Severity.WARNING, f"The live photo cannot be used: {problem}. Take it again.")
        return
    detail = im.detail_share(grey, PHOTO_DEVIATION)
    evidence = {
        "detail": round(detail, 3),
        "width": int(ctx.live_photo.shape[1]),
        "height": int(ctx.live_photo.shape[0]),
    }
    if detail < 0.05:
        yield failed(
            code,
            Severity.WARNING,
            "The live photo is blank (camera covered or not working). Take it again.",
            **evidence,
        )
    else:
        yield passed(code, "A live photo of the traveller was taken.", **evidence)
