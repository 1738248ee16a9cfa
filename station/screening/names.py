"""Name normalisation for screening: one canonical spelling per name part, and a blocking key.

The MRZ strips spaces, hyphens and apostrophes and writes one of several romanisations, while a
watchlist may hold the same person in Arabic script or in another romanisation. Normalising both
sides the same way, step by step:

1. script: any script to upper-case Latin (:func:`station.screening.script.to_latin`);
2. known equivalents: MOHD, MEHMET, MUHAMMAD ... -> MOHAMMED (:mod:`.equivalents`);
3. particles: the article AL/EL/UL/OL (also assimilated: AS-SAYED, AR-RASHID) is split off a name
   part, joined or not (ALHUSSEINI = AL HUSSEINI = EL HUSSEINI -> HUSSEINI); "son/daughter of"
   BIN/BEN/IBN/BINT/OULD likewise; all of them are kept aside as particles, not scored;
4. compounds: ABD + (article) + name becomes one part (ABDELRAHMAN = ABDUL RAHMAN = ABD AL RAHMAN
   = ABDURRAHMAN -> ABDRAHMAN), ABU + name likewise (ABU BAKR = ABOUBAKAR -> ABUBAKAR), and the
   ...UDDIN / ...EDDINE / ... AL DIN suffix joins its name (SALAHUDDIN = SALAH AL DIN -> SALAHDIN);
5. the consonant skeleton of each part (:func:`skeleton`), the blocking key of the index.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from station.screening.equivalents import EQUIVALENT
from station.screening.script import is_arabic_script, to_latin

ARTICLES = frozenset({"AL", "EL", "UL", "OL", "IL"})
_ASSIMILATED = frozenset(
    {
        "AS",
        "AR",
        "AD",
        "AN",
        "AZ",
        "AT",
        "ASH",
        "ES",
        "ER",
        "ED",
        "EN",
        "EZ",
        "ET",
        "ESH",
        "UD",
        "UR",
        "US",
        "UN",
        "UZ",
        "UT",
        "USH",
    }
)
FILIATION = frozenset({"BIN", "BEN", "IBN", "BINT", "BNT", "BENT", "OULD", "WALAD", "BINTI", "BINTE"})
_ABD_ALONE = frozenset({"ABD", "ABDUL", "ABDEL", "ABDAL", "ABDOL", "ABDOUL", "ABDU", "ABDI", "ABDO"})
_ABU_ALONE = frozenset({"ABU", "ABOU", "ABO", "ABOO"})
_DIN_ALONE = frozenset(
    {"DIN", "DINE", "DEEN", "UDDIN", "EDDINE", "EDDIN", "UDDEEN", "ADDIN", "ALDIN", "ELDIN"}
)

_SPECIAL = ARTICLES | FILIATION | _ASSIMILATED | _ABD_ALONE | _ABU_ALONE | _DIN_ALONE
_JOINED_ARTICLE = re.compile(r"^(?:AL|EL|UL|OL)(?=[A-Z]{3})")
_JOINED_ASSIMILATED = re.compile(r"^[AE](SH|[TDRZSN])(?=\1[A-Z]{2})")
_JOINED_FILIATION = re.compile(r"^(?:BINT|BIN|IBN|BEN)(?=[B-DF-HJ-NP-TV-Z][A-Z]{3})")
_JOINED_ABD = re.compile(r"^ABD(?:OU|[AEIOU])?(?:L|(SH|[TDRZSN])(?=\1))?(?=[A-Z]{3})")
_JOINED_ABU = re.compile(r"^AB(?:OU|OO|U)(?=[B-DF-HJ-NP-TV-Z][A-Z]{2})")
_JOINED_DIN = re.compile(r"(?<=[A-Z]{3})(?:[UEAO]D|[AE]L|[UEAO])?DD?(?:I|EE)NE?$")


class NamePart(NamedTuple):
    """One scored part of a name: its canonical spelling, consonant skeleton, and how it was
    written (``written``, for explanations); ``abjad`` marks parts from Arabic script (no vowels)."""

    canonical: str
    skeleton: str
    written: str
    abjad: bool


@dataclass(frozen=True)
class NormalisedName:
    parts: tuple[NamePart, ...]
    particles: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.skeleton for p in self.parts)


def normalise(*fields: str) -> NormalisedName:
    """The parts of a name written in one or more fields (surname, given names), in any script.

    Never raises: input that holds no letters gives an empty name."""
    return _normalise(" ".join(f for f in fields if f))


@lru_cache(maxsize=100_000)
def _normalise(text: str) -> NormalisedName:
    abjad = is_arabic_script(text)
    written = _words(text)
    words = [EQUIVALENT.get(w, w) for w in written]
    if _SPECIAL.isdisjoint(words) and not any(w.startswith("ABD") for w in words):
        # the common case: no particle or compound written apart; each word stands alone
        simple = [(_canonical_word(w), w_) for w, w_ in zip(words, written, strict=True)]
        return NormalisedName(
            tuple(_part(c, w_, abjad) for (c, _), w_ in simple if c),
            tuple(p for (_, ps), _ in simple for p in ps),
        )
    parts: list[NamePart] = []
    particles: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in ARTICLES or word in FILIATION or (word in _ASSIMILATED and nxt.startswith(word[1:])):
            particles.append(word)
            i += 1
            continue
        if nxt and (word in _ABD_ALONE or word in _ABU_ALONE or _is_abd_assimilated(word, nxt)):
            # ABD/ABU written apart from its name: join them, skipping an article in between.
            j = i + 1
            while j + 1 < len(words) and words[j] in ARTICLES | _ASSIMILATED:
                particles.append(words[j])
                j += 1
            prefix = "ABU" if word in _ABU_ALONE else "ABD"
            joined = prefix + _strip_prefixes(words[j], particles)
            parts.append(_part(EQUIVALENT.get(joined, joined), " ".join(written[i : j + 1]), abjad))
            i = j + 1
            continue
        if word in _DIN_ALONE and parts:
            last = parts.pop()
            parts.append(_part(last.canonical + "DIN", f"{last.written} {written[i]}", abjad))
            i += 1
            continue
        canonical, stripped = _canonical_word(word)
        particles.extend(stripped)
        if canonical:
            parts.append(_part(canonical, written[i], abjad))
        i += 1
    return NormalisedName(tuple(parts), tuple(particles))


def skeletons(text: str) -> list[str]:
    """The skeleton of each part of the name, in order: what the index files a name under.

    The same result as ``[p.skeleton for p in normalise(text).parts]``, without building the
    parts for the common name that has no particle or compound written apart (bulk index builds)."""
    words = [EQUIVALENT.get(w, w) for w in _words(text)]
    # articles and BIN/BEN written apart are particles, whatever surrounds them
    words = [w for w in words if w not in _PLAIN_PARTICLES]
    if _SPECIAL.isdisjoint(words) and not any(w.startswith("ABD") for w in words):
        return [k for k in map(_word_skeleton, words) if k]
    return [p.skeleton for p in _normalise(text).parts]


_PLAIN_PARTICLES = ARTICLES | FILIATION


@lru_cache(maxsize=200_000)
def _word_skeleton(word: str) -> str:
    canonical, _ = _canonical_word(word)
    return skeleton(canonical) if canonical else ""


_NOT_LETTERS = re.compile(r"[^A-Z]+")


def _words(text: str) -> list[str]:
    """The words of ``text`` in upper-case Latin; plain ASCII (most MRZ and list names) takes the
    fast path, anything else goes through the transliteration tables."""
    if text.isascii():
        return _NOT_LETTERS.sub(" ", text.upper().replace("'", "").replace("`", "")).split()
    return to_latin(text).split()


def _is_abd_assimilated(word: str, nxt: str) -> bool:
    """ABDUR RAHMAN, ABDUS SALAM: the article's consonant is written on ABD and repeated."""
    match = re.fullmatch(r"ABD(?:OU|[AEIOU])(SH|[TDRZSN])", word)
    return match is not None and nxt.startswith(match.group(1))


def _strip_prefixes(word: str, particles: list[str]) -> str:
    for pattern in (_JOINED_ARTICLE, _JOINED_ASSIMILATED, _JOINED_FILIATION):
        match = pattern.match(word)
        if match:
            particles.append(
                word[: match.end()] if pattern is not _JOINED_ASSIMILATED else word[:1] + match[1]
            )
            return word[match.end() :] if pattern is not _JOINED_ASSIMILATED else word[1 + len(match[1]) :]
    return word


@lru_cache(maxsize=200_000)
def _canonical_word(word: str) -> tuple[str, tuple[str, ...]]:
    """The canonical spelling of one written word and the particles stripped from it."""
    particles: list[str] = []
    abd = _JOINED_ABD.match(word)
    if abd:
        rest = word[abd.end() :]
        rest = _strip_prefixes(rest, particles) if len(rest) > 4 else rest
        joined = "ABD" + rest
        return EQUIVALENT.get(joined, joined), tuple(particles)
    abu = _JOINED_ABU.match(word)
    if abu:
        return "ABU" + word[abu.end() :], ()
    stripped = _strip_prefixes(word, particles)
    din = _JOINED_DIN.search(stripped)
    if din:
        stripped = stripped[: din.start()] + "DIN"
    return EQUIVALENT.get(stripped, stripped), tuple(particles)


@lru_cache(maxsize=200_000)
def _part(canonical: str, written: str, abjad: bool) -> NamePart:
    return NamePart(canonical, skeleton(canonical), written, abjad)


# Consonant classes of transliterated Arabic/Persian/Pashto names. Letters that one romanisation
# writes where another writes a different letter for the same sound fall into one class:
# Q/K/C/CK (ق ك), G/J/GH/DJ (ج is G in Egypt, DJ in French usage; غ is GH or G), SH/CH/SCH (ش, and
# چ), TH/S (ث: OTHMAN/OSMAN), DH/Z/ZH (ذ ظ ژ), PH/F, V/W (Persian و). Vowels (and Y, W, H
# inside a word, which alternate with vowels: MARWAN/مروان, HUSSEIN/HUSEYIN) are dropped;
# a final H is dropped (ABDULLA/ABDULLAH, FATIMAH); doubled letters collapse (ROUGHHOUTANI).
_DIGRAPHS = (
    ("SCH", "X"),
    ("TCH", "X"),
    ("SH", "X"),
    ("CH", "X"),
    ("KH", "K"),
    ("GH", "J"),
    ("DJ", "J"),
    ("DZ", "Z"),
    ("ZH", "Z"),
    ("DH", "Z"),
    ("TH", "S"),
    ("PH", "F"),
    ("CK", "K"),
)
_LETTER_CLASS = str.maketrans({"Q": "K", "C": "K", "G": "J", "V": "W"})
_VOWELS = re.compile(r"[AEIOUY]+")


_DOUBLED = re.compile(r"([A-Z])\1+")
_FIRST_OF_RUN = operator.itemgetter(1)


def _classes(canonical: str) -> str:
    text = _DOUBLED.sub(_FIRST_OF_RUN, canonical).replace("X", "KS")
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    return text.translate(_LETTER_CLASS)


@lru_cache(maxsize=200_000)
def vowel_slots(canonical: str) -> tuple[str, ...]:
    """The vowels written after each consonant of :func:`skeleton` (same length as the skeleton).

    An Arabic-script part writes only its long vowels (ا و ي); comparing these slots tells
    HUSSEINI (حسيني: a long I after S) from HASSAN (حسن: none) although both skeletons are HSN."""
    text = _classes(canonical)
    consonants: list[str] = []
    slots: list[str] = []
    for i, ch in enumerate(text):
        if ch in "AEIOUY" or (ch == "W" and i > 0):
            if slots:
                slots[-1] += ch
        elif consonants and consonants[-1] == ch and not slots[-1]:
            continue
        else:
            consonants.append(ch)
            slots.append("")
    if len(consonants) > 1 and consonants[-1] == "H":
        consonants.pop()
        last = slots.pop()
        slots[-1] += last
    return tuple(slots)


@lru_cache(maxsize=200_000)
def skeleton(canonical: str) -> str:
    """The consonant skeleton of one name part: the blocking key of the index.

    MOHAMMED, MUHAMMAD, MOHAMAD and محمد all give MHMD; HUSSEINI, HOSSEINI and الحسيني give HSN.
    A part with no consonant keeps its vowels (AYA), so no part has an empty key."""
    text = _classes(canonical)
    rest = text[1:].replace("W", "")
    if rest.endswith("H"):
        rest = rest[:-1]
    consonants = _VOWELS.sub("", text[:1] + rest)
    collapsed = "".join(ch for i, ch in enumerate(consonants) if i == 0 or consonants[i - 1] != ch)
    return collapsed or canonical
