"""Hypothesis strategies for MRZ fields the builder accepts, for every format."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from hypothesis import strategies as st

from mrz import DocumentFormat
from mrz.codes import ICAO_CODES, NATIONALITY_ONLY
from mrz.dates import EXPIRY_MAX_YEARS_AHEAD

TODAY = dt.date(2026, 11, 23)
ALNUM = string.ascii_uppercase + string.digits

countries = st.sampled_from(sorted(ICAO_CODES))
issuers = st.sampled_from(sorted(ICAO_CODES - NATIONALITY_ONLY))
component = st.text(string.ascii_uppercase, min_size=1, max_size=8)
sexes = st.sampled_from("MFX<")
birth_dates = st.dates(TODAY.replace(year=TODAY.year - 98), TODAY)
expiry_dates = st.dates(
    TODAY.replace(year=TODAY.year - 70), TODAY.replace(year=TODAY.year + EXPIRY_MAX_YEARS_AHEAD - 1)
)


def names(max_components: int) -> st.SearchStrategy[str]:
    return st.lists(component, min_size=1, max_size=max_components).map(" ".join)


def alnum(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(ALNUM, min_size=min_size, max_size=max_size)


ICAO_FORMATS = [f for f in DocumentFormat if f is not DocumentFormat.FRENCH_ID]
_CODES = {
    DocumentFormat.TD1: ["I", "ID", "IR", "AC", "C"],
    DocumentFormat.TD2: ["I", "ID", "IR", "AC", "C"],
    DocumentFormat.TD3: ["P", "PD", "PO", "PS"],
    DocumentFormat.MRV_A: ["V", "VA"],
    DocumentFormat.MRV_B: ["V", "VB"],
}
_OPTIONAL = {
    DocumentFormat.TD1: 15,
    DocumentFormat.TD2: 7,
    DocumentFormat.TD3: 14,
    DocumentFormat.MRV_A: 16,
    DocumentFormat.MRV_B: 8,
}
_NAME = {
    DocumentFormat.TD1: 30,
    DocumentFormat.TD2: 31,
    DocumentFormat.TD3: 39,
    DocumentFormat.MRV_A: 39,
    DocumentFormat.MRV_B: 31,
}


@st.composite
def icao_fields(draw: st.DrawFn, fmt: DocumentFormat) -> dict[str, Any]:
    """Build arguments for a TD1/TD2/TD3/MRV document whose name fits without truncation."""
    surname = draw(names(3))
    budget = _NAME[fmt] - len(surname.replace(" ", "<")) - 2
    given = draw(names(3)) if budget > 2 and draw(st.booleans()) else ""
    if len(given.replace(" ", "<")) > budget:
        given = given.replace(" ", "")[:budget]
    long_number = fmt in (DocumentFormat.TD1, DocumentFormat.TD2) and draw(st.integers(0, 4)) == 0
    number = draw(alnum(10, 14 if fmt is DocumentFormat.TD1 else 11)) if long_number else draw(alnum(1, 9))
    room = _OPTIONAL[fmt] - (len(number) - 9 + 2 if long_number else 0)
    optional = draw(alnum(0, room)) if room > 0 else ""
    if long_number and optional:
        optional = optional[: room - 1]
    fields: dict[str, Any] = {
        "fmt": fmt,
        "document_code": draw(st.sampled_from(_CODES[fmt])),
        "issuing_state": draw(issuers),
        "surname": surname,
        "given_names": given,
        "document_number": number,
        "nationality": draw(countries),
        "birth_date": draw(birth_dates),
        "sex": draw(sexes),
        "expiry_date": draw(expiry_dates),
        "optional_data": optional,
    }
    if fmt is DocumentFormat.TD1 and draw(st.booleans()):
        fields["optional_data_2"] = draw(alnum(1, 11))
    return fields


@st.composite
def french_fields(draw: st.DrawFn) -> dict[str, Any]:
    surname = draw(names(2).filter(lambda s: len(s) <= 25))
    given = draw(st.lists(component, min_size=1, max_size=2).map(" ".join).filter(lambda s: len(s) <= 13))
    issued = draw(st.dates(dt.date(1995, 1, 1), dt.date(2021, 3, 1)))
    department = draw(st.sampled_from(["075", "013", "02A", "974", "069"]))
    return {
        "fmt": DocumentFormat.FRENCH_ID,
        "document_code": "ID",
        "issuing_state": "FRA",
        "surname": surname,
        "given_names": given,
        "document_number": f"{issued:%y%m}{department}{draw(st.integers(0, 99999)):05d}",
        "nationality": None,
        "birth_date": draw(birth_dates),
        "sex": draw(st.sampled_from("MF")),
        "expiry_date": None,
        "optional_data": department + draw(st.text(string.digits, min_size=3, max_size=3)),
    }


def any_fields() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(*[icao_fields(f) for f in ICAO_FORMATS], french_fields())
