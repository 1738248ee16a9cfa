"""The builder: Doc 9303 transliteration, truncation, check digits, and refusing what it cannot write."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mrz import DocumentFormat, MRZError, build, parse
from mrz.names import encode_name, transliterate

BASE: dict[str, Any] = {
    "issuing_state": "D",
    "surname": "Mustermann",
    "given_names": "Erika",
    "document_number": "C01X00T47",
    "nationality": "D",
    "birth_date": dt.date(1964, 8, 12),
    "sex": "F",
    "expiry_date": dt.date(2027, 4, 15),
}


def test_icao_td2_specimen_is_reproduced() -> None:
    text = build(
        "TD2",
        document_code="I",
        issuing_state="UTO",
        surname="Eriksson",
        given_names="Anna Maria",
        document_number="D23145890",
        nationality="UTO",
        birth_date=dt.date(1974, 8, 12),
        sex="F",
        expiry_date=dt.date(2012, 4, 15),
    )
    assert text == "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"


@pytest.mark.parametrize(
    ("name", "mrz"),
    [
        ("Müller", "MUELLER"),
        ("Schröder-Åström", "SCHROEDER<AASTROEM"),
        ("Gonçalves", "GONCALVES"),
        ("Núñez Peña", "NUNEZ<PENA"),
        ("O'Neil", "ONEIL"),
        ("Straße", "STRASSE"),
        ("Łukasz", "LUKASZ"),
        ("Yılmaz", "YILMAZ"),
        ("  de  la Cruz ", "DE<LA<CRUZ"),
    ],
)
def test_transliteration_follows_doc_9303(name: str, mrz: str) -> None:
    assert transliterate(name) == mrz


@pytest.mark.parametrize("name", ["محمد", "Иван", "R2D2"])
def test_names_not_in_latin_script_are_refused(name: str) -> None:
    with pytest.raises(MRZError, match="Latin script"):
        build("TD3", **{**BASE, "surname": name})


def test_long_secondary_identifier_is_cut_and_ends_in_a_letter() -> None:
    encoded = encode_name("Al-Hashimi", "Mohammed Khalid Yusuf Ibrahim", 30)
    assert encoded.truncated
    assert encoded.text == "AL<HASHIMI<<MOHAMMED<KHALID<YU"
    assert not encoded.text.endswith("<")


def test_cut_on_a_component_boundary_keeps_the_next_initial() -> None:
    # "AB<<CDEF<GH" cut at 9 would end "CDEF<": the field must not look complete
    encoded = encode_name("AB", "CDEF GH", 9)
    assert encoded.text == "AB<<CDE<G"


def test_primary_identifier_too_long_keeps_the_secondary_initial() -> None:
    encoded = encode_name("Abcdefghijklmnopqrstuvwxyz", "Zed", 20)
    assert encoded.text == "ABCDEFGHIJKLMNOPQ<<Z"


def test_truncated_name_parses_with_a_finding() -> None:
    text = build("TD1", **{**BASE, "document_code": "ID", "given_names": "Erika Maria Theresia Johanna"})
    result = parse(text, today=dt.date(2026, 1, 1))
    assert result.valid
    assert "mrz.name_truncated" in {f["code"] for f in result.findings}


def test_empty_personal_number_gets_check_digit_zero() -> None:
    line2 = build("TD3", **BASE).split("\n")[1]
    assert line2[28:44] == "<" * 14 + "0" + line2[43]


@pytest.mark.parametrize("fmt", ["TD1", "TD2"])
def test_long_document_number_overflows_into_optional_data(fmt: str) -> None:
    text = build(
        fmt, **{**BASE, "document_code": "ID", "document_number": "X4RTBPFW461", "optional_data": "AB"}
    )
    result = parse(text, today=dt.date(2026, 1, 1))
    assert result.valid
    assert result.fields["document_number"] == "X4RTBPFW461"
    assert result.fields["optional_data"] == "AB"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"fmt": "TD3", "document_number": "1234567890"}, "longer than 9"),
        ({"fmt": "TD1", "document_code": "P"}, "does not fit TD1"),
        ({"fmt": "TD3", "document_code": "ID"}, "does not fit TD3"),
        ({"fmt": "MRV_A", "document_code": "P"}, "does not fit MRV_A"),
        ({"fmt": "TD3", "sex": "Q"}, "sex"),
        ({"fmt": "TD3", "optional_data": "ÄÖ"}, "cannot be written"),
        ({"fmt": "TD3", "optional_data": "1" * 15}, "longer than 14"),
        ({"fmt": "TD3", "nationality": None}, "needs a nationality"),
        ({"fmt": "TD3", "surname": "", "given_names": ""}, "needs a primary"),
        ({"fmt": "TD3", "optional_data_2": "X"}, "no second optional"),
        ({"fmt": "FRENCH_ID", "document_code": "ID", "issuing_state": "FRA"}, "no nationality"),
        ({"fmt": "nonsense"}, "unknown MRZ format"),
    ],
)
def test_builder_refuses_what_it_cannot_write(changes: dict[str, Any], message: str) -> None:
    args = {**BASE, **changes}
    fmt = args.pop("fmt")
    with pytest.raises(ValueError, match=message):
        build(fmt, **args)


def test_format_names_are_accepted_in_several_spellings() -> None:
    assert DocumentFormat.from_name("mrv-b") is DocumentFormat.MRV_B
    assert build("mrv-b", **{**BASE, "document_code": "V"}).startswith("V<D<<")


def test_french_id_card_builds_its_own_layout() -> None:
    text = build(
        DocumentFormat.FRENCH_ID,
        document_code="ID",
        issuing_state="FRA",
        surname="Lefèvre",
        given_names="Élodie Marie",
        document_number="140807512345",
        birth_date=dt.date(1985, 2, 28),
        sex="F",
        optional_data="075029",
    )
    assert text == "IDFRALEFEVRE<<<<<<<<<<<<<<<<<<075029\n1408075123450ELODIE<<MARIE<8502289F2"
