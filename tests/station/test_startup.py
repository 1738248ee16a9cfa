"""The start of a shift: settings changes audited once, expired and synced biometrics purged."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from station import audit
from station.clock import FakeClock
from station.config import Config
from station.startup import open_booth_store
from sync import outbox
from tests.helpers.store_data import inspection_images


def _config(tmp_path: Path, days: int = 30, lane: str = "1") -> Config:
    return Config.from_mapping(
        {
            "store": {"path": str(tmp_path / "booth.sqlite")},
            "retention": {"biometric_days": days},
            "booth": {"lane": lane},
        },
        source=tmp_path / "station.toml",
    )


def test_settings_are_audited_on_the_first_start_and_on_each_change(tmp_path: Path) -> None:
    store, report = open_booth_store(_config(tmp_path))
    store.close()
    assert "retention.biometric_days" in report.settings_changed

    store, report = open_booth_store(_config(tmp_path))
    store.close()
    assert report.settings_changed == []  # nothing changed: no new entry

    store, report = open_booth_store(_config(tmp_path, lane="7"))
    with store, store.read() as conn:
        entries = [e for e in audit.entries(conn) if e.action == audit.Action.SETTINGS_CHANGED]
    assert report.settings_changed == ["booth.lane"]
    assert len(entries) == 2 and entries[-1].details["changed"] == {"booth.lane": ["1", "7"]}


def test_expired_synced_images_are_purged_at_start(tmp_path: Path) -> None:
    clock = FakeClock()
    store, _ = open_booth_store(_config(tmp_path), clock=clock)
    with store:
        record = store.append("inspection", {"n": 1}, images=inspection_images(1))
        with store.transaction() as conn:
            outbox.mark_acked(conn, [record])
            for image in store.images_of(record).values():
                outbox.file_progress(conn, record, image.name, image.size, done=True)
    clock.advance(timedelta(days=31))

    store, report = open_booth_store(_config(tmp_path), clock=clock)
    with store:
        assert report.purge is not None and len(report.purge.purged) == 3
        assert report.purge_error is None
        assert store.images_of(record) == {} and store.get(record) is not None
