"""A demo booth in a temporary folder with its window, for the UI tests (no central server)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station.auth import Role
from station.clock import FakeClock
from station.demo import DEMO_PINS
from ui.app import DemoSession, prepare_app
from ui.i18n import I18N_DIR
from ui.i18n_build import build

SIGNAL_TIMEOUT = 20_000
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
"""The offscreen platform warns that it cannot pass a window's size hints to a window manager."""


@pytest.fixture(scope="session")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts sources compiled with lrelease into a temporary folder (as scripts/install does)."""
    folder = tmp_path_factory.mktemp("i18n")
    for source in I18N_DIR.glob("*.ts"):
        shutil.copy(source, folder)
    build(folder)
    return folder


@pytest.fixture
def session(qtbot, tmp_path: Path, translations: Path) -> Iterator[DemoSession]:
    app = prepare_app()
    demo = DemoSession(app, tmp_path, clock=FakeClock(datetime.now(UTC)), i18n_dir=translations)
    qtbot.addWidget(demo.window)
    demo.window.show()
    yield demo
    demo.language.set("en")
    demo.booth.close()
    demo.demo.close()


def login(qtbot, demo: DemoSession, role: Role) -> None:
    officer_id, _name, pin = DEMO_PINS[role]
    screen = demo.window.login_screen
    demo.window.activateWindow()
    with qtbot.wait_signal(demo.booth.logged_in, timeout=SIGNAL_TIMEOUT):
        qtbot.keyClicks(screen.officer, officer_id)
        qtbot.keyClick(screen.officer, "\r")
        qtbot.keyClicks(screen.pin, pin)
        qtbot.keyClick(screen.pin, "\r")
