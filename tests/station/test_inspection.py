"""Inspection.start: from a scan to findings and a verdict, with the MRZ from the device or the OCR seam."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from devices.scan import DocumentScan, Light
from devices.sim.document import Defect
from mrz import MRZResult, parse
from station.checks.base import CheckContext
from station.clock import FakeClock
from station.config import Config
from station.domain import BoothRef, Inspection, OfficerRef, Verdict
from station.findings import Finding, Status
from station.inspection import Inspector, page_ocr, read_mrz
from station.store import Store
from tests.station.checks.docs import mrz_text, rendered

NOW = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)


def _inspector(**kwargs: object) -> Inspector:
    return Inspector(clock=FakeClock(NOW), **kwargs)  # type: ignore[arg-type]


def _codes(inspection: Inspection, status: Status) -> set[str]:
    return {f.code for f in inspection.findings if f.status is status}


def test_a_genuine_scan_is_clear_with_every_check_explained() -> None:
    booth = BoothRef("XCP", "B07", "entry", "2")
    officer = OfficerRef("o-1", "officer")
    inspection = _inspector(booth=booth).start(rendered(mrz_text()), officer=officer)
    assert inspection.verdict is Verdict.CLEAR
    assert inspection.assessment.reasons == ()
    assert _codes(inspection, Status.FAILED) == set()
    assert {"image.ir_mrz", "image.uv_paper", "mrz.check_digits", "doc.expiry"} <= _codes(
        inspection, Status.PASSED
    )
    assert _codes(inspection, Status.NOT_CHECKED) >= {"photo.live"}
    assert inspection.traveller is not None and inspection.traveller.surname == "HADDAD"
    assert inspection.document is not None and inspection.document.format == "TD3"
    assert inspection.booth == booth and inspection.officer == officer
    assert inspection.images == ("ir", "uv", "white")
    assert inspection.mrz is not None and inspection.mrz["valid"] is True
    json.dumps(inspection.to_json())  # storable as it is


def test_a_counterfeit_scan_stops_and_names_why() -> None:
    inspection = _inspector().start(rendered(mrz_text(), frozenset({Defect.IR_INVISIBLE_MRZ})))
    assert inspection.verdict is Verdict.STOP
    assert [r.finding.code for r in inspection.assessment.reasons] == ["image.ir_mrz"]


def test_a_soon_expiring_document_needs_attention() -> None:
    text = mrz_text(expiry_date=datetime.date(2026, 12, 1))
    inspection = _inspector().start(DocumentScan(source="reader", mrz_text=text))
    assert inspection.verdict is Verdict.ATTENTION
    assert inspection.assessment.reasons[0].finding.code == "doc.expiry"


def test_the_verdict_rules_of_the_booth_apply() -> None:
    text = mrz_text(expiry_date=datetime.date(2026, 12, 1))
    config = Config.from_mapping({"checks": {"stop_codes": ["doc.expiry"]}})
    inspection = _inspector(config=config).start(DocumentScan(source="reader", mrz_text=text))
    assert inspection.verdict is Verdict.STOP


def test_today_comes_from_the_injected_clock() -> None:
    text = mrz_text(expiry_date=datetime.date(2030, 1, 1))
    later = Inspector(clock=FakeClock(datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)))
    inspection = later.start(DocumentScan(source="reader", mrz_text=text))
    assert "doc.expiry" in _codes(inspection, Status.FAILED)


def test_without_mrz_text_the_ocr_reads_it_from_the_images() -> None:
    scan = rendered(mrz_text())
    imageonly = DocumentScan(source="camera", images=scan.images)
    inspection = _inspector(ocr=page_ocr).start(imageonly)
    assert inspection.traveller is not None and inspection.traveller.surname == "HADDAD"
    assert inspection.verdict is Verdict.CLEAR
    assert "mrz.check_digits" in _codes(inspection, Status.PASSED)


def test_the_device_reading_comes_first_and_ocr_corrections_reach_the_checks() -> None:
    calls: list[DocumentScan] = []

    def ocr(page: DocumentScan) -> MRZResult | None:
        calls.append(page)
        first, second = mrz_text().split("\n")
        return parse(first + "\n" + second[:13] + "B" + second[14:])  # an 8 read as B, corrected

    device = rendered(mrz_text())
    assert read_mrz(device, NOW.date(), ocr).text == device.mrz_text
    assert calls == []
    inspection = _inspector(ocr=ocr).start(DocumentScan(source="camera", images=device.images))
    assert len(calls) == 1
    corrections = [f for f in inspection.findings if f.code == "mrz.corrections"]
    assert corrections[0].status is Status.FAILED
    assert inspection.verdict is Verdict.ATTENTION


def test_no_mrz_at_all_leaves_mrz_checks_not_checked_and_keeps_the_image_checks_honest() -> None:
    scan = DocumentScan(source="camera", images=rendered(mrz_text()).images)
    inspection = _inspector(ocr=lambda _scan: None).start(scan)
    assert inspection.mrz is None and inspection.traveller is None
    assert {"mrz.format", "mrz.check_digits", "image.ir_mrz"} <= _codes(inspection, Status.NOT_CHECKED)
    assert inspection.verdict is Verdict.CLEAR  # default rules: not checked alone is not an alarm


def test_text_that_is_not_an_mrz_is_a_failed_format_finding(caplog: pytest.LogCaptureFixture) -> None:
    inspection = _inspector().start(DocumentScan(source="reader", mrz_text="GARBAGE FROM THE SERIAL LINE"))
    assert inspection.verdict is Verdict.ATTENTION
    assert _codes(inspection, Status.FAILED) == {"mrz.format"}
    assert inspection.mrz is not None and inspection.mrz["valid"] is False


def test_a_crashing_ocr_is_a_finding_and_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    def broken(_scan: DocumentScan) -> MRZResult | None:
        raise RuntimeError("tesseract vanished")

    scan = DocumentScan(source="camera", images={Light.WHITE: rendered(mrz_text()).images[Light.WHITE]})
    inspection = _inspector(ocr=broken).start(scan)
    failed = [f for f in inspection.findings if f.code == "mrz.format"]
    assert failed[0].status is Status.FAILED
    assert "tesseract vanished" in failed[0].evidence["error"]
    assert any("OCR failed" in r.getMessage() for r in caplog.records)


def test_a_correction_points_at_the_old_inspection() -> None:
    inspector = _inspector()
    first = inspector.start(DocumentScan(source="reader", mrz_text=mrz_text()))
    second = inspector.start(
        DocumentScan(source="reader", mrz_text=mrz_text()),
        supersedes=first.inspection_id,
        correction_note="rescan",
    )
    assert second.inspection_id != first.inspection_id
    assert (second.supersedes, second.correction_note) == (first.inspection_id, "rescan")


def test_the_checks_see_the_booth_store_and_the_extras(tmp_path: Path) -> None:
    from station.checks import base

    seen: list[CheckContext] = []

    def spy(ctx: CheckContext) -> list[Finding]:
        seen.append(ctx)
        return []

    base.check("test.spy")(spy)
    try:
        with Store.open(tmp_path / "booth.sqlite") as store:
            _inspector(store=store).start(
                DocumentScan(source="reader", mrz_text=mrz_text()), extras={"flight": "XY123"}
            )
            assert seen[0].store is store
            assert seen[0].extras["flight"] == "XY123"
            assert seen[0].today == NOW.astimezone().date()
    finally:
        del base._REGISTRY["test.spy"]
