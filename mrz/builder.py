"""Writing an MRZ from fields, every check digit computed from the format's table.

Used by the device simulators, the demo and the tests, so it refuses input it cannot write
faithfully (``MRZError``) instead of silently changing it; long names are the exception Doc 9303
itself makes: they are truncated by its rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from mrz.checkdigit import FILLER, check_digit
from mrz.dates import to_yymmdd
from mrz.errors import MRZError
from mrz.formats import LAYOUTS, DocumentFormat, Field, Kind, Layout
from mrz.names import encode_components, encode_name

_SEXES: Final = frozenset("MFX<")


def _clean(value: str, what: str) -> str:
    """Free text for a text field: upper case, spaces to fillers, only MRZ characters."""
    text = value.strip().upper().replace(" ", FILLER)
    bad = [c for c in text if not ("A" <= c <= "Z" or "0" <= c <= "9" or c == FILLER)]
    if bad:
        raise MRZError(f"{what} {value!r}: {bad[0]!r} cannot be written in an MRZ")
    return text


def _fit(text: str, f: Field, what: str) -> str:
    if len(text) > f.length:
        raise MRZError(f"{what} {text!r} is longer than {f.length} characters")
    return text.ljust(f.length, FILLER)


def build(
    fmt: DocumentFormat | str,
    *,
    document_code: str = "P",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str | None = None,
    birth_date: dt.date,
    sex: str,
    expiry_date: dt.date | None = None,
    optional_data: str = "",
    optional_data_2: str = "",
) -> str:
    """The MRZ lines joined by ``"\\n"``, all check digits valid.

    ``document_code`` defaults to ``P``; for TD1/TD2 give e.g. ``"ID"``, for visas ``"V"`` (a code
    that does not fit the format is an error). Names are given in Latin script and transliterated
    per Doc 9303 (``"Müller"`` -> ``MUELLER``). TD1/TD2 document numbers longer than 9 characters
    continue in the optional data (Doc 9303 Part 5). Unknown country codes are written as given:
    simulators need to make bad documents too.

    The pre-2021 French ID card (``FRENCH_ID``) has no nationality or expiry date in its MRZ (pass
    None); its ``document_number`` is 12 characters (``YYMM`` of issue, department, serial) and
    ``optional_data`` is the 6-character issuing department and office code."""
    layout = LAYOUTS[fmt if isinstance(fmt, DocumentFormat) else DocumentFormat.from_name(fmt)]
    code = _clean(document_code, "document code")
    if not code or code[0] not in layout.document_codes:
        raise MRZError(
            f"document code {document_code!r} does not fit {layout.format.value} "
            f"(starts with {' or '.join(layout.document_codes)})"
        )
    if sex not in _SEXES:
        raise MRZError(f"sex {sex!r} must be M, F, X or <")
    values: dict[str, str] = {
        "document_code": code,
        "issuing_state": _clean(issuing_state, "issuing state"),
        "birth_date": to_yymmdd(birth_date),
        "sex": sex,
    }
    if layout.format is DocumentFormat.FRENCH_ID:
        _french_values(
            values,
            surname=surname,
            given_names=given_names,
            document_number=document_number,
            nationality=nationality,
            expiry_date=expiry_date,
            office=optional_data,
        )
    else:
        if nationality is None or expiry_date is None:
            raise MRZError(f"{layout.format.value} needs a nationality and a date of expiry")
        values.update(
            nationality=_clean(nationality, "nationality"),
            expiry_date=to_yymmdd(expiry_date),
            name=encode_name(surname, given_names, layout.field("name").length).text,
        )
        _number_and_optional(layout, values, document_number, optional_data, optional_data_2)
    for country in ("issuing_state", "nationality"):
        if country in values and not values[country]:
            raise MRZError(f"{country.replace('_', ' ')} is empty")
    return _assemble(layout, values)


def _french_values(
    values: dict[str, str],
    *,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str | None,
    expiry_date: dt.date | None,
    office: str,
) -> None:
    if nationality not in (None, "FRA") or expiry_date is not None:
        raise MRZError("the French ID card MRZ has no nationality (always FRA) or expiry date: pass None")
    if values["issuing_state"] != "FRA":
        raise MRZError("the French ID card is issued by FRA")
    number = _clean(document_number, "document number")
    if len(number) != 12:
        raise MRZError(f"a French ID card number has 12 characters, not {len(number)} ({number!r})")
    office_code = _clean(office, "department and office code")
    if len(office_code) > 6:
        raise MRZError(f"department and office code {office!r} is longer than 6 characters")
    office_code = office_code.ljust(6, FILLER)
    values.update(
        surname=encode_components(surname, FILLER, 25).text,
        given_names=encode_components(given_names, "<<", 14).text,
        document_number=number,
        department=office_code[:3],
        office=office_code[3:],
    )


def _number_and_optional(
    layout: Layout, values: dict[str, str], document_number: str, optional: str, optional_2: str
) -> None:
    number = _clean(document_number, "document number")
    if not number:
        raise MRZError("document number is empty")
    number_field = layout.field("document_number")
    optional_text = _clean(optional, "optional data")
    if len(number) > number_field.length:
        if layout.overflow is None:
            raise MRZError(
                f"document number {number!r} is longer than {number_field.length} characters, "
                f"which {layout.format.value} cannot hold"
            )
        head, tail = number[: number_field.length], number[number_field.length :]
        values["document_number"] = head
        values["document_number_check"] = FILLER
        optional_text = f"{tail}{check_digit(number)}{FILLER}{optional_text}".rstrip(FILLER)
    else:
        values["document_number"] = number
    values["optional_data"] = optional_text
    if optional_2:
        if "optional_data_2" not in layout.by_name:
            raise MRZError(f"{layout.format.value} has no second optional data field")
        values["optional_data_2"] = _clean(optional_2, "optional data 2")


def _assemble(layout: Layout, values: dict[str, str]) -> str:
    """Fills every field from ``values`` (fillers where absent), then computes the check digits
    in table order, so the composite sees the digits before it."""
    rows = [[FILLER] * layout.line_length for _ in range(layout.line_count)]

    def put(f: Field, text: str) -> None:
        rows[f.line][f.offset : f.end] = list(text)

    def get(name: str) -> str:
        f = layout.field(name)
        return "".join(rows[f.line][f.offset : f.end])

    for f in layout.fields:
        if f.part_of is None and f.kind is not Kind.CHECK and f.name in values:
            put(f, _fit(values[f.name], f, f.name.replace("_", " ")))
    for check in layout.checks:
        if check.digit in values:  # long document number: '<' here, digit in the optional data
            put(layout.field(check.digit), values[check.digit])
            continue
        covered = "".join(get(name) for name in check.covers)
        empty = check.filler_if_empty and all(c == FILLER for c in covered)
        put(layout.field(check.digit), "0" if empty else check_digit(covered))
    return "\n".join("".join(row) for row in rows)
