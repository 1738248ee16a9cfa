"""Frame decoder throughput: how many documents a second each protocol's decoder turns into scans.

A reader delivers at most a few documents a second over 9600 baud, so the decoders only need to be
far faster than the wire; the table shows by how much. Baseline (same run, same bytes): splitting
the plain-line stream with ``bytes.splitlines`` and no validation, the least work any decoder could do.

    .venv/bin/python -m bench.devices
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from devices.protocols import desko, plain, rte
from devices.protocols.base import FrameDecoder
from devices.sim.reader import ENCODERS
from mrz.synthetic import random_mrz

DOCUMENTS = 2000
CHUNK = 64  # bytes per read, roughly what a USB-serial adapter hands over at a time

DECODERS: dict[str, Callable[[str], FrameDecoder]] = {
    "plain": plain.PlainLineDecoder,
    "desko": desko.DeskoDecoder,
    "rte": rte.RteDecoder,
}


def _time(run: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    produced = run()
    return time.perf_counter() - started, produced


def main() -> None:
    rng = random.Random(1)
    texts = [random_mrz(rng) for _ in range(DOCUMENTS)]
    rows: list[tuple[str, int, float, int]] = []

    plain_stream = b"".join(ENCODERS["plain"](t) for t in texts)

    def baseline() -> int:
        return sum(1 for line in plain_stream.splitlines() if not line)

    seconds, produced = _time(baseline)
    rows.append(("baseline: bytes.splitlines", len(plain_stream), seconds, produced))

    for name, factory in DECODERS.items():
        stream = b"".join(ENCODERS[name](t) for t in texts)
        decoder = factory("bench")

        def run(stream: bytes = stream, decoder: FrameDecoder = decoder) -> int:
            return sum(
                len(decoder.data_received(stream[i : i + CHUNK])) for i in range(0, len(stream), CHUNK)
            )

        seconds, produced = _time(run)
        rows.append((f"{name} decoder", len(stream), seconds, produced))

    wire = 9600 / 10  # bytes per second at 9600 baud, 8N1
    print(f"{'decoder':28} {'bytes':>9} {'docs':>6} {'docs/s':>10} {'MB/s':>7} {'x 9600 baud':>12}")
    for label, size, seconds, produced in rows:
        print(
            f"{label:28} {size:>9} {produced:>6} {produced / seconds:>10.0f} "
            f"{size / seconds / 1e6:>7.2f} {size / seconds / wire:>12.0f}"
        )


if __name__ == "__main__":
    main()
