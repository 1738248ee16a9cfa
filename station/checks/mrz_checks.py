"""Checks on the machine readable zone itself: that it was read, its check digits, and the
corrections the OCR had to make to get there.

Each check reports NOT_CHECKED when no MRZ was read, so an unreadable document never looks clean.
"""

from __future__ import annotations

from collections.abc import Iterable

from station.checks.base import CheckContext, check, failed, not_checked, passed
from station.findings import Finding, Severity

NO_MRZ = "No machine readable zone was read from this document."
FILLER = "<"

# Plain words for the check digits the parser reports, so the officer reads "date of birth", not a key.
CHECK_DIGIT_NAMES = {
    "document_number": "document number",
    "birth_date": "date of birth",
    "expiry_date": "date of expiry",
    "optional_data": "optional data",
    "optional_data_2": "second optional data",
    "composite": "overall (composite)",
    "final": "overall (composite)",
}


def _digit_name(name: str) -> str:
    return CHECK_DIGIT_NAMES.get(name, name.replace("_", " "))


@check("mrz.format")
def mrz_format(ctx: CheckContext) -> Iterable[Finding]:
    """The MRZ was found and has the shape of a known format (TD1, TD2, TD3, visas). Text that is
    no MRZ at all is more often a misread than a forgery, so it asks for attention, not a stop."""
    error = ctx.extras.get("mrz_error")
    if ctx.mrz is None:
        if error:
            yield failed(
                "mrz.format",
                Severity.WARNING,
                "The text read from the document is not a machine readable zone. "
                "Read the document again, or type the MRZ.",
                error=str(error),
            )
        else:
            yield not_checked("mrz.format", NO_MRZ)
        return
    yield passed(
        "mrz.format",
        f"The machine readable zone has the {ctx.mrz.format.name} format.",
        format=ctx.mrz.format.name,
    )


@check("mrz.check_digits")
def check_digits(ctx: CheckContext) -> Iterable[Finding]:
    """Every check digit, named one by one when it fails: a wrong digit is a misread or a forgery."""
    if ctx.mrz is None:
        yield not_checked("mrz.check_digits", NO_MRZ)
        return
    results = dict(ctx.mrz.checks)
    if not results:
        yield not_checked("mrz.check_digits", "This document format has no check digits to verify.")
        return
    bad = [name for name, ok in results.items() if not ok]
    if bad:
        words = ", ".join(_digit_name(name) for name in bad)
        yield failed(
            "mrz.check_digits",
            Severity.FAIL,
            f"Check digit wrong for: {words}. Compare the MRZ with the printed data.",
            failed=bad,
            checked=sorted(results),
        )
    else:
        yield passed("mrz.check_digits", "All check digits are correct.", checked=sorted(results))


@check("mrz.corrections")
def ocr_corrections(ctx: CheckContext) -> Iterable[Finding]:
    """Characters the OCR changed to make the MRZ valid: right most of the time, but the officer
    should compare those positions with the document (a warning). Fillers read as letters and put
    back change no data, so they are only information."""
    if ctx.mrz is None:
        yield not_checked("mrz.corrections", NO_MRZ)
        return
    corrections = [dict(c) for c in ctx.mrz.corrections]
    if not corrections:
        yield passed("mrz.corrections", "The MRZ was read without corrections.")
        return
    data = [c for c in corrections if c.get("to") != FILLER]
    where = "; ".join(
        f"line {c.get('line')}, position {c.get('position')}: {c.get('from')} → {c.get('to')}"
        for c in (data or corrections)
    )
    evidence = {
        "corrections": corrections,
        "fields": sorted({str(c.get("field")) for c in data if c.get("field")}),
    }
    if data:
        yield failed(
            "mrz.corrections",
            Severity.WARNING,
            f"The MRZ reader corrected {len(data)} character(s) of data ({where}). "
            "Check these against the document.",
            **evidence,
        )
    else:
        yield failed(
            "mrz.corrections",
            Severity.INFO,
            f"The MRZ reader put back {len(corrections)} filler(s) read as letters ({where}); "
            "no data changed.",
            **evidence,
        )


COVERED_ELSEWHERE = frozenset(
    {
        "mrz.filler_check_digit",  # allowed by Doc 9303: nothing for the officer
        "mrz.check_digit",  # mrz.check_digits
        "mrz.corrected",  # mrz.corrections
        "mrz.impossible_date",  # mrz.dates
        "mrz.expiry_before_birth",  # mrz.dates
        "mrz.unknown_country",  # doc.issuing_state, doc.nationality
        "mrz.country_not_listed",
        "mrz.issuing_state",
    }
)
_SEVERITY_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.FAIL: 2}


@check("mrz.fields")
def field_rules(ctx: CheckContext) -> Iterable[Finding]:
    """What the parser noticed about individual fields (a digit in a name, an unknown sex code, a
    name that may be truncated) and no other check reports, at the parser's own severity."""
    if ctx.mrz is None:
        yield not_checked("mrz.fields", NO_MRZ)
        return
    notes = [dict(f) for f in ctx.mrz.findings if f.get("code") not in COVERED_ELSEWHERE]
    if not notes:
        yield passed("mrz.fields", "Every MRZ field follows its rules.")
        return
    severities = [Severity(str(n.get("severity", "info"))) for n in notes]
    worst = max(severities, key=_SEVERITY_ORDER.__getitem__)
    yield failed(
        "mrz.fields",
        worst,
        "; ".join(str(n.get("message")) for n in notes) + ".",
        notes=notes,
    )
