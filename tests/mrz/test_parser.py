"""Parsing details: shapes, format detection, codes, names, dates and century inference."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mrz import DocumentFormat, MRZError, build, parse
from mrz.codes import ICAO_CODES, ICAO_SPECIAL, ISO_3166_ALPHA3
from mrz.formats import LAYOUTS

TODAY = dt.date(2026, 11, 23)
SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
BASE: dict[str, Any] = {
    "issuing_state": "SWE",
    "surname": "Lindqvist",
    "given_names": "Ingrid",
    "document_number": "AA1234567",
    "nationality": "SWE",
    "birth_date": dt.date(1980, 1, 2),
    "sex": "F",
    "expiry_date": dt.date(2030, 3, 4),
}


def _codes(text: str, today: dt.date = TODAY) -> set[str]:
    return {f["code"] for f in parse(text, today=today).findings}


def test_icao_specimen_fields_and_checks() -> None:
    result = parse(SPECIMEN, today=dt.date(2010, 1, 1))
    assert result.format is DocumentFormat.TD3
    assert result.valid
    assert result.checks == dict.fromkeys(
        ["document_number", "birth_date", "expiry_date", "optional_data", "composite"], True
    )
    assert result.fields["document_number"] == "L898902C3"
    assert result.fields["optional_data"] == "ZE184226B"
    assert result.to_json()["format"] == "TD3"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "P<UTO",
        SPECIMEN.split("\n", maxsplit=1)[0],
        SPECIMEN + "\n" + SPECIMEN.split("\n", maxsplit=1)[0],
        SPECIMEN.replace("ERIKSSON", "ERIKSSO"),
        SPECIMEN.replace("ERIKSSON", "ERIKS*ON"),
        SPECIMEN.replace("ERIKSSON", "ERIKSSÖN"),
    ],
)
def test_text_that_is_not_an_mrz_raises_mrz_error(text: str) -> None:
    with pytest.raises(MRZError, match="MRZ"):
        parse(text)


def test_layout_noise_is_tolerated() -> None:
    noisy = "\n  " + SPECIMEN.lower().replace("<<<<", "<< <<").replace("\n", "\r\n\n") + "  \n"
    assert parse(noisy, today=TODAY).mrz == SPECIMEN
    assert parse(SPECIMEN.replace("\n", ""), today=TODAY).mrz == SPECIMEN  # unbroken, 88 characters


@pytest.mark.parametrize(
    ("fmt", "code"),
    [
        ("TD1", "ID"),
        ("TD2", "ID"),
        ("TD3", "P"),
        ("MRV_A", "V"),
        ("MRV_B", "V"),
    ],
)
def test_format_is_detected_from_shape_and_code(fmt: str, code: str) -> None:
    text = build(fmt, **{**BASE, "document_code": code})
    assert parse(text, today=TODAY).format.value == fmt


def test_idfra_td2_that_fits_td2_only_is_read_as_td2() -> None:
    text = build("TD2", **{**BASE, "document_code": "ID", "issuing_state": "FRA", "nationality": "FRA"})
    assert text.startswith("IDFRA")
    assert parse(text, today=TODAY).format is DocumentFormat.TD2


def test_every_layout_is_described_once_and_tiles_its_lines() -> None:
    for layout in LAYOUTS.values():
        names = [f.name for f in layout.fields]
        assert len(names) == len(set(names))
        width = sum(f.length for f in layout.fields if f.part_of is None)
        assert width == layout.line_count * layout.line_length


def test_icao_code_list_is_complete() -> None:
    assert len(ISO_3166_ALPHA3) == 249
    for code in (
        "D",
        "GBD",
        "GBN",
        "GBO",
        "GBP",
        "GBS",
        "UNO",
        "UNA",
        "UNK",
        "XXA",
        "XXB",
        "XXC",
        "XXX",
        "EUE",
    ):
        assert code in ICAO_CODES
    assert {"XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC"} <= set(ICAO_SPECIAL)


@pytest.mark.parametrize("code", ["D", "GBS", "UNK", "EUE", "XPO", "XOM"])
def test_special_issuing_codes_are_known(code: str) -> None:
    text = build("TD3", **{**BASE, "issuing_state": code})
    assert "mrz.unknown_country" not in _codes(text)
    assert parse(text, today=TODAY).fields["issuing_state"] == code


def test_stateless_code_as_issuing_state_is_a_finding() -> None:
    assert "mrz.issuing_state" in _codes(build("TD3", **{**BASE, "issuing_state": "XXA"}))


def test_kosovo_code_in_use_but_not_listed_is_an_info_finding() -> None:
    result = parse(build("TD3", **{**BASE, "issuing_state": "RKS", "nationality": "RKS"}), today=TODAY)
    assert {f["code"]: f["severity"] for f in result.findings} == {"mrz.country_not_listed": "info"}


def test_document_code_that_does_not_fit_the_format_is_a_finding() -> None:
    td3 = build("TD3", **BASE)
    assert "mrz.document_code" in _codes("X" + td3[1:])
    td1 = build("TD1", **{**BASE, "document_code": "IV"})
    assert "mrz.document_code" in _codes(td1)


def test_century_inference_birth_in_the_past_expiry_up_to_twenty_years_ahead() -> None:
    text = build(
        "TD3",
        **{**BASE, "birth_date": dt.date(1926, 12, 1), "expiry_date": dt.date(2046, 1, 1)},
    )
    fields = parse(text, today=TODAY).fields
    assert fields["birth_date"] == "1926-12-01"  # 2026-12-01 would be in the future
    assert fields["expiry_date"] == "2046-01-01"
    born_this_year = build("TD3", **{**BASE, "birth_date": dt.date(2026, 11, 1)})
    assert parse(born_this_year, today=TODAY).fields["birth_date"] == "2026-11-01"
    later = parse(text, today=dt.date(2040, 1, 1)).fields
    assert later["birth_date"] == "2026-12-01"


def test_today_is_injectable_and_decides_the_century() -> None:
    text = build("TD3", **{**BASE, "expiry_date": dt.date(2050, 1, 1)})
    assert parse(text, today=dt.date(2035, 1, 1)).fields["expiry_date"] == "2050-01-01"
    assert parse(text, today=dt.date(2026, 1, 1)).fields["expiry_date"] == "1950-01-01"


@pytest.mark.parametrize("raw", ["800230", "801301", "800000", "800132"])
def test_impossible_dates_are_findings(raw: str) -> None:
    from mrz.checkdigit import check_digit

    line1, line2 = build("TD3", **BASE).split("\n")
    line2 = line2[:13] + raw + check_digit(raw) + line2[20:]
    result = parse(f"{line1}\n{line2}", today=TODAY)
    assert result.fields["birth_date"] is None
    assert "mrz.impossible_date" in {f["code"] for f in result.findings}
    assert result.checks["birth_date"]


def test_expiry_before_birth_is_a_finding() -> None:
    text = build("TD3", **{**BASE, "birth_date": dt.date(2001, 1, 1), "expiry_date": dt.date(1999, 1, 1)})
    assert "mrz.expiry_before_birth" in _codes(text)


def test_names_fillers_become_spaces() -> None:
    text = build("TD3", **{**BASE, "surname": "de la Cruz", "given_names": "Ana-María Sofía"})
    fields = parse(text, today=TODAY).fields
    assert fields["surname"] == "DE LA CRUZ"
    assert fields["given_names"] == "ANA MARIA SOFIA"


def test_invalid_sex_is_a_finding() -> None:
    line1, line2 = build("TD3", **BASE).split("\n")
    text = f"{line1}\n{line2[:20]}Q{line2[21:]}"
    assert "mrz.sex" in _codes(text)


def test_letter_left_in_a_date_fails_its_check_even_if_the_sum_fits() -> None:
    # 'A' counts 10, the same as '0' modulo 10: the sum alone would pass
    line1, line2 = build("TD3", **{**BASE, "birth_date": dt.date(1980, 1, 2)}).split("\n")
    text = f"{line1}\n{line2[:13]}8A0102{line2[19:]}"
    result = parse(text, today=TODAY, correct=False)
    assert not result.checks["birth_date"]
    assert "mrz.invalid_character" in {f["code"] for f in result.findings}


def test_g_in_a_document_number_is_flagged_as_a_check_digit_blind_spot() -> None:
    text = build("TD3", **{**BASE, "document_number": "XG4471205"})
    result = parse(text, today=TODAY)
    assert result.valid
    assert "mrz.check_digit_blind_spot" in {f["code"] for f in result.findings}
    six = text.replace("XG4471205", "X64471205")  # the same check digits: the sum cannot tell
    assert parse(six, today=TODAY).valid
