"""The candidate index over the persons-of-interest list: fast at a million names, small in memory.

Scoring every listed name for every traveller is far too slow at a million entries, so the screen
first asks this index for a few dozen candidates. Each listed name (primary and every alias) is an
*entry*; each entry is filed under blocking keys: the consonant skeleton of each of its parts and of
each pair of adjacent parts joined (MOHAMMADREZA = MOHAMMAD REZA). A query collects the entries
under its own keys and ranks them by the summed rarity (inverse document frequency) of the keys
they share with it, plus a bonus for the same birth year; very common keys (MHMD) only count
when the query has too few rare ones.

The index is a handful of numpy arrays (sorted 64-bit key hashes, offsets, entry numbers, and per
entry the person's row id and birth year), not Python objects per entry. It is stored in the
booth's SQLite file beside the list, so a booth opens it in milliseconds instead of re-normalising
the whole list.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import math
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from station.screening.names import NormalisedName, skeletons

FORMAT = 1
_ARRAYS = ("keys", "offsets", "postings", "entry_person", "entry_year")
_STOP_SHARE = 0.02  # keys held by more than 2% of entries are too common to find candidates alone
_YEAR_BONUS = 2.0


@lru_cache(maxsize=500_000)
def key_hash(key: str) -> int:
    """A stable 64-bit hash of a blocking key (Python's ``hash`` changes between processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def blocking_keys(name: NormalisedName) -> set[str]:
    return keys_of([p.skeleton for p in name.parts])


def keys_of(skeletons: list[str]) -> set[str]:
    """The skeleton of every part, and of every two adjacent parts written as one."""
    keys = set(skeletons)
    keys.update(_joined_key(a, b) for a, b in itertools.pairwise(skeletons))
    return keys


def _joined_key(a: str, b: str) -> str:
    """The skeleton of two parts written together (MOHAMMAD + REZA -> MHMDRZ, as MOHAMMADREZA)."""
    return a + b[1:] if a[-1:] == b[:1] else a + b


@dataclass(frozen=True)
class PersonNames:
    """What the index needs of one listed person."""

    rowid: int
    names: Sequence[str]
    birth_year: int  # 0: unknown


@dataclass
class NameIndex:
    keys: npt.NDArray[np.uint64]
    offsets: npt.NDArray[np.int64]
    postings: npt.NDArray[np.int32]
    entry_person: npt.NDArray[np.int64]
    entry_year: npt.NDArray[np.int16]

    def __post_init__(self) -> None:
        self._weights = np.zeros(len(self.entry_person), dtype=np.float32)

    @property
    def entries(self) -> int:
        return len(self.entry_person)

    @property
    def nbytes(self) -> int:
        return int(sum(getattr(self, n).nbytes for n in _ARRAYS)) + int(self._weights.nbytes)

    @classmethod
    def build(cls, persons: Iterable[PersonNames]) -> NameIndex:
        key_list: array[int] = array("Q")
        entry_list: array[int] = array("i")
        entry_person: array[int] = array("q")
        entry_year: array[int] = array("h")
        for person in persons:
            for written in person.names:
                parts = skeletons(written)
                if not parts:
                    continue
                entry = len(entry_person)
                entry_person.append(person.rowid)
                entry_year.append(person.birth_year)
                name_keys = [key_hash(key) for key in keys_of(parts)]
                key_list.extend(name_keys)
                entry_list.extend([entry] * len(name_keys))
        hashes = np.frombuffer(key_list, dtype=np.uint64) if key_list else np.zeros(0, np.uint64)
        entries = np.frombuffer(entry_list, dtype=np.int32) if entry_list else np.zeros(0, np.int32)
        order = np.lexsort((entries, hashes))
        hashes, entries = hashes[order], entries[order]
        keys, starts = np.unique(hashes, return_index=True)
        offsets = np.append(starts, len(entries)).astype(np.int64)
        return cls(
            keys=keys,
            offsets=offsets,
            postings=np.ascontiguousarray(entries),
            entry_person=np.array(entry_person, dtype=np.int64),
            entry_year=np.array(entry_year, dtype=np.int16),
        )

    def candidates(
        self, name: NormalisedName, birth_year: int = 0, limit: int = 64, *, year_required: bool = False
    ) -> list[int]:
        """Row ids of the listed persons most likely to be ``name``, best first (at most ``limit``).

        ``year_required``: leave out entries whose known birth year is more than one year from
        ``birth_year`` (the caller knows that such a birth date rules a hit out)."""
        found: list[tuple[float, npt.NDArray[np.int32]]] = []
        for key in blocking_keys(name):
            h = np.uint64(key_hash(key))
            i = int(np.searchsorted(self.keys, h))
            if i < len(self.keys) and self.keys[i] == h:
                posting = self.postings[self.offsets[i] : self.offsets[i + 1]]
                found.append((math.log(self.entries / len(posting)), posting))
        if not found:
            return []
        stop = max(1, int(self.entries * _STOP_SHARE))
        rare = [f for f in found if len(f[1]) <= stop]
        generating = rare if len(rare) >= min(2, len(found)) else found
        weights = self._weights
        try:
            for idf, posting in found:
                weights[posting] += idf
            touched = np.concatenate([p for _, p in generating])
            if birth_year:
                years = self.entry_year[touched]
                if year_required:
                    keep = (years == 0) | (np.abs(years.astype(np.int32) - birth_year) <= 1)
                    touched, years = touched[keep], years[keep]
                score = weights[touched] + _YEAR_BONUS * (years == birth_year)
            else:
                score = weights[touched]
        finally:
            for _, posting in found:
                weights[posting] = 0.0
        if not len(touched):
            return []
        take = min(len(touched), limit * 4)
        top = np.argpartition(-score, take - 1)[:take] if take < len(touched) else np.arange(len(touched))
        top = top[np.argsort(-score[top], kind="stable")]
        persons: list[int] = []
        seen: set[int] = set()
        for entry in touched[top].tolist():
            person = int(self.entry_person[entry])
            if person not in seen:
                seen.add(person)
                persons.append(person)
                if len(persons) == limit:
                    break
        return persons

    # --- persistence in the booth's store --------------------------------------------------------

    def save(self, conn: sqlite3.Connection) -> None:
        """Writes the arrays into ``screening_index`` (inside the caller's transaction)."""
        conn.execute("DELETE FROM screening_index")
        rows = [("format", str(FORMAT).encode())]
        for name in _ARRAYS:
            buffer = io.BytesIO()
            np.save(buffer, getattr(self, name), allow_pickle=False)
            rows.append((name, buffer.getvalue()))
        conn.executemany("INSERT INTO screening_index (name, data) VALUES (?, ?)", rows)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> NameIndex | None:
        """The stored index, or None when there is none (or it is of another format)."""
        stored = dict(conn.execute("SELECT name, data FROM screening_index").fetchall())
        if stored.get("format") != str(FORMAT).encode() or not all(n in stored for n in _ARRAYS):
            return None
        arrays = {n: np.load(io.BytesIO(stored[n]), allow_pickle=False) for n in _ARRAYS}
        return cls(**arrays)
