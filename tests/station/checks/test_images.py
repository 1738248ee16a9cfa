"""Image checks on pages rendered by the device simulator: every defect is caught by the check made
for it, a genuine page raises no alarm, and images that cannot be measured say so."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.scan import DocumentScan, Light
from devices.sim.document import Defect
from mrz.layout import LAYOUTS, Zone
from station.checks.base import run_checks
from station.config import Config
from station.findings import Finding, Severity, Status
from tests.station.checks.docs import context, mrz_text, only, rendered, run

IMAGE_CHECKS = ["image.ir_mrz", "image.uv_paper", "image.photo_present", "image.photo_uv", "image.viz_dates"]
CAUGHT_BY = {
    Defect.UV_BRIGHT_PAPER: "image.uv_paper",
    Defect.IR_INVISIBLE_MRZ: "image.ir_mrz",
    Defect.SUBSTITUTED_PHOTO: "image.photo_uv",
    Defect.ALTERED_DATE: "image.viz_dates",
}
SEEDS = (0, 1, 2, 3)
TD3 = mrz_text()
TD1 = mrz_text("TD1", document_code="ID")
TD2 = mrz_text("TD2", document_code="ID")


def _image_findings(text: str, defects: frozenset[Defect] = frozenset(), seed: int = 0) -> dict[str, Finding]:
    scan = rendered(text, defects, seed)
    checks = [c for code in IMAGE_CHECKS for c in only(code)]
    return {f.code: f for f in run_checks(context(scan=scan), checks)}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("text", [TD3, TD2, TD1], ids=["TD3", "TD2", "TD1"])
def test_a_genuine_page_passes_every_image_check(text: str, seed: int) -> None:
    findings = _image_findings(text, seed=seed)
    assert {code: f.status for code, f in findings.items()} == dict.fromkeys(IMAGE_CHECKS, Status.PASSED), (
        findings
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("defect", list(Defect))
def test_each_defect_is_caught_by_its_check_and_no_other_fails(defect: Defect, seed: int) -> None:
    findings = _image_findings(TD3, frozenset({defect}), seed)
    caught = findings[CAUGHT_BY[defect]]
    assert (caught.status, caught.severity) == (Status.FAILED, Severity.FAIL), caught
    others = {code: f.status for code, f in findings.items() if code != CAUGHT_BY[defect]}
    assert Status.FAILED not in others.values(), findings


@pytest.mark.parametrize("defect", list(Defect))
def test_defects_are_caught_on_an_id_card_too(defect: Defect) -> None:
    findings = _image_findings(TD1, frozenset({defect}), seed=5)
    assert findings[CAUGHT_BY[defect]].status is Status.FAILED, findings


@pytest.mark.parametrize("defect", [None, *Defect])
def test_the_checks_give_the_same_answers_on_stored_jpeg_images(defect: Defect | None) -> None:
    import cv2

    from station.workflow import encode_images

    defects = frozenset({defect}) if defect else frozenset()
    scan = rendered(TD3, defects, seed=2)
    stored = encode_images({str(light): image for light, image in scan.images.items()})
    decoded = {
        light: cv2.imdecode(np.frombuffer(stored[str(light)], np.uint8), cv2.IMREAD_UNCHANGED)
        for light in scan.images
    }
    checks = [c for code in IMAGE_CHECKS for c in only(code)]
    again = {f.code: f.status for f in run_checks(context(scan=_scan_with(decoded)), checks)}
    assert again == {code: f.status for code, f in _image_findings(TD3, defects, seed=2).items()}


def test_all_defects_at_once_are_each_caught() -> None:
    findings = _image_findings(TD3, frozenset(Defect), seed=7)
    for defect in (Defect.UV_BRIGHT_PAPER, Defect.IR_INVISIBLE_MRZ, Defect.ALTERED_DATE):
        assert findings[CAUGHT_BY[defect]].status is Status.FAILED
    # on glowing paper the UV pattern cannot be seen, so photo substitution is "not checked", not "passed"
    assert findings["image.photo_uv"].status is Status.NOT_CHECKED


def test_the_evidence_explains_the_measurement() -> None:
    ir = _image_findings(TD3, frozenset({Defect.IR_INVISIBLE_MRZ}))["image.ir_mrz"]
    assert ir.evidence["ratio"] < ir.evidence["minimum"] <= ir.evidence["white_contrast"]
    date = _image_findings(TD3, frozenset({Defect.ALTERED_DATE}))["image.viz_dates"]
    assert date.evidence["altered"] == ["date of expiry"]
    assert date.evidence["expiry_date"]["ir_ink"] < date.evidence["expiry_date"]["white_ink"] / 2
    assert "date of expiry" in date.message


def test_thresholds_come_from_the_config() -> None:
    scan = rendered(TD3)
    strict = Config.from_mapping({"checks": {"uv_max_paper_brightness": 0.0, "ir_mrz_min_contrast": 1.0}})
    loose = run("image.uv_paper", context(scan=scan, config=strict))
    assert loose.evidence["maximum"] == 0.0
    assert run("image.ir_mrz", context(scan=scan, config=strict)).evidence["minimum"] == 1.0


def _scan_with(images: Mapping[Light, object], text: str = TD3) -> DocumentScan:
    return DocumentScan(source="test", mrz_text=text, images=images)  # type: ignore[arg-type]


GOOD = rendered(TD3).images


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (np.zeros((0, 0), np.uint8), "empty"),
        (np.zeros((10, 14), np.uint8), "too small"),
        (np.zeros((600, 850), np.float64), "pixel type"),
        (np.zeros((600, 850, 2), np.uint8), "shape"),
        (np.zeros(5000, np.uint8), "shape"),
        (b"\x89PNG not decoded", "not an image"),
        (np.zeros((850, 600), np.uint8), "proportions"),
        (np.zeros((600, 1500), np.uint8), "proportions"),
    ],
    ids=["empty", "tiny", "float", "two-channel", "flat", "bytes", "portrait", "strip"],
)
def test_an_unusable_image_gives_not_checked_with_the_reason(bad: object, reason: str) -> None:
    scan = _scan_with({Light.WHITE: GOOD[Light.WHITE], Light.IR: bad, Light.UV: bad})
    for code in ("image.ir_mrz", "image.uv_paper", "image.photo_uv", "image.viz_dates"):
        finding = run(code, context(scan=scan))
        assert finding.status is Status.NOT_CHECKED, finding
        assert reason in finding.message


def test_grey_bgra_and_16_bit_images_are_measured_like_bgr() -> None:
    import cv2

    white = GOOD[Light.WHITE]
    variants = {
        "grey": cv2.cvtColor(white, cv2.COLOR_BGR2GRAY),
        "bgra": cv2.cvtColor(white, cv2.COLOR_BGR2BGRA),
        "16-bit": white.astype(np.uint16) * 257,
    }
    for name, image in variants.items():
        scan = _scan_with({**GOOD, Light.WHITE: image})
        assert run("image.photo_present", context(scan=scan)).status is Status.PASSED, name
        assert run("image.ir_mrz", context(scan=scan)).status is Status.PASSED, name


def test_a_smaller_image_of_the_same_page_is_compared_on_one_grid() -> None:
    import cv2

    half = {light: cv2.resize(image, None, fx=0.4, fy=0.4) for light, image in GOOD.items()}
    scan = _scan_with({Light.WHITE: GOOD[Light.WHITE], Light.IR: half[Light.IR], Light.UV: half[Light.UV]})
    findings = {
        f.code: f.status for f in run_checks(context(scan=scan), [c for k in IMAGE_CHECKS for c in only(k)])
    }
    assert set(findings.values()) == {Status.PASSED}


def test_missing_images_and_missing_mrz_are_not_checked() -> None:
    no_ir = run("image.ir_mrz", context(scan=_scan_with({Light.WHITE: GOOD[Light.WHITE]})))
    assert no_ir.status is Status.NOT_CHECKED
    assert "no infrared image" in no_ir.message
    unknown_format = run("image.photo_present", context(scan=DocumentScan(source="t", images=dict(GOOD))))
    assert unknown_format.status is Status.NOT_CHECKED
    assert "format is unknown" in unknown_format.message


def test_a_blank_photo_zone_fails_the_photo_check() -> None:
    white = GOOD[Light.WHITE].copy()
    x0, y0, x1, y1 = LAYOUTS["TD3"].scan_box(Zone.PHOTO).pixels(white.shape[1], white.shape[0])
    rng = np.random.default_rng(0)
    white[y0:y1, x0:x1] = np.clip(rng.normal(235, 2, (y1 - y0, x1 - x0, 3)), 0, 255).astype(np.uint8)
    finding = run("image.photo_present", context(scan=_scan_with({**GOOD, Light.WHITE: white})))
    assert (finding.status, finding.severity) == (Status.FAILED, Severity.FAIL)
    assert finding.evidence["coverage"] < finding.evidence["minimum"]


def test_a_page_without_uv_pattern_leaves_the_photo_uv_check_not_checked() -> None:
    flat = np.full_like(GOOD[Light.UV], 40)
    finding = run("image.photo_uv", context(scan=_scan_with({**GOOD, Light.UV: flat})))
    assert finding.status is Status.NOT_CHECKED
    assert "no UV pattern" in finding.message


def test_live_photo_taken_blank_or_missing() -> None:
    rng = np.random.default_rng(1)
    face = rng.integers(0, 255, (480, 640, 3), dtype=np.uint8)
    assert run("photo.live", context(TD3, live_photo=face)).status is Status.PASSED
    blank = run("photo.live", context(TD3, live_photo=np.zeros((480, 640, 3), np.uint8)))
    assert (blank.status, blank.severity) == (Status.FAILED, Severity.WARNING)
    broken = run("photo.live", context(TD3, live_photo=np.zeros((4, 4), np.uint8)))
    assert broken.status is Status.FAILED
    assert "too small" in broken.message
    assert run("photo.live", context(TD3)).status is Status.NOT_CHECKED


def test_image_checks_accept_expired_documents_unchanged() -> None:
    # the images do not depend on the date: an expired document's page is judged the same way
    text = mrz_text(expiry_date=datetime.date(2020, 1, 1))
    findings = _image_findings(text)
    assert {f.status for f in findings.values()} == {Status.PASSED}


@st.composite
def odd_arrays(draw: st.DrawFn) -> object:
    dtype = draw(st.sampled_from([np.uint8, np.uint16, np.float32, np.int8, np.bool_]))
    shape = draw(
        st.lists(st.integers(min_value=0, max_value=90), min_size=0, max_size=4).map(tuple)
        | st.sampled_from([(1056, 1500), (1056, 1500, 4), (338, 480, 1), (100, 5000, 3)])
    )
    fill = draw(st.integers(min_value=0, max_value=255))
    return np.full(shape, fill).astype(dtype)


@settings(max_examples=60, deadline=None)
@given(ir=odd_arrays(), uv=odd_arrays())
def test_odd_images_never_crash_a_check(ir: object, uv: object) -> None:
    scan = _scan_with({Light.WHITE: GOOD[Light.WHITE], Light.IR: ir, Light.UV: uv})
    checks = [c for code in IMAGE_CHECKS for c in only(code)]
    findings = run_checks(context(scan=scan), checks)
    assert not [f for f in findings if f.code.endswith(".crashed")], findings
    assert len(findings) == len(IMAGE_CHECKS)
