"""Zones of a document's page images (the photo, the printed data), from the format's nominal layout,
for the screens that show them."""

from __future__ import annotations

from devices.scan import Image
from mrz.layout import Zone, layout_for_mrz

__all__ = ["Zone", "page_zone"]


def page_zone(image: Image | None, mrz_text: str | None, zone: Zone) -> Image | None:
    """The ``zone`` of a page image of the document whose MRZ is ``mrz_text``; None when unknown."""
    if image is None or not mrz_text:
        return None
    try:
        box = layout_for_mrz(mrz_text).scan_box(zone)
    except (ValueError, KeyError):
        return None
    x0, y0, x1, y1 = box.pixels(image.shape[1], image.shape[0])
    return image[y0:y1, x0:x1]
