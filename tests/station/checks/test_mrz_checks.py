"""MRZ checks: format, check digits named one by one, OCR corrections, field rules."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.scan import DocumentScan
from mrz.synthetic import random_mrz
from station.checks.base import CheckContext, run_checks
from station.findings import Severity, Status
from tests.station.checks.docs import TODAY, context, mrz_text, run

MRZ_CODES = ["mrz.format", "mrz.check_digits", "mrz.corrections", "mrz.fields", "mrz.dates", "doc.expiry"]


def _replace(text: str, line: int, position: int, char: str) -> str:
    """``text`` with the character at 1-based ``line``/``position`` replaced."""
    lines = text.split("\n")
    row = lines[line - 1]
    lines[line - 1] = row[: position - 1] + char + row[position:]
    return "\n".join(lines)


def test_a_genuine_mrz_passes_the_mrz_checks() -> None:
    ctx = context(mrz_text())
    for code in MRZ_CODES:
        finding = run(code, ctx)
        assert finding.status is Status.PASSED, finding


@pytest.mark.parametrize("code", [*MRZ_CODES, "holder.minor", "doc.specimen", "doc.issuing_state"])
def test_without_an_mrz_every_mrz_check_says_not_checked(code: str) -> None:
    finding = run(code, context(None))
    assert finding.status is Status.NOT_CHECKED
    assert finding.severity is Severity.INFO
    assert "No machine readable zone" in finding.message


def test_text_that_is_not_an_mrz_fails_the_format_check() -> None:
    ctx = CheckContext(
        scan=DocumentScan(source="t", mrz_text="HELLO"),
        mrz=None,
        today=TODAY,
        config=None,
        extras={"mrz_error": "not an MRZ: expected 3 lines"},
    )
    finding = run("mrz.format", ctx)
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.WARNING)
    assert finding.evidence["error"] == "not an MRZ: expected 3 lines"


@pytest.mark.parametrize(
    ("position", "name", "words"),
    [
        (10, "document_number", "document number"),
        (20, "birth_date", "date of birth"),
        (28, "expiry_date", "date of expiry"),
    ],
)
def test_each_wrong_check_digit_is_named(position: int, name: str, words: str) -> None:
    text = mrz_text()
    digit = text.split("\n")[1][position - 1]
    tampered = _replace(text, 2, position, str((int(digit) + 1) % 10))
    finding = run("mrz.check_digits", context(tampered, correct=False))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.FAIL)
    assert name in finding.evidence["failed"]
    assert words in finding.message
    assert "composite" in finding.evidence["failed"]  # the overall digit covers the changed one


def test_a_changed_data_character_fails_its_digit_and_the_composite() -> None:
    tampered = _replace(mrz_text(), 2, 3, "9")  # inside the document number
    finding = run("mrz.check_digits", context(tampered, correct=False))
    assert set(finding.evidence["failed"]) >= {"document_number", "composite"}


def test_ocr_corrections_are_a_warning_with_their_positions() -> None:
    text = mrz_text()
    birth_digit_position = 14  # first digit of the date of birth on line 2
    assert text.split("\n")[1][birth_digit_position - 1] == "8"
    misread = _replace(text, 2, birth_digit_position, "B")
    finding = run("mrz.corrections", context(misread))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.WARNING)
    assert "line 2, position 14" in finding.message
    assert finding.evidence["corrections"][0]["to"] == "8"
    # and with the correction applied, the check digits pass
    assert run("mrz.check_digits", context(misread)).status is Status.PASSED


def test_fillers_read_as_letters_are_information_only() -> None:
    first, second = mrz_text().split("\n")
    misread = first[:-3] + "KKK" + "\n" + second  # trailing fillers of the name read as K
    parsed = context(misread).mrz
    assert parsed is not None and parsed.corrections, "the parser puts the fillers back"
    finding = run("mrz.corrections", context(misread))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.INFO)
    assert "no data changed" in finding.message


def test_field_rule_problems_from_the_parser_are_reported() -> None:
    text = _replace(mrz_text(), 2, 21, "Q")  # sex 'Q'
    finding = run("mrz.fields", context(text, correct=False))
    assert finding.status is Status.FAILED
    assert finding.severity is Severity.FAIL
    assert "Sex" in finding.message


@given(st.integers(min_value=0, max_value=2**32))
def test_random_genuine_documents_pass_the_mrz_checks(seed: int) -> None:
    text = random_mrz(random.Random(seed), today=TODAY)
    findings = {f.code: f for f in run_checks(context(text))}
    assert findings["mrz.check_digits"].status is not Status.FAILED
    assert findings["mrz.corrections"].status is Status.PASSED
    assert findings["doc.specimen"].status is Status.PASSED, findings["doc.specimen"]
    assert findings["mrz.dates"].status is Status.PASSED, findings["mrz.dates"]
    assert (
        findings["doc.expiry"].status is not Status.FAILED
        or findings["doc.expiry"].severity is Severity.WARNING
    )
    assert findings["doc.issuing_state"].severity is not Severity.FAIL, findings["doc.issuing_state"]
