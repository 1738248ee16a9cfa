"""The primary line driven from the keyboard: scan from the simulator -> findings -> decision -> store."""

from __future__ import annotations

import contextlib
import time

from station.auth import Role
from station.demo import SCRIPT
from ui.qt import QtCore, QtWidgets

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login

pytestmark = OFFSCREEN_NOISE


class Heartbeat:
    """A 20 ms timer on the GUI thread; the largest gap between ticks is how long the GUI was blocked."""

    def __init__(self) -> None:
        self.timer = QtCore.QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def present(qtbot, session):
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT) as blocker:
        session.present_next()
    return blocker.args[0]


def visible_texts(widget: QtWidgets.QWidget) -> str:
    texts = []
    for child in widget.findChildren(QtWidgets.QWidget):
        if not child.isVisible():
            continue
        for getter in ("text", "toPlainText", "title"):
            value = getattr(child, getter, None)
            if callable(value):
                with contextlib.suppress(TypeError):  # a getter that needs arguments
                    texts.append(str(value()))
        if isinstance(child, QtWidgets.QTreeWidget):
            iterator = QtWidgets.QTreeWidgetItemIterator(child)
            while iterator.value():
                item = iterator.value()
                texts.extend(item.text(c) for c in range(child.columnCount()))
                iterator += 1
        if isinstance(child, QtWidgets.QListWidget):
            texts.extend(child.item(i).text() for i in range(child.count()))
    return "\n".join(texts)


def test_scan_to_admit_by_keyboard_without_blocking_the_gui(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.screens["primary"]
    heartbeat = Heartbeat()
    heartbeat.start()
    current = present(qtbot, session)
    inspection = current.inspection
    assert primary.traveller.values["surname"].text() == inspection.traveller.surname
    assert "CLEAR" in primary.verdict.banner.text()
    shown = visible_texts(primary)
    assert "MRZ check digits" in shown and "All check digits are correct." in shown
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary, QtCore.Qt.Key.Key_F5)
    worst = heartbeat.stop()
    assert worst < 0.2, f"the GUI thread was blocked for {worst * 1000:.0f} ms"
    assert primary.traveller.values["surname"].text() == "—"  # ready for the next traveller
    store = session.demo.store
    decisions = store.records("decision")
    assert [d.body["kind"] for d in decisions] == ["admit"]
    assert decisions[0].body["inspection_id"] == inspection.inspection_id
    assert store.get(inspection.inspection_id) is not None
    with store.read() as conn:
        events = conn.execute("SELECT kind FROM outbox").fetchall()
    assert ("decision",) in events and ("inspection",) in events, events


def test_watchlist_hit_is_explained_and_refused_with_a_reason(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.screens["primary"]
    present(qtbot, session)  # genuine
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary, QtCore.Qt.Key.Key_F5)
    current = present(qtbot, session)  # the watchlist hit
    assert "STOP" in primary.verdict.banner.text()
    assert "Watchlist" in visible_texts(primary)
    assert primary.hits.text()
    qtbot.keyClick(primary, QtCore.Qt.Key.Key_F6)
    assert primary.forms.currentIndex() == 1
    primary.reason.setCurrentIndex(primary.reason.findData("H"))
    qtbot.keyClicks(primary.note, "alert confirmed")
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary.note, QtCore.Qt.Key.Key_Return)
    refusal = session.demo.store.records("decision")[-1].body
    assert refusal["kind"] == "refuse" and refusal["reason_code"] == "H"
    assert refusal["inspection_id"] == current.inspection.inspection_id


def test_unreadable_mrz_is_typed_by_hand_and_supersedes_the_scan(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.primary
    unreadable = next(i for i, case in enumerate(SCRIPT) if not case.mrz_readable)
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT) as blocker:
        session.booth.run(lambda: session.demo.present(unreadable), lambda _p: None)
    first = blocker.args[0].inspection
    assert first.traveller is None and "F9" in primary.traveller.mrz.text()
    qtbot.keyClick(primary, QtCore.Qt.Key.Key_F9)
    assert primary.forms.currentIndex() == 2 and primary.manual_lines[0].hasFocus()
    line1, line2 = session.demo.documents[unreadable].split("\n")
    qtbot.keyClicks(primary.manual_lines[0], line1.lower())  # typed in lower case: upper-cased
    qtbot.keyClicks(primary.manual_lines[1], line2)
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT) as blocker:
        qtbot.keyClick(primary.manual_lines[1], QtCore.Qt.Key.Key_Return)
    typed = blocker.args[0].inspection
    assert typed.supersedes == first.inspection_id and typed.traveller is not None
    assert primary.traveller.values["surname"].text() == typed.traveller.surname
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary, QtCore.Qt.Key.Key_F5)
    store = session.demo.store
    assert store.latest(first.inspection_id).record_id == typed.inspection_id
    assert store.records("decision")[-1].body["inspection_id"] == typed.inspection_id


def test_keyboard_wedge_reader_typing_into_the_window_is_a_scan(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.primary
    primary.buttons["manual"].setFocus()
    target = QtWidgets.QApplication.focusWidget()
    mrz_text = session.demo.documents[0]
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT) as blocker:
        for line in mrz_text.split("\n"):
            qtbot.keyClicks(target, line)
            qtbot.keyClick(target, QtCore.Qt.Key.Key_Return)
    inspection = blocker.args[0].inspection
    assert inspection.source == "wedge"
    assert inspection.document.mrz == mrz_text
    assert primary.forms.currentIndex() == 0  # the reader's keys triggered no decision or form


def test_protection_flag_routes_a_minor_to_the_protection_referral(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    primary = session.window.primary
    minor = next(i for i, case in enumerate(SCRIPT) if case.minor)
    with qtbot.wait_signal(session.booth.inspection_ready, timeout=SIGNAL_TIMEOUT):
        session.booth.run(lambda: session.demo.present(minor), lambda _p: None)
    assert "F8" in primary.message.text()
    qtbot.keyClick(primary, QtCore.Qt.Key.Key_F8)
    assert primary.reason.currentData() == "UNACCOMPANIED_MINOR"  # suggested, the officer confirms
    with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClick(primary.reason, QtCore.Qt.Key.Key_Return)
    referral = session.demo.store.records("referral")[-1].body
    assert referral["queue"] == "protection" and referral["protection_flags"] == ["UNACCOMPANIED_MINOR"]


def test_live_photo_from_the_camera_is_shown_checked_and_stored(qtbot, tmp_path, translations):
    from ui.app import DemoSession, prepare_app

    session = DemoSession(prepare_app(), tmp_path, camera=True, i18n_dir=translations)
    qtbot.addWidget(session.window)
    session.window.show()
    try:
        login(qtbot, session, Role.OFFICER)
        current = present(qtbot, session)
        assert current.live_photo is not None and current.live_photo.shape[:2] == (480, 640)
        assert session.window.primary.traveller.live_photo._pixmap is not None
        live = {f.code: f for f in current.inspection.findings}["photo.live"]
        assert live.status.value == "passed", live
        with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
            qtbot.keyClick(session.window.primary, QtCore.Qt.Key.Key_F5)
        assert "live" in session.demo.store.images_of(current.inspection.inspection_id)
        # the demo camera films the passport's holder: the face matches the chip's photo
        face = {f.code: f for f in current.inspection.findings}["face.match"]
        assert face.status.value == "passed", face
        assert current.inspection.verdict.value == "clear"
    finally:
        session.booth.close()
        session.demo.close()
