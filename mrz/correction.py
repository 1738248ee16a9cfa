"""OCR error correction, conservative by construction.

OCR engines confuse a small set of characters in the OCR-B font: ``0/O``, ``1/I``, ``2/Z``,
``5/S``, ``6/G``, ``8/B``, and read the filler ``<`` as ``K``, ``S`` or ``G``. A character is
changed only when the field's rules or its check digits leave exactly one reading:

1. Class: a letter in a numeric field (dates, check digits) or a digit in an alphabetic field
   (names, codes) has one confusion partner; it is replaced by it.
2. Filler runs: inside the padding at the end of a name or text field (after the run of fillers
   that ends the data), ``K``/``S``/``G`` can only be misread fillers.
3. Country codes: a reading that is not an ICAO code is corrected only when exactly one of its
   confusion variants is.
4. Alphanumeric fields (document numbers, optional data) can hold both letters and digits, so only
   the check digits can decide: a set of swaps of confusable characters that makes the check digit
   pass is taken only when it is the ONLY such set of up to ``MAX_SWAPS`` swaps. Requiring
   uniqueness over all sizes, not just the smallest, keeps a two-error reading from being
   "explained" by one wrong swap. When several sets pass, nothing is changed and the ambiguity is
   reported: the officer reads the printed data.

Finally every correction inside a check-digit-covered field must leave ALL check digits covering
it passing, or it is undone. Nothing is invented: a character with no confusion partner is never
replaced. The search is bounded (at most ``MAX_SWAPS`` swaps per group, ``MAX_COMBINATIONS``
combined candidates), so worst-case time stays small.

Note on 7-3-1 check digits: characters whose values differ by a multiple of 10 (``<`` and ``K``,
``6`` and ``G``, ``0`` and ``A``...) give the same sum, so no check digit can tell them apart; rules
1-3 decide those cases, never the check digit alone.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any, Final

from mrz.checkdigit import FILLER, WEIGHTS, char_value
from mrz.codes import ICAO_CODES
from mrz.formats import Charset, Field, Kind, Layout
from mrz.grid import Grid, Group, Pos, build_groups, find_overflow, positions

LETTER_TO_DIGIT: Final = {"O": "0", "I": "1", "Z": "2", "S": "5", "G": "6", "B": "8"}
DIGIT_TO_LETTER: Final = {d: c for c, d in LETTER_TO_DIGIT.items()}
FILLER_LOOKALIKES: Final = frozenset("KSG")
MAX_SWAPS: Final = 2
MAX_COMBINATIONS: Final = 4000
_SEXES: Final = frozenset("MFX<")

Change = tuple[Pos, str]  # position, new character


def correct_grid(layout: Layout, grid: Grid) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Corrects ``grid`` in place; returns (corrections, findings)."""
    original = {pos: grid[pos] for pos in grid.owner}
    findings: list[dict[str, Any]] = []
    for f in layout.fields:
        if f.part_of is not None or f.kind is Kind.CHECK:
            continue
        if f.kind is Kind.COUNTRY:
            _apply(grid, _country_changes(grid, f))
            continue
        _apply(grid, _class_changes(grid, f))
        _apply(grid, _filler_changes(grid, f))
    for f in layout.fields:
        if f.kind is Kind.CHECK:
            _apply(grid, _class_changes(grid, f))
    findings += _search_check_groups(layout, grid)
    _undo_unconfirmed(layout, grid, original)
    corrections = [
        {
            "line": pos[0] + 1,
            "position": pos[1] + 1,
            "from": old,
            "to": grid[pos],
            "field": grid.owner[pos].name,
        }
        for pos, old in sorted(original.items())
        if grid[pos] != old
    ]
    return corrections, findings


def _apply(grid: Grid, changes: Iterable[Change]) -> None:
    for pos, char in changes:
        grid[pos] = char


def _class_changes(grid: Grid, f: Field) -> list[Change]:
    """Rule 1: a character of the wrong class with exactly one confusion partner of the right one.
    Where a check digit may legitimately be ``<`` (empty optional data, a long document number's
    marker), ``S`` and ``G`` have two readings (``5``/``6`` or ``<``) and are left alone."""
    changes: list[Change] = []
    layout = grid.layout
    filler_digits = {c.digit for c in layout.checks if c.filler_if_empty}
    if layout.overflow is not None:
        filler_digits.add(layout.overflow[1])
    for pos in positions(f):
        char = grid[pos]
        if f.name in filler_digits and char in FILLER_LOOKALIKES:
            continue
        if f.kind is Kind.SEX:
            if char not in _SEXES and char in FILLER_LOOKALIKES:
                changes.append((pos, FILLER))
        elif f.charset is Charset.NUMERIC and char in LETTER_TO_DIGIT:
            changes.append((pos, LETTER_TO_DIGIT[char]))
        elif f.charset is Charset.ALPHA and char in DIGIT_TO_LETTER:
            changes.append((pos, DIGIT_TO_LETTER[char]))
    return changes


def padding_start(f: Field, text: str) -> int:
    """Where the filler padding of a field begins (len(text) if it cannot be told)."""
    if f.kind is Kind.NAME:
        # PRIMARY<<SECONDARY<NAMES<<<...: padding starts at the second '<<' or at any '<<<'
        first = text.find("<<")
        if first < 0:
            return len(text)
        second = text.find("<<", first + 2)
        triple = text.find("<<<")
        candidates = [i for i in (second, triple) if i >= 0]
        return min(candidates) if candidates else len(text)
    separator = "<<<" if f.kind is Kind.GIVEN_NAMES else "<<"
    found = text.find(separator)
    return found if found >= 0 else len(text)


def _filler_changes(grid: Grid, f: Field) -> list[Change]:
    """Rule 2: ``K``/``S``/``G`` inside the trailing filler padding of a name or text field."""
    if f.kind not in (Kind.NAME, Kind.SURNAME, Kind.GIVEN_NAMES, Kind.TEXT):
        return []
    text = grid.text(f)
    start = padding_start(f, text)
    tail = text[start:]
    if not tail or not set(tail) <= FILLER_LOOKALIKES | {FILLER}:
        return []
    return [((f.line, f.offset + start + i), FILLER) for i, c in enumerate(tail) if c != FILLER]


def _country_changes(grid: Grid, f: Field) -> list[Change]:
    """Rule 3: an unknown code becomes a known one only when exactly one of its confusion variants
    (digit -> letter, a trailing ``K``/``S``/``G`` -> ``<``) is a known code."""
    text = grid.text(f)
    if text.rstrip(FILLER) in ICAO_CODES:
        return []
    options: list[list[str]] = []
    for i, char in enumerate(text):
        alternatives = [DIGIT_TO_LETTER[char]] if char in DIGIT_TO_LETTER else [char]
        if i > 0 and char in FILLER_LOOKALIKES:
            alternatives.append(FILLER)
        options.append(alternatives)
    valid = set()
    for variant in itertools.product(*options):
        candidate = "".join(variant)
        stripped = candidate.rstrip(FILLER)
        if FILLER not in stripped and stripped in ICAO_CODES:
            valid.add(candidate)
    if len(valid) != 1:
        return []
    (best,) = valid
    return [((f.line, f.offset + i), c) for i, c in enumerate(best) if c != text[i]]


def _alternatives(grid: Grid, pos: Pos) -> list[str]:
    """What a character may have been before OCR: in an alphanumeric field its confusion partner;
    in any field a ``K``/``S``/``G`` with only fillers (or their look-alikes) after it may be a
    filler."""
    owner = grid.owner[pos]
    char = grid[pos]
    found = []
    if owner.charset is Charset.ALNUM:
        found = [p for p in (LETTER_TO_DIGIT.get(char), DIGIT_TO_LETTER.get(char)) if p is not None]
    if char in FILLER_LOOKALIKES and owner.kind is not Kind.CHECK:
        rest = grid.rows[pos[0]][pos[1] + 1 : owner.end] if pos[0] == owner.line else []
        if all(c == FILLER or c in FILLER_LOOKALIKES for c in rest):
            found.append(FILLER)
    return found


def _options(grid: Grid, covered: Iterable[Pos]) -> list[Change]:
    return [(pos, alt) for pos in covered for alt in _alternatives(grid, pos)]


def _subsets(options: list[Change], size: int) -> Iterable[tuple[Change, ...]]:
    """Sets of ``size`` changes, at most one per position."""
    for subset in itertools.combinations(options, size):
        if len({pos for pos, _ in subset}) == size:
            yield subset


def _search_check_groups(layout: Layout, grid: Grid) -> list[dict[str, Any]]:
    """Rule 4: a set of confusion swaps that makes a failing check digit pass, taken only when no
    other set of up to ``MAX_SWAPS`` swaps does. The composite then decides the positions only it
    covers (TD1 optional data, the French card's names and codes)."""
    groups = build_groups(layout, grid, find_overflow(layout, grid))
    composite = next((g for g in groups if g.name == "composite"), None)
    singles = [g for g in groups if g is not composite]
    findings: list[dict[str, Any]] = []
    for group in singles:
        fixes = _fixes(group, grid, _options(grid, group.covered))
        if fixes is None or len(fixes) > 1:
            findings.append(_ambiguous(group.name, exhausted=fixes is None))
        elif fixes:
            _apply(grid, fixes[0])
    if composite is not None and all(g.passes(grid) for g in singles):
        # with a single check still failing, the composite's sum is off for a reason the search
        # would "fix" somewhere else: only a composite over sound fields may decide
        claimed = {p for g in singles for p in g.covered}
        free = _options(grid, (p for p in composite.covered if p not in claimed))
        fixes = _fixes(composite, grid, free)
        if fixes is None or len(fixes) > 1:
            findings.append(_ambiguous(composite.name, exhausted=fixes is None))
        elif fixes:
            _apply(grid, fixes[0])
    return findings


def _fixes(group: Group, grid: Grid, options: list[Change]) -> list[tuple[Change, ...]] | None:
    """Sets of up to ``MAX_SWAPS`` changes from ``options`` that make ``group`` pass: ``[()]`` when
    it passes already, ``[]`` when none does; the search stops at the second set found (one is
    enough to know the answer is not unique), and gives None when it would exceed
    ``MAX_COMBINATIONS``."""
    if group.passes(grid):
        return [()]
    digit = grid[group.digit]
    if not digit.isdigit() or any(not grid.owner[p].charset.allows(grid[p]) for p in group.covered):
        return []
    weights = {pos: WEIGHTS[i % 3] for i, pos in enumerate(group.covered)}
    total = sum(char_value(grid[pos]) * w for pos, w in weights.items())
    delta = {(p, c): (char_value(c) - char_value(grid[p])) * weights[p] for p, c in options}
    target = int(digit)
    found: list[tuple[Change, ...]] = []
    budget = MAX_COMBINATIONS
    for size in range(1, MAX_SWAPS + 1):
        for subset in _subsets(options, size):
            budget -= 1
            if budget < 0:
                return None
            if (total + sum(delta[change] for change in subset)) % 10 == target:
                found.append(subset)
                if len(found) > 1:
                    return found
    return found


def _ambiguous(check: str, *, exhausted: bool = False) -> dict[str, Any]:
    what = "too many possible" if exhausted else "more than one"
    return {
        "code": "mrz.correction_ambiguous",
        "severity": "warning",
        "message": f"{what} OCR correction of the {check.replace('_', ' ')} fits the check digits; "
        "none applied: read the printed data",
        "evidence": {"check": check, "search_exhausted": exhausted},
    }


def _undo_unconfirmed(layout: Layout, grid: Grid, original: dict[Pos, str]) -> None:
    """Undo corrections inside check-covered positions whose checks do not all pass, until stable
    (undoing one may make another check fail)."""
    while True:
        groups = build_groups(layout, grid, find_overflow(layout, grid))
        failing = [g for g in groups if not g.passes(grid)]
        undo = {pos for g in failing for pos in (*g.covered, g.digit) if grid[pos] != original[pos]}
        if not undo:
            return
        for pos in undo:
            grid[pos] = original[pos]
