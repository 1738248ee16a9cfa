"""Issuing state and nationality codes: a code no state or organisation uses is the mark of a
fantasy or camouflage passport (or of a misread MRZ, which the check digits catch separately).

The list is Doc 9303's, kept in ``mrz.codes``; codes in circulation but missing from it (Kosovo's
RKS) are known, so they give a warning rather than a fail.
"""

from __future__ import annotations

from collections.abc import Iterable

from mrz.codes import ICAO_SPECIAL, IN_USE_NOT_LISTED, NATIONALITY_ONLY, is_icao_code
from station.checks.base import CheckContext, check, failed, not_checked, passed
from station.findings import Finding, Severity

NO_MRZ = "No machine readable zone was read from this document."


def _code(ctx: CheckContext, field: str, code: str) -> str | Finding:
    """The field's code without fillers, or the NOT_CHECKED finding that explains its absence."""
    if ctx.mrz is None:
        return not_checked(code, NO_MRZ)
    value = ctx.mrz.fields.get(field)
    if value is None:
        return not_checked(code, f"This document's MRZ has no {field.replace('_', ' ')} field.")
    return str(value).replace("<", "")


@check("doc.issuing_state")
def issuing_state(ctx: CheckContext) -> Iterable[Finding]:
    """Only a state or an international organisation issues travel documents."""
    code = _code(ctx, "issuing_state", "doc.issuing_state")
    if isinstance(code, Finding):
        yield code
    elif code in IN_USE_NOT_LISTED:
        yield failed(
            "doc.issuing_state",
            Severity.WARNING,
            f"Issuing state {code} ({IN_USE_NOT_LISTED[code]}) is in use but not in the ICAO list; "
            "check whether this document is recognised here.",
            code=code,
        )
    elif code in NATIONALITY_ONLY:
        yield failed(
            "doc.issuing_state",
            Severity.FAIL,
            f"{code} ({ICAO_SPECIAL[code]}) is a nationality code; no document is issued by it.",
            code=code,
        )
    elif not is_icao_code(code):
        yield failed(
            "doc.issuing_state",
            Severity.FAIL,
            f"Issuing state {code or '(blank)'} is not a known state or organisation: "
            "possible fantasy document.",
            code=code,
        )
    else:
        yield passed("doc.issuing_state", f"Issuing state {code} is known.", code=code)


@check("doc.nationality")
def nationality(ctx: CheckContext) -> Iterable[Finding]:
    """Nationality must be a state or one of the special codes (stateless, refugee, unspecified)."""
    code = _code(ctx, "nationality", "doc.nationality")
    if isinstance(code, Finding):
        yield code
    elif code in IN_USE_NOT_LISTED:
        yield failed(
            "doc.nationality",
            Severity.WARNING,
            f"Nationality {code} ({IN_USE_NOT_LISTED[code]}) is in use but not in the ICAO list.",
            code=code,
        )
    elif not is_icao_code(code):
        yield failed(
            "doc.nationality",
            Severity.WARNING,
            f"Nationality {code or '(blank)'} is not a known code. "
            "Ask the traveller and check the printed data.",
            code=code,
        )
    else:
        label = ICAO_SPECIAL.get(code)
        yield passed(
            "doc.nationality",
            f"Nationality {code} is known" + (f" ({label})." if label else "."),
            code=code,
        )
