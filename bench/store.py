"""Benchmark: saving an inspection with three page images, durably, against baselines in the same run.

    .venv/bin/python -m bench.store [--n 200] [--dir DIR]

Each save is one ``Store.append``: three JPEG page images (white, IR, UV from the scanner simulator,
~200 KB each) written and fsynced as files, then the record, image rows and outbox event committed
in one WAL transaction with ``synchronous=FULL``. It returns when all of that is on disk, so the
time is what the officer waits between "decide" and "saved". Target: median <= 50 ms.

Baselines, the same payloads, the same directory, the same run:
- raw files + fsync: the three files written and fsynced (with the directory), no database: the floor
  that any durable save on this disk pays;
- raw files, no fsync: what the page cache alone costs;
- SQLite BLOBs, FULL: the other design (images inside the database, WAL, synchronous=FULL);
- SQLite BLOBs, OFF: the same without durability (``synchronous=OFF``), what a careless store would show.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import cv2

from devices.sim.document import render_document_scan
from mrz.synthetic import random_mrz
from station.store import Store
from station.store.images import fsync_dir

Payload = tuple[dict[str, object], dict[str, bytes]]


def make_payloads(count: int) -> list[Payload]:
    """A few rendered data pages as JPEG (quality 90), cycled with distinct bodies."""
    rng = random.Random(7)
    pages: list[dict[str, bytes]] = []
    for seed in range(count):
        scan = render_document_scan(random_mrz(rng), seed=seed)
        images: dict[str, bytes] = {}
        for light, image in scan.images.items():
            ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
            assert ok
            images[str(light.value)] = encoded.tobytes()
        pages.append(images)
    return [
        ({"n": n, "verdict": "clear", "findings": [{"code": "mrz.ok"}] * 12}, pages[n % count])
        for n in range(400)
    ]


def time_each(
    payloads: list[Payload], n: int, save: Callable[[dict[str, object], dict[str, bytes]], object]
) -> list[float]:
    times: list[float] = []
    for i in range(n):
        body, images = payloads[i % len(payloads)]
        start = time.perf_counter()
        save(body, images)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run_store(directory: Path, payloads: list[Payload], n: int) -> list[float]:
    with Store.open(directory / "booth.sqlite") as store:
        return time_each(payloads, n, lambda body, images: store.append("inspection", body, images=images))


def run_raw(directory: Path, payloads: list[Payload], n: int, *, sync: bool) -> list[float]:
    directory.mkdir()

    def save(body: dict[str, object], images: dict[str, bytes]) -> None:
        stem = uuid.uuid4().hex
        for name, data in images.items():
            fd = os.open(directory / f"{stem}.{name}.jpg", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, data)
                if sync:
                    os.fsync(fd)
            finally:
                os.close(fd)
        if sync:
            fsync_dir(directory)

    return time_each(payloads, n, save)


def run_blobs(path: Path, payloads: list[Payload], n: int, *, synchronous: str) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("CREATE TABLE records (id TEXT PRIMARY KEY, body TEXT)")
    conn.execute("CREATE TABLE images (id TEXT, name TEXT, data BLOB, PRIMARY KEY (id, name))")

    def save(body: dict[str, object], images: dict[str, bytes]) -> None:
        record_id = str(uuid.uuid4())
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO records VALUES (?, ?)", (record_id, repr(body)))
        conn.executemany(
            "INSERT INTO images VALUES (?, ?, ?)", [(record_id, k, v) for k, v in images.items()]
        )
        conn.execute("COMMIT")

    try:
        return time_each(payloads, n, save)
    finally:
        conn.close()


def filesystem_of(path: Path) -> str:
    best = ("?", "")
    with open("/proc/mounts", encoding="utf-8") as mounts:
        for line in mounts:
            _, mount_point, fs_type, *_ = line.split()
            if str(path.resolve()).startswith(mount_point) and len(mount_point) > len(best[1]):
                best = (fs_type, mount_point)
    return f"{best[0]} at {best[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="saves per variant (default 200)")
    parser.add_argument("--dir", type=Path, help="where to write (default: a temporary directory)")
    args = parser.parse_args()
    payloads = make_payloads(4)
    sizes = [len(v) for _, images in payloads[:4] for v in images.values()]
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        print(
            f"{args.n} saves per variant, 3 JPEG images of {min(sizes) // 1024}-{max(sizes) // 1024} KB each"
        )
        print(f"directory {root} ({filesystem_of(root)})\n")
        rows = [
            ("Store.append (files fsynced + WAL FULL)", run_store(root / "store", payloads, args.n)),
            ("baseline: raw files + fsync", run_raw(root / "raw-sync", payloads, args.n, sync=True)),
            ("baseline: raw files, no fsync", run_raw(root / "raw", payloads, args.n, sync=False)),
            (
                "baseline: SQLite BLOBs, WAL FULL",
                run_blobs(root / "blobs-full.sqlite", payloads, args.n, synchronous="FULL"),
            ),
            (
                "baseline: SQLite BLOBs, WAL OFF",
                run_blobs(root / "blobs-off.sqlite", payloads, args.n, synchronous="OFF"),
            ),
        ]
    print(f"{'variant':<42} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, times in rows:
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<42} {statistics.median(times):>10.2f} {p95:>8.2f} {max(times):>8.2f}")
    median = statistics.median(rows[0][1])
    print(f"\ntarget: Store.append median <= 50 ms: {'met' if median <= 50 else 'NOT met'} ({median:.2f} ms)")


if __name__ == "__main__":
    main()
