"""The screening checks as the inspection core runs them: findings with evidence."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from devices.scan import DocumentScan
from mrz import build, parse
from station.checks.base import CheckContext, registered_checks, run_checks
from station.config import Config
from station.findings import Finding, Severity, Status
from station.screening.lists import apply_list
from station.store import Store

from .test_travel import bcbp, record_crossing

TODAY = datetime.date(2026, 11, 23)


def passport(surname: str, given: str, number: str, state: str, birth: datetime.date) -> str:
    return build(
        "TD3",
        issuing_state=state,
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=state,
        birth_date=birth,
        sex="M",
        expiry_date=datetime.date(2030, 1, 1),
    )


def screening_findings(
    store: Store | None,
    mrz_text: str | None,
    *,
    barcodes: tuple[str, ...] = (),
    extras: Mapping[str, object] | None = None,
    config: Config | None = None,
) -> dict[str, list[Finding]]:
    ctx = CheckContext(
        scan=DocumentScan(source="test", mrz_text=mrz_text, barcodes=barcodes),
        mrz=parse(mrz_text) if mrz_text else None,
        today=TODAY,
        config=config,
        store=store,
        extras=extras or {},
    )
    checks = [c for c in registered_checks() if c.code.startswith("screening.")]
    assert {c.code for c in checks} == {
        "screening.person",
        "screening.document",
        "screening.api",
        "screening.history",
    }
    by_code: dict[str, list[Finding]] = {}
    for finding in run_checks(ctx, checks):
        by_code.setdefault(finding.code, []).append(finding)
    return by_code


WANTED = passport("ALHUSSEINI", "MUHAMMAD ABDUL RAHMAN", "L8012345", "SYR", datetime.date(1980, 5, 1))
CLEAN = passport("DUPONT", "JEAN", "14AB12345", "FRA", datetime.date(1970, 1, 1))


def test_watchlist_and_stolen_document_hits_are_fail_findings(loaded: Store) -> None:
    found = screening_findings(loaded, WANTED)
    (person,) = found["screening.person_hit"]
    assert (person.status, person.severity) == (Status.FAILED, Severity.FAIL)
    assert person.evidence["person_id"] == "P-AR-1" and person.evidence["list_version"] == "test-1"
    assert "Required action: arrest" in person.message
    assert person.evidence["explanation"]["name"]["parts"]
    (document,) = found["screening.document_hit"]
    assert (document.status, document.severity) == (Status.FAILED, Severity.FAIL)
    assert document.evidence["explanation"]["needed_folding"] is True  # L8O12345 listed, L8012345 read
    assert "compare the printed number" in document.message


def test_clean_traveller_passes(loaded: Store) -> None:
    found = screening_findings(loaded, CLEAN)
    assert [f.status for f in found["screening.person_hit"]] == [Status.PASSED]
    assert [f.status for f in found["screening.document_hit"]] == [Status.PASSED]
    assert [f.status for f in found["screening.api_manifest"]] == [Status.NOT_CHECKED]  # no boarding pass


def test_without_store_or_lists_nothing_is_passed(store: Store) -> None:
    for found in (screening_findings(None, CLEAN), screening_findings(store, CLEAN)):
        assert found["screening.person_hit"][0].status == Status.NOT_CHECKED
        assert found["screening.document_hit"][0].status == Status.NOT_CHECKED
    no_mrz = screening_findings(store, None)
    assert all(f.status == Status.NOT_CHECKED for fs in no_mrz.values() for f in fs)


def _load_manifest(store: Store) -> None:
    with store.transaction() as conn:
        apply_list(
            conn,
            "api",
            "api-1",
            [
                {
                    "flight": "QR1024",
                    "expected_date": "2026-11-23",
                    "document_number": "14AB12345",
                    "issuing_state": "FRA",
                    "surname": "DUPONT",
                    "given_names": "JEAN",
                    "pnr": "ABC123",
                    "flags": [{"flag": "ONE_WAY_CASH_TICKET", "source": "national targeting centre"}],
                },
                {
                    "flight": "QR1024",
                    "expected_date": "2026-11-23",
                    "surname": "MARTIN",
                    "given_names": "LEA",
                },
            ],
        )


def test_boarding_pass_links_traveller_to_manifest_with_pnr_flags(store: Store) -> None:
    _load_manifest(store)
    found = screening_findings(
        store, CLEAN, barcodes=("QR-NOT-A-BCBP", bcbp("DUPONT/JEAN", "ABC123", "QR1024", 327))
    )
    (manifest,) = found["screening.api_manifest"]
    assert manifest.status == Status.PASSED and manifest.evidence["matched_by"] == "document"
    assert manifest.evidence["boarding_pass"] == {"name": "DUPONT/JEAN", "pnr": "ABC123"}
    (flag,) = found["screening.pnr_flag"]
    assert flag.severity == Severity.WARNING and flag.evidence["source"] == "national targeting centre"
    assert "national targeting centre" in flag.message


def test_not_on_manifest_is_a_finding(store: Store) -> None:
    _load_manifest(store)
    found = screening_findings(store, WANTED, extras={"flight": "QR1024", "flight_date": "2026-11-23"})
    (manifest,) = found["screening.api_manifest"]
    assert (manifest.status, manifest.severity) == (Status.FAILED, Severity.WARNING)
    assert "Not on the advance passenger list of flight QR1024" in manifest.message


def test_overstay_at_an_exit_booth(store: Store) -> None:
    record_crossing(store, "entry", datetime.date(2026, 7, 1), number="14AB12345")  # a SYR document
    found = screening_findings(store, CLEAN, extras={"direction": "exit"})
    assert found["screening.history_overstay"][0].status == Status.PASSED  # the entry was for a SYR document

    with store.transaction() as conn:
        apply_list(
            conn,
            "history",
            "h-1",
            [
                {
                    "document_number": "14AB12345",
                    "issuing_state": "FRA",
                    "direction": "entry",
                    "crossed_on": "2026-07-01",
                }
            ],
        )
    found = screening_findings(store, CLEAN, extras={"direction": "exit"})
    (overstay,) = found["screening.history_overstay"]
    assert (overstay.status, overstay.severity) == (Status.FAILED, Severity.WARNING)
    assert overstay.evidence["days"] == 146 and "exceeds the allowed 90 days by 56" in overstay.message

    longer = Config.from_mapping({"screening": {"allowed_stay_days": 180}}) if _has_stay_setting() else None
    if longer is not None:
        found = screening_findings(store, CLEAN, extras={"direction": "exit"}, config=longer)
        assert found["screening.history_overstay"][0].status == Status.PASSED

    at_entry = screening_findings(store, CLEAN, extras={"direction": "entry"})
    (open_entry,) = at_entry["screening.history_open_entry"]
    assert "no exit recorded" in open_entry.message


def _has_stay_setting() -> bool:
    return hasattr(type(Config.defaults().screening), "allowed_stay_days")
