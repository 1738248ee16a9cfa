"""Specimen and void indicators; issuing state and nationality codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.checks.specimen import void_number_reason
from station.findings import Severity, Status
from tests.station.checks.docs import context, mrz_text, run


@pytest.mark.parametrize(
    ("changes", "sign"),
    [
        ({"issuing_state": "UTO"}, "UTO"),
        ({"nationality": "UTO"}, "UTO"),
        ({"document_number": "000000000"}, "one character repeated"),
        ({"document_number": "AAAAAAA"}, "one character repeated"),
        ({"document_number": "123456789"}, "straight run"),
        ({"document_number": "987654321"}, "straight run"),
        ({"document_number": "L898902C3"}, "published specimen"),
        ({"surname": "MUSTERMANN", "given_names": "ERIKA"}, "MUSTERMANN"),
        ({"surname": "SPECIMEN"}, "SPECIMEN"),
        ({"given_names": "SAMPLE"}, "SAMPLE"),
        ({"surname": "ERIKSSON", "given_names": "ANNA MARIA"}, "published specimen"),
    ],
)
def test_specimen_signs_fail_and_say_which(changes: dict[str, str], sign: str) -> None:
    finding = run("doc.specimen", context(mrz_text(**changes)))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.FAIL)
    assert sign in finding.message


def test_the_icao_example_document_shows_every_sign() -> None:
    text = mrz_text(
        issuing_state="UTO",
        nationality="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
    )
    assert len(run("doc.specimen", context(text)).evidence["signs"]) == 4


def test_real_names_that_specimens_also_use_are_not_flagged_alone() -> None:
    assert run("doc.specimen", context(mrz_text(surname="DOE", given_names="MARY"))).status is Status.PASSED
    assert run("doc.specimen", context(mrz_text(surname="ERIKSSON"))).status is Status.PASSED


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", max_size=20))
def test_void_number_reason_never_fails_and_flags_every_repetition(number: str) -> None:
    reason = void_number_reason(number)
    digits = number.replace("<", "")
    if len(digits) >= 4 and len(set(digits)) == 1:
        assert reason == "is one character repeated"


@pytest.mark.parametrize(
    ("field", "code", "status", "severity"),
    [
        ("issuing_state", "JOR", Status.PASSED, Severity.INFO),
        ("issuing_state", "D", Status.PASSED, Severity.INFO),
        ("issuing_state", "EUE", Status.PASSED, Severity.INFO),
        ("issuing_state", "QQQ", Status.FAILED, Severity.FAIL),
        ("issuing_state", "XXA", Status.FAILED, Severity.FAIL),
        ("issuing_state", "RKS", Status.FAILED, Severity.WARNING),
        ("nationality", "XXB", Status.PASSED, Severity.INFO),
        ("nationality", "QQQ", Status.FAILED, Severity.WARNING),
        ("nationality", "RKS", Status.FAILED, Severity.WARNING),
    ],
)
def test_state_and_nationality_codes(field: str, code: str, status: Status, severity: Severity) -> None:
    check = "doc.issuing_state" if field == "issuing_state" else "doc.nationality"
    finding = run(check, context(mrz_text(**{field: code})))
    assert (finding.status, finding.severity) == (status, severity), finding
    assert code in finding.message
