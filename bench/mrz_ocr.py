"""Benchmark: MRZ from images, the project's engine against PassportEye, on one seeded synthetic set.

    .venv/bin/python -m bench.mrz_ocr [--n 200] [--n-passporteye 30] [--engines own,passporteye] [--seed 0]

The set: whole documents of all five formats (TD1, TD2, TD3, MRV-A, MRV-B, in turn), holders from
``mrz.synthetic`` with name origins taken in turn (Arabic, Bengali, Latin, other, Pashto, Persian),
rendered by ``mrz.ocr.render.render_scene`` as pages/cards about 1500 px wide, in three tiers:

- clean: a scanner bed, the page at 0/90/180/270° +-2°, mild JPEG;
- moderate: any rotation, some perspective, cluttered tables half the time, uneven light, some glare,
  blur, noise, JPEG 60-85, sometimes a lower capture resolution;
- hard: any rotation, strong perspective, clutter, low light, glare, heavy blur and noise, JPEG 35-60,
  capture at half to three quarters of the resolution.

Seeds are strings ``"bench:<seed>:<tier>:<i>"``; the recogniser's training renders use integer seeds from
1 000 000 up and a different renderer (MRZ blocks of random strings, no pages): the sets cannot overlap
(see ``tools/train_mrz_ocr.py``). Both engines read the same JPEG bytes (decoding is part of the timed
work) and hand their text to the same corrector (``mrz.parse``). Timing is single-threaded
(BLAS/OpenCV pinned to one thread). PassportEye is slow, so it reads only the first ``--n-passporteye``
images of each tier (the table says how many).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

import cv2  # noqa: E402

from mrz import build, parse  # noqa: E402
from mrz.ocr import EngineUnavailableError, get_engine  # noqa: E402
from mrz.ocr.render import Distortion, Scene, render_scene  # noqa: E402
from mrz.parser import COMMON_FIELDS  # noqa: E402
from mrz.synthetic import ORIGINS, random_fields, random_identity  # noqa: E402

FORMATS = ("TD1", "TD2", "TD3", "MRV_A", "MRV_B")
RENDER_FORMAT = {"TD1": "TD1", "TD2": "TD2", "TD3": "TD3", "MRV_A": "MRVA", "MRV_B": "MRVB"}
TODAY = dt.date(2026, 6, 1)


def _clean(rng: random.Random) -> Distortion:
    return Distortion(
        rotation=rng.choice((0, 90, 180, 270)) + rng.uniform(-2, 2),
        page_fill=rng.uniform(0.85, 0.95),
        light=(0.9, 1.0),
        blur=rng.uniform(0.0, 0.5),
        noise=2.0,
        jpeg_quality=90,
    )


def _moderate(rng: random.Random) -> Distortion:
    return Distortion(
        rotation=rng.uniform(0, 360),
        perspective=rng.uniform(0.0, 0.04),
        page_fill=rng.uniform(0.65, 0.9),
        clutter=rng.random() < 0.5,
        light=(rng.uniform(0.55, 0.8), 1.0),
        glare=rng.choice((0.0, 0.0, 0.3)),
        blur=rng.uniform(0.5, 1.2),
        noise=rng.uniform(3, 8),
        jpeg_quality=rng.randint(60, 85),
        downscale=rng.choice((1.0, 0.8)),
    )


def _hard(rng: random.Random) -> Distortion:
    return Distortion(
        rotation=rng.uniform(0, 360),
        perspective=rng.uniform(0.03, 0.08),
        page_fill=rng.uniform(0.55, 0.8),
        clutter=True,
        light=(rng.uniform(0.3, 0.5), rng.uniform(0.7, 0.9)),
        glare=rng.uniform(0.4, 0.8),
        blur=rng.uniform(1.0, 2.0),
        noise=rng.uniform(6, 12),
        jpeg_quality=rng.randint(35, 60),
        downscale=rng.uniform(0.5, 0.75),
    )


TIERS: dict[str, Callable[[random.Random], Distortion]] = {
    "clean": _clean,
    "moderate": _moderate,
    "hard": _hard,
}


def make_case(seed: int, tier: str, i: int) -> Scene:
    rng = random.Random(f"bench:{seed}:{tier}:{i}")
    fmt = FORMATS[i % len(FORMATS)]
    origin = sorted(ORIGINS)[(i // len(FORMATS)) % len(ORIGINS)]
    identity = random_identity(rng, origin, today=TODAY)
    fields = random_fields(rng, fmt, identity=identity, today=TODAY)
    text = build(fields.pop("fmt"), **fields)
    return render_scene(rng, text, RENDER_FORMAT[fmt], TIERS[tier](rng))


@dataclass
class Tally:
    n: int = 0
    exact: int = 0
    valid: int = 0
    wrong_valid: int = 0
    found: int = 0
    exact_flags: list[bool] = field(default_factory=list)  # per image, in set order
    field_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COMMON_FIELDS, 0))
    times: list[float] = field(default_factory=list)  # CPU ms, this process and its children (tesseract)
    wall: list[float] = field(default_factory=list)

    def add(
        self,
        truth: str,
        result_text: str | None,
        valid: bool,
        fields: dict[str, object],
        ms: tuple[float, float],
    ) -> None:
        expected = parse(truth, today=TODAY).fields
        self.n += 1
        self.times.append(ms[0])
        self.wall.append(ms[1])
        self.found += result_text is not None
        self.exact += result_text == truth
        self.exact_flags.append(result_text == truth)
        self.valid += valid
        self.wrong_valid += valid and result_text != truth
        for name in COMMON_FIELDS:
            self.field_ok[name] += result_text is not None and fields.get(name) == expected.get(name)


def _clock() -> tuple[float, float]:
    """(CPU seconds of this process and its finished children, wall seconds). CPU time is what one core
    spends on an image, whatever else the machine is doing; the wall clock is shown beside it."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime, time.perf_counter()


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def _cpus() -> str:
    return ",".join(map(str, sorted(os.sched_getaffinity(0))))


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}%" if whole else "     -"


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def print_tables(results: dict[str, dict[str, Tally]]) -> None:
    short = {
        "document_code": "code",
        "issuing_state": "state",
        "document_number": "number",
        "given_names": "given",
    }
    for tier, by_engine in results.items():
        print(f"\n## tier: {tier}")
        print(
            "| engine | n | exact MRZ | valid | wrong but valid | MRZ found | median CPU ms | p95 CPU ms "
            "| median wall ms |\n|---|---|---|---|---|---|---|---|---|"
        )
        for name, t in by_engine.items():
            print(
                f"| {name} | {t.n} | {_pct(t.exact, t.n)} | {_pct(t.valid, t.n)} "
                f"| {_pct(t.wrong_valid, t.n)} "
                f"| {_pct(t.found, t.n)} | {statistics.median(t.times):8.1f} "
                f"| {_quantile(t.times, 0.95):8.1f} | {statistics.median(t.wall):8.1f} |"
            )
        header = " | ".join(short.get(f, f.replace("_date", "")) for f in COMMON_FIELDS)
        print(f"\nper-field accuracy\n| engine | {header} |\n|---|{'---|' * len(COMMON_FIELDS)}")
        for name, t in by_engine.items():
            cells = " | ".join(_pct(t.field_ok[f], t.n).strip() for f in COMMON_FIELDS)
            print(f"| {name} | {cells} |")
        if {"own", "passporteye"} <= by_engine.keys() and by_engine["passporteye"].n:
            own, pe = by_engine["own"], by_engine["passporteye"]
            # the same images for both: PassportEye reads only the first n of the tier
            own_exact = sum(own.exact_flags[: pe.n])
            speed_up = statistics.median(pe.times) / statistics.median(own.times[: pe.n])
            print(
                f"\non the {pe.n} images both engines read: exact MRZ own {_pct(own_exact, pe.n).strip()}, "
                f"passporteye {_pct(pe.exact, pe.n).strip()}; "
                f"speed-up over PassportEye (median CPU time): {speed_up:.0f}x"
            )
    print("\n## all tiers")
    engines = {name for by_engine in results.values() for name in by_engine}
    for name in sorted(engines):
        tallies = [by_engine[name] for by_engine in results.values() if name in by_engine]
        n = sum(t.n for t in tallies)
        wrong = sum(t.wrong_valid for t in tallies)
        exact = sum(t.exact for t in tallies)
        print(
            f"- {name}: {n} images, exact {_pct(exact, n).strip()}, "
            f"wrong but valid {wrong} ({_pct(wrong, n).strip()})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="MRZ OCR benchmark: own engine vs PassportEye")
    parser.add_argument("--n", type=int, default=200, help="images per tier (default 200)")
    parser.add_argument("--n-passporteye", type=int, default=30, help="images per tier for PassportEye")
    parser.add_argument("--engines", default="own,passporteye")
    parser.add_argument("--tiers", default=",".join(TIERS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save-failures", metavar="DIR", help="write images the own engine got wrong here")
    args = parser.parse_args(argv)
    cv2.setNumThreads(1)
    print(f"# MRZ OCR benchmark: {' '.join(sys.argv[1:]) or 'defaults'}")
    print(f"load average at start: {_load()}; CPUs this process may use: {_cpus()}")
    engines = {}
    for name in args.engines.split(","):
        try:
            engines[name] = get_engine(name)
        except EngineUnavailableError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
    results: dict[str, dict[str, Tally]] = {}
    for tier in args.tiers.split(","):
        results[tier] = {name: Tally() for name in engines}
        for i in range(args.n):
            scene = make_case(args.seed, tier, i)
            truth = "\n".join(scene.mrz_lines)
            for name, engine in engines.items():
                if name == "passporteye" and i >= args.n_passporteye:
                    continue
                started = _clock()
                reading = engine.read(scene.jpeg)
                ended = _clock()
                ms = ((ended[0] - started[0]) * 1000, (ended[1] - started[1]) * 1000)
                r = reading.result
                results[tier][name].add(
                    truth, r.mrz if r else None, bool(r and r.valid), dict(r.fields) if r else {}, ms
                )
                if args.save_failures and name == "own" and (r is None or r.mrz != truth):
                    os.makedirs(args.save_failures, exist_ok=True)
                    with open(f"{args.save_failures}/{tier}-{i}.jpg", "wb") as out:
                        out.write(scene.jpeg)
                    with open(f"{args.save_failures}/{tier}-{i}.txt", "w") as out:
                        out.write(f"{truth}\n--\n{r.mrz if r else reading.error}\n")
        print(f"{tier}: done", file=sys.stderr, flush=True)
    print_tables(results)
    print(f"load average at end: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
