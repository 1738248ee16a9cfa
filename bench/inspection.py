"""Benchmark: from a scan to findings and a verdict, against baselines in the same run.

    .venv/bin/python -m bench.inspection [--n 60] [--pages 6]

The timed step is ``Inspector.start(scan)``: parse the device's MRZ, run every registered check
(MRZ, dates, specimen, state codes, the white/IR/UV image checks, and whatever other checks are
installed), derive the verdict. No OCR: the scan carries its MRZ text, as a full-page reader gives it.
Pages are rendered by the scanner simulator (TD3, 1500 x 1056 px, white and UV in colour, IR grey),
genuine and with each known defect. Target: median <= 100 ms.

Rows, all in this run on the same pages:
- full inspection: the booth's path;
- MRZ only (baseline): the same scans without images, so the image checks say "not checked";
  the difference is what the image checks cost;
- image checks at full resolution: the same inspection with the images measured at their scanned
  width instead of the working width, to show what the downscaling saves;
- with OCR: the scans without their MRZ text, read by the project's MRZ reader (``page_ocr``), for
  a camera-only booth (not part of the target);
- one row per check (median of that check alone on the full scans), to find the expensive one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence

from devices.scan import DocumentScan
from devices.sim.document import Defect, render_document_scan
from mrz import parse
from mrz.synthetic import random_mrz
from station.checks import _imaging, registered_checks, run_checks
from station.checks.base import CheckContext, RegisteredCheck
from station.config import Config
from station.inspection import Inspector, page_ocr
from station.verdict import assess


def make_scans(pages: int) -> list[DocumentScan]:
    rng = random.Random(11)
    variants: list[frozenset[Defect]] = [frozenset(), *(frozenset({d}) for d in Defect)]
    return [
        render_document_scan(random_mrz(rng, "TD3"), defects=variants[i % len(variants)], seed=i)
        for i in range(pages)
    ]


def time_each(items: Sequence[DocumentScan], n: int, step: Callable[[DocumentScan], object]) -> list[float]:
    """Times ``step`` on the items in turn. The image checks' per-image memo is emptied before each
    call, so every timing includes preparing the images, as the first inspection of a scan does."""
    for item in items[:2]:  # warm up imports and first allocations
        step(item)
    times: list[float] = []
    for i in range(n):
        item = items[i % len(items)]
        _imaging.memo.clear()
        start = time.perf_counter()
        step(item)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def row(name: str, times: list[float]) -> str:
    return f"| {name:<42} | {len(times):>4} | {statistics.median(times):>9.1f} | {p95(times):>8.1f} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.inspection", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60, help="timed inspections per row")
    parser.add_argument("--pages", type=int, default=6, help="distinct rendered pages to cycle through")
    args = parser.parse_args(argv)

    config = Config.defaults()
    inspector = Inspector(config=config)
    scans = make_scans(args.pages)
    mrz_only = [DocumentScan(source=s.source, mrz_text=s.mrz_text) for s in scans]
    shape = next(iter(scans[0].images.values())).shape

    full = time_each(scans, args.n, inspector.start)
    baseline = time_each(mrz_only, args.n, inspector.start)
    working_width = _imaging.WORK_WIDTH
    _imaging.WORK_WIDTH = shape[1]
    try:
        full_resolution = time_each(scans, max(10, args.n // 3), inspector.start)
    finally:
        _imaging.WORK_WIDTH = working_width

    inspection = inspector.start(scans[0])
    today = inspection.started_at.date()
    context = CheckContext(
        scan=scans[0], mrz=parse(scans[0].mrz_text or "", today=today), today=today, config=config
    )
    per_check: dict[str, list[float]] = {}
    for check in registered_checks():

        def one(_scan: DocumentScan, check: RegisteredCheck = check) -> object:
            return run_checks(context, [check])

        per_check[check.code] = time_each([scans[0]], max(10, args.n // 3), one)
    image_only = [DocumentScan(source=s.source, images=s.images) for s in scans]
    with_ocr = time_each(image_only, max(6, args.n // 6), Inspector(config=config, ocr=page_ocr).start)
    verdict_only = time_each([scans[0]], args.n, lambda _s: assess(inspection.findings, config))

    print(f"pages: {args.pages} rendered {shape[1]}x{shape[0]} (white, IR, UV), genuine and each defect")
    factor = max(1, round(shape[1] / working_width))
    print(
        f"image checks measure at ~{working_width} px: {shape[1]} / {factor} = {shape[1] // factor} px wide"
    )
    print(f"checks registered: {len(per_check)}\n")
    print(f"| {'case':<42} | {'n':>4} | {'median ms':>9} | {'p95 ms':>8} |")
    print(f"|{'-' * 44}|{'-' * 6}|{'-' * 11}|{'-' * 10}|")
    print(row("full inspection (target: median <= 100 ms)", full))
    print(row("baseline: MRZ only, no images", baseline))
    print(row(f"image checks at full width ({shape[1]} px)", full_resolution))
    print(row("with OCR: MRZ read from the images", with_ocr))
    print(row("verdict from findings alone", verdict_only))
    for code, times in sorted(per_check.items(), key=lambda item: -statistics.median(item[1])):
        print(row(f"  check {code}", times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
