"""Synthetic people and documents: seeded, fictional, valid, current, of every origin and format."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from mrz import DocumentFormat, parse
from mrz.codes import ICAO_CODES
from mrz.synthetic import ORIGINS, random_fields, random_identity, random_mrz

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("origin", sorted(ORIGINS))
def test_identities_of_every_origin(origin: str) -> None:
    rng = random.Random(origin)
    for _ in range(40):
        person = random_identity(rng, origin, today=TODAY)
        assert person.origin == origin
        assert person.surname
        assert person.sex in {"M", "F", "X"}
        assert person.birth_date < TODAY
        assert person.nationality in ICAO_CODES
        assert person.issuing_state in ICAO_CODES


def test_unknown_origin_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown origin"):
        random_identity(random.Random(1), "atlantean")


def test_same_seed_same_people() -> None:
    first = [random_mrz(random.Random(9), today=TODAY) for _ in range(3)]
    assert len(set(first)) == 1
    assert random_mrz(random.Random(10), today=TODAY) != first[0]


@pytest.mark.parametrize("fmt", list(DocumentFormat))
def test_documents_are_valid_and_current(fmt: DocumentFormat) -> None:
    rng = random.Random(fmt.value)
    for _ in range(60):
        result = parse(random_mrz(rng, fmt, today=TODAY), today=TODAY)
        assert result.format is fmt
        assert result.valid
        problems = [f for f in result.findings if f["severity"] != "info"]
        assert problems == []
        if result.fields["expiry_date"] is not None:
            assert result.fields["expiry_date"] > TODAY.isoformat()


def test_a_sample_shows_the_variety_the_simulators_need() -> None:
    rng = random.Random(2026)
    sample = [parse(random_mrz(rng, today=TODAY), today=TODAY) for _ in range(400)]
    assert {r.format for r in sample} == set(DocumentFormat)
    codes = {f["code"] for r in sample for f in r.findings}
    assert "mrz.single_name" in codes
    assert {r.fields["nationality"] for r in sample} >= {"D", "AFG", "BGD", "IRN"}
    assert any(r.fields["nationality"] in {"XXA", "XXB", "XXC", "GBD", "GBN"} for r in sample)


def test_fields_can_be_reused_for_a_given_identity() -> None:
    rng = random.Random(4)
    person = random_identity(rng, "persian", today=TODAY)
    fields = random_fields(rng, "TD1", identity=person, today=TODAY)
    assert fields["surname"] == person.surname
    assert fields["birth_date"] == person.birth_date
