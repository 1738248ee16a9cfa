"""Opening the booth's store at the start of a shift, with the housekeeping a start owes.

Two things happen on every start, before the first traveller: the settings in force are compared
with the last ones audited (the config file is edited outside the station, so a change is only
seen here, and every change must be attributable), and biometric images past ``[retention]
biometric_days`` that the central side has acknowledged are deleted. A failed purge is logged and
reported, never a reason to keep the booth closed: the images wait for the next start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from station import audit
from station.clock import Clock
from station.config import Config
from station.store import Store
from station.store.errors import KnownStoreError
from station.store.retention import PurgeResult, purge_biometrics

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartReport:
    settings_changed: list[str]
    """The ``section.key`` settings that differ from the last audited start (all of them on a first start)."""
    purge: PurgeResult | None
    purge_error: str | None


def open_booth_store(config: Config, *, clock: Clock | None = None) -> tuple[Store, StartReport]:
    """The booth's store, migrated, with changed settings audited and expired biometrics purged."""
    store = Store.from_config(config, clock=clock)
    try:
        with store.transaction() as conn:
            entry = audit.note_settings(conn, config, clock=store.clock)
    except BaseException:
        store.close()
        raise
    changed: list[str] = []
    if entry is not None:
        changed = sorted(entry.details["changed"] or entry.details["settings"])
        log.info("start: settings audited (%d changed)", len(changed))
    purge, error = None, None
    try:
        purge = purge_biometrics(store, days=config.retention.biometric_days)
    except (KnownStoreError, OSError) as exc:
        error = f"old biometric images could not be deleted: {exc}"
        log.error("start: %s", error)
    return store, StartReport(changed, purge, error)
