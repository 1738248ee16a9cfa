"""The check runner: registration, discovery, and that a faulty check never breaks an inspection."""

from __future__ import annotations

import datetime
import logging
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest

from devices.scan import DocumentScan
from station.checks import base
from station.checks.base import CheckContext, RegisteredCheck, run_checks, settings
from station.findings import Finding, Severity, Status


def _ctx(**kwargs: object) -> CheckContext:
    return CheckContext(
        scan=DocumentScan(source="test"),
        mrz=None,
        today=datetime.date(2026, 11, 23),
        config=kwargs.pop("config", None),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


def _ok(ctx: CheckContext) -> Iterable[Finding]:
    yield base.passed("test.ok", "fine")


def _boom(ctx: CheckContext) -> Iterable[Finding]:
    raise RuntimeError("sensor exploded")


def _wrong_type(ctx: CheckContext) -> Iterable[Finding]:
    return ["not a finding"]  # type: ignore[list-item]


def test_a_crashing_check_becomes_a_failed_finding_and_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    checks = [
        RegisteredCheck("test.boom", _boom, __name__),
        RegisteredCheck("test.ok", _ok, __name__),
    ]
    with caplog.at_level(logging.ERROR, logger="station.checks.base"):
        findings = run_checks(_ctx(), checks)
    assert [f.code for f in findings] == ["test.boom.crashed", "test.ok"]
    crashed = findings[0]
    assert crashed.status is Status.FAILED
    assert crashed.severity is Severity.WARNING
    assert "sensor exploded" in crashed.evidence["error"]
    assert "by hand" in crashed.message
    assert any("test.boom" in r.getMessage() for r in caplog.records)


def test_a_check_returning_something_else_than_findings_is_reported_as_crashed() -> None:
    findings = run_checks(_ctx(), [RegisteredCheck("test.wrong", _wrong_type, __name__)])
    assert [f.code for f in findings] == ["test.wrong.crashed"]
    assert "str" in findings[0].evidence["error"]


def test_codes_are_unique() -> None:
    base.check("test.unique")(_ok)
    try:
        with pytest.raises(ValueError, match="already registered"):
            base.check("test.unique")(_boom)
        assert base.check("test.unique")(_ok) is _ok  # re-registering the same function (reload) is fine
    finally:
        del base._REGISTRY["test.unique"]


@pytest.mark.parametrize("code", ["", " x", "a b"])
def test_invalid_codes_are_rejected(code: str) -> None:
    with pytest.raises(ValueError, match="invalid check code"):
        base.check(code)


def test_discovery_finds_the_check_modules_of_the_package() -> None:
    modules = {c.module for c in base.registered_checks()}
    assert "station.checks.mrz_checks" in modules
    codes = [c.code for c in base.registered_checks()]
    assert codes == sorted(codes)


def test_a_module_that_fails_to_import_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "fake_checks_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "good.py").write_text("VALUE = 1\n")
    (package / "broken.py").write_text(textwrap.dedent("import does_not_exist_anywhere\n"))
    monkeypatch.syspath_prepend(str(tmp_path))
    errors = base.load_modules("fake_checks_pkg")
    assert list(errors) == ["broken"]
    assert "does_not_exist_anywhere" in errors["broken"]


def test_without_config_settings_take_their_declared_defaults() -> None:
    from station.config import ChecksSettings

    assert settings(_ctx()).minor_age == ChecksSettings.minor_age.default


def test_settings_come_from_the_booth_config() -> None:
    from station.config import Config

    config = Config.from_mapping({"checks": {"minor_age": 16}})
    assert settings(_ctx(config=config)).minor_age == 16


def test_run_checks_reports_a_module_that_failed_to_load(monkeypatch: pytest.MonkeyPatch) -> None:
    base.discover()
    monkeypatch.setitem(base._LOAD_ERRORS, "broken", "ImportError: no module named x")
    findings = run_checks(_ctx())
    crashed = [f for f in findings if f.code == "module.broken.crashed"]
    assert len(crashed) == 1
    assert crashed[0].status is Status.FAILED
    assert len(findings) > 1  # the other checks still ran
