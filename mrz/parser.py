"""Reading an MRZ: shape -> format -> OCR correction -> check digits -> fields and findings.

Everything positional comes from ``mrz.formats``; this module only interprets field kinds.
``parse`` raises ``MRZError`` only when the text is not an MRZ at all; every problem inside a
well-shaped MRZ (bad check digit, unknown country, impossible date, ...) is a finding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Final

from mrz import dates
from mrz.checkdigit import ALPHABET, FILLER
from mrz.codes import ICAO_CODES, IN_USE_NOT_LISTED, NATIONALITY_ONLY
from mrz.correction import DIGIT_TO_LETTER, correct_grid
from mrz.errors import MRZError
from mrz.formats import LAYOUTS, DocumentFormat, Field, Kind, Layout
from mrz.grid import Grid, Group, Overflow, build_groups, find_overflow, positions
from mrz.names import decode_components, decode_name

#: Fields every result carries (None when the format has no such field), so callers can index.
COMMON_FIELDS: Final = (
    "document_code",
    "issuing_state",
    "surname",
    "given_names",
    "document_number",
    "nationality",
    "birth_date",
    "sex",
    "expiry_date",
    "optional_data",
)
_LOOKALIKES: Final = str.maketrans({"«": "<", "‹": "<", "＜": "<"})
_SHAPES: Final = {(3, 30), (2, 36), (2, 44)}
_CHECK_LABELS: Final = {
    "document_number": "document number",
    "birth_date": "date of birth",
    "expiry_date": "date of expiry",
    "optional_data": "personal number / optional data",
    "composite": "composite",
}
_SEXES: Final = frozenset("MFX<")


@dataclass
class MRZResult:
    """What one MRZ says and how far it can be trusted.

    ``corrections``: OCR corrections applied, each ``{line, position, from, to, field}`` with
    line and position counted from 1 as in Doc 9303. ``findings``: ``{code, severity, message,
    evidence}`` with severity ``info``, ``warning`` or ``fail`` (the values of
    ``station.findings.Severity``)."""

    mrz: str
    format: DocumentFormat
    valid: bool
    fields: dict[str, str | None]
    checks: dict[str, bool]
    corrections: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "mrz": self.mrz,
            "format": self.format.value,
            "valid": self.valid,
            "fields": dict(self.fields),
            "checks": dict(self.checks),
            "corrections": [dict(c) for c in self.corrections],
            "findings": [dict(f) for f in self.findings],
        }


def _finding(code: str, severity: str, message: str, **evidence: Any) -> dict[str, Any]:
    return {"code": code, "severity": severity, "message": message, "evidence": evidence}


def normalise(text: str) -> list[str]:
    """Text as OCR or a reader gives it -> MRZ lines: blank lines and spaces dropped, upper case.
    A single line of 90, 72 or 88 characters is split (some readers send the MRZ unbroken)."""
    if not isinstance(text, str):
        raise MRZError(f"MRZ text must be a string, not {type(text).__name__}")
    lines = ["".join(line.split()).upper().translate(_LOOKALIKES) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1 and len(lines[0]) in (90, 72, 88):
        one = lines[0]
        width = 30 if len(one) == 90 else len(one) // 2
        lines = [one[i : i + width] for i in range(0, len(one), width)]
    shape = (len(lines), len(lines[0]) if lines else 0)
    if not lines:
        raise MRZError("no MRZ text: the input is empty")
    if any(len(line) != shape[1] for line in lines) or shape not in _SHAPES:
        lengths = ", ".join(str(len(line)) for line in lines[:5])
        raise MRZError(
            f"not an MRZ: expected 3 lines of 30, 2 lines of 36 or 2 lines of 44 characters, "
            f"got {len(lines)} line(s) of {lengths} characters"
        )
    for n, line in enumerate(lines, 1):
        for col, char in enumerate(line, 1):
            if char not in ALPHABET:
                raise MRZError(
                    f"not an MRZ: {char!r} at line {n}, position {col} is not an MRZ character (A-Z, 0-9, <)"
                )
    return lines


def detect_format(lines: list[str]) -> Layout:
    """The layout by shape and document code; a TD2-size card starting ``IDFRA`` is the French
    national ID card unless the TD2 reading passes all its check digits and the French one does not."""
    count, width = len(lines), len(lines[0])
    if count == 3:
        return LAYOUTS[DocumentFormat.TD1]
    # the document code and issuing state are letters: read OCR's digits back as letters first
    head = "".join(DIGIT_TO_LETTER.get(c, c) for c in lines[0][:5])
    visa = head.startswith("V")
    if width == 44:
        return LAYOUTS[DocumentFormat.MRV_A if visa else DocumentFormat.TD3]
    if visa:
        return LAYOUTS[DocumentFormat.MRV_B]
    if head == "IDFRA":
        french, td2 = LAYOUTS[DocumentFormat.FRENCH_ID], LAYOUTS[DocumentFormat.TD2]
        return td2 if _all_checks_pass(td2, lines) and not _all_checks_pass(french, lines) else french
    return LAYOUTS[DocumentFormat.TD2]


def _all_checks_pass(layout: Layout, lines: list[str]) -> bool:
    """Only a reading whose every check digit passes can overrule the document code: an OCR-damaged
    French card must stay French, not turn into a TD2 card that passes one check by chance."""
    grid = Grid(layout, [list(line) for line in lines])
    return all(g.passes(grid) for g in build_groups(layout, grid, find_overflow(layout, grid)))


def parse(text: str, *, today: dt.date | None = None, correct: bool = True) -> MRZResult:
    """Parses, checks and (with ``correct``) repairs OCR confusions in one MRZ.

    ``today`` anchors century inference of dates (default: the local date)."""
    lines = normalise(text)
    layout = detect_format(lines)
    grid = Grid(layout, [list(line) for line in lines])
    findings: list[dict[str, Any]] = []
    corrections: list[dict[str, Any]] = []
    if correct:
        corrections, correction_findings = correct_grid(layout, grid)
        findings += correction_findings
    overflow = find_overflow(layout, grid)
    groups = build_groups(layout, grid, overflow)
    checks = {g.name: g.passes(grid) for g in groups}
    fields = _FieldReader(layout, grid, today or dt.date.today(), findings).read()
    if overflow is not None:
        _read_overflow(layout, grid, overflow, fields, findings)
    findings += _check_findings(grid, groups, checks)
    findings += _blind_spots(fields)
    if corrections:
        # fillers read as letters are routine for OCR and change no data; anything else is worth a look
        data = [c for c in corrections if c["to"] != FILLER]
        findings.append(
            _finding(
                "mrz.corrected",
                "warning" if data else "info",
                f"{len(corrections)} character(s) corrected for OCR confusions"
                + (f", {len(data)} of them in data" if data else " (fillers read as letters)")
                + ", confirmed by check digits or the field's rules",
                corrections=len(corrections),
                data_corrections=len(data),
            )
        )
    return MRZResult(
        mrz="\n".join(grid.lines()),
        format=layout.format,
        valid=all(checks.values()),
        fields=fields,
        checks=checks,
        corrections=corrections,
        findings=findings,
    )


def _read_overflow(
    layout: Layout,
    grid: Grid,
    overflow: Overflow,
    fields: dict[str, str | None],
    findings: list[dict[str, Any]],
) -> None:
    """A long document number: the number is the field plus the overflow characters; the optional
    data is what follows the number's check digit."""
    assert layout.overflow is not None  # find_overflow only finds one where the layout allows it
    number_name, _, rest_name = layout.overflow
    extra = "".join(grid[p] for p in overflow.extra)
    number = grid.text(layout.field(number_name)) + extra
    fields[number_name] = number
    fields[rest_name] = grid.text(layout.field(rest_name))[len(extra) + 1 :].strip(FILLER)
    findings.append(
        _finding(
            "mrz.long_document_number",
            "info",
            f"Document number longer than 9 characters, continued in the optional data "
            f"({len(number)} characters)",
            document_number=number,
        )
    )


def _check_findings(grid: Grid, groups: list[Group], checks: dict[str, bool]) -> list[dict[str, Any]]:
    findings = []
    for group in groups:
        label = _CHECK_LABELS.get(group.name, group.name)
        if not checks[group.name]:
            findings.append(
                _finding(
                    "mrz.check_digit",
                    "fail",
                    f"Check digit of the {label} does not match",
                    check=group.name,
                    line=group.digit[0] + 1,
                    position=group.digit[1] + 1,
                    found=grid[group.digit],
                )
            )
        elif group.filler_if_empty and grid[group.digit] == FILLER:
            findings.append(
                _finding(
                    "mrz.filler_check_digit",
                    "info",
                    f"'<' as check digit of the empty {label} (allowed by Doc 9303)",
                )
            )
    return findings


def _blind_spots(fields: dict[str, str | None]) -> list[dict[str, Any]]:
    """A ``G`` in a document number: OCR confuses it with ``6``, and the two differ by 10 in the
    check-digit sum, so no check digit can tell which was printed."""
    number = fields.get("document_number") or ""
    if "G" not in number:
        return []
    return [
        _finding(
            "mrz.check_digit_blind_spot",
            "info",
            f"Document number {number} contains G, which OCR confuses with 6 and no check digit "
            "can tell apart: compare with the printed number",
            document_number=number,
        )
    ]


class _FieldReader:
    """Interprets each field of a checked grid by its kind, adding findings as it goes."""

    def __init__(self, layout: Layout, grid: Grid, today: dt.date, findings: list[dict[str, Any]]) -> None:
        self.layout = layout
        self.grid = grid
        self.today = today
        self.findings = findings
        self.fields: dict[str, str | None] = dict.fromkeys(COMMON_FIELDS)

    def read(self) -> dict[str, str | None]:
        for f in self.layout.fields:
            if f.kind is not Kind.CHECK:
                self._read(f)
        self._cross_checks()
        return self.fields

    def _text(self, f: Field) -> str:
        return "".join(self.grid[p] for p in positions(f))

    def _bad_characters(self, f: Field, text: str) -> None:
        bad = [(i, c) for i, c in enumerate(text) if not f.charset.allows(c)]
        if bad:
            i, c = bad[0]
            self.findings.append(
                _finding(
                    "mrz.invalid_character",
                    "fail",
                    f"{_label(f)}: {c!r} is not allowed here ({f.charset.value})",
                    field=f.name,
                    line=f.line + 1,
                    position=f.offset + i + 1,
                    found=c,
                )
            )

    def _read(self, f: Field) -> None:
        text = self._text(f)
        self._bad_characters(f, text)
        if f.kind is Kind.DOCUMENT_CODE:
            self._document_code(text)
        elif f.kind is Kind.COUNTRY:
            self._country(f, text)
        elif f.kind is Kind.NAME:
            self._name(text)
        elif f.kind in (Kind.SURNAME, Kind.GIVEN_NAMES):
            self.fields[f.name] = decode_components(text)
            if not text.endswith(FILLER):
                self._truncated(f)
        elif f.kind is Kind.DATE:
            self._date(f, text)
        elif f.kind is Kind.YEAR_MONTH:
            month = dates.year_month(text, self.today)
            self.fields[f.name] = None if month is None else f"{month[0]:04d}-{month[1]:02d}"
            if month is None:
                self.findings.append(
                    _finding(
                        "mrz.impossible_date", "fail", f"{_label(f)} {text!r} is not a month", field=f.name
                    )
                )
        elif f.kind is Kind.SEX:
            self.fields[f.name] = text
            if text not in _SEXES:
                self.findings.append(
                    _finding("mrz.sex", "fail", f"Sex {text!r} is not M, F, X or <", found=text)
                )
        else:
            self.fields[f.name] = text.rstrip(FILLER)

    def _document_code(self, text: str) -> None:
        code = text.rstrip(FILLER)
        self.fields["document_code"] = code
        allowed = self.layout.document_codes
        if not code or code[0] not in allowed:
            self.findings.append(
                _finding(
                    "mrz.document_code",
                    "warning",
                    f"Document code {code!r} does not fit a {self.layout.format.value} document "
                    f"(expected {' or '.join(allowed)}...)",
                    found=code,
                )
            )
        elif len(code) > 1 and code[0] in "ACI" and code[1] == "V":
            self.findings.append(
                _finding(
                    "mrz.document_code",
                    "warning",
                    f"Document code {code!r}: V is not allowed as second letter of an ID card code",
                    found=code,
                )
            )

    def _country(self, f: Field, text: str) -> None:
        code = text.rstrip(FILLER)
        self.fields[f.name] = code
        if code in ICAO_CODES:
            if f.name == "issuing_state" and code in NATIONALITY_ONLY:
                self.findings.append(
                    _finding(
                        "mrz.issuing_state",
                        "warning",
                        f"{code} denotes a nationality status, not an issuing state or organisation",
                        field=f.name,
                        country=code,
                    )
                )
            return
        if code in IN_USE_NOT_LISTED:
            self.findings.append(
                _finding(
                    "mrz.country_not_listed",
                    "info",
                    f"{_label(f)} {code}: {IN_USE_NOT_LISTED[code]}",
                    field=f.name,
                    country=code,
                )
            )
            return
        self.findings.append(
            _finding(
                "mrz.unknown_country",
                "warning",
                f"{_label(f)} {text!r} is not in the ICAO list of state and organisation codes",
                field=f.name,
                country=text,
            )
        )

    def _name(self, text: str) -> None:
        name = decode_name(text)
        self.fields["surname"] = name.surname
        self.fields["given_names"] = name.given_names
        if not name.surname and not name.given_names:
            self.findings.append(_finding("mrz.name_missing", "fail", "The name field is empty"))
            return
        if name.single_name:
            self.findings.append(
                _finding(
                    "mrz.single_name",
                    "info",
                    "Single-name holder: the whole name is the primary identifier",
                    surname=name.surname,
                )
            )
        if name.truncated:
            self._truncated(self.layout.field("name"))

    def _truncated(self, f: Field) -> None:
        self.findings.append(
            _finding(
                "mrz.name_truncated",
                "info",
                f"{_label(f)} fills the field to its last character: the name may be truncated; "
                "compare with the printed name",
                field=f.name,
            )
        )

    def _date(self, f: Field, text: str) -> None:
        read = dates.birth_date if f.name == "birth_date" else dates.expiry_date
        found = read(text, self.today)
        self.fields[f.name] = None if found.value is None else found.value.isoformat()
        if found.problem is None:
            return
        partial = "<" in text and f.name == "birth_date"
        self.findings.append(
            _finding(
                "mrz.date_unknown_part" if partial else "mrz.impossible_date",
                "info" if partial else "fail",
                f"{_label(f)} {text!r} {found.problem}",
                field=f.name,
                found=text,
            )
        )

    def _cross_checks(self) -> None:
        birth, expiry = self.fields.get("birth_date"), self.fields.get("expiry_date")
        if birth and expiry and expiry < birth:
            self.findings.append(
                _finding(
                    "mrz.expiry_before_birth",
                    "fail",
                    f"Date of expiry {expiry} is before the date of birth {birth}",
                    birth_date=birth,
                    expiry_date=expiry,
                )
            )


def _label(f: Field) -> str:
    return f.name.replace("_", " ").capitalize()
