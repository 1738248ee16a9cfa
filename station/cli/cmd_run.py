"""``station run``: the booth application for a real shift, on the booth file's devices and store.

Everything that must hold before the window opens is checked here, each failure one line: the booth
file is valid, the store opens (migrated; changed settings audited; expired biometrics purged), an
officer account exists (``station setup`` creates the first administrator), and a display exists.
Sync starts when ``[central] url`` is set; without it the booth works offline and says so.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from station.auth import Auth
from station.cli import CommandError
from station.cli.ui_loader import load_ui, no_display
from station.config import Config, ConfigError
from station.startup import open_booth_store
from station.store import Store
from station.store.errors import KnownStoreError
from station.sync_service import SyncService
from sync.errors import ConfigurationError

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "run",
        help="the booth application on this booth's configuration and devices",
        description="Opens the booth window for a shift: the booth file's devices, its store, and sync"
        " with the central side when one is configured.",
    )
    parser.add_argument("--config", type=Path, default=None, help="booth file (default: the platform's)")
    parser.add_argument("--language", default="en", help="language of the window (default: en)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        config = Config.load(args.config)
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    if no_display():
        raise CommandError("no display to open the booth window on (is this a booth with a screen?)")
    ui = load_ui("ui.booth_app", instead="check the installation with: station selftest")
    try:
        store, report = open_booth_store(config)
    except KnownStoreError as exc:
        raise CommandError(f"the booth's store cannot be opened: {exc}") from None
    with store:
        if report.purge_error:
            print(f"station: warning: {report.purge_error}")
        auth = Auth(store, settings=config.session)
        if not auth.officers():
            raise CommandError("this booth has no officer accounts yet: run `station setup` first")
        sync = _sync(config, store)
        try:
            status: int = ui.run_booth(config, store, auth, sync, args.language)
        finally:
            if sync is not None:
                sync.stop()
    return status


def _sync(config: Config, store: Store) -> SyncService | None:
    if not config.central.url:
        print("station: no [central] url in the booth file: working offline, records wait in the outbox")
        return None
    try:
        service = SyncService(config, store=store)
    except ConfigurationError as exc:
        print(f"station: sync not started: {exc}; records wait in the outbox")
        log.warning("sync not started: %s", exc)
        return None
    service.start()
    return service
