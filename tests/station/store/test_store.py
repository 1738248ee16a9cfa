"""The store's record API on a real SQLite file: append-only records, corrections, images and their
outbox event in one transaction, queries, threads."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from station.clock import FakeClock
from station.config import Config
from station.findings import Status
from station.store import (
    RecordExistsError,
    StaleCorrectionError,
    Store,
    StoreCorruptError,
    UnknownRecordError,
)
from sync import outbox
from tests.helpers.store_data import inspection_body, inspection_images


def test_open_sets_wal_full_sync_and_foreign_keys(store: Store) -> None:
    with store.transaction() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_append_writes_record_images_and_outbox_event_together(store: Store) -> None:
    images = inspection_images(1)
    record_id = store.append("inspection", inspection_body(1), images=images)

    record = store.get(record_id)
    assert record is not None
    assert record.kind == "inspection"
    assert record.body == json.loads(json.dumps(inspection_body(1)))
    assert record.root_id == record_id and record.supersedes is None

    stored = store.images_of(record_id)
    assert set(stored) == {"white", "ir", "uv"}
    for name, data in images.items():
        assert store.image_bytes(record_id, name) == data
        assert stored[name].sha256 == hashlib.sha256(data).hexdigest()
        assert stored[name].media_type == "image/png"

    with store.read() as conn:
        (event,) = outbox.pending_batch(conn, 10)
        files = conn.execute(
            "SELECT name, path, sha256, size FROM outbox_files WHERE event_id = ?", (record_id,)
        )
        file_rows = {r[0]: r[1:] for r in files}
    assert event.event_id == record_id and event.kind == "inspection"
    assert event.payload["record_id"] == record_id
    assert event.payload["body"] == record.body
    assert set(event.payload["images"]) == {"white", "ir", "uv"}
    for name, (path, digest, size) in file_rows.items():
        assert Path(path).is_absolute() and Path(path).read_bytes() == images[name]
        assert (digest, size) == (stored[name].sha256, stored[name].size)


def test_records_cannot_be_updated_or_deleted(store: Store) -> None:
    record_id = store.append("inspection", {"a": 1})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), store.transaction() as conn:
        conn.execute("UPDATE records SET body = '{}' WHERE record_id = ?", (record_id,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), store.transaction() as conn:
        conn.execute("DELETE FROM records")
    assert store.get(record_id) is not None


def test_correction_is_a_new_record_pointing_at_the_old(store: Store, clock: FakeClock) -> None:
    first = store.append("inspection", {"verdict": "clear"})
    clock.advance(60)
    second = store.append("inspection", {"verdict": "attention"}, supersedes=first)
    clock.advance(60)
    third = store.append("inspection", {"verdict": "stop"}, supersedes=second)

    assert store.get(first) is not None and store.get(first).body == {"verdict": "clear"}  # type: ignore[union-attr]
    assert store.latest(first).record_id == third
    assert store.latest(second).record_id == third
    assert [r.record_id for r in store.history(third)] == [first, second, third]
    assert {r.root_id for r in store.history(first)} == {first}
    current = store.records("inspection", current_only=True)
    assert [r.record_id for r in current] == [third]


def test_correction_must_target_the_latest_existing_record_of_the_same_kind(store: Store) -> None:
    first = store.append("inspection", {"v": 1})
    second = store.append("inspection", {"v": 2}, supersedes=first)
    with pytest.raises(StaleCorrectionError) as stale:
        store.append("inspection", {"v": 3}, supersedes=first)
    assert stale.value.latest_id == second
    with pytest.raises(UnknownRecordError):
        store.append("inspection", {"v": 3}, supersedes="no-such-record")
    with pytest.raises(ValueError, match="must be a 'inspection' record"):
        store.append("decision", {"v": 3}, supersedes=second)
    assert len(store.records()) == 2


def test_record_id_is_written_once(store: Store) -> None:
    store.append("inspection", {"v": 1}, record_id="fixed-id")
    with pytest.raises(RecordExistsError):
        store.append("inspection", {"v": 2}, record_id="fixed-id")
    assert store.get("fixed-id").body == {"v": 1}  # type: ignore[union-attr]


def test_failed_transaction_leaves_no_record_event_or_file(store: Store) -> None:
    with pytest.raises(RuntimeError, match="officer cancelled"), store.transaction():
        store.append("inspection", {"v": 1}, images=inspection_images(2), record_id="doomed")
        assert store.get("doomed") is not None  # visible inside its own transaction
        raise RuntimeError("officer cancelled")
    assert store.get("doomed") is None
    with store.read() as conn:
        assert outbox.stats(conn).pending == 0
    assert store.images.files() == []
    assert store.check().ok


def test_appends_inside_one_transaction_commit_together(store: Store) -> None:
    with store.transaction():
        decision = store.append("decision", {"outcome": "refer"})
        referral = store.append("referral", {"decision": decision, "reason": "DOC"})
    assert store.get(decision) is not None and store.get(referral) is not None


def test_queries_by_kind_and_time(store: Store, clock: FakeClock) -> None:
    start = clock.now()
    ids = []
    for i in range(5):
        ids.append(store.append("inspection" if i % 2 == 0 else "decision", {"i": i}))
        clock.advance(timedelta(hours=1))
    assert [r.body["i"] for r in store.records("inspection")] == [0, 2, 4]
    assert [r.body["i"] for r in store.records("inspection", newest_first=True, limit=2)] == [4, 2]
    window = store.records(since=start + timedelta(minutes=30), until=start + timedelta(hours=3))
    assert [r.body["i"] for r in window] == [1, 2]
    assert store.get("missing") is None
    with pytest.raises(UnknownRecordError):
        store.latest("missing")


def test_bad_kind_and_image_names_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="record kind"):
        store.append("bad kind!", {})
    with pytest.raises(ValueError, match="image name"):
        store.append("inspection", {}, images={"../escape": b"x"})
    with pytest.raises(TypeError, match="cannot be stored as JSON"):
        store.append("inspection", {"x": object()})
    assert store.records() == []
    assert store.images.files() == []


def test_appends_from_many_threads_are_serialised(store: Store) -> None:
    results: list[str] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        for i in range(5):
            rid = store.append(
                "inspection", {"n": n, "i": i}, images={"photo": inspection_images(n)["white"]}
            )
            with lock:
                results.append(rid)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 20
    assert len(store.records()) == 20
    assert store.check().ok


def test_submit_append_returns_a_future(store: Store) -> None:
    future = store.submit_append("inspection", {"async": True}, images=inspection_images(3))
    record_id = future.result(timeout=30)
    assert store.get(record_id) is not None


def test_submit_inside_a_transaction_is_refused_instead_of_deadlocking(store: Store) -> None:
    with pytest.raises(RuntimeError, match="deadlock"), store.transaction():
        store.submit(lambda conn: None)


def test_two_stores_on_one_file_see_each_others_records(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    with Store.open(path) as app, Store.open(path) as cli:
        record_id = app.append("inspection", {"v": 1}, images=inspection_images(4))
        assert cli.get(record_id) is not None
        assert cli.image_bytes(record_id, "uv") == inspection_images(4)["uv"]


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "booth.sqlite")
    store.close()
    store.close()  # idempotent
    with pytest.raises(RuntimeError, match="closed"), store.transaction():
        pass


def test_from_config_uses_the_configured_path_and_threshold(tmp_path: Path) -> None:
    config = Config.from_mapping({"store": {"path": str(tmp_path / "x" / "booth.sqlite"), "min_free_mb": 7}})
    with Store.from_config(config) as store:
        assert store.path == tmp_path / "x" / "booth.sqlite" and store.path.exists()
        assert store.health().min_free_bytes == 7 * 2**20


def test_dates_and_enums_in_a_body_are_stored_in_their_json_form(store: Store) -> None:
    body = {"birth_date": date(1974, 8, 12), "status": Status.PASSED, "lights": {"uv", "ir"}}
    record_id = store.append("inspection", body)
    expected = {"birth_date": "1974-08-12", "status": "passed", "lights": ["ir", "uv"]}
    assert store.get(record_id).body == expected  # type: ignore[union-attr]
    with store.read() as conn:
        (event,) = outbox.pending_batch(conn, 10)
    assert event.payload["body"] == expected


def test_a_file_that_is_not_a_database_is_a_known_error(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    path.write_bytes(b"this is not SQLite " * 512)
    with pytest.raises(StoreCorruptError) as caught:
        Store.open(path)
    assert "damaged" in caught.value.officer_message


def test_a_failed_append_inside_a_transaction_leaves_nothing_even_if_the_caller_goes_on(store: Store) -> None:
    with store.transaction() as conn:
        outbox.enqueue(conn, "other", {}, event_id="taken")
    with store.transaction():
        kept = store.append("decision", {"v": 1})
        with pytest.raises(sqlite3.IntegrityError):  # its outbox event id is taken: fails after its rows
            store.append("inspection", {"v": 2}, images=inspection_images(5), record_id="taken")
        also_kept = store.append("decision", {"v": 3})
    assert store.get("taken") is None
    assert {r.record_id for r in store.records()} == {kept, also_kept}
    assert store.images.files() == []
    assert store.check().ok


def test_nested_transactions_are_savepoints(store: Store) -> None:
    with store.transaction():
        outer = store.append("decision", {"v": 1})
        with pytest.raises(RuntimeError, match="inner"), store.transaction():
            store.append("decision", {"v": 2}, record_id="inner")
            raise RuntimeError("inner")
    assert store.get(outer) is not None and store.get("inner") is None
