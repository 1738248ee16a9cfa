"""The primary line driven from the keyboard: scan from the simulator -> findings -> decision -> store."""

from __future__ import annotations

import contextlib
import time

from station.auth import Role
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
