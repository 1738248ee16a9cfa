"""IATA Bar Coded Boarding Pass (BCBP, Resolution 792) "M" format: the passenger, PNR, flights and
seats printed in a boarding pass's PDF417/Aztec/QR code, so the booth can match a traveller to the
advance passenger list.

Layout, described once as data: the unique mandatory part (format code, number of legs, passenger
name, e-ticket indicator), then per leg the repeated mandatory part (PNR, from, to, carrier, flight,
Julian date, compartment, seat, check-in sequence, passenger status) ending with the hexadecimal size
of that leg's conditional/airline-use part, which is skipped to reach the next leg. Conditional items
are not interpreted (their layout varies by version); security data after the legs is ignored.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

UNIQUE_MANDATORY: tuple[tuple[str, int], ...] = (
    ("format_code", 1),
    ("legs", 1),
    ("passenger_name", 20),
    ("electronic_ticket", 1),
)
REPEATED_MANDATORY: tuple[tuple[str, int], ...] = (
    ("pnr", 7),
    ("from_airport", 3),
    ("to_airport", 3),
    ("carrier", 3),
    ("flight_number", 5),
    ("julian_date", 3),
    ("compartment", 1),
    ("seat", 4),
    ("sequence", 5),
    ("passenger_status", 1),
    ("variable_size", 2),
)


class BCBPError(ValueError):
    """The text is not a BCBP "M" boarding pass, or is truncated."""


@dataclass(frozen=True)
class Leg:
    pnr: str
    from_airport: str
    to_airport: str
    carrier: str
    flight_number: str
    julian_date: int
    compartment: str
    seat: str
    sequence: str
    passenger_status: str

    def flight_date(self, near: datetime.date) -> datetime.date:
        """The date of this day-of-year closest to ``near`` (the code carries no year)."""
        candidates = []
        for year in (near.year - 1, near.year, near.year + 1):
            days_in_year = 366 if datetime.date(year, 12, 31).timetuple().tm_yday == 366 else 365
            if self.julian_date <= days_in_year:
                candidates.append(datetime.date(year, 1, 1) + datetime.timedelta(days=self.julian_date - 1))
        if not candidates:
            raise BCBPError(f"day {self.julian_date} falls in no year around {near.year}")
        return min(candidates, key=lambda day: abs((day - near).days))


@dataclass(frozen=True)
class BoardingPass:
    passenger_name: str  # as printed: "SURNAME/GIVEN NAMES"
    surname: str
    given_names: str
    electronic_ticket: bool
    legs: tuple[Leg, ...]


def _take(text: str, pos: int, layout: tuple[tuple[str, int], ...]) -> tuple[dict[str, str], int]:
    values: dict[str, str] = {}
    for name, size in layout:
        if pos + size > len(text):
            raise BCBPError(f"boarding pass data ends inside {name!r} (at character {pos})")
        values[name] = text[pos : pos + size]
        pos += size
    return values, pos


def _number(value: str, field: str, base: int = 10) -> int:
    try:
        return int(value.strip() or "0", base)
    except ValueError:
        raise BCBPError(f"{field} is not a number: {value!r}") from None


def parse_bcbp(text: str) -> BoardingPass:
    """Parse the text of a boarding pass barcode; raises ``BCBPError`` saying what is wrong."""
    head, pos = _take(text, 0, UNIQUE_MANDATORY)
    if head["format_code"] != "M":
        raise BCBPError(f"not an IATA BCBP 'M' boarding pass (format code {head['format_code']!r})")
    count = _number(head["legs"], "number of legs")
    if not 1 <= count <= 4:
        raise BCBPError(f"number of legs must be 1-4, got {count}")
    legs: list[Leg] = []
    for _ in range(count):
        values, pos = _take(text, pos, REPEATED_MANDATORY)
        conditional = _number(values.pop("variable_size"), "field size of variable part", 16)
        if pos + conditional > len(text):
            raise BCBPError("boarding pass data ends inside a leg's conditional part")
        pos += conditional
        julian = _number(values.pop("julian_date"), "date of flight")
        if not 1 <= julian <= 366:
            raise BCBPError(f"date of flight must be a day of the year 1-366, got {julian}")
        stripped = {key: value.strip() for key, value in values.items()}
        legs.append(Leg(julian_date=julian, **stripped))
    name = head["passenger_name"].strip()
    surname, _, given = name.partition("/")
    return BoardingPass(name, surname.strip(), given.strip(), head["electronic_ticket"] == "E", tuple(legs))


def encode_bcbp(
    *,
    passenger_name: str,
    legs: list[dict[str, str | int]],
    electronic_ticket: bool = True,
) -> str:
    """The mandatory-items-only "M" text for ``legs`` (each a dict of ``Leg``'s fields), as an
    airline's check-in system would print it; used by the simulators and tests."""
    out = ["M", str(len(legs)), passenger_name.ljust(20)[:20], "E" if electronic_ticket else " "]
    for leg in legs:
        out += [
            str(leg["pnr"]).ljust(7),
            str(leg["from_airport"]).ljust(3),
            str(leg["to_airport"]).ljust(3),
            str(leg["carrier"]).ljust(3),
            str(leg["flight_number"]).rjust(4, "0").ljust(5),
            f"{int(leg['julian_date']):03d}",
            str(leg["compartment"]),
            str(leg["seat"]).rjust(4, "0"),
            str(leg["sequence"]).rjust(4, "0").ljust(5),
            str(leg["passenger_status"]),
            "00",
        ]
    return "".join(out)
