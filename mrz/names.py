"""Names in the MRZ: Doc 9303 Part 3 transliteration of Latin-script names, writing the name field
(with truncation) and reading it back.

Transliterating other scripts (Arabic, Cyrillic, ...) needs the issuing state's rules and the
holder's own spelling, so the builder takes names already in Latin script and refuses the rest.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

from mrz.errors import MRZError

FILLER: Final = "<"

#: Doc 9303 Part 3, section 6: letters that do not simply lose their diacritic.
_MULTI: Final[dict[str, str]] = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "Ü": "UE",
    "ß": "SS",
    "ẞ": "SS",
    "Þ": "TH",
    "Ĳ": "IJ",
    "Ð": "D",
    "Đ": "D",
    "Ł": "L",
    "Ħ": "H",
    "Ŧ": "T",
    "Ŋ": "N",
    "İ": "I",
    "ı": "I",
}
_SEPARATORS: Final = frozenset(" -\u2010\u2011\u2013")
_DROPPED: Final = frozenset("'’`.,")


def transliterate(text: str) -> str:
    """Latin-script name text -> MRZ characters (``A``-``Z`` and ``<`` between components).

    Raises ``MRZError`` for characters with no Latin transliteration (other scripts, digits)."""
    out: list[str] = []
    for char in text.strip().upper():
        if char in _SEPARATORS or char.isspace():
            if out and out[-1] != FILLER:
                out.append(FILLER)
            continue
        if char in _DROPPED:
            continue
        if char in _MULTI:
            out.append(_MULTI[char])
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if not base or not all("A" <= c <= "Z" for c in base):
            raise MRZError(f"cannot write {char!r} in an MRZ name: give the name in Latin script")
        out.append(base)
    return "".join(out).strip(FILLER)


@dataclass(frozen=True)
class EncodedName:
    text: str  # exactly the field length
    truncated: bool


def encode_name(primary: str, secondary: str, length: int) -> EncodedName:
    """Writes ``PRIMARY<<SECONDARY<COMPONENTS`` into a field of ``length`` characters.

    Truncation (Doc 9303 Part 3, 4.6): the secondary identifier is cut first; when even the primary
    identifier does not fit, it is cut so that ``<<`` and the first letter of the secondary
    identifier remain. A truncated field should end in a letter, never a filler, which is how a
    reader knows the name was cut: a cut that lands on a component boundary keeps the next
    component's initial instead of the previous component's last letter."""
    first = transliterate(primary)
    second = transliterate(secondary)
    if not first and not second:
        raise MRZError("a name needs a primary or a secondary identifier")
    full = f"{first}<<{second}" if second else first
    if len(full) <= length:
        return EncodedName(full.ljust(length, FILLER), truncated=False)
    if not second:
        return EncodedName(first[:length].rstrip(FILLER).ljust(length, FILLER), truncated=True)
    if len(first) + 3 > length:
        head = first[: length - 3].rstrip(FILLER)
        return EncodedName(f"{head}<<{second[0]}".ljust(length, FILLER), truncated=True)
    cut = full[:length]
    if cut.endswith(FILLER) and not cut[:-2].endswith(FILLER):
        cut = cut[:-2] + FILLER + full[length]
    return EncodedName(cut, truncated=True)


def encode_components(words: str, separator: str, length: int) -> EncodedName:
    """Names whose components are joined by ``separator`` (French ID card: surname components by
    ``<``, given names by ``<<``), cut at the field end when too long."""
    text = separator.join(t for t in (transliterate(w) for w in words.split()) if t)
    if len(text) <= length:
        return EncodedName(text.ljust(length, FILLER), truncated=False)
    return EncodedName(text[:length].rstrip(FILLER).ljust(length, FILLER), truncated=True)


def decode_components(text: str) -> str:
    """``JEAN<PIERRE<<MARIE<<<`` -> ``JEAN PIERRE MARIE``: fillers become single spaces."""
    return " ".join(part for part in text.split(FILLER) if part)


@dataclass(frozen=True)
class DecodedName:
    surname: str
    given_names: str
    single_name: bool  # no secondary identifier (Doc 9303: the whole name is the primary identifier)
    truncated: bool  # the field is full to its last character: the name may have been cut


def decode_name(text: str) -> DecodedName:
    """Splits the name field on the first ``<<`` (primary/secondary identifiers)."""
    truncated = bool(text) and not text.endswith(FILLER)
    primary, sep, secondary = text.partition("<<")
    surname = decode_components(primary)
    given = decode_components(secondary) if sep else ""
    return DecodedName(surname, given, single_name=not given, truncated=truncated)
