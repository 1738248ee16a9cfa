"""Finding the MRZ in a photo or scan, at any rotation.

The MRZ is the only text on a document made of 2 or 3 long, parallel, equally long lines of equally sized
glyphs at a fixed pitch. So instead of assuming an upright page, we:

1. pick out dark, character-sized blobs (black-hat morphology with a round kernel, so no direction is
   favoured, then Otsu; the black-hat also flattens uneven light and glare);
2. estimate the text direction from the angle of each blob to its nearest similar-sized neighbours
   (neighbours within a line are much closer than neighbours across lines);
3. chain blobs into text lines along that direction, keep the long lines with a regular pitch, and
   pick the group of 2-3 adjacent, parallel lines of the same extent: the MRZ.

The result says where each MRZ line starts and ends in the image. The reading direction is still
ambiguous by 180°: the caller resolves it with the recogniser (``mrz.ocr.reader``).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
GrayImage = npt.NDArray[np.uint8]

#: work on images no larger than this (longest side, px); MRZ glyphs stay >= ~8 px tall
WORK_SIZE = 1100
#: too many blobs means pure noise or a textured background; cap the work
MAX_BLOBS = 4000
MIN_LINE_BLOBS = 12
MIN_FRAGMENT_BLOBS = 3
LINE_LENGTHS = {3: (30,), 2: (36, 44)}


@dataclass(frozen=True)
class MRZLine:
    """One MRZ line found in the image: its glyph centres (image px), ordered along ``direction``."""

    centres: FloatArray  # (n, 2)


@dataclass(frozen=True)
class MRZRegion:
    """Where the MRZ is. ``direction`` is a unit vector along the lines; the text reads this way or the
    opposite way (180° ambiguity). ``lines`` are ordered along the normal of ``direction``."""

    lines: list[MRZLine]
    direction: FloatArray
    pitch: float  # px between glyph centres
    line_pitch: float  # px between line centres
    n_chars: int  # characters per line, from the measured extent


@dataclass
class _Blobs:
    centres: FloatArray  # (n, 2) working px
    sizes: FloatArray  # (n,) major axis length


def _ink_thresholds(blackhat: GrayImage) -> list[float]:
    """Thresholds to try on the black-hat image, loosest first.

    Otsu separates paper from everything printed; when dark background artwork (guilloche lines crossing
    the MRZ) merges glyphs at that level, a second Otsu over the printed pixels alone keeps only the
    darkest ink, which the MRZ is printed in."""
    first, _ = cv2.threshold(blackhat, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    if first < 12:  # a blank page: Otsu splits noise from noise
        return [12.0]
    printed = blackhat[blackhat > first]
    if len(printed) < 64:
        return [first]
    second, _ = cv2.threshold(printed.reshape(1, -1), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return [first, second]


def _blobs(blackhat: GrayImage, threshold: float) -> _Blobs:
    """Connected ink blobs of glyph size, measured by their second moments.

    A blob's size is the length of its major axis (3.46 standard deviations: exact for a bar), so it does
    not grow with rotation as a bounding box would; moments also cost a fraction of OpenCV's per-component
    statistics."""
    binary = np.asarray(cv2.threshold(blackhat, threshold, 255, cv2.THRESH_BINARY)[1], dtype=np.uint8)
    n, labels = cv2.connectedComponents(binary, connectivity=8)
    ys, xs = np.nonzero(binary)
    lab = np.asarray(labels)[ys, xs]
    x, y = xs.astype(np.float64), ys.astype(np.float64)
    area = np.bincount(lab, minlength=n)[1:].astype(np.float64)
    safe = np.maximum(area, 1.0)
    mx = np.bincount(lab, x, n)[1:] / safe
    my = np.bincount(lab, y, n)[1:] / safe
    vxx = np.bincount(lab, x * x, n)[1:] / safe - mx * mx + 1 / 12
    vyy = np.bincount(lab, y * y, n)[1:] / safe - my * my + 1 / 12
    vxy = np.bincount(lab, x * y, n)[1:] / safe - mx * my
    spread = np.sqrt(np.maximum((vxx - vyy) ** 2 / 4 + vxy**2, 0.0))
    major = 3.46 * np.sqrt(np.maximum((vxx + vyy) / 2 + spread, 0.0))
    minor = 3.46 * np.sqrt(np.maximum((vxx + vyy) / 2 - spread, 0.0))
    keep = (major >= 4) & (major <= 90) & (area >= 8) & (minor >= 0.08 * major)
    centres = np.stack([mx[keep], my[keep]], axis=1)
    sizes = major[keep]
    if len(sizes) > MAX_BLOBS:
        # a cluttered or noisy image: keep the blobs of the most common size band
        median = np.median(sizes)
        order = np.argsort(np.abs(np.log(sizes / median)))[:MAX_BLOBS]
        centres, sizes = centres[order], sizes[order]
    return _Blobs(centres, sizes)


@dataclass
class _Pairs:
    """Pairs of blobs close enough and alike enough in size to be neighbours in a line (i < j)."""

    i: npt.NDArray[np.intp]
    j: npt.NDArray[np.intp]
    dist: FloatArray


def _neighbour_pairs(blobs: _Blobs) -> _Pairs:
    """Sweep along x instead of an all-pairs matrix: only blobs within reach of each other are paired.

    Two blobs pair when their sizes differ by less than 2.2x and their distance is under 2.2x the larger
    size, so a blob of size s only needs partners within 2.2 * 2.2 * s along x."""
    x = blobs.centres[:, 0]
    order = np.argsort(x)
    xs = x[order]
    n = len(xs)
    hi = np.searchsorted(xs, xs + 4.84 * blobs.sizes[order], side="right")
    start = np.arange(n) + 1
    counts = np.maximum(hi - start, 0)
    first = np.repeat(np.arange(n), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    second = np.repeat(start, counts) + offsets
    a, b = order[first], order[second]
    delta = blobs.centres[a] - blobs.centres[b]
    dist = np.hypot(delta[:, 0], delta[:, 1])
    big = np.maximum(blobs.sizes[a], blobs.sizes[b])
    small = np.minimum(blobs.sizes[a], blobs.sizes[b])
    keep = (small > big / 2.2) & (dist < 2.2 * big) & (dist > 0)
    return _Pairs(a[keep], b[keep], dist[keep])


def _text_angle(blobs: _Blobs, pairs: _Pairs) -> float | None:
    """Dominant angle (radians, in [0, pi)) of links from each blob to its two nearest similar blobs."""
    src = np.concatenate([pairs.i, pairs.j])
    dst = np.concatenate([pairs.j, pairs.i])
    dist = np.concatenate([pairs.dist, pairs.dist])
    order = np.lexsort((dist, src))
    src, dst = src[order], dst[order]
    rank = np.arange(len(src)) - np.searchsorted(src, src, side="left")
    ok = rank < 2
    if ok.sum() < MIN_LINE_BLOBS:
        return None
    vec = blobs.centres[dst[ok]] - blobs.centres[src[ok]]
    ang = np.mod(np.arctan2(vec[:, 1], vec[:, 0]), np.pi)
    hist, _ = np.histogram(ang, bins=180, range=(0, np.pi))
    smooth = np.convolve(np.concatenate([hist[-3:], hist, hist[:3]]), np.ones(7), mode="valid")
    peak = int(np.argmax(smooth))
    # refine with the mean angle of the links near the peak (doubled angles handle the wrap at pi)
    centre = (peak + 0.5) * np.pi / 180
    near = np.abs(np.angle(np.exp(2j * (ang - centre)))) < np.radians(6)
    return float(np.mod(np.angle(np.mean(np.exp(2j * ang[near]))) / 2, np.pi))


def _chains(u: FloatArray, v: FloatArray, sizes: FloatArray, pairs: _Pairs) -> list[npt.NDArray[np.intp]]:
    """Groups of blobs linked along the text direction (union-find over close, aligned pairs)."""
    big = np.maximum(sizes[pairs.i], sizes[pairs.j])
    du = np.abs(u[pairs.i] - u[pairs.j])
    dv = np.abs(v[pairs.i] - v[pairs.j])
    link = (du < 2.2 * big) & (dv < 0.35 * big)
    ii, jj = pairs.i[link], pairs.j[link]
    parent = np.arange(len(u))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = int(parent[a])
        return a

    for a, b in zip(ii.tolist(), jj.tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    roots = np.array([find(a) for a in range(len(u))])
    groups = []
    for root in np.unique(roots):
        members = np.nonzero(roots == root)[0]
        if len(members) >= MIN_FRAGMENT_BLOBS:
            groups.append(members[np.argsort(u[members])])
    return groups


def _join_fragments(
    fragments: list[npt.NDArray[np.intp]], u: FloatArray, v: FloatArray, sizes: FloatArray
) -> list[npt.NDArray[np.intp]]:
    """Joins collinear pieces of one line that a gap split: glare, a finger, a guilloche crossing."""
    fragments = sorted(fragments, key=len, reverse=True)
    info = []
    for members in fragments:
        uu = u[members]
        gaps = np.diff(uu)
        size = float(np.median(sizes[members]))
        gaps = gaps[gaps > 0.3 * size]
        pitch = float(np.median(gaps)) if len(gaps) else size
        info.append((float(uu[0]), float(uu[-1]), float(np.median(v[members])), pitch, size))
    joined: list[npt.NDArray[np.intp]] = []
    used = [False] * len(fragments)
    for i, members in enumerate(fragments):
        if used[i]:
            continue
        used[i] = True
        u0, u1, _, pitch, size = info[i]
        parts = [members]
        # the line's own slope, not the page's: the estimated text angle can be off by a fraction of a
        # degree, which over a 44-glyph line is more than the tolerance across it
        slope, offset = np.polyfit(u[members], v[members], 1) if len(members) >= 5 else (0.0, info[i][2])
        grown = True
        while grown:  # a piece may come within reach only after its neighbour joined
            grown = False
            for j in range(i + 1, len(fragments)):
                a0, a1, vj, _, size_j = info[j]
                if used[j] or not 0.6 < size_j / size < 1.6:
                    continue
                if abs(vj - (slope * (a0 + a1) / 2 + offset)) > 0.4 * size:
                    continue
                gap = a0 - u1 if a0 > u1 else u0 - a1
                steps = gap / pitch
                if 0.5 < steps < 8 and abs(steps - round(steps)) < 0.3:
                    used[j] = grown = True
                    parts.append(fragments[j])
                    u0, u1 = min(u0, a0), max(u1, a1)
        merged = np.concatenate(parts)
        if len(merged) >= MIN_LINE_BLOBS:
            joined.append(merged[np.argsort(u[merged])])
    return joined


@dataclass
class _Line:
    members: npt.NDArray[np.intp]
    u0: float
    u1: float
    v: float
    pitch: float
    size: float


def _regular_line(
    members: npt.NDArray[np.intp], u: FloatArray, v: FloatArray, sizes: FloatArray
) -> _Line | None:
    uu = u[members]
    gaps = np.diff(uu)
    gaps = gaps[gaps > 0.3 * np.median(sizes[members])]  # two blobs of one glyph are not a gap
    if len(gaps) < MIN_LINE_BLOBS - 1:
        return None
    pitch = float(np.median(gaps))
    multiples = gaps / pitch
    regular = np.abs(multiples - np.round(multiples)) < 0.25
    if regular.mean() < 0.8 or np.max(multiples) > 8.5:
        return None
    size = float(np.median(sizes[members]))
    if not 0.6 * size < pitch < 2.0 * size:
        return None
    members = _trim_stray_ends(members, u, pitch, size)
    uu = u[members]
    return _Line(members, float(uu[0]), float(uu[-1]), float(np.median(v[members])), pitch, size)


def _trim_stray_ends(
    members: npt.NDArray[np.intp], u: FloatArray, pitch: float, size: float
) -> npt.NDArray[np.intp]:
    """Drops blobs at either end of a line that sit off its pitch (a speck of artwork, a VIZ letter 1.7
    columns beyond the last filler): taken for a glyph, one would stretch the grid over a column too many.
    A glyph lost at an end leaves a whole number of columns, and stays. "Whole" by the line's median
    pitch and by the pitch next to that end: perspective changes it along the line by a fifth or more."""
    uu = u[members]
    gaps = np.diff(uu)

    def off_pitch(gap: float, step: float, tolerance: float) -> bool:
        return abs(gap / step - round(gap / step)) >= tolerance

    def stray(index: int, neighbours: FloatArray) -> bool:
        real = neighbours[neighbours > 0.3 * size]
        local = float(np.median(real)) if len(real) else pitch
        gap = float(gaps[index])
        # off both the line's pitch and its neighbours' (which glare, split or merged glyphs can skew)
        return gap > 0.3 * size and off_pitch(gap, pitch, 0.25) and off_pitch(gap, local, 0.2)

    first, last = 0, len(members) - 1
    while last - first >= MIN_LINE_BLOBS and stray(first, gaps[first + 1 : first + 4]):
        first += 1
    while last - first >= MIN_LINE_BLOBS and stray(last - 1, gaps[last - 4 : last - 1]):
        last -= 1
    return members[first : last + 1]


@dataclass(frozen=True)
class _Group:
    lines: list[_Line]
    score: float  # the glyph count, halved when the measured line length fits no MRZ format
    fits: bool  # the measured line length is that of an MRZ format


def _groups(lines: list[_Line]) -> list[_Group]:
    """Runs of 2-3 adjacent, parallel lines of equal extent, most plausible first.

    Plausibility is the glyph count, halved when the measured line length fits no MRZ format (a block of
    printed VIZ text can look regular too); the reader tries the next group when one reads invalid."""
    lines = sorted(lines, key=lambda ln: ln.v)
    scored: list[_Group] = []
    for i, first in enumerate(lines):
        group = [first]
        for other in lines[i + 1 :]:
            last = group[-1]
            pitch = (last.pitch + other.pitch) / 2
            overlap = min(last.u1, other.u1) - max(last.u0, other.u0)
            span = max(last.u1 - last.u0, other.u1 - other.u0)
            if (
                1.2 * pitch < other.v - last.v < 2.6 * pitch
                and abs(last.pitch - other.pitch) < 0.15 * pitch
                and overlap > 0.75 * span
            ):
                group.append(other)
                if len(group) == 3:
                    break
            elif other.v - last.v >= 2.6 * pitch:
                break
        if len(group) < 2:
            continue
        score = float(sum(len(ln.members) for ln in group))
        fits = abs(_measured_chars(group) - _n_chars(group)) <= 4
        scored.append(_Group(group, score if fits else score / 2, fits))
    scored.sort(key=lambda g: -g.score)
    return scored


def _measured_chars(group: list[_Line]) -> float:
    pitch = float(np.median([ln.pitch for ln in group]))
    return (max(ln.u1 for ln in group) - min(ln.u0 for ln in group)) / pitch + 1


def _n_chars(group: list[_Line]) -> int:
    options = LINE_LENGTHS[3] if len(group) == 3 else LINE_LENGTHS[2]
    return min(options, key=lambda n: abs(n - _measured_chars(group)))


def locate(gray: GrayImage, *, limit: int = 3) -> list[MRZRegion]:
    """Candidate MRZ blocks in a grey image, most plausible first; empty if nothing looks like an MRZ."""
    scale = min(1.0, WORK_SIZE / max(gray.shape[:2]))
    work = gray
    if scale < 1:
        work = np.asarray(
            cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR), np.uint8
        )
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (13, 13))
    blackhat = np.asarray(cv2.morphologyEx(work, cv2.MORPH_BLACKHAT, kernel), dtype=np.uint8)
    found: list[_Candidate] = []
    for threshold in _ink_thresholds(blackhat):
        candidates = _find_regions(_blobs(blackhat, threshold), scale)
        found += candidates
        # Done when a block of an MRZ's length was found. If not, the darker ink of the next threshold
        # may still hold it: where artwork merged glyphs of one MRZ line at the loose threshold, that
        # line came out too short to pair with the other, and only a block of VIZ text was left.
        if any(c.fits for c in candidates):
            break
    found.sort(key=lambda c: -c.score)  # stable: within one threshold, the order stays
    return [c.region for c in found[:limit]]


@dataclass(frozen=True)
class _Candidate:
    region: MRZRegion
    score: float  # of the group of lines it came from (see ``_groups``)
    fits: bool


def _find_regions(blobs: _Blobs, scale: float) -> list[_Candidate]:
    if len(blobs.sizes) < 2 * MIN_LINE_BLOBS:
        return []
    pairs = _neighbour_pairs(blobs)
    angle = _text_angle(blobs, pairs)
    if angle is None:
        return []
    direction = np.array([np.cos(angle), np.sin(angle)])
    if direction[0] < 0:  # point rightwards: an upright page then needs no second reading
        direction = -direction
    normal = np.array([-direction[1], direction[0]])
    u = blobs.centres @ direction
    v = blobs.centres @ normal
    lines = [
        line
        for members in _join_fragments(_chains(u, v, blobs.sizes, pairs), u, v, blobs.sizes)
        if (line := _regular_line(members, u, v, blobs.sizes)) is not None
    ]
    regions = []
    for scored in _groups(lines):
        group = scored.lines
        pitch = float(np.median([ln.pitch for ln in group])) / scale
        line_pitch = float((group[-1].v - group[0].v) / (len(group) - 1)) / scale
        found = [MRZLine(blobs.centres[ln.members] / scale) for ln in group]
        if len(group) == 2 and _measured_chars(group) < 33:
            # two lines of 30: a TD1 whose third line was not found; it is above or below
            step = line_pitch * normal
            for extra in (MRZLine(found[0].centres - step), MRZLine(found[1].centres + step)):
                three = (
                    [extra, *found]
                    if extra.centres[0] @ normal < found[0].centres[0] @ normal
                    else [*found, extra]
                )
                regions.append(
                    _Candidate(MRZRegion(three, direction, pitch, line_pitch, 30), scored.score, scored.fits)
                )
        regions.append(
            _Candidate(
                MRZRegion(found, direction, pitch, line_pitch, _n_chars(group)), scored.score, scored.fits
            )
        )
    return regions
