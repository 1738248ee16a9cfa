"""From a located MRZ to one normalised glyph cell per character.

The MRZ is printed at a fixed pitch, so once the block is mapped onto an upright grid (one homography,
fitted to every glyph centre the locator found, which also undoes moderate perspective), each character
sits in a known cell: no per-character segmentation that blur or touching glyphs could break.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from mrz.ocr.locate import FloatArray, GrayImage, MRZRegion

PITCH = 20  # px between glyph centres on the upright grid
CELL_H, CELL_W = 28, 22  # the recogniser's input: one glyph and a sliver of its neighbours
MARGIN = 2 * PITCH

CellBatch = npt.NDArray[np.float32]  # (n, CELL_H, CELL_W), ink = 1, paper = 0


@dataclass(frozen=True)
class Grid:
    """The upright MRZ: ``image`` has line ``r``, column ``c`` centred at ``centre(r, c)``."""

    image: GrayImage
    n_lines: int
    n_chars: int
    line_pitch: int

    def centre(self, row: int, col: int) -> tuple[int, int]:
        return MARGIN + PITCH * col + PITCH // 2, MARGIN + round(0.7 * PITCH) + row * self.line_pitch

    def flipped(self) -> Grid:
        """The same grid read upside down (the layout is symmetric, so cells stay on the grid)."""
        image = np.asarray(cv2.rotate(self.image, cv2.ROTATE_180), dtype=np.uint8)
        return Grid(image, self.n_lines, self.n_chars, self.line_pitch)

    def cells(self) -> CellBatch:
        out = np.empty((self.n_lines * self.n_chars, CELL_H, CELL_W), np.float32)
        for row in range(self.n_lines):
            for col in range(self.n_chars):
                x, y = self.centre(row, col)
                out[row * self.n_chars + col] = self.image[
                    y - CELL_H // 2 : y + CELL_H // 2, x - CELL_W // 2 : x + CELL_W // 2
                ]
        return normalise_cells(out)


def normalise_cells(cells: CellBatch) -> CellBatch:
    """Ink 1, paper 0, per cell: uneven light and glare differ from glyph to glyph."""
    flat = cells.reshape(len(cells), -1)
    paper = np.percentile(flat, 90, axis=1)[:, None, None]
    ink = np.percentile(flat, 3, axis=1)[:, None, None]
    span = np.maximum(paper - ink, 12.0)
    out: CellBatch = np.clip((paper - cells) / span, 0.0, 1.0).astype(np.float32)
    return out


def _line_ends(centres: FloatArray, direction: FloatArray) -> tuple[FloatArray, FloatArray]:
    """First and last glyph centre of a line, projected onto the line fitted through all its glyphs."""
    normal = np.array([-direction[1], direction[0]])
    u, v = centres @ direction, centres @ normal
    slope, offset = np.polyfit(u, v, 1)
    ends = []
    for end in (u.min(), u.max()):
        ends.append(end * direction + (slope * end + offset) * normal)
    return ends[0], ends[1]


def _block_extent(ends: list[tuple[FloatArray, FloatArray]], direction: FloatArray) -> tuple[float, float]:
    return min(float(start @ direction) for start, _ in ends), max(float(end @ direction) for _, end in ends)


def missing_glyphs(region: MRZRegion) -> int:
    """How many columns the block as found is short of a full MRZ line (lost at one end or the other)."""
    return max(0, column_deficit(region))


def column_deficit(region: MRZRegion) -> int:
    """Columns a full MRZ line has beyond the block as found: negative when a stray blob in line with
    the MRZ (artwork, a VIZ letter) made the block look longer than it is."""
    u_first, u_last = _block_extent(
        [_line_ends(ln.centres, region.direction) for ln in region.lines], region.direction
    )
    return round(region.n_chars - 1 - (u_last - u_first) / region.pitch)


def rectify(
    gray: GrayImage,
    region: MRZRegion,
    *,
    pad: tuple[int, int] | None = None,
    refine: bool = True,
    ends_first: bool = False,
) -> Grid:
    """Maps the MRZ onto the upright grid, in the direction the locator found.

    ``pad`` = (columns before the first glyph found, columns after the last): glyphs lost at an end to
    glare or a finger. By default the columns missing from the measured extent go at the end; the caller
    tries other splits when the check digits say the grid is off by a column. ``refine`` refits the map to
    every glyph centre (undoes perspective); without it, the four corner glyphs decide. ``ends_first``:
    see ``_refine``.
    """
    n_lines, n_chars = len(region.lines), region.n_chars
    before, after = pad if pad is not None else (0, missing_glyphs(region))
    line_pitch = round(PITCH * region.line_pitch / region.pitch)
    grid_w = 2 * MARGIN + n_chars * PITCH
    grid_h = 2 * MARGIN + (n_lines - 1) * line_pitch + round(1.4 * PITCH)
    blank = Grid(np.zeros((1, 1), np.uint8), n_lines, n_chars, line_pitch)
    ends = [_line_ends(line.centres, region.direction) for line in region.lines]
    u_first, u_last = _block_extent(ends, region.direction)
    step = region.pitch * region.direction
    src, dst = [], []
    for row in (0, n_lines - 1):
        start, end = ends[row]
        # all lines of an MRZ start and end in the same column: a line short of the block lost glyphs
        start = start - round((float(start @ region.direction) - u_first) / region.pitch) * step
        end = end + round((u_last - float(end @ region.direction)) / region.pitch) * step
        src += [start, end]
        dst += [blank.centre(row, before), blank.centre(row, n_chars - 1 - after)]
    hom: npt.NDArray[np.float64] = np.asarray(
        cv2.getPerspectiveTransform(np.array(src, np.float32), np.array(dst, np.float32)), dtype=np.float64
    )
    if refine:
        hom = _refine(hom, region, blank, ends_first=ends_first)
    image = cv2.warpPerspective(
        gray, hom, (grid_w, grid_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return Grid(np.asarray(image, dtype=np.uint8), n_lines, n_chars, line_pitch)


#: glyphs this many columns from either end of a line are where the corner fit is right even under a tilt
END_REACH = 6


def _refine(
    hom: npt.NDArray[np.float64], region: MRZRegion, grid: Grid, *, ends_first: bool = False
) -> npt.NDArray[np.float64]:
    """Refits the homography to the glyph centres that land near a cell centre, twice: the first fit
    straightens the grid where the corners left it half a column off, the second catches the glyphs that
    now land near their cells. The corners may move a little (that is the point), never by a column.

    Four corners cannot tell perspective along a line (the two lines are too close together), so under
    a strong tilt the pitch shrinks from one end to the other and the middle of the grid is more than
    half a column off. ``ends_first`` then fits first to the glyphs near the line ends alone, where the
    corners put them right: their local pitch fixes the perspective. (Not the default: where glyphs are
    lost near an end, too few remain there for that fit.)"""
    corners = np.array(
        [grid.centre(r, c) for r in (0, grid.n_lines - 1) for c in (0, grid.n_chars - 1)], np.float32
    ).reshape(-1, 1, 2)
    in_image = cv2.perspectiveTransform(corners, np.linalg.inv(hom))
    current = hom
    for reach in (END_REACH, None, None) if ends_first else (None, None):
        fitted = _fit_to_glyphs(current, region, grid, reach)
        if fitted is None:
            break
        moved = cv2.perspectiveTransform(in_image, fitted) - corners
        if float(np.abs(moved).max()) > 0.4 * PITCH:
            break
        current = fitted
    return current


def _fit_to_glyphs(
    hom: npt.NDArray[np.float64], region: MRZRegion, grid: Grid, reach: int | None = None
) -> npt.NDArray[np.float64] | None:
    src_pts, dst_pts = [], []
    for row, line in enumerate(region.lines):
        mapped = cv2.perspectiveTransform(line.centres.reshape(-1, 1, 2).astype(np.float32), hom).reshape(
            -1, 2
        )
        x0, y = grid.centre(row, 0)
        col = (mapped[:, 0] - x0) / PITCH
        near = (np.abs(col - np.round(col)) < 0.3) & (np.abs(mapped[:, 1] - y) < 0.3 * PITCH)
        near &= (np.round(col) >= 0) & (np.round(col) < grid.n_chars)
        if reach is not None:
            near &= (np.round(col) < reach) | (np.round(col) > grid.n_chars - 1 - reach)
        for point, c in zip(line.centres[near], np.round(col[near]).astype(int), strict=True):
            src_pts.append(point)
            dst_pts.append(grid.centre(row, int(c)))
    if len(src_pts) < 8:
        return None
    # least squares, not RANSAC: samples of 4 from two nearly straight lines are often degenerate
    found = cv2.findHomography(np.array(src_pts, np.float32), np.array(dst_pts, np.float32), 0)[0]
    fitted: npt.NDArray[np.float64] = np.asarray(found, dtype=np.float64)
    return fitted if fitted.shape == (3, 3) else None  # a degenerate point set gives no homography
