"""Expiry, impossible dates and minors, judged against the context's date and the booth's config."""

from __future__ import annotations

import datetime

import pytest

from station.config import Config
from station.findings import Severity, Status
from tests.station.checks.docs import TODAY, context, mrz_text, run


def _expiring(days: int) -> str:
    return mrz_text(expiry_date=TODAY + datetime.timedelta(days=days))


def test_an_expired_document_fails() -> None:
    finding = run("doc.expiry", context(_expiring(-3)))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.FAIL)
    assert finding.evidence["days_left"] == -3
    assert "3 days ago" in finding.message


def test_expiring_today_is_still_valid_but_soon() -> None:
    finding = run("doc.expiry", context(_expiring(0)))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.WARNING)


def test_soon_to_expire_follows_the_configured_days() -> None:
    text = _expiring(40)
    assert run("doc.expiry", context(text)).severity is Severity.WARNING  # default 90 days
    config = Config.from_mapping({"checks": {"expiry_warning_days": 30}})
    finding = run("doc.expiry", context(text, config=config))
    assert finding.status is Status.PASSED
    assert finding.evidence["warning_days"] == 30


def test_a_valid_document_passes() -> None:
    finding = run("doc.expiry", context(_expiring(400)))
    assert finding.status is Status.PASSED
    assert finding.evidence["days_left"] == 400


def _with_line2(text: str, start: int, value: str) -> str:
    """Overwrite line 2 from 1-based ``start`` with ``value`` (check digits are left wrong)."""
    first, second = text.split("\n")
    return first + "\n" + second[: start - 1] + value + second[start - 1 + len(value) :]


@pytest.mark.parametrize(
    ("start", "value", "words"),
    [
        (14, "881314", "birth date"),  # month 13
        (22, "310231", "expiry date"),  # 31 February
    ],
)
def test_dates_that_do_not_exist_fail(start: int, value: str, words: str) -> None:
    text = _with_line2(mrz_text(), start, value)
    finding = run("mrz.dates", context(text, correct=False))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.FAIL)
    assert words in finding.message.lower()
    # the expiry check cannot judge a date that does not exist, and says so
    if words == "expiry date":
        assert run("doc.expiry", context(text, correct=False)).status is Status.NOT_CHECKED


def test_expiry_before_birth_fails() -> None:
    text = mrz_text(birth_date=datetime.date(1990, 1, 1), expiry_date=datetime.date(1989, 1, 1))
    finding = run("mrz.dates", context(text))
    assert finding.status is Status.FAILED
    assert "before the date of birth" in finding.message


def test_expiry_on_the_day_of_birth_fails() -> None:
    day = datetime.date(2020, 5, 5)
    finding = run("mrz.dates", context(mrz_text(birth_date=day, expiry_date=day)))
    assert finding.status is Status.FAILED
    assert "is the date of birth" in finding.message


def test_a_minor_is_information_with_the_age() -> None:
    birth = TODAY.replace(year=TODAY.year - 12)
    finding = run("holder.minor", context(mrz_text(birth_date=birth)))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.INFO)
    assert finding.evidence == {"age": 12, "minor_age": 18, "minor": True}


def test_the_day_before_the_eighteenth_birthday_is_still_a_minor() -> None:
    birth = TODAY.replace(year=TODAY.year - 18) + datetime.timedelta(days=1)
    assert run("holder.minor", context(mrz_text(birth_date=birth))).evidence["minor"] is True
    birth = TODAY.replace(year=TODAY.year - 18)
    assert run("holder.minor", context(mrz_text(birth_date=birth))).status is Status.PASSED


def test_minor_age_comes_from_the_config() -> None:
    birth = TODAY.replace(year=TODAY.year - 17)
    config = Config.from_mapping({"checks": {"minor_age": 16}})
    finding = run("holder.minor", context(mrz_text(birth_date=birth), config=config))
    assert finding.status is Status.PASSED
    assert finding.evidence["minor_age"] == 16


def test_an_unknown_birth_date_leaves_the_age_not_checked() -> None:
    text = _with_line2(mrz_text(), 14, "88<<<<")
    finding = run("holder.minor", context(text, correct=False))
    assert finding.status is Status.NOT_CHECKED
