"""The station's side of sync: the booth's config and store wired to ``sync`` (which never imports us).

``SyncService`` owns the sync worker thread: it opens the booth store's file through the client's
own connection, drains the outbox, applies verified inbound lists through the station's appliers
(screening lists through :func:`station.screening.lists.apply_list`; alerts from other booths into
``sync_alerts``; the chip trust list through :func:`station.chip_trust.apply_trust_records`), sends
the audit-chain head after a round and keeps the central side's receipt, and exposes :meth:`status` for the
supervisor's panel and ``station sync status``.

Second-line verdicts and watchlist hits become alerts for other booths with :func:`raise_alert`:
an ``alert`` record in the store (its outbox event is the upload), which the central side stores
and fans out to every other booth in its next ``alerts`` list pull.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from station.chip_trust import apply_trust_records
from station.config import Config
from station.screening.lists import KINDS as SCREENING_KINDS
from station.screening.lists import apply_list as apply_screening_list
from station.store import Store
from station.store.anchor import read_head_row
from sync.client import (
    ClientSettings,
    SyncClient,
    SyncReport,
    SyncStatus,
    SyncWorker,
    connect_booth_db,
    read_sync_status,
)
from sync.errors import ConfigurationError, SyncError
from sync.lists import ApplyList, ListVerifier, load_public_key
from sync.state import write_status
from sync.transport import LinkSettings, Timeouts
from sync.trusted_certificates import KIND as TRUSTED_CERTIFICATES

log = logging.getLogger(__name__)

ALERT_KIND = "alert"


def apply_alerts(
    conn: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
) -> None:
    """Store alerts from other booths (inside the list's transaction)."""
    if not delta:
        conn.execute("DELETE FROM sync_alerts")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for record in records:
        conn.execute(
            "INSERT INTO sync_alerts (alert_seq, event_id, origin_booth, alert, received_at)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (
                int(record["alert_seq"]),
                str(record["event_id"]),
                str(record["origin_booth"]),
                json.dumps(record.get("alert", {}), sort_keys=True),
                now,
            ),
        )


def _screening_applier(
    conn: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
) -> None:
    apply_screening_list(conn, kind, str(version), records, delta=delta)


def default_appliers() -> dict[str, ApplyList]:
    """Every list kind the station has a consumer for; other kinds are not pulled."""
    appliers: dict[str, ApplyList] = {kind: _screening_applier for kind in SCREENING_KINDS}
    appliers["alerts"] = apply_alerts
    appliers[TRUSTED_CERTIFICATES] = apply_trust_records
    return appliers


def raise_alert(store: Store, reason: str, details: Mapping[str, Any]) -> str:
    """Record an alert for the central side and other booths (second-line verdict, watchlist hit)."""
    return store.append(ALERT_KIND, {"reason": reason, **details})


def recent_alerts(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT alert_seq, event_id, origin_booth, alert, received_at FROM sync_alerts"
        " ORDER BY alert_seq DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        {
            "alert_seq": r[0],
            "event_id": r[1],
            "origin_booth": r[2],
            "alert": json.loads(r[3]),
            "received_at": r[4],
        }
        for r in rows
    ]


def link_settings(config: Config) -> LinkSettings:
    """The link from the ``[central]`` section; paths are relative to the config file."""
    central = config.central
    if not central.url:
        raise ConfigurationError("no central URL is configured ([central] url): the booth works offline")
    return LinkSettings(
        url=central.url,
        token=central.token,
        ca_file=str(config.resolve(central.ca_file)) if central.ca_file else "",
        client_cert=str(config.resolve(central.client_cert)) if central.client_cert else "",
        timeouts=Timeouts(
            connect=central.connect_timeout, read=central.read_timeout, total=central.total_timeout
        ),
        max_response_bytes=central.max_response_mb * 1024 * 1024,
    )


def list_verifier(config: Config) -> ListVerifier | None:
    """The verifier for the key pinned in config; None when no key is pinned (lists are then not pulled)."""
    if not config.central.list_public_key:
        return None
    path = config.resolve(config.central.list_public_key)
    try:
        return ListVerifier(load_public_key(path.read_bytes()), config.booth.booth_id)
    except OSError as exc:
        raise ConfigurationError(f"the pinned list key {path} cannot be read: {exc.strerror or exc}") from exc


class SyncService:
    """The booth's sync: one worker thread, one client, status readable from any thread.

    Pass the app's open ``store`` (or a ``db_path``); the client uses its own connection to the same
    file, so sync never holds the store's writer lock while it waits on the network.
    """

    def __init__(
        self,
        config: Config,
        *,
        db_path: Path | None = None,
        store: Store | None = None,
        appliers: Mapping[str, ApplyList] | None = None,
        idle_interval: float | None = None,
    ) -> None:
        self.config = config
        self.db_path = store.path if store is not None else (db_path or config.store_path())
        if store is None:
            Store.open(self.db_path).close()  # create/migrate the store before the client touches it
        self.appliers = dict(appliers if appliers is not None else default_appliers())
        verifier = list_verifier(config)
        self.client = SyncClient(
            self.db_path,
            link_settings(config),
            ClientSettings(
                booth_id=config.booth.booth_id,
                batch_size=config.central.batch_size,
                list_kinds=tuple(self.appliers) if verifier else (),
            ),
            verifier=verifier,
            apply_list=self._apply if verifier else None,
        )
        self._worker = SyncWorker(
            self.client,
            idle_interval=config.central.sync_interval if idle_interval is None else idle_interval,
            on_round=self._after_round,
        )
        self._status_conn = connect_booth_db(self.db_path)
        self._status_lock = threading.Lock()
        self._audit_sent: int | None = None

    def _apply(
        self, conn: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
    ) -> None:
        self.appliers[kind](conn, kind, version, records, delta)

    def start(self) -> None:
        self._worker.start()

    def sync_now(self) -> None:
        """Cut the worker's wait short (the "sync now" button)."""
        self._worker.wake()

    def run_once(self) -> SyncReport:
        """One round on the caller's thread (``station sync now``); raises ``SyncError`` (plain reason)."""
        report = self.client.sync_once()
        self._after_round(report, None)
        return report

    def status(self) -> SyncStatus:
        with self._status_lock:
            return read_sync_status(self._status_conn)

    def stop(self) -> None:
        self._worker.stop()
        self.client.close()
        self._status_conn.close()

    def _after_round(self, report: SyncReport | None, error: SyncError | None) -> None:
        """After a good round, hand a new audit-chain head to the central side and keep its receipt."""
        if error is not None or report is None:
            return
        conn = connect_booth_db(self.db_path)
        try:
            head = read_head_row(conn)
            if head is None or head.count == self._audit_sent:
                return
            receipt = self.client.send_audit_head(head.count, head.last_hash)
            conn.execute("BEGIN IMMEDIATE")
            write_status(conn, {"audit_receipt": json.dumps(receipt, sort_keys=True)})
            conn.execute("COMMIT")
            self._audit_sent = head.count
        except SyncError as exc:
            log.warning("audit head not sent: %s", exc)
        except sqlite3.Error:
            log.exception("audit head receipt could not be recorded")
        finally:
            conn.close()
