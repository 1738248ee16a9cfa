"""The supervisor's health and shift charts, and the administrator's diagnostics, users and config."""

from __future__ import annotations

from station.auth import Role
from ui.qt import QtCore

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login
from .test_primary import present

pytestmark = OFFSCREEN_NOISE


def test_supervisor_sees_the_shift_and_the_backlog(qtbot, session):
    login(qtbot, session, Role.SUPERVISOR)
    primary = session.window.primary
    present(qtbot, session)
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary, QtCore.Qt.Key.Key_F5)
    present(qtbot, session)  # the watchlist hit
    qtbot.keyClick(primary, QtCore.Qt.Key.Key_F7)
    primary.reason.setCurrentIndex(primary.reason.findData("HIT"))
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary.reason, QtCore.Qt.Key.Key_Return)
    supervisor = session.window.supervisor
    session.window.show_screen("supervisor")
    supervisor.refresh()
    qtbot.wait_until(lambda: sum(supervisor._stats.per_hour.values()) == 2, timeout=SIGNAL_TIMEOUT)
    stats = supervisor._stats
    assert stats.decisions["admit"] == 1 and stats.referrals == 1 and stats.hits == 1
    chart = supervisor.decisions.chart()
    values = [chart.series()[0].barSets()[0].at(i) for i in range(4)]
    assert values == [1, 0, 1, 1]
    qtbot.wait_until(lambda: supervisor.backlog.maximum() >= 4, timeout=SIGNAL_TIMEOUT)
    assert "offline" in supervisor.sync_line.text()  # no central server in this booth
    assert supervisor.devices.rowCount() == len(session.demo.config.devices)


def test_admin_sees_devices_users_config_and_raw_frames(qtbot, session):
    login(qtbot, session, Role.ADMIN)
    window = session.window
    assert window.tabs.indexOf(window.primary) == -1  # an administrator decides on no traveller
    admin = window.admin
    window.show_screen("admin")
    admin.refresh()
    qtbot.wait_until(lambda: admin.users.rowCount() == 4, timeout=SIGNAL_TIMEOUT)
    keys = [admin.settings.item(r, 0).text() for r in range(admin.settings.rowCount())]
    assert "booth.booth_id" in keys and "central.token" in keys
    assert admin.device_list.count() == len(session.demo.config.devices)
    admin.device_list.setCurrentRow(0)
    admin.test_button.click()
    qtbot.wait_until(lambda: "scanner" in admin.frames.toPlainText(), timeout=SIGNAL_TIMEOUT)
    with qtbot.wait_signal(session.booth.bridge.scanned, timeout=SIGNAL_TIMEOUT):
        session.booth.run(session.demo.present_next, lambda _p: None)
    qtbot.wait_until(lambda: "mrz=" in admin.frames.toPlainText(), timeout=SIGNAL_TIMEOUT)
