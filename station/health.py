"""The booth's health for the status strip and the supervisor: the sync backlog, the lists loaded, the
store's free space and the sync service's own status. Blocking reads: call from a worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from station.screening.lists import list_versions
from station.store import Store
from station.sync_service import SyncService
from sync import outbox
from sync.client import SyncStatus


@dataclass(frozen=True)
class Health:
    pending: int
    acked: int
    rejected: int
    pending_files: int
    lists: dict[str, dict[str, Any]]
    store_free_mb: int
    store_low: bool
    sync: SyncStatus | None = None  # None: the booth works offline
    sync_error: str = ""

    @property
    def online(self) -> bool:
        return self.sync is not None


def read_health(store: Store, sync: SyncService | None = None) -> Health:
    with store.read() as conn:
        counts = outbox.stats(conn)
        (acked,) = conn.execute("SELECT COUNT(*) FROM outbox WHERE state = 'acked'").fetchone()
        lists = list_versions(conn)
    store_health = store.health()
    status = sync.status() if sync is not None else None
    return Health(
        pending=counts.pending,
        acked=int(acked),
        rejected=counts.rejected,
        pending_files=counts.pending_files,
        lists=lists,
        store_free_mb=store_health.free_bytes // 1_000_000,
        store_low=store_health.low_space,
        sync=status,
        sync_error=(status.last_error or "") if status is not None else "",
    )
