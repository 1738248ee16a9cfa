"""Retention of biometric data: images leave the booth a set number of days after they were taken,
and only once the central side has acknowledged the record AND every byte of the image.

All images of a record count as biometric: the document's data page carries the holder's facial
image under every light, and a live photo is one. Deleting is two-step, like writing: the rows are
marked ``purged_at`` and an audit entry written in one transaction, then the files are unlinked;
a crash in between leaves files that the next open's recovery removes (they no longer have a live row).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from station import audit
from station.audit import Action
from station.clock import iso
from station.store.core import Store
from station.store.images import StoredImage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    purged: list[StoredImage]
    waiting_for_sync: int
    """Images old enough to go that stay because the central side has not acknowledged them yet."""


def purge_biometrics(store: Store, *, days: int, actor: str = "system:retention") -> PurgeResult:
    """Delete images older than ``days`` whose record and files are acknowledged by the central side."""
    if days < 0:
        raise ValueError("retention days cannot be negative")
    now = store.clock.now()
    cutoff = iso(now - timedelta(days=days))
    with store.transaction() as conn:
        rows = conn.execute(
            "SELECT i.record_id, i.name, i.path, i.media_type, i.sha256, i.size FROM images i"
            " JOIN records r ON r.record_id = i.record_id"
            " JOIN outbox o ON o.event_id = i.record_id"
            " JOIN outbox_files f ON f.event_id = i.record_id AND f.name = i.name"
            " WHERE i.purged_at IS NULL AND r.created_at < ? AND o.state = 'acked' AND f.state = 'acked'"
            " ORDER BY r.seq, i.name",
            (cutoff,),
        ).fetchall()
        purged = [StoredImage(*r) for r in rows]
        (old,) = conn.execute(
            "SELECT COUNT(*) FROM images i JOIN records r ON r.record_id = i.record_id"
            " WHERE i.purged_at IS NULL AND r.created_at < ?",
            (cutoff,),
        ).fetchone()
        if purged:
            conn.executemany(
                "UPDATE images SET purged_at = ? WHERE record_id = ? AND name = ?",
                [(iso(now), p.record_id, p.name) for p in purged],
            )
            records = sorted({p.record_id for p in purged})
            audit.append(
                conn,
                actor,
                Action.RETENTION_PURGE,
                "images",
                {"days": days, "images": len(purged), "records": records},
                clock=store.clock,
            )
    store.images.remove(store.images.absolute(p.path) for p in purged)
    waiting = int(old) - len(purged)
    if purged:
        log.info("retention: deleted %d image(s) older than %d days", len(purged), days)
    if waiting:
        log.warning(
            "retention: %d image(s) older than %d days kept: not yet acknowledged by central", waiting, days
        )
    return PurgeResult(purged, waiting)
