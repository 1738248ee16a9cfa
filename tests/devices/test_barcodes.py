"""Barcodes generated with zxing-cpp are read back from images, and IATA boarding passes parsed."""

from __future__ import annotations

import contextlib
import datetime

import numpy as np
import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st

from devices.barcodes import read_barcodes
from devices.bcbp import BCBPError, encode_bcbp, parse_bcbp

IATA_EXAMPLE = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"


def image_of(text: str, fmt: zxingcpp.BarcodeFormat, scale: int = 3) -> np.ndarray:
    symbol = np.asarray(zxingcpp.create_barcode(text, fmt).to_image(scale=scale))
    return np.pad(symbol, 30, constant_values=255)  # a quiet zone, as on paper


def test_iata_example() -> None:
    bp = parse_bcbp(IATA_EXAMPLE)
    assert (bp.surname, bp.given_names, bp.electronic_ticket) == ("DESMARAIS", "LUC", True)
    (leg,) = bp.legs
    assert (leg.pnr, leg.from_airport, leg.to_airport, leg.carrier) == ("ABC123", "YUL", "FRA", "AC")
    assert (leg.flight_number, leg.julian_date, leg.compartment, leg.seat, leg.sequence) == (
        "0834",
        326,
        "J",
        "001A",
        "0025",
    )
    assert leg.passenger_status == "1"
    assert leg.flight_date(datetime.date(2026, 11, 23)) == datetime.date(2026, 11, 22)


def test_two_legs_with_conditional_parts_skipped() -> None:
    leg1 = "XYZ789 DXBKBLFZ 0301 120Y012C0007 1" + "0A" + "0123456789"
    leg2 = "XYZ789 KBLIKAFZ 0302 121Y003F0008 1" + "00"
    bp = parse_bcbp(
        "M2" + "NOORI/AHMAD ZIA".ljust(20) + "E" + leg1 + leg2 + "^164GIWVC5EH7JNT684FVNJ91W2QA4DVN5"
    )
    assert [(leg.from_airport, leg.to_airport, leg.flight_number) for leg in bp.legs] == [
        ("DXB", "KBL", "0301"),
        ("KBL", "IKA", "0302"),
    ]
    assert bp.given_names == "AHMAD ZIA"


def test_flight_date_across_new_year() -> None:
    leg = parse_bcbp(IATA_EXAMPLE.replace(" 326", " 002")).legs[0]
    assert leg.flight_date(datetime.date(2026, 12, 30)) == datetime.date(2027, 1, 2)
    leap = parse_bcbp(IATA_EXAMPLE.replace(" 326", " 366")).legs[0]
    assert leap.flight_date(datetime.date(2028, 6, 1)) == datetime.date(2028, 12, 31)
    with pytest.raises(BCBPError, match="no year"):
        leap.flight_date(datetime.date(2026, 6, 1))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X1DESMARAIS/LUC       E", "not an IATA BCBP"),
        (IATA_EXAMPLE[:40], "ends inside"),
        (IATA_EXAMPLE.replace(" 326", " 400"), "day of the year"),
        (IATA_EXAMPLE.replace("M1", "M9"), "legs must be 1-4"),
        (IATA_EXAMPLE[:-2] + "ZZ", "not a number"),
        (IATA_EXAMPLE[:-2] + "FF", "conditional part"),
    ],
)
def test_bad_boarding_passes_say_why(text: str, message: str) -> None:
    with pytest.raises(BCBPError, match=message):
        parse_bcbp(text)


@given(st.text(max_size=200))
def test_random_text_only_ever_raises_bcbp_error(text: str) -> None:
    with contextlib.suppress(BCBPError):
        parse_bcbp(text)


@pytest.mark.parametrize(
    "fmt", [zxingcpp.BarcodeFormat.PDF417, zxingcpp.BarcodeFormat.Aztec, zxingcpp.BarcodeFormat.QRCode]
)
def test_boarding_pass_round_trip_through_an_image(fmt: zxingcpp.BarcodeFormat) -> None:
    text = encode_bcbp(
        passenger_name="HOSSEINI/MARYAM",
        legs=[
            {
                "pnr": "QWE5RT",
                "from_airport": "IST",
                "to_airport": "THR",
                "carrier": "TK",
                "flight_number": "878",
                "julian_date": 45,
                "compartment": "Y",
                "seat": "23C",
                "sequence": "112",
                "passenger_status": "1",
            }
        ],
    )
    codes = read_barcodes(image_of(text, fmt))
    assert text in {code.text for code in codes}
    assert fmt.name in {code.format for code in codes}
    leg = parse_bcbp(text).legs[0]
    assert (leg.pnr, leg.seat, leg.flight_number, leg.sequence) == ("QWE5RT", "023C", "0878", "0112")


def test_qr_and_1d_codes_are_read_by_zbar_too() -> None:
    qr = read_barcodes(image_of("https://example.invalid/booth", zxingcpp.BarcodeFormat.QRCode))
    assert {code.reader for code in qr if code.text == "https://example.invalid/booth"} == {"zxing-cpp"}
    code128 = read_barcodes(np.dstack([image_of("BOOTH-0042", zxingcpp.BarcodeFormat.Code128)] * 3))
    assert [(c.format, c.text) for c in code128] == [("Code128", "BOOTH-0042")]


def test_nothing_in_a_blank_or_noisy_image() -> None:
    assert read_barcodes(np.full((200, 300), 255, np.uint8)) == []
    assert read_barcodes(np.random.default_rng(1).integers(0, 255, (200, 300), dtype=np.uint8)) == []
