"""OCR correction: changed only when the field's rules or its check digits leave one reading."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mrz import build, parse

TODAY = dt.date(2026, 11, 23)
BASE: dict[str, Any] = {
    "issuing_state": "PAK",
    "surname": "Afridi",
    "given_names": "Zarghona",
    "document_number": "AB1205683",
    "nationality": "PAK",
    "birth_date": dt.date(1990, 5, 6),
    "sex": "F",
    "expiry_date": dt.date(2030, 8, 9),
}


def _replace(text: str, line: int, position: int, char: str) -> str:
    """Line and position from 1, as in the corrections the parser reports."""
    lines = text.split("\n")
    row = lines[line - 1]
    lines[line - 1] = row[: position - 1] + char + row[position:]
    return "\n".join(lines)


def test_letters_in_dates_are_corrected_when_the_check_digit_confirms() -> None:
    clean = build("TD3", **BASE)  # birth date 900506 at line 2, positions 14-19
    damaged = _replace(clean, 2, 14, "G")  # G's partner is 6, not 9: the check digit refuses '6'
    result = parse(damaged, today=TODAY)
    assert not result.valid
    assert all(c["field"] != "birth_date" for c in result.corrections)
    damaged = _replace(clean, 2, 17, "S")  # position 17 is '5'
    result = parse(damaged, today=TODAY)
    assert result.valid
    assert result.corrections == [{"line": 2, "position": 17, "from": "S", "to": "5", "field": "birth_date"}]
    assert result.fields == parse(clean, today=TODAY).fields


def test_a_correction_the_check_digit_does_not_confirm_is_undone() -> None:
    clean = build("TD3", **BASE)
    # the birth check digit is wrong as well: 'O' -> '0' would not make it pass, so nothing changes
    damaged = _replace(_replace(clean, 2, 15, "O"), 2, 20, "1" if clean.split("\n")[1][19] != "1" else "2")
    result = parse(damaged, today=TODAY)
    assert not result.checks["birth_date"]
    assert all(c["field"] != "birth_date" for c in result.corrections)
    assert result.fields["birth_date"] is None


def test_document_number_confusion_is_corrected_when_unique() -> None:
    clean = build("TD3", **{**BASE, "document_number": "XC47P3N1Y"})
    damaged = _replace(clean, 2, 8, "I")  # XC47P3NIY: the only confusable character
    result = parse(damaged, today=TODAY)
    assert result.valid
    assert result.fields["document_number"] == "XC47P3N1Y"
    assert result.corrections == [
        {"line": 2, "position": 8, "from": "I", "to": "1", "field": "document_number"}
    ]
    assert "mrz.corrected" in {f["code"] for f in result.findings}


def test_several_fitting_corrections_mean_no_correction() -> None:
    clean = build("TD3", **BASE)
    damaged = _replace(clean, 2, 3, "I")  # AB1205683 -> ABI205683: B, 2, 0, 5, 6, 8 are confusable too
    result = parse(damaged, today=TODAY)
    assert not result.valid
    assert result.corrections == []
    assert result.fields["document_number"] == "ABI205683"
    assert "mrz.correction_ambiguous" in {f["code"] for f in result.findings}


def test_without_correction_the_damage_is_reported_not_repaired() -> None:
    damaged = _replace(build("TD3", **BASE), 2, 3, "I")
    result = parse(damaged, today=TODAY, correct=False)
    assert not result.valid
    assert result.corrections == []
    assert result.fields["document_number"] == "ABI205683"


def test_visa_without_composite_corrects_from_its_own_check_digits() -> None:
    clean = build("MRV_B", **{**BASE, "document_code": "V", "document_number": "XC47P3N1Y"})
    damaged = _replace(clean, 2, 8, "I")
    result = parse(damaged, today=TODAY)
    assert result.valid
    assert result.fields["document_number"] == "XC47P3N1Y"


def test_td1_optional_data_is_corrected_through_the_composite() -> None:
    clean = build("TD1", **{**BASE, "document_code": "ID", "optional_data": "X7Q55"})
    damaged = _replace(clean, 1, 19, "S")  # optional data starts at line 1 position 16: X7Q55 -> X7QS5
    result = parse(damaged, today=TODAY)
    assert result.valid, result.to_json()
    assert result.fields["optional_data"] == "X7Q55"


def test_digits_in_names_become_letters() -> None:
    clean = build("TD3", **BASE)
    damaged = _replace(clean, 1, 8, "8")  # AFRIDI -> AF8IDI? position 8 is 'R': 8 is B's partner
    result = parse(damaged, today=TODAY)
    assert result.fields["surname"] == "AFBIDI"  # the only reading of 8 in a name; never 'R'
    damaged = _replace(clean, 1, 9, "1")  # AFRIDI: position 9 is 'I'
    result = parse(damaged, today=TODAY)
    assert result.fields["surname"] == "AFRIDI"
    assert result.corrections == [{"line": 1, "position": 9, "from": "1", "to": "I", "field": "name"}]


def test_country_code_digit_is_corrected_only_to_a_known_code() -> None:
    clean = build("TD3", **{**BASE, "issuing_state": "SGP"})
    result = parse(_replace(clean, 1, 5, "8"), today=TODAY)  # SGP -> SG8 -> SGB is no code
    assert result.fields["issuing_state"] == "SG8"
    assert "mrz.unknown_country" in {f["code"] for f in result.findings}
    result = parse(_replace(clean, 1, 3, "5"), today=TODAY)  # 5GP -> SGP
    assert result.fields["issuing_state"] == "SGP"


def test_sex_read_as_k_is_a_filler() -> None:
    clean = build("TD3", **{**BASE, "sex": "<"})
    result = parse(_replace(clean, 2, 21, "K"), today=TODAY)
    assert result.fields["sex"] == "<"
    assert result.valid


def test_characters_without_a_confusion_partner_are_never_replaced() -> None:
    clean = build("TD3", **BASE)
    result = parse(_replace(clean, 2, 15, "X"), today=TODAY)  # 'X' in the birth date
    assert not result.valid
    assert all(c["from"] != "X" for c in result.corrections)
    assert "mrz.invalid_character" in {f["code"] for f in result.findings}


def test_filler_run_in_optional_data_read_as_k() -> None:
    clean = build("TD3", **{**BASE, "optional_data": "Z7711"})
    result = parse(_replace(clean, 2, 38, "K"), today=TODAY)
    assert result.valid
    assert result.fields["optional_data"] == "Z7711"
    assert result.corrections[0]["field"] == "optional_data"


def test_french_id_surname_digit_is_confirmed_by_the_composite() -> None:
    clean = build(
        "FRENCH_ID",
        document_code="ID",
        issuing_state="FRA",
        surname="Dubois",
        given_names="Lucia",
        document_number="150207512345",
        birth_date=dt.date(1970, 3, 3),
        sex="F",
        optional_data="075029",
    )
    result = parse(_replace(clean, 1, 8, "8"), today=TODAY)  # DUBOIS: position 8 is 'B'
    assert result.valid
    assert result.fields["surname"] == "DUBOIS"
