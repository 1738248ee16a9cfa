"""Starting the booth application: the QApplication's look and language, the controller, the window.

``prepare_app`` is shared by ``station demo``, the screenshot walk and the tests; ``run_demo`` is the
demo booth with simulated devices (``station.demo``).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from station.clock import Clock
from station.demo import DemoBooth
from station.sync_service import SyncService
from ui import theme
from ui.booth import BoothController
from ui.i18n import I18N_DIR, Language
from ui.main_window import MainWindow
from ui.qt import QtCore, QtWidgets

log = logging.getLogger(__name__)


def prepare_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The application object with the booth's font (Arabic-capable fallbacks) and style."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv or ["border-station"])
    assert isinstance(app, QtWidgets.QApplication)
    app.setApplicationName("Border Station")
    app.setFont(theme.app_font())
    app.setStyleSheet(theme.STYLESHEET)
    return app


class DemoSession(QtCore.QObject):
    """A demo booth wired to a window: F10 on the primary screen presents the next document."""

    def __init__(
        self,
        app: QtWidgets.QApplication,
        root: Path,
        *,
        central: bool = False,
        sync: bool = False,
        clock: Clock | None = None,
        i18n_dir: Path = I18N_DIR,
        camera: bool = False,
    ) -> None:
        super().__init__(app)
        self.demo = DemoBooth(root, central=central, clock=clock, camera=camera)
        sync_service = None
        if sync and self.demo.central is not None:
            sync_service = SyncService(self.demo.config, idle_interval=5.0)
            sync_service.start()
        self.language = Language(app, i18n_dir)
        self.booth = BoothController(self.demo.config, self.demo.store, self.demo.auth, sync=sync_service)
        self.booth.open_devices()
        self.window = MainWindow(self.booth, self.language, demo=True)
        self.window.primary.next_document.connect(self.present_next)

    def present_next(self) -> None:
        self.booth.run(self.demo.present_next, lambda presented: log.info("demo: %s", presented.case.title))

    def close(self) -> None:
        self.window.close()
        self.booth.close()
        self.demo.close()


def run_demo(language: str = "en") -> int:
    """``station demo``: the booth on simulated devices, until the window is closed."""
    app = prepare_app()
    with tempfile.TemporaryDirectory(prefix="border-station-demo-") as folder:
        session = DemoSession(app, Path(folder), central=True, sync=True, camera=True)
        session.language.set(language)
        session.window.show()
        try:
            return app.exec()
        finally:
            session.close()
