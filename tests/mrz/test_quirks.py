"""Runs every case of tests/mrz/quirks.toml: real-world MRZ quirks with synthetic data."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from mrz import parse

QUIRKS = tomllib.loads((Path(__file__).parent / "quirks.toml").read_text(encoding="utf-8"))["quirk"]
NONE = "__none__"  # TOML has no null


def test_the_file_covers_the_required_quirks() -> None:
    names = {q["name"] for q in QUIRKS}
    for required in (
        "filler-check-digit-empty-personal-number",
        "german-passport-D",
        "single-name-holder",
        "td1-long-document-number",
        "french-national-id-card",
        "name-truncated-at-field-end",
        "K-read-for-filler-in-name",
    ):
        assert required in names


@pytest.mark.parametrize("quirk", QUIRKS, ids=[q["name"] for q in QUIRKS])
def test_quirk(quirk: dict[str, Any]) -> None:
    expect = quirk["expect"]
    result = parse(quirk["mrz"], today=quirk["today"])
    assert result.format.value == expect["format"]
    assert result.valid is expect["valid"], result.to_json()
    for name, value in expect["fields"].items():
        assert result.fields[name] == (None if value == NONE else value), name
    assert sorted({f["code"] for f in result.findings}) == sorted(expect["findings"])
    assert result.corrections == expect["corrections"]
