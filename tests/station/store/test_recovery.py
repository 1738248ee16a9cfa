"""Crash leftovers: image files without a committed row are removed on open, but only when no other
process has the store open (its files in flight must survive)."""

from __future__ import annotations

from pathlib import Path

from station.store import Store
from tests.helpers.store_data import inspection_images


def _plant_orphans(store: Store) -> list[Path]:
    """What a crash between the rename and the commit leaves: durable files, no rows."""
    stored = store.images.write("ab" + "c" * 34, inspection_images(9).items())
    tmp = store.images.root / "ab" / ".leftover.white.png.1234abcd.tmp"
    tmp.write_bytes(b"partial")
    return [store.images.absolute(s.path) for s in stored] + [tmp]


def test_orphan_and_temporary_files_are_removed_on_open(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    with Store.open(path) as store:
        kept = store.append("inspection", {"v": 1}, images=inspection_images(1))
        orphans = _plant_orphans(store)
        report = store.check()
        assert not report.ok and len(report.orphan_files) == 4
    with Store.open(path) as store:
        assert not any(p.exists() for p in orphans)
        assert set(store.images_of(kept)) == {"white", "ir", "uv"}
        assert store.check().ok


def test_recovery_waits_for_the_store_to_be_closed_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    with Store.open(path) as app:
        in_flight = _plant_orphans(app)  # the app may be between rename and commit
        with Store.open(path) as cli:
            assert cli.get("anything") is None
        assert all(p.exists() for p in in_flight)
    Store.open(path).close()
    assert not any(p.exists() for p in in_flight)


def test_recovery_can_be_turned_off_for_inspection(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    with Store.open(path) as store:
        orphans = _plant_orphans(store)
    with Store.open(path, recover=False) as store:
        assert len(store.check().orphan_files) == len(orphans)


def test_an_unfinished_audit_head_file_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    Store.open(path).close()
    leftover = tmp_path / ".booth.sqlite.audit-head.4242.tmp"
    leftover.write_text("{")
    Store.open(path).close()
    assert not leftover.exists()
