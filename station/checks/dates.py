"""Checks on the document's dates: expiry, dates that cannot be true, and whether the holder is a minor.

"Today" is the context's date, never the machine clock, so a test or a replayed inspection gives the
same answer as the booth did on the day.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from station.checks.base import CheckContext, check, failed, not_checked, passed, settings
from station.findings import Finding, Severity

NO_MRZ = "No machine readable zone was read from this document."


def mrz_date(ctx: CheckContext, name: str) -> datetime.date | None:
    """The MRZ date field ``name`` as a date, or ``None`` when absent or not a real date."""
    if ctx.mrz is None:
        return None
    value = ctx.mrz.fields.get(name)
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@check("doc.expiry")
def expiry(ctx: CheckContext) -> Iterable[Finding]:
    """Expired documents are refused at most borders; one about to expire is worth a word."""
    if ctx.mrz is None:
        yield not_checked("doc.expiry", NO_MRZ)
        return
    expires = mrz_date(ctx, "expiry_date")
    if expires is None:
        yield not_checked("doc.expiry", "The date of expiry could not be read as a real date.")
        return
    days_left = (expires - ctx.today).days
    warn_days = settings(ctx).expiry_warning_days
    evidence = {"expiry_date": expires.isoformat(), "days_left": days_left, "warning_days": warn_days}
    if days_left < 0:
        yield failed(
            "doc.expiry",
            Severity.FAIL,
            f"The document expired on {expires.isoformat()} ({-days_left} days ago).",
            **evidence,
        )
    elif days_left <= warn_days:
        yield failed(
            "doc.expiry",
            Severity.WARNING,
            f"The document expires soon: on {expires.isoformat()}, in {days_left} days.",
            **evidence,
        )
    else:
        yield passed("doc.expiry", f"The document is valid until {expires.isoformat()}.", **evidence)


PARSER_DATE_FINDINGS = frozenset({"mrz.impossible_date", "mrz.expiry_before_birth"})
"""Date problems the MRZ parser already names (e.g. 31 February); this check reports them with its own."""


@check("mrz.dates")
def impossible_dates(ctx: CheckContext) -> Iterable[Finding]:
    """Dates that cannot be true (31 February, expiring before or on the day of birth) are a sign
    of a forged or carelessly made document. (Two-digit years put every birth date within the last
    century, so a birth in the future or an age no one reaches cannot be read from an MRZ.)"""
    if ctx.mrz is None:
        yield not_checked("mrz.dates", NO_MRZ)
        return
    problems = [str(f.get("message")) for f in ctx.mrz.findings if f.get("code") in PARSER_DATE_FINDINGS]
    birth = mrz_date(ctx, "birth_date")
    expires = mrz_date(ctx, "expiry_date")
    if birth is not None and expires == birth:
        problems.append("Date of expiry is the date of birth")
    evidence = {name: ctx.mrz.fields.get(name) for name in ("birth_date", "expiry_date")}
    if problems:
        yield failed(
            "mrz.dates",
            Severity.FAIL,
            "Impossible dates: " + "; ".join(problems) + ". Compare with the printed data.",
            problems=problems,
            **evidence,
        )
    elif birth is None and expires is None:
        yield not_checked("mrz.dates", "The MRZ carries no readable dates to check.")
    else:
        yield passed("mrz.dates", "The dates in the MRZ are possible.", **evidence)


@check("holder.minor")
def minor(ctx: CheckContext) -> Iterable[Finding]:
    """A minor travelling is information the officer needs (consent letters, unaccompanied-minor
    protection); the workflow suggests the protection flag from this finding."""
    if ctx.mrz is None:
        yield not_checked("holder.minor", NO_MRZ)
        return
    birth = mrz_date(ctx, "birth_date")
    if birth is None or birth > ctx.today:
        yield not_checked("holder.minor", "The date of birth could not be read, so the age is unknown.")
        return
    minor_age = settings(ctx).minor_age
    age = age_on(birth, ctx.today)
    evidence = {"age": age, "minor_age": minor_age, "minor": age < minor_age}
    if age < minor_age:
        yield failed(
            "holder.minor",
            Severity.INFO,
            f"The holder is a minor ({age} years old). Check who is travelling with them.",
            **evidence,
        )
    else:
        yield passed("holder.minor", f"The holder is an adult ({age} years old).", **evidence)
