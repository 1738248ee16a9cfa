"""``station run``: the booth application on the booth's own configuration and devices.

The command (``station.cli.cmd_run``) opens the store and the sync service; this module only puts
the window on them, so everything that can fail before a window exists fails as a one-line error.
"""

from __future__ import annotations

import logging

from station.auth import Auth
from station.config import Config
from station.store import Store
from station.sync_service import SyncService
from ui.app import prepare_app
from ui.booth import BoothController
from ui.i18n import I18N_DIR, Language
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_booth(
    config: Config, store: Store, auth: Auth, sync: SyncService | None, language: str = "en"
) -> int:
    """The booth window until it is closed; devices are opened here and closed on the way out."""
    app = prepare_app()
    chosen = Language(app, I18N_DIR)
    chosen.set(language)
    booth = BoothController(config, store, auth, sync=sync)
    booth.open_devices()
    window = MainWindow(booth, chosen)
    window.show()
    try:
        return app.exec()
    finally:
        window.close()
        booth.close()
