"""The lock screen (inactivity and the lock key) and a referral through second line to a PDF report."""

from __future__ import annotations

from datetime import timedelta

from station.auth import Role
from ui.qt import QtCore

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login
from .test_primary import present, visible_texts

pytestmark = OFFSCREEN_NOISE


def test_inactivity_locks_and_hides_every_personal_detail(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    current = present(qtbot, session)
    surname = current.inspection.traveller.surname
    number = current.inspection.document.document_number
    assert surname in visible_texts(session.window)
    with qtbot.wait_signal(session.booth.locked, timeout=SIGNAL_TIMEOUT):
        session.demo.store.clock.advance(
            timedelta(minutes=session.demo.config.session.lock_minutes, seconds=1)
        )
    window = session.window
    assert window.stack.currentWidget() is window.lock_screen
    shown = visible_texts(window)
    assert surname not in shown and number not in shown
    # not even hidden widgets of the primary screen keep the name while locked
    assert surname not in visible_texts_all(window.screens["primary"])
    # a scan arriving while locked is not shown or inspected
    qtbot.keyClicks(window.lock_screen.pin, "000000")
    with qtbot.wait_signal(session.booth.login_failed, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(window.lock_screen.pin, QtCore.Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.lock_screen
    qtbot.keyClicks(window.lock_screen.pin, "135790")
    with qtbot.wait_signal(session.booth.unlocked, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(window.lock_screen.pin, QtCore.Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.tabs
    assert surname in visible_texts(window)  # the traveller is back, the decision still to make


def test_lock_key_locks_at_once(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    with qtbot.wait_signal(session.booth.locked, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(session.window, QtCore.Qt.Key.Key_L, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert session.window.stack.currentWidget() is session.window.lock_screen


def visible_texts_all(widget):
    from ui.qt import QtWidgets

    return "\n".join(label.text() for label in widget.findChildren(QtWidgets.QLabel))


def test_referral_through_second_line_to_a_stored_pdf_report(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.screens["primary"]
    current = present(qtbot, session)
    qtbot.keyClick(primary, QtCore.Qt.Key.Key_F7)
    primary.reason.setCurrentIndex(primary.reason.findData("DOC"))
    qtbot.keyClicks(primary.note, "UV looks odd")
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary.note, QtCore.Qt.Key.Key_Return)
    session.booth.logout()
    login(qtbot, session, Role.EXAMINER)
    second = session.window.screens["second_line"]
    session.window.show_screen("second_line")
    qtbot.wait_until(lambda: second.queue.count() == 1, timeout=SIGNAL_TIMEOUT)
    assert "UV looks odd" in second.queue.item(0).text()
    second.queue.setCurrentRow(0)
    qtbot.keyClick(second.queue, QtCore.Qt.Key.Key_Return)
    qtbot.wait_until(lambda: second.inspection is not None, timeout=SIGNAL_TIMEOUT)
    assert second.inspection.inspection_id == current.inspection.inspection_id
    assert set(second.images) == {"white", "ir", "uv"}
    assert second.big.image is second.images["white"]
    session.window.activateWindow()
    qtbot.wait_until(second.verdict.hasFocus)  # the workspace takes the keys once a referral is taken
    qtbot.keyClick(second.verdict, QtCore.Qt.Key.Key_F2)  # flick to IR
    assert second.big.image is second.images["ir"]
    second.verdict.setCurrentIndex(second.verdict.findData("counterfeit"))
    second.final.setCurrentIndex(second.final.findData("refuse"))
    second.reason.setCurrentIndex(second.reason.findData("B"))
    second.checklist.item(0).setCheckState(QtCore.Qt.CheckState.Checked)
    with qtbot.wait_signal(second.examined, timeout=SIGNAL_TIMEOUT) as blocker:
        qtbot.keyClick(second.verdict, QtCore.Qt.Key.Key_S, QtCore.Qt.KeyboardModifier.ControlModifier)
    examination = blocker.args[0]
    assert examination.verdict.value == "counterfeit"
    store = session.demo.store
    report = store.get(second.last_report_id)
    assert report.kind == "examination_report" and report.body["verdict"] == "counterfeit"
    pdf = store.image_bytes(report.record_id, "report")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
    assert [a.body["reason"] for a in store.records("alert")] == ["second-line verdict: counterfeit"]
    with store.read() as conn:
        events = {k for (k,) in conn.execute("SELECT kind FROM outbox")}
        files = conn.execute("SELECT name FROM outbox_files").fetchall()
    assert {"examination", "examination_report", "alert"} <= events
    assert ("report",) in files
    qtbot.wait_until(lambda: second.queue.count() == 0)


def test_a_document_read_while_locked_waits_for_the_unlock(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    window = session.window
    with qtbot.wait_signal(session.booth.locked, timeout=SIGNAL_TIMEOUT):
        session.booth.lock()
    shown = []
    session.booth.inspection_ready.connect(shown.append)
    with qtbot.wait_signal(session.booth.bridge.scanned, timeout=SIGNAL_TIMEOUT) as blocker:
        session.booth.run(lambda: session.demo.present(0), lambda _p: None)
    session.booth.tasks.wait()
    assert shown == []  # nothing inspected or shown behind the lock
    qtbot.keyClicks(window.lock_screen.pin, "135790")
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT) as ready:
        qtbot.keyClick(window.lock_screen.pin, QtCore.Qt.Key.Key_Return)
    held, shown_now = blocker.args[0], ready.args[0]
    assert (shown_now.scan.raw, shown_now.scan.mrz_text) == (held.raw, held.mrz_text)  # the held document
    assert window.primary.traveller.values["surname"].text() == ready.args[0].inspection.traveller.surname


def test_the_next_officer_sees_nothing_of_the_last_ones_traveller(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    current = present(qtbot, session)
    session.booth.logout()
    login(qtbot, session, Role.EXAMINER)
    shown = visible_texts(session.window) + visible_texts_all(session.window.primary)
    assert current.inspection.traveller.surname not in shown
    assert session.window.primary.traveller.values["surname"].text() == "—"
