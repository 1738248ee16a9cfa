"""A demo booth in a temporary folder with its window, for the UI tests (no central server)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station.clock import FakeClock

from station.auth import Role
from station.demo import DEMO_PINS
from ui.app import DemoSession, prepare_app

SIGNAL_TIMEOUT = 20_000
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
"""The offscreen platform warns that it cannot pass a window's size hints to a window manager."""


@pytest.fixture
def session(qtbot, tmp_path: Path) -> Iterator[DemoSession]:
    app = prepare_app()
    demo = DemoSession(app, tmp_path, clock=FakeClock(datetime.now(UTC)))
    qtbot.addWidget(demo.window)
    demo.window.show()
    yield demo
    demo.booth.close()
    demo.demo.close()
    demo.language.set("en")


def login(qtbot, demo: DemoSession, role: Role) -> None:
    officer_id, _name, pin = DEMO_PINS[role]
    screen = demo.window.login_screen
    demo.window.activateWindow()
    with qtbot.wait_signal(demo.booth.logged_in, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClicks(screen.officer, officer_id)
        qtbot.keyClick(screen.officer, "\r")
        qtbot.keyClicks(screen.pin, pin)
        qtbot.keyClick(screen.pin, "\r")
