"""Boarding passes, advance passenger lists, travel history and overstay."""

from __future__ import annotations

import datetime
import uuid

import pytest

from station.domain import (
    Assessment,
    BoothRef,
    Decision,
    DecisionKind,
    Document,
    Inspection,
    OfficerRef,
    Verdict,
)
from station.screening.lists import apply_list
from station.screening.travel import TravellerRef, assess_stays, crossings, match_manifest, parse_bcbp
from station.store import Store

TODAY = datetime.date(2026, 11, 23)
TRAVELLER = TravellerRef("N12345678", "SYR", "ALHUSSEINI", "MOHAMMED ABDELRAHMAN", "1980-05-01")


def bcbp(name: str, pnr: str, flight: str, day: int) -> str:
    """An IATA BCBP (format M, one leg) with the mandatory items."""
    carrier, number = flight[:2], flight[2:]
    return f"M1{name:<20}E{pnr:<7}DOHBEY{carrier:<3}{number:0>4} {day:03d}Y012A0042 100"


def test_boarding_pass_is_parsed() -> None:
    text = bcbp("ALHUSSEINI/MOHAMMED", "ABC123", "QR1024", 327)
    boarding = parse_bcbp(text)
    assert boarding is not None
    assert (boarding.surname, boarding.given_names, boarding.pnr) == ("ALHUSSEINI", "MOHAMMED", "ABC123")
    assert (boarding.origin, boarding.destination, boarding.flight) == ("DOH", "BEY", "QR1024")
    assert boarding.flight_date(TODAY) == datetime.date(2026, 11, 23)
    # day 364 seen on 2 January is last year's flight, not next December's
    late = parse_bcbp(bcbp("DOE/JOHN", "ABC123", "QR1024", 364))
    assert late is not None and late.flight_date(datetime.date(2027, 1, 2)) == datetime.date(2026, 12, 30)


@pytest.mark.parametrize("text", ["", "M1", "QR CODE", "M1" + "X" * 60, "X" * 80])
def test_other_barcodes_are_not_boarding_passes(text: str) -> None:
    assert parse_bcbp(text) is None


@pytest.fixture
def manifest(store: Store) -> Store:
    with store.transaction() as conn:
        apply_list(
            conn,
            "api",
            "api-1",
            [
                {
                    "flight": "QR1024",
                    "expected_date": "2026-11-23",
                    "document_number": "N12345678",
                    "issuing_state": "SYR",
                    "surname": "ALHUSSEINI",
                    "given_names": "MOHAMMED ABDELRAHMAN",
                    "birth_date": "1980-05-01",
                    "pnr": "ABC123",
                    "flags": [{"flag": "ONE_WAY_CASH_TICKET", "source": "national targeting centre"}],
                },
                {
                    "flight": "QR1024",
                    "expected_date": "2026-11-23",
                    "surname": "HOSSEINI",
                    "given_names": "MARYAM",
                    "birth_date": "1990-02-02",
                    "pnr": "XYZ789",
                },
            ],
        )
    return store


def test_on_manifest_by_document(manifest: Store) -> None:
    with manifest.read() as conn:
        match = match_manifest(conn, "QR 1024", TODAY, TRAVELLER)
    assert match.entry is not None and match.matched_by == "document"
    assert match.entry.flags == ({"flag": "ONE_WAY_CASH_TICKET", "source": "national targeting centre"},)


def test_on_manifest_by_ocr_folded_document(manifest: Store) -> None:
    misread = TravellerRef("N1234S678", "SYR", "X", "Y", "")
    with manifest.read() as conn:
        assert match_manifest(conn, "QR1024", TODAY, misread).matched_by == "document (OCR-folded)"


def test_on_manifest_by_name_and_birth_date(manifest: Store) -> None:
    # the manifest has no document for her; the passport spells HOSSEINI differently
    her = TravellerRef("K9999999", "IRN", "HOSEINI", "MARIAM", "1990-02-02")
    with manifest.read() as conn:
        match = match_manifest(conn, "QR1024", TODAY + datetime.timedelta(days=1), her)
    assert match.entry is not None and match.matched_by == "name and birth date"


def test_not_on_manifest(manifest: Store) -> None:
    with manifest.read() as conn:
        other_birth = match_manifest(
            conn, "QR1024", TODAY, TravellerRef("", "IRN", "HOSSEINI", "MARYAM", "1991-02-02")
        )
        stranger = match_manifest(
            conn, "QR1024", TODAY, TravellerRef("P1", "FRA", "DUPONT", "JEAN", "1970-01-01")
        )
        no_list = match_manifest(conn, "EK0001", TODAY, TRAVELLER)
    assert other_birth.entry is None and other_birth.manifest_size == 2
    assert stranger.entry is None and stranger.manifest_size == 2
    assert no_list.manifest_size == 0


# --- travel history ------------------------------------------------------------------------------


def record_crossing(store: Store, direction: str, day: datetime.date, number: str = "N12345678") -> None:
    """An admitted inspection at a booth of ``direction``, as the workflow stores it."""
    at = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=datetime.UTC)
    inspection = Inspection(
        inspection_id=uuid.uuid4().hex,
        source="test",
        started_at=at,
        finished_at=at,
        findings=(),
        assessment=Assessment(Verdict.CLEAR),
        document=Document("P", "SYR", number, "TD3", datetime.date(2030, 1, 1), ""),
        booth=BoothRef("BCP-NORTH", "B01", direction, "1"),
    )
    decision = Decision(
        uuid.uuid4().hex, inspection.inspection_id, DecisionKind.ADMIT, OfficerRef("o1", "officer"), at
    )
    store.append("inspection", inspection.to_json(), record_id=inspection.inspection_id)
    store.append("decision", decision.to_json(), record_id=decision.decision_id)


def test_history_joins_local_records_and_synced_crossings(store: Store) -> None:
    record_crossing(store, "entry", datetime.date(2026, 6, 1))
    record_crossing(store, "entry", datetime.date(2026, 6, 2), number="OTHER")
    with store.transaction() as conn:
        apply_list(
            conn,
            "history",
            "h-1",
            [
                {
                    "document_number": "N12345678",
                    "issuing_state": "SYR",
                    "direction": "exit",
                    "crossed_on": "2026-06-20",
                    "crossing_point": "AIRPORT",
                },
                {
                    "document_number": "N12345678",
                    "issuing_state": "SYR",
                    "direction": "entry",
                    "crossed_on": "2026-09-01",
                    "crossing_point": "AIRPORT",
                },
            ],
        )
    with store.read() as conn:
        history = crossings(conn, "N12345678", "SYR")
    assert [(c.direction, c.on.isoformat(), c.source) for c in history] == [
        ("entry", "2026-06-01", "local"),
        ("exit", "2026-06-20", "central"),
        ("entry", "2026-09-01", "central"),
    ]
    stays = assess_stays(history, TODAY, allowed_days=90)
    assert stays.open_entry is not None and stays.open_entry.on == datetime.date(2026, 9, 1)
    assert stays.days_open == 84  # 1 September to 23 November, both days counted
    assert stays.past_overstays == ()


def test_overstay_is_counted_with_entry_and_exit_days(store: Store) -> None:
    record_crossing(store, "entry", datetime.date(2026, 1, 1))
    record_crossing(store, "exit", datetime.date(2026, 4, 1))  # 91 days
    record_crossing(store, "entry", datetime.date(2026, 8, 1))
    with store.read() as conn:
        history = crossings(conn, "N12345678", "SYR")
    stays = assess_stays(history, TODAY, allowed_days=90)
    ((start, end, days),) = stays.past_overstays
    assert (start.on, end.on, days) == (datetime.date(2026, 1, 1), datetime.date(2026, 4, 1), 91)
    assert stays.days_open == 115
    assert assess_stays(history, TODAY, allowed_days=120).past_overstays == ()
