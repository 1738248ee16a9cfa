"""An upgrade keeps the booth's store: a store made by the real migration files up to an older
version, holding records, images, an officer and unsent outbox events, opened by the current code
comes out at the newest schema with everything still there."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from station.auth import Auth, Role
from station.cli import main
from station.store import Store, schema
from sync import outbox

PIN = "493817"
OLD_VERSION = 3  # the store's own first migrations: records, audit, officers; nothing later
NEWER_TABLES = ("screening_persons", "sync_alerts", "chip_trust")


def _make_old_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """A store as an older release left it: only the migrations up to OLD_VERSION were known."""
    old = [m for m in schema.discover() if m.version <= OLD_VERSION]
    with monkeypatch.context() as patch:
        patch.setattr(schema, "discover", lambda: old)
        with Store.open(path) as store:
            images = {}
            for n in range(3):
                image = f"white-light image {n}".encode() * 50
                record_id = store.append("inspection", {"n": n, "name": "MARÍA"}, images={"white": image})
                images[record_id] = image
            Auth(store).add_officer("admin1", "First Admin", Role.ADMIN, PIN, actor="cli:installer")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert schema.current_version(conn) == OLD_VERSION
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & set(NEWER_TABLES), "the old store must predate the newer migrations"
    return images


def test_current_code_migrates_an_old_store_and_keeps_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "booth.sqlite"
    images = _make_old_store(path, monkeypatch)
    latest = schema.discover()[-1].version
    assert latest > OLD_VERSION

    with Store.open(path) as store:
        with store.read() as conn:
            assert schema.current_version(conn) == latest
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            unsent = [e.event_id for e in outbox.pending_batch(conn, 100)]
        assert set(NEWER_TABLES) <= tables
        for n, (record_id, image) in enumerate(images.items()):
            record = store.get(record_id)
            assert record is not None and record.body == {"n": n, "name": "MARÍA"}
            assert store.image_bytes(record_id, "white") == image
        assert set(images) <= set(unsent), "records not yet sent before the upgrade are still queued"
        assert Auth(store).login("admin1", PIN).role is Role.ADMIN
        assert store.check().ok


def test_setup_upgrade_backs_up_then_migrates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "data" / "booth.sqlite"
    images = _make_old_store(path, monkeypatch)
    config = tmp_path / "booth.toml"
    config.write_text('[store]\npath = "data/booth.sqlite"\n', encoding="utf-8")
    latest = schema.discover()[-1].version

    assert main(["setup", "--upgrade", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert f"migrated from version {OLD_VERSION} to {latest}" in out
    [backup] = sorted(path.parent.glob(f"booth.before-v{latest:04d}-*.sqlite"))
    with contextlib.closing(sqlite3.connect(backup)) as conn:
        assert schema.current_version(conn) == OLD_VERSION
        assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == len(images)

    assert main(["setup", "--upgrade", "--config", str(config)]) == 0
    assert f"already at version {latest}" in capsys.readouterr().out


def test_upgrade_without_a_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "booth.toml"
    config.write_text('[store]\npath = "missing.sqlite"\n', encoding="utf-8")
    assert main(["setup", "--upgrade", "--config", str(config)]) == 1
    assert "nothing to upgrade" in capsys.readouterr().err
