"""``station demo --text``: a short terminal walk-through of what the MRZ core sees in real documents.

It builds a few synthetic MRZs (different formats and the quirks real documents have), parses them
and prints fields, check digits, OCR corrections and findings. No display needed; ``station demo``
without ``--text`` starts the booth application instead (``ui.app``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable

from mrz import DocumentFormat, MRZResult, build, parse
from mrz.formats import layout_of
from mrz.synthetic import random_fields, random_identity


@dataclasses.dataclass(frozen=True)
class Case:
    title: str
    why: str
    mrz: str


def _document(rng: random.Random, fmt: DocumentFormat, today: dt.date, **changes: object) -> str:
    fields = random_fields(rng, fmt, today=today)
    fields.update(changes)
    return build(fields.pop("fmt"), **fields)


def _ocr_damage(text: str) -> str:
    """What a camera OCR typically does to a passport MRZ: K for fillers after the name, O for 0 in
    the date of birth."""
    line1, line2 = text.split("\n")
    name_end = line1.rstrip("<")
    line1 = name_end + "<" * 3 + "KK" + "<" * (len(line1) - len(name_end) - 5)
    line2 = line2[:13] + line2[13:19].replace("0", "O", 1) + line2[19:]
    return f"{line1}\n{line2}"


def _filler_check_digit(text: str) -> str:
    """Many passports print ``<`` rather than ``0`` as the check digit of an empty personal number
    (Doc 9303 allows both; both count 0 in the composite, so nothing else changes)."""
    digit = layout_of(DocumentFormat.TD3).field("optional_data_check")
    lines = text.split("\n")
    row = lines[digit.line]
    lines[digit.line] = row[: digit.offset] + "<" + row[digit.end :]
    return "\n".join(lines)


def _number_misread(text: str) -> str:
    """The first digit of the document number that has a look-alike letter, read as that letter."""
    number = layout_of(DocumentFormat.TD3).field("document_number")
    lines = text.split("\n")
    row = lines[number.line]
    for col in range(number.offset, number.end):
        if row[col] in _LOOK_ALIKE:
            lines[number.line] = row[:col] + _LOOK_ALIKE[row[col]] + row[col + 1 :]
            break
    return "\n".join(lines)


_LOOK_ALIKE = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B"}


def cases(seed: int, today: dt.date) -> list[Case]:
    rng = random.Random(seed)
    td3 = _document(rng, DocumentFormat.TD3, today)
    plain = Case("Passport (TD3)", "two lines of 44; every check digit passes", td3)
    german = _document(rng, DocumentFormat.TD1, today, document_code="ID", issuing_state="D", nationality="D")
    long_number = _document(rng, DocumentFormat.TD1, today, document_number="X4RTBPFW46123")
    single = random_identity(rng, "bengali", today=today)
    single_mrz = _document(
        rng,
        DocumentFormat.TD3,
        today,
        surname=single.given_names.split()[0],
        given_names="",
        nationality="BGD",
        issuing_state="BGD",
        optional_data="",
    )
    single_mrz = _filler_check_digit(single_mrz)
    long_name = _document(
        rng,
        DocumentFormat.TD3,
        today,
        surname="Al-Hashimi Abd Al-Rahman",
        given_names="Mohammed Khalid Yusuf Ibrahim",
        nationality="JOR",
        issuing_state="JOR",
    )
    french = _document(rng, DocumentFormat.FRENCH_ID, today)
    visa = _document(rng, DocumentFormat.MRV_B, today, nationality="XXB")
    damaged = _ocr_damage(_document(rng, DocumentFormat.TD3, today))
    misread = _number_misread(_document(rng, DocumentFormat.TD3, today, document_number="X0P47N2R8"))
    unclear = _number_misread(_document(rng, DocumentFormat.TD3, today, document_number="AB1205683"))
    tampered_source = _document(rng, DocumentFormat.TD2, today)
    line1, line2 = tampered_source.split("\n")
    tampered = f"{line1}\n{line2[:21]}{'9' if line2[21] != '9' else '8'}{line2[22:]}"
    return [
        plain,
        Case("German ID card (TD1)", "Germany's code is the single letter D, written D<<", german),
        Case(
            "ID card with a 13-character number (TD1)",
            "the number continues in the optional data, '<' in the check digit position",
            long_number,
        ),
        Case(
            "Single-name holder (TD3)",
            "no secondary identifier; '<' is the check digit of the empty personal number",
            single_mrz,
        ),
        Case("Name too long for the field (TD3)", "truncated by Doc 9303's rules", long_name),
        Case("French national ID card (pre-2021)", "a TD2-size card with its own national layout", french),
        Case("Visa (MRV-B) for a refugee", "nationality XXB: refugee under the 1951 Convention", visa),
        Case(
            "Passport read by a camera OCR",
            "misread characters, corrected only where checks confirm",
            damaged,
        ),
        Case(
            "Passport with O read for 0 in the document number",
            "letters and digits are both allowed there: corrected only if exactly one reading fits",
            misread,
        ),
        Case(
            "Passport with I read for 1 in a number full of look-alikes",
            "several readings fit the check digits: nothing is guessed, the officer reads the page",
            unclear,
        ),
        Case("ID card (TD2) with an altered expiry year", "one digit changed after issue", tampered),
    ]


def _show(case: Case, result: MRZResult, out: Callable[[str], None]) -> None:
    out(f"== {case.title}: {case.why}")
    for line in case.mrz.split("\n"):
        out(f"   {line}")
    verdict = "VALID" if result.valid else "NOT VALID"
    out(f"   format {result.format.value}, {verdict}")
    for name, value in result.fields.items():
        if value not in (None, ""):
            out(f"     {name.replace('_', ' '):<17} {value}")
    checks = "  ".join(
        f"{name.replace('_', ' ')} {'ok' if ok else 'FAILED'}" for name, ok in result.checks.items()
    )
    out(f"   check digits: {checks}")
    for c in result.corrections:
        out(
            f"   corrected line {c['line']} position {c['position']}: {c['from']} -> {c['to']} ({c['field']})"
        )
    for f in result.findings:
        out(f"   [{f['severity']}] {f['code']}: {f['message']}")
    out("")


def run(seed: int = 2026, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    print(f"Border Station MRZ demo: fictional documents inspected on {today.isoformat()}\n")
    for case in cases(seed, today):
        _show(case, parse(case.mrz, today=today), print)
    print("Try it on your own text: station mrz parse $'LINE1\\nLINE2'")
    return 0
