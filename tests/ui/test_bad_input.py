"""Bad input reaches the officer as a plain message, and nothing is lost."""

from __future__ import annotations

from station.auth import Role
from ui.qt import QtCore

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login
from .test_primary import present

pytestmark = OFFSCREEN_NOISE


def test_a_corrupt_scan_says_scan_again(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    folder = session.demo.hot_folder
    for light in ("white", "ir", "uv"):
        (folder / f"torn_{light}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    with qtbot.wait_signal(
        session.booth.device_status,
        timeout=SIGNAL_TIMEOUT,
        check_params_cb=lambda s: s.state.value == "error",
    ):
        (folder / "torn.done").write_bytes(b"")
    primary = session.window.primary
    assert "scan" in primary.message.text() and "again" in primary.message.text()
    assert (folder / "rejected" / "torn").is_dir()  # the scanner's files are kept, not deleted


def test_a_decision_the_rules_refuse_is_not_saved_and_says_why(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.primary
    current = present(qtbot, session)
    with qtbot.wait_signal(session.booth.action_failed, timeout=SIGNAL_TIMEOUT):
        session.booth.decide("refuse", reason="NOT-A-CODE")
    assert "Not saved" in primary.message.text() and "NOT-A-CODE" in primary.message.text()
    assert primary.buttons["admit"].isEnabled()  # the officer can still decide
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary, QtCore.Qt.Key.Key_F5)
    assert (
        session.demo.store.records("decision")[-1].body["inspection_id"] == current.inspection.inspection_id
    )
