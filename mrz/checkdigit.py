"""Doc 9303 Part 3 check digits: weights 7, 3, 1 repeating, sum modulo 10.

Digits count as themselves, ``A``-``Z`` as 10-35 and the filler ``<`` as 0.
"""

from __future__ import annotations

from typing import Final

FILLER: Final = "<"
ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
_VALUES: Final[dict[str, int]] = {c: (0 if c == FILLER else i) for i, c in enumerate(ALPHABET)}
WEIGHTS: Final = (7, 3, 1)


def char_value(char: str) -> int:
    """The value of one MRZ character in the check-digit sum."""
    try:
        return _VALUES[char]
    except KeyError:
        raise ValueError(f"{char!r} is not an MRZ character") from None


def check_digit(text: str) -> str:
    """The check digit of ``text`` as a character ``0``-``9``."""
    total = sum(_VALUES[c] * WEIGHTS[i % 3] for i, c in enumerate(text))
    return str(total % 10)


def is_valid(text: str, digit: str, *, filler_if_empty: bool = False) -> bool:
    """Whether ``digit`` is the check digit of ``text``; with ``filler_if_empty`` a ``<`` also
    passes for a field that is all fillers (Doc 9303 Part 4: empty personal number)."""
    if filler_if_empty and digit == FILLER and all(c == FILLER for c in text):
        return True
    return digit == check_digit(text)
