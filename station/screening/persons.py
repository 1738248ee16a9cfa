"""Screening a traveller against the persons of interest.

The index proposes candidates (:mod:`.index`); each candidate's names (primary and aliases) are
compared part by part (:mod:`.matching`); birth date, nationality and sex then count as evidence
for or against: the score is the weighted mean of the name score and of the birth-date, nationality
and sex agreement, over the fields both sides have (``[screening] weights``). A candidate becomes a hit
when its score reaches ``[screening] threshold`` *and* its name score reaches ``name_floor``, so
a same birth date never makes a different name a hit, and a same name with another birth date
(a namesake) stays below the threshold.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from station.config import Config
from station.screening.index import NameIndex
from station.screening.lists import build_index
from station.screening.matching import NameMatch, compare
from station.screening.names import normalise

_BIRTH = re.compile(r"^\d{4}(-\d{2}-\d{2})?$", re.ASCII)
DEFAULT_WEIGHTS: Mapping[str, float] = {"name": 0.6, "birth_date": 0.25, "nationality": 0.1, "sex": 0.05}


@dataclass(frozen=True)
class ScreeningSettings:
    """The settings screening uses; from ``[screening]`` of the booth's config, else these defaults."""

    threshold: float = 0.85
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    name_floor: float = 0.8
    candidates: int = 20
    allowed_stay_days: int = 90

    @classmethod
    def from_config(cls, config: Config | None) -> ScreeningSettings:
        section = config.screening if config is not None else None
        if section is None:
            return cls()
        defaults = cls()
        weights = dict(DEFAULT_WEIGHTS)
        weights.update(getattr(section, "weights", {}))
        return cls(
            threshold=float(getattr(section, "threshold", defaults.threshold)),
            weights=weights,
            name_floor=float(getattr(section, "name_floor", defaults.name_floor)),
            candidates=int(getattr(section, "candidates", defaults.candidates)),
            allowed_stay_days=int(getattr(section, "allowed_stay_days", defaults.allowed_stay_days)),
        )


@dataclass(frozen=True)
class PersonQuery:
    surname: str
    given_names: str
    birth_date: str = ""  # YYYY-MM-DD (or YYYY); empty: unknown
    nationality: str = ""
    sex: str = ""


@dataclass(frozen=True)
class ListedPerson:
    id: str
    surname: str
    given_names: str
    aliases: tuple[str, ...]
    birth_date: str | None
    nationality: str
    sex: str
    reason: str
    action: str

    @property
    def names(self) -> tuple[str, ...]:
        return (f"{self.surname} {self.given_names}".strip(), *self.aliases)


@dataclass(frozen=True)
class PersonHit:
    person: ListedPerson
    score: float
    listed_name: str
    name: NameMatch
    evidence: Mapping[str, Any]

    def explanation(self) -> dict[str, Any]:
        parts = "; ".join(f"{p.traveller} = {p.listed} ({p.how})" for p in self.name.pairs)
        extra = [f"{k.replace('_', ' ')}: {v['how']}" for k, v in self.evidence.items()]
        return {
            "summary": "; ".join([f"name {self.listed_name!r}: {parts}", *extra]),
            "listed_name": self.listed_name,
            "name": self.name.to_json(),
            **{k: dict(v) for k, v in self.evidence.items()},
            "reason": self.person.reason,
            "action": self.person.action,
        }


def birth_date_agreement(traveller: str, listed: str | None) -> tuple[float, str] | None:
    """How far two birth dates agree, in [0, 1], and why; None when either is unknown."""
    if not _BIRTH.match(traveller) or not listed or not _BIRTH.match(listed):
        return None
    if len(listed) == 4 or len(traveller) == 4:
        same = traveller[:4] == listed[:4]
        return (
            (1.0, f"birth year {listed[:4]} equal")
            if same
            else (0.0, f"birth year {traveller[:4]} vs {listed[:4]}")
        )
    if traveller == listed:
        return 1.0, f"birth date {listed} equal"
    ty, tm, td = traveller.split("-")
    ly, lm, ld = listed.split("-")
    if ty == ly and (tm, td) == (ld, lm):
        return 0.8, f"birth date {traveller} vs {listed}: day and month swapped"
    if ty == ly and (tm == lm or td == ld):
        return 0.5, f"birth date {traveller} vs {listed}: same year, one of day/month differs"
    if (tm, td) == (lm, ld) and abs(int(ty) - int(ly)) == 1:
        return 0.5, f"birth date {traveller} vs {listed}: year one apart"
    return 0.0, f"birth date {traveller} vs {listed}: different"


def score_candidate(query: PersonQuery, person: ListedPerson, settings: ScreeningSettings) -> PersonHit:
    """The best of the person's names against the traveller, with the other evidence."""
    traveller = normalise(query.surname, query.given_names)
    best_name, best = person.names[0], NameMatch(0.0, (), (), ())
    for written in person.names:
        match = compare(traveller, normalise(written))
        if match.score > best.score:
            best_name, best = written, match
    weights = settings.weights
    total, weight = weights.get("name", 0.6) * best.score, weights.get("name", 0.6)
    evidence: dict[str, dict[str, Any]] = {}
    birth = birth_date_agreement(query.birth_date, person.birth_date)
    if birth is not None:
        evidence["birth_date"] = {"agreement": birth[0], "how": birth[1]}
        total += weights.get("birth_date", 0.0) * birth[0]
        weight += weights.get("birth_date", 0.0)
    if query.nationality and person.nationality:
        same = query.nationality.upper() == person.nationality
        how = (
            f"nationality {person.nationality} equal"
            if same
            else f"nationality {query.nationality} vs {person.nationality}"
        )
        evidence["nationality"] = {"agreement": 1.0 if same else 0.0, "how": how}
        total += weights.get("nationality", 0.0) * (1.0 if same else 0.0)
        weight += weights.get("nationality", 0.0)
    if query.sex.upper() in ("M", "F") and person.sex in ("M", "F"):
        same = query.sex.upper() == person.sex
        how = f"sex {person.sex} equal" if same else f"sex {query.sex.upper()} vs {person.sex}"
        evidence["sex"] = {"agreement": 1.0 if same else 0.0, "how": how}
        total += weights.get("sex", 0.0) * (1.0 if same else 0.0)
        weight += weights.get("sex", 0.0)
    score = total / weight if weight else 0.0
    return PersonHit(person, score, best_name, best, evidence)


def _birth_date_decides(query: PersonQuery, settings: ScreeningSettings) -> bool:
    """True when a listed birth date that disagrees with the traveller's rules a hit out, even with
    a perfect name and nationality: then the index may skip entries born in other years."""
    if not query.birth_date:
        return False
    w = settings.weights
    others = w.get("name", 0.6) + w.get("nationality", 0.0) + (w.get("sex", 0.0) if query.sex else 0.0)
    best_without_birth = others / (others + w.get("birth_date", 0.0))
    return best_without_birth < settings.threshold


def is_hit(hit: PersonHit, settings: ScreeningSettings) -> bool:
    return hit.score >= settings.threshold and hit.name.score >= settings.name_floor


def screen_person(
    conn: sqlite3.Connection, query: PersonQuery, settings: ScreeningSettings | None = None
) -> list[PersonHit]:
    """The persons of interest the traveller may be, best first (empty: no hit)."""
    settings = settings or ScreeningSettings()
    name = normalise(query.surname, query.given_names)
    if not name.parts:
        return []
    index = person_index(conn)
    if index is None:
        return []
    year = int(query.birth_date[:4]) if _BIRTH.match(query.birth_date) else 0
    rowids = index.candidates(
        name, year, settings.candidates, year_required=_birth_date_decides(query, settings)
    )
    hits = [score_candidate(query, person, settings) for person in _persons(conn, rowids)]
    return sorted((h for h in hits if is_hit(h, settings)), key=lambda h: -h.score)


def _persons(conn: sqlite3.Connection, rowids: list[int]) -> list[ListedPerson]:
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(
        "SELECT id, surname, given_names, aliases, birth_date, nationality, sex, reason, action"
        f" FROM screening_persons WHERE rowid IN ({marks})",
        rowids,
    ).fetchall()
    return [
        ListedPerson(pid, sn, gn, tuple(json.loads(al)), bd, nat, sex, reason, action)
        for pid, sn, gn, al, bd, nat, sex, reason, action in rows
    ]


# --- the index, loaded once per list version ------------------------------------------------------

_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple[str, str], NameIndex]] = {}


def person_index(conn: sqlite3.Connection) -> NameIndex | None:
    """The name index of the persons list this connection sees, loaded once per list version.

    None when no persons list was ever loaded."""
    row = conn.execute(
        "SELECT version, applied_at FROM screening_list_versions WHERE kind = 'persons'"
    ).fetchone()
    if row is None:
        return None
    stamp = (str(row[0]), str(row[1]))
    database = _database_path(conn)
    with _cache_lock:
        cached = _cache.get(database)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        index = NameIndex.load(conn)
        if index is None:  # stored by another format version: build it in memory
            index = build_index(conn)
        _cache[database] = (stamp, index)
        return index


def _database_path(conn: sqlite3.Connection) -> str:
    for _, name, path in conn.execute("PRAGMA database_list"):
        if name == "main":
            return str(path) or f"memory:{id(conn)}"
    return f"memory:{id(conn)}"
