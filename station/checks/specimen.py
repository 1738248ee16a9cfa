"""Specimen and void indicators: documents made for training, brochures or tests, or filled with
placeholder data, that must never pass as a travel document.

Signs used: the ICAO specimen state Utopia (UTO) and other specimen codes, document numbers that are
one repeated character or a straight run of digits, and well-known specimen names (SPECIMEN,
MUSTERMANN, ERIKSSON ANNA MARIA of Doc 9303's examples, ...).
"""

from __future__ import annotations

from collections.abc import Iterable

from station.checks.base import CheckContext, check, failed, not_checked, passed
from station.findings import Finding, Severity

SPECIMEN_STATE_CODES = frozenset({"UTO", "UTS"})
"""Codes for fictional states used on specimens (Doc 9303's Utopia and its variant)."""

SPECIMEN_NAMES = frozenset(
    {
        "SPECIMEN",
        "SPECIMENE",
        "SPECIMENS",
        "SAMPLE",
        "MUSTERMANN",
        "MUSTERFRAU",
        "MUSTERMAN",
        "ECHANTILLON",
        "MUESTRA",
        "MODELO",
        "CAMPIONE",
        "VOID",
        "DUMMY",
    }
)
"""Words used as names on specimen documents; any name component equal to one is a sign. Real
surnames that specimens also use (DOE, TEST) are left to ``SPECIMEN_FULL_NAMES``."""

SPECIMEN_FULL_NAMES = frozenset({("ERIKSSON", "ANNA MARIA"), ("MUSTERMANN", "ERIKA"), ("DOE", "JOHN")})
"""Whole names of well-known specimens, only a sign when surname and given names both match."""

SPECIMEN_DOCUMENT_NUMBERS = frozenset({"L898902C3", "D23145890", "C01X00T47"})
"""Document numbers printed on Doc 9303's and common national specimens."""

_RUNS = "0123456789"


def void_number_reason(number: str) -> str | None:
    """Why ``number`` looks like placeholder data, or ``None`` when it does not."""
    digits = number.replace("<", "")
    if len(digits) < 4:
        return None
    if len(set(digits)) == 1:
        return "is one character repeated"
    if digits.isdigit() and (digits in _RUNS * 2 or digits in _RUNS[::-1] * 2):
        return "is a straight run of digits"
    if digits in SPECIMEN_DOCUMENT_NUMBERS:
        return "is the number of a published specimen"
    return None


def _name_words(value: object) -> list[str]:
    return [w for w in str(value or "").replace("<", " ").split() if w]


@check("doc.specimen")
def specimen(ctx: CheckContext) -> Iterable[Finding]:
    """A specimen or void document is refused whatever else it shows."""
    if ctx.mrz is None:
        yield not_checked("doc.specimen", "No machine readable zone was read from this document.")
        return
    fields = ctx.mrz.fields
    signs: list[str] = []
    for name, label in (("issuing_state", "issuing state"), ("nationality", "nationality")):
        code = str(fields.get(name) or "").replace("<", "")
        if code in SPECIMEN_STATE_CODES:
            signs.append(f"the {label} is {code}, a code used only on specimens")
    number = str(fields.get("document_number") or "")
    reason = void_number_reason(number)
    if reason:
        signs.append(f"the document number {number.replace('<', '')} {reason}")
    surname = _name_words(fields.get("surname"))
    given = _name_words(fields.get("given_names"))
    words = sorted({w for w in surname + given if w in SPECIMEN_NAMES})
    if words:
        signs.append(f"the name contains {', '.join(words)}")
    if (" ".join(surname), " ".join(given)) in SPECIMEN_FULL_NAMES:
        signs.append(f"the name {' '.join(given)} {' '.join(surname)} is that of a published specimen")
    if signs:
        yield failed(
            "doc.specimen",
            Severity.FAIL,
            "This looks like a specimen or void document: " + "; ".join(signs) + ".",
            signs=signs,
        )
    else:
        yield passed("doc.specimen", "No specimen or void indicators found.")
