"""The catalogue that turns the core's codes into the officer's language: every finding code the checks
can produce has an entry, demo documents' findings read in Arabic, and unknown things fall back to
the core's English."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.hotfolder import UNREADABLE
from devices.protocols.base import READ_FAILED
from devices.sim.document import render_document_scan
from station.checks import base as checks_base
from station.config import Config
from station.demo import SCRIPT, DemoBooth
from station.findings import Finding, Severity, Status
from station.inspection import Inspector
from ui.codes import (
    device_reason,
    finding_text,
    finding_title,
    findings_catalogue,
    reason_choices,
    reason_label,
)
from ui.qt import QtCore

CHECKS = Path(checks_base.__file__).parent
FINDING_MAKERS = {"passed", "failed", "not_checked", "_no_chip", "_step", "Finding"}


def _bound_codes(nodes: list[ast.stmt]) -> dict[str, str]:
    """Names bound to a code-like string by these statements (``CODE = "face.match"``)."""
    names = {}
    for node in nodes:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and "." in node.value.value
        ):
            names[node.targets[0].id] = node.value.value
    return names


def _codes_made_in(scope: ast.AST, names: dict[str, str]) -> set[str]:
    codes = set()
    for node in ast.walk(scope):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if called not in FINDING_MAKERS:
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            codes.add(first.value)
        elif isinstance(first, ast.Name) and first.id in names:
            codes.add(names[first.id])
    return codes


def produced_codes() -> set[str]:
    """Every finding code the check modules can produce, read from their source: the first argument
    of each call that makes a finding, as a literal or a name bound to one (in the module or in the
    function making the call)."""
    codes: set[str] = set()
    for path in sorted(CHECKS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_names = _bound_codes(tree.body)
        codes |= _codes_made_in(tree, module_names)
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef):
                local = _bound_codes(list(ast.walk(function)))  # type: ignore[arg-type]
                codes |= _codes_made_in(function, {**module_names, **local})
    return {code for code in codes if "." in code and "{" not in code}


def test_the_source_scan_finds_the_checks_codes():
    codes = produced_codes()
    # one from each way a check names its code: literal, module constant, local variable, helper
    assert {"doc.expiry", "screening.person_hit", "image.ir_mrz", "chip.passive_auth.signature"} <= codes
    assert len(codes) >= 30


def test_every_finding_code_has_a_catalogue_entry():
    missing = sorted(produced_codes() - set(findings_catalogue()))
    assert not missing, f"finding codes without a catalogue entry in ui/codes.py: {missing}"


def test_every_entry_has_a_message_for_each_outcome_its_code_can_have():
    for code, entry in findings_catalogue().items():
        assert entry.title and entry.title != code
        assert entry.says, code


@pytest.fixture
def arabic(qapp, translations: Path) -> Iterator[None]:
    translator = QtCore.QTranslator()
    assert translator.load("border_station_ar", str(translations))
    qapp.installTranslator(translator)
    QtCore.QLocale.setDefault(QtCore.QLocale("ar"))
    yield
    qapp.removeTranslator(translator)
    QtCore.QLocale.setDefault(QtCore.QLocale("en"))


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@pytest.fixture(scope="module")
def demo_findings(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    """The findings of the demo's scripted documents (genuine, hits, each image defect, a minor, a
    rewritten chip), each read with its chip."""
    root = tmp_path_factory.mktemp("demo")
    demo = DemoBooth(root)
    try:
        inspector = Inspector(config=demo.config, store=demo.store)
        findings: list[Finding] = []
        for index, case in enumerate(SCRIPT):
            if not case.mrz_readable:
                continue
            demo.present(index)  # puts the document's chip (genuine or forged) on the simulated reader
            scan = render_document_scan(demo.documents[index], defects=case.defects, seed=index)
            findings += inspector.start(scan).findings
        return findings
    finally:
        demo.close()


def test_the_demo_documents_findings_read_in_arabic(arabic, demo_findings):
    catalogue = findings_catalogue()
    untranslated = []
    for finding in demo_findings:
        text, title = finding_text(finding, catalogue), finding_title(finding.code, catalogue)
        if not (_has_arabic(text) and _has_arabic(title)):
            untranslated.append(f"{finding.code} [{finding.status}]: {finding.message}")
    assert not untranslated, "findings shown in English in Arabic:\n" + "\n".join(untranslated)
    assert {f.status for f in demo_findings} == {Status.PASSED, Status.FAILED, Status.NOT_CHECKED}
    chip = {f.status for f in demo_findings if f.code.startswith("chip.")}
    assert chip >= {Status.PASSED, Status.FAILED}  # genuine chips and the rewritten one were read


def test_evidence_fills_the_template_in_the_locale(arabic):
    expired = Finding(
        "doc.expiry",
        Status.FAILED,
        Severity.FAIL,
        "The document expired on 2020-01-31 (12 days ago).",
        {"expiry_date": "2020-01-31", "days_left": -12, "warning_days": 30},
    )
    text = finding_text(expired)
    assert "١٢" in text  # the days, in Arabic-Indic digits
    assert "٢٠٢٠" in text and _has_arabic(text)
    soon = Finding(
        "doc.expiry",
        Status.FAILED,
        Severity.WARNING,
        "The document expires soon: on 2020-01-31, in 7 days.",
        {"expiry_date": "2020-01-31", "days_left": 7, "warning_days": 30},
    )
    assert "٧" in finding_text(soon) and finding_text(soon) != text


def test_english_texts_come_from_the_catalogue_with_the_evidence():
    minor = Finding("holder.minor", Status.FAILED, Severity.INFO, "core words", {"age": 11, "minor_age": 18})
    assert finding_text(minor) == "A minor (11 years old). Check who is travelling with them."
    digits = Finding(
        "mrz.check_digits", Status.FAILED, Severity.FAIL, "core words", {"failed": ["birth_date", "final"]}
    )
    assert finding_text(digits) == (
        "Wrong check digit: Date of birth, Overall (composite). Compare the MRZ with the printed data."
    )
    fantasy = Finding(
        "doc.issuing_state", Status.FAILED, Severity.FAIL, "XXA (Stateless) is a ...", {"code": "XXA"}
    )
    assert finding_text(fantasy) == "XXA is a nationality code; no document is issued by it."


def test_unknown_codes_and_missing_evidence_fall_back_to_the_core_message():
    unknown = Finding("border.new_check", Status.FAILED, Severity.WARNING, "Something new happened.")
    assert finding_text(unknown) == "Something new happened."
    assert finding_title("border.new_check") == "border.new_check"
    no_evidence = Finding(
        "doc.expiry", Status.PASSED, Severity.INFO, "The document is valid until 2031-01-01."
    )
    assert finding_text(no_evidence) == "The document is valid until 2031-01-01."
    crashed = Finding("image.uv_paper.crashed", Status.FAILED, Severity.WARNING, "fault", {"error": "boom"})
    assert finding_title(crashed.code) == "Paper under UV: check crashed"
    assert "by hand" in finding_text(crashed)


def test_reason_labels_translate_by_code_unless_the_booth_wrote_its_own(arabic):
    config = Config.from_mapping(
        {"decisions": {"refusal_reasons": {"A": "No valid travel document", "Z": "Local"}}}
    )
    choices = dict(reason_choices(config, "refusal_reasons"))
    assert choices["A"] == "لا توجد وثيقة سفر صالحة"
    assert choices["Z"] == "Local"  # the booth's own words stay as written
    assert reason_label(Config.defaults(), "DOC") == "الشك في صحة الوثيقة"
    assert reason_label(Config.defaults(), "NOPE") == "NOPE"


def test_device_reasons_translate_the_drivers_fixed_texts(arabic):
    assert _has_arabic(device_reason(UNREADABLE)) and _has_arabic(device_reason(READ_FAILED))
    assert device_reason("folder /tmp/x missing") == "folder /tmp/x missing"
