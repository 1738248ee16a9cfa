"""The MRZ as a grid of characters, and the check-digit groups of a layout laid over it.

Shared by the parser and the OCR corrector so both see the same positions: a group lists the
positions whose characters a check digit sums (in order) and where that digit sits. A long TD1/TD2
document number that overflows into the optional data (Doc 9303 Part 5, note j) changes where its
group ends, which only the text can tell, so groups are built per MRZ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mrz.checkdigit import FILLER, is_valid
from mrz.formats import Field, Kind, Layout

Pos = tuple[int, int]  # (line, column), both from 0


def positions(f: Field) -> list[Pos]:
    return [(f.line, f.offset + i) for i in range(f.length)]


@dataclass
class Grid:
    """Mutable characters of one MRZ plus the field each position belongs to."""

    layout: Layout
    rows: list[list[str]]
    owner: dict[Pos, Field] = field(init=False)

    def __post_init__(self) -> None:
        self.owner = {p: f for f in self.layout.fields if f.part_of is None for p in positions(f)}

    def __getitem__(self, pos: Pos) -> str:
        return self.rows[pos[0]][pos[1]]

    def __setitem__(self, pos: Pos, char: str) -> None:
        self.rows[pos[0]][pos[1]] = char

    def text(self, f: Field) -> str:
        return "".join(self.rows[f.line][f.offset : f.end])

    def lines(self) -> list[str]:
        return ["".join(r) for r in self.rows]


@dataclass(frozen=True)
class Group:
    """One check digit over ``covered`` positions (weights follow the order), digit at ``digit``."""

    name: str
    covered: tuple[Pos, ...]
    digit: Pos
    filler_if_empty: bool

    def passes(self, grid: Grid) -> bool:
        """The digit matches and every covered character fits its field (a letter in a date never
        passes, even when its value happens to give the right sum)."""
        digit = grid[self.digit]
        chars = [grid[p] for p in self.covered]
        if any(not grid.owner[p].charset.allows(c) for p, c in zip(self.covered, chars, strict=True)):
            return False
        return is_valid("".join(chars), digit, filler_if_empty=self.filler_if_empty)


@dataclass(frozen=True)
class Overflow:
    """A document number continued in the optional data: the extra characters and the digit."""

    extra: tuple[Pos, ...]
    digit: Pos


def find_overflow(layout: Layout, grid: Grid) -> Overflow | None:
    """Doc 9303 Part 5/6: a ``<`` in the document-number check position with data in the optional
    field means the number continues there, ending in its check digit before the first filler."""
    if layout.overflow is None:
        return None
    _, check_name, rest_name = layout.overflow
    check, rest = layout.field(check_name), layout.field(rest_name)
    if grid[(check.line, check.offset)] != FILLER:
        return None
    run = []
    for pos in positions(rest):
        if grid[pos] == FILLER:
            break
        run.append(pos)
    if not run:
        return None
    return Overflow(tuple(run[:-1]), run[-1])


def build_groups(layout: Layout, grid: Grid, overflow: Overflow | None) -> list[Group]:
    """The check groups of this MRZ, individual checks first and the composite last."""
    groups = []
    for check in layout.checks:
        covered = [p for name in check.covers for p in positions(layout.field(name))]
        digit_field = layout.field(check.digit)
        digit: Pos = (digit_field.line, digit_field.offset)
        if overflow is not None and layout.overflow is not None and check.name == layout.overflow[0]:
            covered += overflow.extra
            digit = overflow.digit
        groups.append(Group(check.name, tuple(covered), digit, check.filler_if_empty))
    return groups


def is_name_kind(kind: Kind) -> bool:
    return kind in (Kind.NAME, Kind.SURNAME, Kind.GIVEN_NAMES)
