"""Retention: images leave the booth after the configured days, only once the central side has
acknowledged the record and every image file; each purge is audited; a crash mid-purge leaves no
orphan files."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from station import audit
from station.clock import FakeClock
from station.store import Store
from station.store.retention import purge_biometrics
from sync import outbox
from tests.helpers.store_data import inspection_images


def _ack(store: Store, record_id: str, *, files: bool) -> None:
    with store.transaction() as conn:
        outbox.mark_acked(conn, [record_id])
        if files:
            for image in store.images_of(record_id).values():
                outbox.file_progress(conn, record_id, image.name, image.size, done=True)


def test_images_are_kept_until_old_enough_and_synced(store: Store, clock: FakeClock) -> None:
    old = store.append("inspection", {"n": 1}, images=inspection_images(1))
    clock.advance(timedelta(days=20))
    recent = store.append("inspection", {"n": 2}, images=inspection_images(2))
    clock.advance(timedelta(days=11))  # old: 31 days, recent: 11 days

    result = purge_biometrics(store, days=30)
    assert result.purged == [] and result.waiting_for_sync == 3  # never before sync

    _ack(store, old, files=False)
    assert purge_biometrics(store, days=30).purged == []  # the event is acked, the files are not

    _ack(store, old, files=True)
    _ack(store, recent, files=True)
    result = purge_biometrics(store, days=30)
    assert sorted(p.name for p in result.purged) == ["ir", "uv", "white"]
    assert {p.record_id for p in result.purged} == {old}
    assert result.waiting_for_sync == 0
    assert store.images_of(old) == {} and set(store.images_of(recent)) == {"ir", "uv", "white"}
    assert store.get(old) is not None  # the record itself stays
    assert not any(store.images.absolute(p.path).exists() for p in result.purged)
    assert store.check().ok

    with store.read() as conn:
        (entry,) = [e for e in audit.entries(conn) if e.action == audit.Action.RETENTION_PURGE]
    assert entry.details == {"days": 30, "images": 3, "records": [old]}


def test_a_crash_between_marking_and_unlinking_leaves_no_orphans(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "booth.sqlite"
    with Store.open(path, clock=clock) as store:
        record_id = store.append("inspection", {"n": 1}, images=inspection_images(1))
        _ack(store, record_id, files=True)
        clock.advance(timedelta(days=40))
        files = [store.images.absolute(i.path) for i in store.images_of(record_id).values()]
        monkeypatch.setattr(store.images, "remove", lambda paths: None)  # the power fails here
        assert len(purge_biometrics(store, days=30).purged) == 3
        assert all(f.exists() for f in files)
    with Store.open(path, clock=clock) as store:
        assert not any(f.exists() for f in files)
        assert store.check().ok


def test_negative_days_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="negative"):
        purge_biometrics(store, days=-1)
