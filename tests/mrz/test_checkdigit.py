"""7-3-1 check digits against the worked examples of Doc 9303 Part 3 and the TD3 specimen."""

from __future__ import annotations

import pytest

from mrz.checkdigit import char_value, check_digit, is_valid


@pytest.mark.parametrize(
    ("text", "digit"),
    [
        ("L898902C3", "6"),
        ("740812", "2"),
        ("120415", "9"),
        ("ZE184226B<<<<<", "1"),
        ("L898902C3674081221204159ZE184226B<<<<<1", "0"),  # the specimen's composite
        ("D23145890734", "9"),  # TD1 long document number specimen
        ("", "0"),
    ],
)
def test_known_check_digits(text: str, digit: str) -> None:
    assert check_digit(text) == digit


def test_values_and_the_filler_rule() -> None:
    assert [char_value(c) for c in "09AZ<"] == [0, 9, 10, 35, 0]
    assert is_valid("<<<<<<<<<<<<<<", "<", filler_if_empty=True)
    assert is_valid("<<<<<<<<<<<<<<", "0", filler_if_empty=True)
    assert not is_valid("AB<<<<<<<<<<<<", "<", filler_if_empty=True)
    with pytest.raises(ValueError, match="not an MRZ character"):
        char_value("a")
