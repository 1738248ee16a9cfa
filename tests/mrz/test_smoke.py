"""The core API other parts of the station code against: build -> parse for every format."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from mrz import DocumentFormat, MRZError, build, parse
from mrz.synthetic import random_fields, random_identity, random_mrz

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("fmt", list(DocumentFormat))
def test_random_mrz_of_every_format_parses_valid(fmt: DocumentFormat) -> None:
    rng = random.Random(7)
    for _ in range(50):
        fields = random_fields(rng, fmt, today=TODAY)
        text = build(fields.pop("fmt"), **fields)
        result = parse(text, today=TODAY)
        assert result.format is fmt
        assert result.valid, result.to_json()
        assert result.fields["birth_date"] == fields["birth_date"].isoformat()
        assert result.corrections == []


def test_icao_specimen_td3() -> None:
    text = build(
        "TD3",
        issuing_state="UTO",
        surname="Eriksson",
        given_names="Anna María",
        document_number="L898902C3",
        nationality="UTO",
        birth_date=dt.date(1974, 8, 12),
        sex="F",
        expiry_date=dt.date(2012, 4, 15),
        optional_data="ZE184226B",
    )
    assert text == (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    )


def test_not_an_mrz_raises_mrz_error() -> None:
    with pytest.raises(MRZError, match="not an MRZ"):
        parse("hello\nworld")


def test_synthetic_is_seeded() -> None:
    assert random_mrz(random.Random(3), today=TODAY) == random_mrz(random.Random(3), today=TODAY)
    assert random_identity(random.Random(3), "pashto", today=TODAY).origin == "pashto"
