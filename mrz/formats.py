"""Every MRZ format described once, as data: where each field sits, which characters it may hold,
and which check digit covers it. The parser, the checker, the OCR corrector and the builder all
read these tables; nothing else in the library knows an offset.

Sources: Doc 9303 Part 4 (TD3), Part 5 (TD1), Part 6 (TD2), Part 7 (MRV-A, MRV-B); the pre-2021
French national identity card follows its own national specification on a TD2-size card.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cached_property


class DocumentFormat(enum.StrEnum):
    """The MRZ formats the library reads and writes (the value is the name, e.g. ``"TD3"``)."""

    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRV_A = "MRV_A"
    MRV_B = "MRV_B"
    FRENCH_ID = "FRENCH_ID"

    @classmethod
    def from_name(cls, name: str) -> DocumentFormat:
        """Accepts ``"TD3"``, ``"mrv-a"``, ``"MRV_A"`` and the like."""
        key = name.strip().upper().replace("-", "_")
        try:
            return cls(key)
        except ValueError:
            known = ", ".join(f.value for f in cls)
            raise ValueError(f"unknown MRZ format {name!r} (known: {known})") from None


class Charset(enum.Enum):
    """Which characters a field may hold (the filler ``<`` is allowed in all of them)."""

    ALPHA = "A-Z<"
    NUMERIC = "0-9<"
    ALNUM = "A-Z0-9<"

    def allows(self, char: str) -> bool:
        if char == "<":
            return True
        if self is Charset.ALPHA:
            return "A" <= char <= "Z"
        if self is Charset.NUMERIC:
            return "0" <= char <= "9"
        return "A" <= char <= "Z" or "0" <= char <= "9"


class Kind(enum.Enum):
    """How a field's text is interpreted."""

    DOCUMENT_CODE = "document code"
    COUNTRY = "country code"
    NAME = "primary and secondary identifiers"  # SURNAME<<GIVEN<NAMES
    SURNAME = "surname"  # components joined by '<'
    GIVEN_NAMES = "given names"  # French ID: given names joined by '<<'
    TEXT = "left-aligned text"
    DATE = "date YYMMDD"
    YEAR_MONTH = "year and month YYMM"
    SEX = "sex"
    CHECK = "check digit"


@dataclass(frozen=True)
class Field:
    """One field: ``line`` and ``offset`` count from 0. A field with ``part_of`` is a view into
    another field (e.g. the issue month inside a French ID card number): parsed, never written."""

    name: str
    line: int
    offset: int
    length: int
    charset: Charset
    kind: Kind
    part_of: str | None = None

    @property
    def end(self) -> int:
        return self.offset + self.length


@dataclass(frozen=True)
class Check:
    """A check digit: the field ``digit`` holds the check digit of the fields in ``covers``,
    concatenated in order. ``filler_if_empty``: ``<`` is an accepted check digit when every
    covered character is a filler."""

    name: str
    digit: str
    covers: tuple[str, ...]
    filler_if_empty: bool = False


@dataclass(frozen=True)
class Layout:
    """A whole format. ``document_codes``: the first letters of document codes this format
    carries. ``overflow``: (number field, check field, overflow field) when a document number
    longer than its field continues in an optional-data field (Doc 9303 Part 5/6), marked by
    ``<`` in the check digit position."""

    format: DocumentFormat
    line_count: int
    line_length: int
    fields: tuple[Field, ...]
    checks: tuple[Check, ...]
    document_codes: str
    overflow: tuple[str, str, str] | None = None

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> Field:
        return self.by_name[name]

    @cached_property
    def checks_covering(self) -> dict[str, tuple[Check, ...]]:
        """Field name -> the checks whose sum includes it (the check's own digit included)."""
        out: dict[str, list[Check]] = {}
        for check in self.checks:
            for name in (*check.covers, check.digit):
                out.setdefault(name, []).append(check)
        return {k: tuple(v) for k, v in out.items()}


A, N, X = Charset.ALPHA, Charset.NUMERIC, Charset.ALNUM
K = Kind


def _visa_or_td2_line2(optional_length: int) -> tuple[Field, ...]:
    """Line 2 shared by TD2, TD3, MRV-A and MRV-B, up to the optional data."""
    return (
        Field("document_number", 1, 0, 9, X, K.TEXT),
        Field("document_number_check", 1, 9, 1, N, K.CHECK),
        Field("nationality", 1, 10, 3, A, K.COUNTRY),
        Field("birth_date", 1, 13, 6, N, K.DATE),
        Field("birth_date_check", 1, 19, 1, N, K.CHECK),
        Field("sex", 1, 20, 1, A, K.SEX),
        Field("expiry_date", 1, 21, 6, N, K.DATE),
        Field("expiry_date_check", 1, 27, 1, N, K.CHECK),
        Field("optional_data", 1, 28, optional_length, X, K.TEXT),
    )


def _line1(name_length: int) -> tuple[Field, ...]:
    return (
        Field("document_code", 0, 0, 2, A, K.DOCUMENT_CODE),
        Field("issuing_state", 0, 2, 3, A, K.COUNTRY),
        Field("name", 0, 5, name_length, A, K.NAME),
    )


_BASIC_CHECKS = (
    Check("document_number", "document_number_check", ("document_number",)),
    Check("birth_date", "birth_date_check", ("birth_date",)),
    Check("expiry_date", "expiry_date_check", ("expiry_date",)),
)

TD1 = Layout(
    DocumentFormat.TD1,
    3,
    30,
    (
        Field("document_code", 0, 0, 2, A, K.DOCUMENT_CODE),
        Field("issuing_state", 0, 2, 3, A, K.COUNTRY),
        Field("document_number", 0, 5, 9, X, K.TEXT),
        Field("document_number_check", 0, 14, 1, N, K.CHECK),
        Field("optional_data", 0, 15, 15, X, K.TEXT),
        Field("birth_date", 1, 0, 6, N, K.DATE),
        Field("birth_date_check", 1, 6, 1, N, K.CHECK),
        Field("sex", 1, 7, 1, A, K.SEX),
        Field("expiry_date", 1, 8, 6, N, K.DATE),
        Field("expiry_date_check", 1, 14, 1, N, K.CHECK),
        Field("nationality", 1, 15, 3, A, K.COUNTRY),
        Field("optional_data_2", 1, 18, 11, X, K.TEXT),
        Field("composite_check", 1, 29, 1, N, K.CHECK),
        Field("name", 2, 0, 30, A, K.NAME),
    ),
    (
        *_BASIC_CHECKS,
        Check(
            "composite",
            "composite_check",
            (
                "document_number",
                "document_number_check",
                "optional_data",
                "birth_date",
                "birth_date_check",
                "expiry_date",
                "expiry_date_check",
                "optional_data_2",
            ),
        ),
    ),
    document_codes="ACI",
    overflow=("document_number", "document_number_check", "optional_data"),
)

_TD2_COMPOSITE = Check(
    "composite",
    "composite_check",
    (
        "document_number",
        "document_number_check",
        "birth_date",
        "birth_date_check",
        "expiry_date",
        "expiry_date_check",
        "optional_data",
    ),
)

TD2 = Layout(
    DocumentFormat.TD2,
    2,
    36,
    (*_line1(31), *_visa_or_td2_line2(7), Field("composite_check", 1, 35, 1, N, K.CHECK)),
    (*_BASIC_CHECKS, _TD2_COMPOSITE),
    document_codes="ACI",
    overflow=("document_number", "document_number_check", "optional_data"),
)

TD3 = Layout(
    DocumentFormat.TD3,
    2,
    44,
    (
        *_line1(39),
        *_visa_or_td2_line2(14),
        Field("optional_data_check", 1, 42, 1, N, K.CHECK),
        Field("composite_check", 1, 43, 1, N, K.CHECK),
    ),
    (
        *_BASIC_CHECKS,
        Check("optional_data", "optional_data_check", ("optional_data",), filler_if_empty=True),
        Check(
            "composite",
            "composite_check",
            (
                "document_number",
                "document_number_check",
                "birth_date",
                "birth_date_check",
                "expiry_date",
                "expiry_date_check",
                "optional_data",
                "optional_data_check",
            ),
        ),
    ),
    document_codes="P",
)

MRV_A = Layout(
    DocumentFormat.MRV_A, 2, 44, (*_line1(39), *_visa_or_td2_line2(16)), _BASIC_CHECKS, document_codes="V"
)

MRV_B = Layout(
    DocumentFormat.MRV_B, 2, 36, (*_line1(31), *_visa_or_td2_line2(8)), _BASIC_CHECKS, document_codes="V"
)

FRENCH_ID = Layout(
    DocumentFormat.FRENCH_ID,
    2,
    36,
    (
        Field("document_code", 0, 0, 2, A, K.DOCUMENT_CODE),
        Field("issuing_state", 0, 2, 3, A, K.COUNTRY),
        Field("surname", 0, 5, 25, A, K.SURNAME),
        Field("department", 0, 30, 3, X, K.TEXT),
        Field("office", 0, 33, 3, N, K.TEXT),
        Field("document_number", 1, 0, 12, X, K.TEXT),
        Field("issue_date", 1, 0, 4, N, K.YEAR_MONTH, part_of="document_number"),
        Field("issue_department", 1, 4, 3, X, K.TEXT, part_of="document_number"),
        Field("document_number_check", 1, 12, 1, N, K.CHECK),
        Field("given_names", 1, 13, 14, A, K.GIVEN_NAMES),
        Field("birth_date", 1, 27, 6, N, K.DATE),
        Field("birth_date_check", 1, 33, 1, N, K.CHECK),
        Field("sex", 1, 34, 1, A, K.SEX),
        Field("composite_check", 1, 35, 1, N, K.CHECK),
    ),
    (
        Check("document_number", "document_number_check", ("document_number",)),
        Check("birth_date", "birth_date_check", ("birth_date",)),
        Check(
            "composite",
            "composite_check",
            (
                "document_code",
                "issuing_state",
                "surname",
                "department",
                "office",
                "document_number",
                "document_number_check",
                "given_names",
                "birth_date",
                "birth_date_check",
                "sex",
            ),
        ),
    ),
    document_codes="I",
)

LAYOUTS: dict[DocumentFormat, Layout] = {
    layout.format: layout for layout in (TD1, TD2, TD3, MRV_A, MRV_B, FRENCH_ID)
}


def layout_of(fmt: DocumentFormat) -> Layout:
    return LAYOUTS[fmt]


def _check_tables() -> None:
    """Import-time sanity: every layout tiles its lines exactly and every check names real fields.
    A typo in the tables above fails loudly here rather than as a wrong parse later."""
    for layout in LAYOUTS.values():
        for line in range(layout.line_count):
            cells = sorted((f.offset, f.end) for f in layout.fields if f.line == line and f.part_of is None)
            position = 0
            for start, end in cells:
                if start != position:
                    raise RuntimeError(f"{layout.format}: gap or overlap at line {line} col {start}")
                position = end
            if position != layout.line_length:
                raise RuntimeError(f"{layout.format}: line {line} is {position} long")
        for check in layout.checks:
            for name in (*check.covers, check.digit):
                if name not in layout.by_name:
                    raise RuntimeError(f"{layout.format}: check {check.name} names {name}")


_check_tables()
