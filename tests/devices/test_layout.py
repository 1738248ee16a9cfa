"""The page layouts are consistent data: zones inside the page, value boxes inside the VIZ, the MRZ band
at the bottom with room for its lines, and a two-sided TD1 mapped onto a stacked scan."""

from __future__ import annotations

import pytest

from mrz.layout import (
    CHAR_PITCH_MM,
    LAYOUTS,
    LINE_PITCH_MM,
    VALUE_ZONES,
    Box,
    Side,
    Zone,
    layout_for_mrz,
)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_value_boxes_lie_inside_the_viz_and_do_not_overlap(name: str) -> None:
    layout = LAYOUTS[name]
    viz = layout.box(Zone.VIZ)
    boxes = [layout.box(zone) for zone in VALUE_ZONES]
    for box in boxes:
        assert viz.x0 <= box.x0 < box.x1 <= viz.x1 and viz.y0 <= box.y0 < box.y1 <= viz.y1
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_mrz_band_is_at_the_bottom_and_holds_its_lines(name: str) -> None:
    layout = LAYOUTS[name]
    mrz = layout.box(Zone.MRZ)
    assert mrz.y1 == 1.0
    assert (mrz.y1 - mrz.y0) * layout.height_mm > layout.mrz_lines * LINE_PITCH_MM
    assert layout.mrz_chars * CHAR_PITCH_MM < layout.width_mm
    photo = layout.box(Zone.PHOTO)
    if layout.side_of(Zone.PHOTO) is layout.side_of(Zone.MRZ):
        assert photo.y1 <= mrz.y0


def test_td1_scan_stacks_front_above_rear() -> None:
    td1 = LAYOUTS["TD1"]
    assert td1.sides == (Side.FRONT, Side.REAR)
    assert td1.scan_box(Zone.MRZ).y0 >= 0.5
    assert td1.scan_box(Zone.PHOTO).y1 <= 0.5
    assert LAYOUTS["TD3"].scan_box(Zone.PHOTO) == LAYOUTS["TD3"].box(Zone.PHOTO)


def test_box_pixels_and_validation() -> None:
    assert Box(0.1, 0.2, 0.5, 1.0).pixels(1000, 500) == (100, 100, 500, 500)
    with pytest.raises(ValueError):
        Box(0.5, 0.0, 0.4, 1.0)


def test_layout_for_mrz_by_geometry() -> None:
    assert layout_for_mrz("\n".join(["A" * 44] * 2)).name == "TD3"
    assert layout_for_mrz("\n".join(["A" * 36] * 2)).name == "TD2"
    assert layout_for_mrz("\n".join(["A" * 30] * 3)).name == "TD1"
    with pytest.raises(ValueError, match="no document format"):
        layout_for_mrz("A" * 44)
