"""How alike two names are, part by part, with the reason for every pair.

Order does not matter (the MRZ and a watchlist may put the family name first or last); each part
of one name is paired with its best partner in the other (greedy on a small similarity matrix).
A part's similarity is:

* 1.0 for the same canonical part (identical, a known equivalent, or the same name with its
  particles joined or split);
* for a part that came from Arabic script (no vowels written): the Jaro-Winkler similarity of the
  consonant skeletons, a little below 1.0 even when they agree, because the vowels are unknown;
* otherwise 0.7 x the spellings' similarity (mean of Jaro-Winkler, which forgives typos, and the
  Indel ratio, which does not forgive a missing half) + 0.3 x Jaro-Winkler of the skeletons, so
  that HOSSEINI ~ HUSSEINI scores high but HASSAN ~ HUSSEIN (other names, same consonants) does not.

When the two names have a different number of parts, adjacent parts of the longer one are also
tried joined (MOHAMMAD REZA ~ MOHAMMADREZA), accepted only when the joined part matches closely.
A paired part that clearly differs (similarity below 0.8, e.g. another family name) is a conflict:
it costs its shortfall on top of lowering the mean, so two shared given names do not make a hit.
Unpaired parts lower the score gently: a listed
name often lacks a middle name the passport has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel, JaroWinkler

from station.screening.equivalents import EQUIVALENT
from station.screening.names import NamePart, NormalisedName, skeleton, vowel_slots

_ABJAD_SAME = 0.96
_ABJAD_FACTOR = 0.95
_SPELLING_WEIGHT = 0.7
_COVERAGE_EXPONENT = 0.3
_JOINED_MIN = 0.9
_CONFLICT_BELOW = 0.8


@dataclass(frozen=True)
class PartMatch:
    traveller: str
    listed: str
    similarity: float
    how: str

    def to_json(self) -> dict[str, object]:
        return {
            "traveller": self.traveller,
            "listed": self.listed,
            "similarity": round(self.similarity, 3),
            "how": self.how,
        }


@dataclass(frozen=True)
class NameMatch:
    score: float
    pairs: tuple[PartMatch, ...]
    unmatched_traveller: tuple[str, ...]
    unmatched_listed: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "score": round(self.score, 3),
            "parts": [p.to_json() for p in self.pairs],
            "unmatched_traveller": list(self.unmatched_traveller),
            "unmatched_listed": list(self.unmatched_listed),
        }


NO_MATCH = NameMatch(0.0, (), (), ())


@lru_cache(maxsize=500_000)
def part_similarity(a: NamePart, b: NamePart) -> tuple[float, str]:
    """Similarity of two name parts in [0, 1] and, in words, why."""
    if a.canonical == b.canonical:
        return 1.0, _same_how(a, b)
    if a.abjad or b.abjad:
        if a.skeleton == b.skeleton:
            clashes = _long_vowel_clashes(a, b)
            if clashes:
                return (
                    _ABJAD_SAME - 0.1 * clashes,
                    f"same consonants {a.skeleton}, {clashes} long vowel(s) differ",
                )
            return _ABJAD_SAME, f"same consonants {a.skeleton} (Arabic script writes only long vowels)"
        sim = JaroWinkler.normalized_similarity(a.skeleton, b.skeleton) * _ABJAD_FACTOR
        return sim, f"similar consonants {a.skeleton} ~ {b.skeleton} (Arabic script)"
    spelling = (
        JaroWinkler.normalized_similarity(a.canonical, b.canonical)
        + Indel.normalized_similarity(a.canonical, b.canonical)
    ) / 2
    consonants = JaroWinkler.normalized_similarity(a.skeleton, b.skeleton)
    sim = _SPELLING_WEIGHT * spelling + (1 - _SPELLING_WEIGHT) * consonants
    if a.skeleton == b.skeleton:
        return sim, f"same consonant skeleton {a.skeleton}, spelling {spelling:.2f} alike"
    return sim, f"similar spelling ({spelling:.2f})"


_LONG_VOWEL_IN_LATIN = {"A": "AE", "I": "IEY", "U": "UOW", "E": "EI"}


def _long_vowel_clashes(a: NamePart, b: NamePart) -> int:
    """Slots where the Arabic-script part writes a long vowel the Latin part has no vowel for."""
    if a.abjad == b.abjad:
        return 0
    arabic, latin = (a, b) if a.abjad else (b, a)
    arabic_slots, latin_slots = vowel_slots(arabic.canonical), vowel_slots(latin.canonical)
    if len(arabic_slots) != len(latin_slots):
        return 0
    clashes = 0
    for long_vowels, written in zip(arabic_slots, latin_slots, strict=True):
        for vowel in long_vowels:
            if not any(ch in written for ch in _LONG_VOWEL_IN_LATIN.get(vowel, vowel)):
                clashes += 1
                break
    return clashes


def _same_how(a: NamePart, b: NamePart) -> str:
    if a.written == b.written:
        return "identical"
    if a.written in EQUIVALENT or b.written in EQUIVALENT:
        return f"known equivalent spellings of {a.canonical}"
    return "same name with particles (AL, ABD, ABU, BIN ...) joined, split or spelt differently"


def compare(traveller: NormalisedName, listed: NormalisedName) -> NameMatch:
    """The best pairing of the two names' parts, trying joined adjacent parts of the longer name."""
    q, e = traveller.parts, listed.parts
    if not q or not e:
        return NO_MATCH
    best = _align(q, e)
    if len(q) != len(e) and best.score < 1.0:
        longer_is_q = len(q) > len(e)
        longer = q if longer_is_q else e
        unmatched = best.unmatched_traveller if longer_is_q else best.unmatched_listed
        for joined in _joined_variants(longer, {p.written for p in longer if p.written in unmatched}):
            trial = _align(joined, e) if longer_is_q else _align(q, joined)
            merged_ok = all(
                p.similarity >= _JOINED_MIN
                for p in trial.pairs
                if " " in (p.traveller if longer_is_q else p.listed)
            )
            if merged_ok and trial.score > best.score:
                best = trial
    return best


def _joined_variants(parts: tuple[NamePart, ...], unmatched: set[str]) -> list[tuple[NamePart, ...]]:
    """The parts with one unmatched part joined to its left or right neighbour."""
    variants = []
    for i in range(len(parts) - 1):
        a, b = parts[i], parts[i + 1]
        if a.written not in unmatched and b.written not in unmatched:
            continue
        canonical = a.canonical + b.canonical
        merged = NamePart(canonical, skeleton(canonical), f"{a.written} {b.written}", a.abjad or b.abjad)
        variants.append((*parts[:i], merged, *parts[i + 2 :]))
    return variants


def _align(q: tuple[NamePart, ...], e: tuple[NamePart, ...]) -> NameMatch:
    cells = sorted(
        ((*part_similarity(a, b), i, j) for i, a in enumerate(q) for j, b in enumerate(e)),
        key=lambda c: -c[0],
    )
    used_q: set[int] = set()
    used_e: set[int] = set()
    pairs: list[tuple[int, PartMatch]] = []
    for sim, how, i, j in cells:
        if i in used_q or j in used_e:
            continue
        used_q.add(i)
        used_e.add(j)
        pairs.append((i, PartMatch(q[i].written, e[j].written, sim, how)))
        if len(pairs) == min(len(q), len(e)):
            break
    pairs.sort(key=lambda p: p[0])
    matched = [p for _, p in pairs]
    short, long_ = min(len(q), len(e)), max(len(q), len(e))
    # a part that clearly differs (another family name) costs more than its share of the mean
    conflict = sum(max(0.0, _CONFLICT_BELOW - p.similarity) for p in matched)
    mean = sum(p.similarity for p in matched) / short
    score = max(0.0, mean - conflict) * (short / long_) ** _COVERAGE_EXPONENT
    return NameMatch(
        score=score,
        pairs=tuple(matched),
        unmatched_traveller=tuple(q[i].written for i in range(len(q)) if i not in used_q),
        unmatched_listed=tuple(e[j].written for j in range(len(e)) if j not in used_e),
    )
