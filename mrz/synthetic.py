"""Seeded fictional people, documents and MRZs for simulators, the demo, tests and benchmarks.

Names are common given names and family names of several origins, combined at random, so no
generated identity is a real person's record. Names are already in Latin script (the way the
issuing state would transliterate them); some keep diacritics on purpose so the builder's Doc 9303
transliteration is exercised. Same seed, same ``today`` -> same output.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any, Final

from mrz.builder import build
from mrz.formats import DocumentFormat

#: origin -> (male given names, female given names, family names, nationalities)
ORIGINS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {
    "arabic": (
        (
            "Ahmad",
            "Mohammed",
            "Omar",
            "Yusuf",
            "Khalid",
            "Hassan",
            "Ali",
            "Ibrahim",
            "Tariq",
            "Samir",
            "Karim",
            "Nabil",
            "Faisal",
            "Hamza",
            "Bilal",
            "Abd Al-Rahman",
        ),
        (
            "Fatima",
            "Aisha",
            "Mariam",
            "Layla",
            "Noor",
            "Huda",
            "Salma",
            "Rania",
            "Yasmin",
            "Amira",
            "Zainab",
            "Hala",
        ),
        (
            "Al-Hashimi",
            "Haddad",
            "Nasser",
            "Khalil",
            "Mansour",
            "Saleh",
            "Abdullah",
            "Al-Amin",
            "Darwish",
            "Farouk",
            "Qasim",
            "El-Sayed",
            "Ben Ali",
            "Bouazza",
            "Al-Khatib",
        ),
        (
            "SAU",
            "EGY",
            "JOR",
            "IRQ",
            "SYR",
            "MAR",
            "DZA",
            "TUN",
            "ARE",
            "LBN",
            "YEM",
            "SDN",
            "LBY",
            "OMN",
            "QAT",
            "KWT",
            "PSE",
        ),
    ),
    "persian": (
        ("Reza", "Mehdi", "Dariush", "Kourosh", "Babak", "Farhad", "Hossein", "Arash", "Kamran", "Omid"),
        ("Shirin", "Parisa", "Maryam", "Nasrin", "Laleh", "Roya", "Azadeh", "Fereshteh", "Soraya"),
        (
            "Hosseini",
            "Tehrani",
            "Rahimi",
            "Karimi",
            "Mohammadi",
            "Jafari",
            "Shirazi",
            "Ahmadi",
            "Farahani",
            "Ghorbani",
            "Rezaei",
            "Sadeghi",
            "Moradi",
        ),
        ("IRN", "AFG", "TJK"),
    ),
    "pashto": (
        ("Zalmai", "Wahid", "Nasrullah", "Hamid", "Ajmal", "Rahmatullah", "Sher Ali", "Naqibullah", "Gul"),
        ("Malalai", "Zarghona", "Nazo", "Palwasha", "Gulalai", "Spogmai", "Shabnam", "Mina"),
        (
            "Khan",
            "Durrani",
            "Yousafzai",
            "Afridi",
            "Popalzai",
            "Ahmadzai",
            "Wardak",
            "Mohmand",
            "Stanikzai",
            "Niazi",
            "Shinwari",
        ),
        ("AFG", "PAK"),
    ),
    "bengali": (
        ("Rahim", "Sakib", "Tanvir", "Arif", "Imran", "Mahmud", "Rafiq", "Anwar", "Jamal", "Sourav", "Arnab"),
        ("Nusrat", "Farzana", "Sharmin", "Tahmina", "Ayesha", "Rumana", "Moushumi", "Priya", "Ananya"),
        (
            "Rahman",
            "Hossain",
            "Islam",
            "Chowdhury",
            "Uddin",
            "Ahmed",
            "Akter",
            "Sarkar",
            "Das",
            "Banerjee",
            "Mukherjee",
            "Chakraborty",
            "Talukder",
        ),
        ("BGD", "IND"),
    ),
    "latin": (
        ("José", "João", "Luis", "Marco", "Andrés", "Sebastián", "François", "Giovanni", "Rafael", "Tomás"),
        ("María", "Lucía", "Inês", "Sofía", "Giulia", "Ana", "Beatriz", "Élodie", "Camila", "Valentina"),
        (
            "García",
            "Fernández",
            "González",
            "Rodríguez",
            "Pereira",
            "Gonçalves",
            "Rossi",
            "Esposito",
            "Dubois",
            "Lefèvre",
            "Muñoz",
            "Peña",
            "Núñez",
            "Ibáñez",
            "De la Cruz",
            "Da Silva",
        ),
        ("ESP", "MEX", "ARG", "COL", "PER", "CHL", "PRT", "BRA", "ITA", "FRA"),
    ),
    "other": (
        ("Jürgen", "Søren", "Łukasz", "Mehmet", "Kwame", "Chukwuemeka", "Wei", "Hiroshi", "Nikolai", "Björn"),
        ("Ingrid", "Agnieszka", "Ayşe", "Ngozi", "Amara", "Mei", "Yuki", "Olena", "Åsa", "Zeynep"),
        (
            "Müller",
            "Schröder",
            "Østergaard",
            "Kowalczyk",
            "Yılmaz",
            "Öztürk",
            "Mensah",
            "Okonkwo",
            "Wang",
            "Tanaka",
            "Shevchenko",
            "Lindqvist",
        ),
        ("D", "SWE", "DNK", "POL", "TUR", "GHA", "NGA", "CHN", "JPN", "UKR", "NOR"),
    ),
}

#: (nationality, issuing state) pairs for holders of special status, used now and then.
SPECIAL_STATUS: Final = (("XXA", "D"), ("XXB", "SWE"), ("XXC", "NLD"), ("GBD", "GBR"), ("GBN", "GBR"))

#: Document codes by format (first letter fixed by the format, second at the state's discretion).
DOCUMENT_CODES: Final[dict[DocumentFormat, tuple[str, ...]]] = {
    DocumentFormat.TD1: ("I", "ID", "IR", "AC"),
    DocumentFormat.TD2: ("I", "ID", "IR", "AC"),
    DocumentFormat.TD3: ("P", "P", "P", "PD", "PO"),
    DocumentFormat.MRV_A: ("V",),
    DocumentFormat.MRV_B: ("V",),
    DocumentFormat.FRENCH_ID: ("ID",),
}

_LETTERS: Final = "ABCDEFGHJKLMNPRSTUVWXYZ"  # I and O left out, as many states do
_DIGITS: Final = "0123456789"


@dataclass(frozen=True)
class Identity:
    """A fictional person, names in Latin script as the issuing state would write them."""

    surname: str
    given_names: str
    sex: str
    birth_date: dt.date
    nationality: str
    issuing_state: str
    origin: str


def random_identity(
    rng: random.Random, origin: str | None = None, *, today: dt.date | None = None
) -> Identity:
    """A fictional identity; ``origin`` is one of ``ORIGINS`` (random when None). About one in
    twenty is a single-name holder, about one in thirty has a special status (stateless, refugee,
    British overseas categories)."""
    today = today or dt.date.today()
    origin = origin or rng.choice(sorted(ORIGINS))
    if origin not in ORIGINS:
        raise ValueError(f"unknown origin {origin!r} (known: {', '.join(sorted(ORIGINS))})")
    male, female, family, nationalities = ORIGINS[origin]
    sex = rng.choices(("M", "F", "X"), weights=(49, 49, 2))[0]
    pool = male if sex == "M" else female if sex == "F" else male + female
    given = " ".join(rng.sample(pool, k=rng.choice((1, 1, 1, 2))))
    surname = rng.choice(family)
    if rng.random() < 0.05:  # single-name holder: the one name is the primary identifier
        surname, given = given.split()[0], ""
    age_days = rng.randint(18 * 365, 85 * 365) if rng.random() < 0.9 else rng.randint(30, 18 * 365)
    birth = today - dt.timedelta(days=age_days)
    nationality = rng.choice(nationalities)
    issuing = nationality
    if rng.random() < 0.03:
        nationality, issuing = rng.choice(SPECIAL_STATUS)
    return Identity(surname, given, sex, birth, nationality, issuing, origin)


def random_document_number(rng: random.Random, length: int = 9) -> str:
    """A plausible number: a letter or two then digits, or digits only."""
    shape = rng.choice(("L", "LL", ""))
    head = "".join(rng.choice(_LETTERS) for _ in shape)
    return head + "".join(rng.choice(_DIGITS) for _ in range(length - len(head)))


def random_fields(
    rng: random.Random,
    fmt: DocumentFormat | str | None = None,
    *,
    identity: Identity | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Keyword arguments for ``mrz.build`` describing a current (unexpired) document."""
    today = today or dt.date.today()
    if fmt is None:
        fmt = rng.choice(list(DocumentFormat))
    fmt = fmt if isinstance(fmt, DocumentFormat) else DocumentFormat.from_name(fmt)
    if fmt is DocumentFormat.FRENCH_ID:
        return _french_fields(rng, identity, today)
    person = identity or random_identity(rng, today=today)
    issued = today - dt.timedelta(days=rng.randint(0, 9 * 365))
    validity_years = 1 if fmt in (DocumentFormat.MRV_A, DocumentFormat.MRV_B) else 10
    expiry = _add_years(issued, validity_years)
    if expiry <= today:
        expiry = today + dt.timedelta(days=rng.randint(30, 365))
    optional = ""
    if fmt is DocumentFormat.TD3 and rng.random() < 0.5:
        optional = "".join(rng.choice(_DIGITS) for _ in range(rng.randint(6, 14)))
    return {
        "fmt": fmt,
        "document_code": rng.choice(DOCUMENT_CODES[fmt]),
        "issuing_state": person.issuing_state,
        "surname": person.surname,
        "given_names": person.given_names,
        "document_number": random_document_number(rng),
        "nationality": person.nationality,
        "birth_date": person.birth_date,
        "sex": person.sex,
        "expiry_date": expiry,
        "optional_data": optional,
    }


def _french_fields(rng: random.Random, identity: Identity | None, today: dt.date) -> dict[str, Any]:
    person = identity or random_identity(rng, "latin", today=today)
    department = rng.choice(("075", "013", "069", "033", "059", "092", "093", "02A", "974"))
    latest = min(today, dt.date(2021, 3, 1))
    issued = latest - dt.timedelta(days=rng.randint(30, 9 * 365))
    number = f"{issued:%y%m}{department}{rng.randint(0, 99999):05d}"
    return {
        "fmt": DocumentFormat.FRENCH_ID,
        "document_code": "ID",
        "issuing_state": "FRA",
        "surname": person.surname,
        "given_names": person.given_names or person.surname,
        "document_number": number,
        "nationality": None,
        "birth_date": person.birth_date,
        "sex": person.sex if person.sex in "MF" else "F",
        "expiry_date": None,
        "optional_data": f"{department}{rng.randint(1, 999):03d}",
    }


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def random_mrz(
    rng: random.Random, fmt: DocumentFormat | str | None = None, *, today: dt.date | None = None
) -> str:
    """A valid MRZ of a fictional person (``fmt`` random when None), lines joined by ``"\\n"``."""
    fields = random_fields(rng, fmt, today=today)
    return build(fields.pop("fmt"), **fields)
