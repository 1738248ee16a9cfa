"""The administrator changes the booth from the screen: settings validated, written atomically and
audited; officers added, given a PIN, disabled and re-enabled through ``station.auth``."""

from __future__ import annotations

from pathlib import Path

import pytest

from station import audit
from station.auth import PermissionDenied, Role
from station.config import Config, ConfigError
from station.settings_edit import save_settings, setting_rows

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login

pytestmark = OFFSCREEN_NOISE


def _admin_screen(qtbot, session):
    login(qtbot, session, Role.ADMIN)
    admin = session.window.admin
    session.window.show_screen("admin")
    admin.refresh()
    qtbot.wait_until(lambda: admin.users.rowCount() == 4, timeout=SIGNAL_TIMEOUT)
    return admin


def _edit(admin, key: str, text: str) -> None:
    row = next(r for r in range(admin.settings.rowCount()) if admin.settings.item(r, 0).text() == key)
    admin.settings.item(row, 1).setText(text)


def _settings_audit(session) -> list[audit.AuditEntry]:
    with session.demo.store.read() as conn:
        return [e for e in audit.entries(conn) if e.action == audit.Action.SETTINGS_CHANGED.value]


def test_a_setting_changed_on_screen_is_saved_and_audited(qtbot, session):
    admin = _admin_screen(qtbot, session)
    before = len(_settings_audit(session))
    _edit(admin, "checks.expiry_warning_days", "60")
    _edit(admin, "booth.lane", "7")
    assert admin.edited_settings() == {"checks.expiry_warning_days": "60", "booth.lane": "7"}
    admin.save_button.click()
    qtbot.wait_until(lambda: "Saved 2 change(s)" in admin.config_message.text(), timeout=SIGNAL_TIMEOUT)
    saved = Config.load(session.demo.config.source)
    assert saved.checks.expiry_warning_days == 60 and saved.booth.lane == "7"
    assert saved.devices == session.demo.config.devices  # what the screen does not edit is kept
    entries = _settings_audit(session)[before:]
    # the settings the booth started with are the baseline (noted by the system if start-up did not),
    # then the administrator's change, naming the keys changed
    assert entries and entries[-1].actor.endswith("admin")
    assert all(e.actor.startswith("system") for e in entries[:-1])
    assert set(entries[-1].details["changed"]) >= {"checks.expiry_warning_days", "booth.lane"}
    assert admin.edited_settings() == {}


def test_a_bad_value_is_refused_with_the_reason_and_nothing_is_written(qtbot, session):
    admin = _admin_screen(qtbot, session)
    source = session.demo.config.source
    existed = source.exists()
    _edit(admin, "booth.direction", "sideways")
    _edit(admin, "checks.minor_age", "eighteen")
    admin.save_button.click()
    qtbot.wait_until(lambda: admin.config_message.text().startswith("Not saved"), timeout=SIGNAL_TIMEOUT)
    text = admin.config_message.text()
    assert "booth.direction" in text and "checks.minor_age" in text
    assert source.exists() == existed


def test_secrets_are_neither_shown_nor_editable():
    config = Config.from_mapping({"central": {"url": "https://central.example", "token": "s3cret"}})
    token = next(r for r in setting_rows(config) if r.key == "central.token")
    assert token.text == "<hidden>" and not token.editable


def test_only_an_administrator_saves_settings_and_a_failed_write_audits_nothing(session, tmp_path: Path):
    officer = session.demo.auth.login("officer", "135790")
    with pytest.raises(PermissionDenied):
        save_settings(session.demo.config, {"booth.lane": "2"}, store=session.demo.store, session=officer)
    admin = session.demo.auth.login("admin", "468023")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    config = Config.from_mapping({}, source=blocker / "booth.toml")
    before = len(_settings_audit(session))
    with pytest.raises(OSError):
        save_settings(config, {"booth.lane": "2"}, store=session.demo.store, session=admin)
    assert len(_settings_audit(session)) == before
    with pytest.raises(ConfigError, match="no such setting"):
        save_settings(config, {"booth.nothing": "2"}, store=session.demo.store, session=admin)


def test_officers_are_added_given_a_pin_disabled_and_re_enabled(qtbot, session):
    admin = _admin_screen(qtbot, session)
    auth = session.demo.auth
    admin.new_id.setText("o-77")
    admin.new_name.setText("Nadia Newcomer")
    admin.new_role.setCurrentIndex(admin.new_role.findData("examiner"))
    admin.new_pin.setText("918273")
    admin.add_button.click()
    qtbot.wait_until(lambda: admin.users.rowCount() == 5, timeout=SIGNAL_TIMEOUT)
    assert auth.get("o-77").role is Role.EXAMINER
    assert admin.new_pin.text() == ""  # a PIN does not stay on screen
    row = next(r for r in range(admin.users.rowCount()) if admin.users.item(r, 0).text() == "o-77")
    admin.users.selectRow(row)
    admin.set_pin.setText("564738")
    admin.set_pin_button.click()
    qtbot.wait_until(lambda: "New PIN set" in admin.users_message.text(), timeout=SIGNAL_TIMEOUT)
    assert auth.login("o-77", "564738").officer_id == "o-77"
    admin.disable_button.click()
    qtbot.wait_until(lambda: auth.get("o-77").disabled, timeout=SIGNAL_TIMEOUT)
    qtbot.wait_until(lambda: admin.users.rowCount() == 5, timeout=SIGNAL_TIMEOUT)
    admin.users.selectRow(row)
    admin.enable_button.click()
    qtbot.wait_until(lambda: not auth.get("o-77").disabled, timeout=SIGNAL_TIMEOUT)


def test_a_weak_pin_or_a_taken_id_is_refused_with_the_reason(qtbot, session):
    admin = _admin_screen(qtbot, session)
    admin.new_id.setText("officer")  # taken by the demo
    admin.new_name.setText("Someone")
    admin.new_pin.setText("000000")
    admin.add_button.click()
    qtbot.wait_until(lambda: "PIN" in admin.users_message.text(), timeout=SIGNAL_TIMEOUT)
    admin.new_pin.setText("918273")
    admin.add_button.click()
    qtbot.wait_until(lambda: "already exists" in admin.users_message.text(), timeout=SIGNAL_TIMEOUT)
    row = next(r for r in range(admin.users.rowCount()) if admin.users.item(r, 0).text() == "admin")
    admin.users.selectRow(row)
    admin.disable_button.click()
    assert "own account" in admin.users_message.text()
