"""Advance passenger information, boarding passes and travel history.

*Manifest match*: a traveller arriving by air should be on the flight's advance passenger list.
The flight comes from the boarding pass (IATA BCBP barcode: name, PNR, flight, date). The match is
by document (number + issuing state, OCR-tolerant like the lost/stolen screen), else by name and
birth date; "not on the manifest" is itself a finding, and the PNR risk flags the central
targeting centre attached are shown with their source.

*Travel history*: the document's earlier crossings, from this booth's own records (admitted
inspections) and as synced from central. An entry with no exit after it is an open stay; its days
(entry and today both counted) are measured against the allowed stay.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from station.screening.documents import fold_number, normalise_number
from station.screening.matching import compare
from station.screening.names import normalise
from station.screening.persons import birth_date_agreement

# --- boarding passes (IATA Resolution 792, BCBP format M, mandatory items) --------------------------

_BCBP_MIN_LENGTH = 58


@dataclass(frozen=True)
class BoardingPass:
    surname: str
    given_names: str
    pnr: str
    origin: str
    destination: str
    carrier: str
    flight_number: str
    julian_day: int

    @property
    def flight(self) -> str:
        """Carrier + flight number as the manifest writes it (``QR 01024`` -> ``QR1024``)."""
        return f"{self.carrier}{self.flight_number.lstrip('0') or '0'}"

    def flight_date(self, today: datetime.date) -> datetime.date:
        """The date of the flight: the day of the year nearest to ``today`` (BCBP has no year)."""
        candidates = []
        for year in (today.year - 1, today.year, today.year + 1):
            start = datetime.date(year, 1, 1)
            day = start + datetime.timedelta(days=self.julian_day - 1)
            if day.year == year:
                candidates.append(day)
        return min(candidates, key=lambda d: abs((d - today).days))


def parse_bcbp(text: str) -> BoardingPass | None:
    """The mandatory items of an IATA bar-coded boarding pass, or None if ``text`` is not one."""
    if len(text) < _BCBP_MIN_LENGTH or text[0] != "M" or not text[1].isdigit():
        return None
    name = text[2:22].strip()
    surname, _, given = name.partition("/")
    day = text[44:47].strip()
    carrier = text[36:39].strip()
    number = text[39:44].strip()
    if not surname or not day.isdigit() or not 1 <= int(day) <= 366 or not carrier or not number:
        return None
    return BoardingPass(
        surname=surname.strip(),
        given_names=given.strip(),
        pnr=text[23:30].strip(),
        origin=text[30:33].strip(),
        destination=text[33:36].strip(),
        carrier=carrier,
        flight_number=number,
        julian_day=int(day),
    )


# --- advance passenger information ---------------------------------------------------------------


@dataclass(frozen=True)
class TravellerRef:
    """Who stands at the booth, as the document says."""

    document_number: str
    issuing_state: str
    surname: str
    given_names: str
    birth_date: str = ""


@dataclass(frozen=True)
class ManifestEntry:
    id: str
    flight: str
    expected_date: str
    document_number: str
    issuing_state: str
    surname: str
    given_names: str
    birth_date: str | None
    pnr: str
    flags: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class ManifestMatch:
    """``entry`` is None when the flight's list is there but the traveller is not on it;
    ``manifest_size`` is 0 when the booth holds no list for that flight."""

    flight: str
    dates: tuple[str, ...]
    manifest_size: int
    entry: ManifestEntry | None
    matched_by: str  # "document", "document (OCR-folded)", "name and birth date", or ""
    evidence: dict[str, Any]


_NAME_MATCH = 0.85
_NAME_ONLY_MATCH = 0.92


def match_manifest(
    conn: sqlite3.Connection, flight: str, date: datetime.date, traveller: TravellerRef
) -> ManifestMatch:
    """Whether the traveller is on the flight's advance passenger list (flight date +- 1 day, for
    arrivals after midnight and departures listed by local date)."""
    flight = flight.upper().replace(" ", "")
    dates = tuple((date + datetime.timedelta(days=d)).isoformat() for d in (-1, 0, 1))
    rows = conn.execute(
        "SELECT id, flight, expected_date, document_number, issuing_state, surname, given_names, birth_date,"
        " pnr, flags FROM screening_api WHERE flight = ? AND expected_date IN (?, ?, ?) ORDER BY id",
        (flight, *dates),
    ).fetchall()
    entries = [
        ManifestEntry(entry_id, fl, day, doc, st, sn, gn, bd, pnr, tuple(json.loads(flags)))
        for entry_id, fl, day, doc, st, sn, gn, bd, pnr, flags in rows
    ]
    number = normalise_number(traveller.document_number)
    state = traveller.issuing_state.upper().replace("<", "")

    def found(entry: ManifestEntry | None, by: str, **evidence: Any) -> ManifestMatch:
        return ManifestMatch(flight, dates, len(entries), entry, by, evidence)

    if number:
        same_state = [e for e in entries if not e.issuing_state or not state or e.issuing_state == state]
        for entry in same_state:
            if entry.document_number == number:
                return found(entry, "document", document_number=number)
        for entry in same_state:
            if entry.document_number and fold_number(entry.document_number) == fold_number(number):
                return found(entry, "document (OCR-folded)", read=number, listed=entry.document_number)
    name = normalise(traveller.surname, traveller.given_names)
    best: tuple[float, ManifestEntry, dict[str, Any]] | None = None
    for entry in entries:
        match = compare(name, normalise(entry.surname, entry.given_names))
        birth = birth_date_agreement(traveller.birth_date, entry.birth_date)
        needed = _NAME_MATCH if birth is not None else _NAME_ONLY_MATCH
        if (
            match.score >= needed
            and (birth is None or birth[0] == 1.0)
            and (best is None or match.score > best[0])
        ):
            evidence = {"name": match.to_json(), "birth_date": birth[1] if birth else "not on the list"}
            best = (match.score, entry, evidence)
    if best is not None:
        return found(best[1], "name and birth date" if best[1].birth_date else "name", **best[2])
    return found(None, "")


# --- travel history ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crossing:
    direction: str  # entry | exit
    on: datetime.date
    crossing_point: str
    source: str  # local | central

    def to_json(self) -> dict[str, str]:
        return {
            "direction": self.direction,
            "on": self.on.isoformat(),
            "crossing_point": self.crossing_point,
            "source": self.source,
        }


_LOCAL_CROSSINGS = """
SELECT json_extract(d.body, '$.at'), json_extract(i.body, '$.booth.direction'),
       json_extract(i.body, '$.booth.crossing_point')
FROM records d
JOIN records i ON i.kind = 'inspection'
              AND json_extract(i.body, '$.inspection_id') = json_extract(d.body, '$.inspection_id')
WHERE d.kind = 'decision' AND json_extract(d.body, '$.kind') = 'admit'
  AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = d.record_id)
  AND json_extract(i.body, '$.document.document_number') = ?
  AND json_extract(i.body, '$.document.issuing_state') = ?
"""


def crossings(conn: sqlite3.Connection, document_number: str, issuing_state: str) -> list[Crossing]:
    """The document's recorded crossings, oldest first: this booth's admitted inspections (at booths
    of direction entry or exit) and the crossings synced from central."""
    number = normalise_number(document_number)
    state = issuing_state.upper().replace("<", "")
    found: list[Crossing] = []
    for at, direction, point in conn.execute(_LOCAL_CROSSINGS, (number, state)):
        if direction in ("entry", "exit") and isinstance(at, str):
            found.append(
                Crossing(direction, datetime.datetime.fromisoformat(at).date(), point or "", "local")
            )
    for direction, on, point in conn.execute(
        "SELECT direction, crossed_on, crossing_point FROM screening_history"
        " WHERE document_number = ? AND issuing_state = ?",
        (number, state),
    ):
        found.append(Crossing(direction, datetime.date.fromisoformat(on), point, "central"))
    unique = {(c.direction, c.on, c.crossing_point): c for c in found}
    return sorted(unique.values(), key=lambda c: (c.on, c.direction == "exit"))


@dataclass(frozen=True)
class StayAssessment:
    open_entry: Crossing | None  # the last entry with no exit after it
    days_open: int  # days of that stay until today, both ends counted
    past_overstays: tuple[tuple[Crossing, Crossing, int], ...]  # (entry, exit, days) over the limit


def assess_stays(history: Sequence[Crossing], today: datetime.date, allowed_days: int) -> StayAssessment:
    """Open stay and past stays longer than ``allowed_days`` (a stay counts its entry and exit day)."""
    open_entry: Crossing | None = None
    overstays: list[tuple[Crossing, Crossing, int]] = []
    for crossing in history:
        if crossing.direction == "entry":
            open_entry = crossing
        elif open_entry is not None:
            days = (crossing.on - open_entry.on).days + 1
            if days > allowed_days:
                overstays.append((open_entry, crossing, days))
            open_entry = None
    days_open = (today - open_entry.on).days + 1 if open_entry is not None else 0
    return StayAssessment(open_entry, days_open, tuple(overstays))
