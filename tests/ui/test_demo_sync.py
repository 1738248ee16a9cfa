"""The demo booth with its embedded reference central server: a decision made in the window reaches the
central side, and the supervisor sees the backlog drain."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from station.auth import Role
from station.clock import FakeClock
from ui.app import DemoSession, prepare_app
from ui.qt import QtCore

from .conftest import OFFSCREEN_NOISE, SIGNAL_TIMEOUT, login
from .test_primary import present

pytestmark = OFFSCREEN_NOISE


def test_decision_is_synced_to_the_central_server(qtbot, tmp_path: Path, translations: Path):
    session = DemoSession(
        prepare_app(),
        tmp_path,
        central=True,
        sync=True,
        clock=FakeClock(datetime.now(UTC)),
        i18n_dir=translations,
    )
    qtbot.addWidget(session.window)
    session.window.show()
    try:
        login(qtbot, session, Role.SUPERVISOR)
        present(qtbot, session)
        with qtbot.wait_signal(session.booth.decision_saved, timeout=SIGNAL_TIMEOUT):
            qtbot.keyClick(session.window.primary, QtCore.Qt.Key.Key_F5)
        decision = session.demo.store.records("decision")[-1]
        with session.demo.store.read() as conn:
            event = conn.execute("SELECT event_id FROM outbox WHERE kind = 'decision'").fetchone()[0]
        session.booth.sync.sync_now()
        central = session.demo.central
        qtbot.wait_until(lambda: event in central.event_ids("B01"), timeout=SIGNAL_TIMEOUT)
        # the service's own round may be the one sending: the booth marks the events acknowledged
        # when the central side's answer arrives, a moment after the central side has them
        qtbot.wait_until(lambda: session.booth.read_health().acked >= 2, timeout=SIGNAL_TIMEOUT)
        with qtbot.wait_signal(session.booth.health, timeout=SIGNAL_TIMEOUT) as blocker:
            session.booth.poll_health()
        health = blocker.args[0]
        assert health.online and health.acked >= 2  # the inspection and its decision
        supervisor = session.window.supervisor
        assert supervisor.backlog.value() == health.acked
        assert decision.record_id
    finally:
        session.language.set("en")
        session.booth.close()
        session.demo.close()
