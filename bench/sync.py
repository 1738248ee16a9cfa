"""Sync throughput on loopback: ``.venv/bin/python -m bench.sync [--events N] [--booths N]``.

1. Drain: N queued outbox events (default 100,000) in a real booth store, sent by the sync client
   to the reference server (a subprocess, SQLite storage) in batches; target >= 2,000 events/s.
   Baseline in the same run: batch size 1 (on a bounded sample, as it is two orders slower).
2. Server upload throughput with 50 simulated booths posting batches at once (threads, one
   requests session each), against the baseline of one booth posting the same batches alone.

Loopback HTTP only; everything lives in a temp dir and is removed at the end.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import requests

from station.store import Store
from sync import outbox
from sync.client import ClientSettings, SyncClient
from sync.transport import LinkSettings
from tests.helpers.central_server import CentralServer


def _queue(db: Path, count: int) -> None:
    store = Store.open(db)
    with store.transaction() as conn:
        for n in range(count):
            outbox.enqueue(conn, "inspection", {"n": n, "document": f"X{n:08d}", "verdict": "clear"})
    store.close()


def _drain(server: CentralServer, workdir: Path, booth: str, count: int, batch_size: int) -> float:
    """Events per second to drain ``count`` queued events with ``batch_size``."""
    db = workdir / f"{booth}.sqlite"
    _queue(db, count)
    token = server.add_booth(booth)
    client = SyncClient(
        db, LinkSettings(url=server.url, token=token), ClientSettings(booth, batch_size=batch_size)
    )
    started = time.perf_counter()
    report = client.sync_once()
    elapsed = time.perf_counter() - started
    client.close()
    if report.accepted != count:
        raise RuntimeError(f"drain sent {report.accepted} of {count}")
    return count / elapsed


def _batch(booth: str, size: int, start: int) -> dict[str, object]:
    return {
        "events": [
            {
                "event_id": str(uuid.uuid4()),
                "seq": start + i,
                "kind": "inspection",
                "payload": {"booth": booth, "n": start + i},
                "created_at": "2026-01-01T00:00:00+00:00",
            }
            for i in range(size)
        ]
    }


def _booths_upload(server: CentralServer, booths: int, batches: int, size: int, tag: str) -> float:
    """Events per second accepted with ``booths`` booths posting ``batches`` batches each, concurrently."""
    tokens = [server.add_booth(f"{tag}{i:02d}") for i in range(booths)]
    bodies = [[_batch(f"{tag}{i:02d}", size, b * size) for b in range(batches)] for i in range(booths)]
    errors: list[BaseException] = []

    def booth(i: int) -> None:
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {tokens[i]}"
            for body in bodies[i]:
                try:
                    reply = session.post(f"{server.url}/v1/events", json=body, timeout=60)
                    reply.raise_for_status()
                except requests.RequestException as exc:
                    errors.append(exc)
                    return

    threads = [threading.Thread(target=booth, args=(i,)) for i in range(booths)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} booth(s) failed: {errors[0]}")
    return booths * batches * size / elapsed


def _row(name: str, events: int, rate: float, note: str = "") -> str:
    return f"| {name:<44} | {events:>8,} | {rate:>10,.0f} | {note:<24} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events to drain (default 100,000)")
    parser.add_argument("--batch", type=int, default=500, help="client batch size (default 500)")
    parser.add_argument("--baseline-events", type=int, default=2_000, help="events for the batch-1 baseline")
    parser.add_argument("--booths", type=int, default=50, help="simulated booths (default 50)")
    parser.add_argument("--booth-batches", type=int, default=10, help="batches per booth (default 10)")
    parser.add_argument(
        "--booth-batch-size", type=int, default=100, help="events per booth batch (default 100)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        work = Path(tmp)
        server = CentralServer(work / "server").start()
        try:
            rows: list[str] = []
            measure: list[tuple[str, int, Callable[[], float], str]] = [
                (
                    "drain, batch size 1 (baseline)",
                    args.baseline_events,
                    lambda: _drain(server, work, "BASE", args.baseline_events, 1),
                    "",
                ),
                (
                    f"drain, batch size {args.batch}",
                    args.events,
                    lambda: _drain(server, work, "DRAIN", args.events, args.batch),
                    "target >= 2,000/s",
                ),
                (
                    "upload, 1 booth alone (baseline)",
                    args.booth_batches * args.booth_batch_size,
                    lambda: _booths_upload(server, 1, args.booth_batches, args.booth_batch_size, "ONE"),
                    "",
                ),
                (
                    f"upload, {args.booths} booths at once",
                    args.booths * args.booth_batches * args.booth_batch_size,
                    lambda: _booths_upload(
                        server, args.booths, args.booth_batches, args.booth_batch_size, "MANY"
                    ),
                    f"batches of {args.booth_batch_size}",
                ),
            ]
            for name, events, run, note in measure:
                rate = run()
                rows.append(_row(name, events, rate, note))
                print(rows[-1].replace("|", " ").strip(), flush=True)
        finally:
            server.stop()
    print()
    print(f"| {'case':<44} | {'events':>8} | {'events/s':>10} | {'note':<24} |")
    print(f"|{'-' * 46}|{'-' * 9}:|{'-' * 11}:|{'-' * 26}|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
