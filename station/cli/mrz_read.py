"""``station mrz read [--engine NAME] [--json] [--infrared IR_IMAGE]... IMAGE...``: MRZs from image files.

All images are read in one process (the recogniser loads once). Each image gives one result; with
``--json`` one JSON object per line::

    {"file": ..., "engine": "own", "mrz": "L1\\nL2" | null, "format": "TD3" | null, "valid": bool,
     "fields": {...}, "corrections": [...], "elapsed_ms": float, "error": null | "reason"}

``elapsed_ms`` is that image's time inside the process: reading the file, decoding, locating, reading.

``--infrared``, once per IMAGE: the same page under IR light, tried when the white-light image gives no
valid MRZ (the MRZ's ink shows under IR, the artwork behind it does not).

Exit status: 0 when every image was processed, including images with no MRZ or files that are not
images (those are results, with ``"mrz": null`` and the reason in ``error``, so a batch never stops half
way); 2 when the chosen engine is unknown or not installed, or ``--infrared`` does not pair up.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from mrz.ocr import DEFAULT_ENGINE, ENGINES, Engine, EngineUnavailableError, Reading, get_engine
from station.cli import CommandError

log = logging.getLogger(__name__)

#: a file larger than this is not a document photo; refuse before reading it into memory
MAX_FILE_BYTES = 100 * 1024 * 1024


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``read`` action to ``station mrz``."""
    parser = actions.add_parser(
        "read",
        help="read MRZs from images (pages, cards, phone photos)",
        description="Read the MRZ from each image. Exit status 0 when every image was processed "
        "(an image without a readable MRZ is reported, not fatal).",
    )
    parser.add_argument(
        "--engine",
        default=DEFAULT_ENGINE,
        choices=sorted(ENGINES),
        help=f"OCR engine (default {DEFAULT_ENGINE})",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per image and line")
    parser.add_argument(
        "--infrared",
        action="append",
        type=Path,
        metavar="IR_IMAGE",
        help="the same page under infrared light, tried when the white-light image gives no valid MRZ; "
        "give it once per IMAGE, in the same order",
    )
    parser.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    parser.set_defaults(handler=_run)


def _read_file(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise OSError(f"file too large ({size} bytes, limit {MAX_FILE_BYTES})")
    return path.read_bytes()


def read_one(engine: Engine, path: Path, infrared: Path | None = None) -> dict[str, Any]:
    """One image's JSON record; never raises for a bad file (an unreadable IR file is only logged)."""
    started = time.perf_counter()
    ir_data = None
    if infrared is not None:
        try:
            ir_data = _read_file(infrared)
        except OSError as exc:
            log.warning("%s: infrared image not used: %s", infrared, exc.strerror or exc)
    try:
        data = _read_file(path)
    except OSError as exc:
        reading = Reading(None, f"cannot read file: {exc.strerror or exc}")
    else:
        reading = engine.read(data, infrared=ir_data)
    elapsed = (time.perf_counter() - started) * 1000
    result = reading.result
    if result is None:
        log.info("%s: %s", path, reading.error)
    return {
        "file": str(path),
        "engine": engine.name,
        "mrz": result.mrz if result else None,
        "format": result.format.value if result else None,
        "valid": bool(result and result.valid),
        "fields": dict(result.fields) if result else {},
        "corrections": [dict(c) for c in result.corrections] if result else [],
        "elapsed_ms": round(elapsed, 2),
        "error": reading.error,
    }


def _human(record: dict[str, Any]) -> str:
    if record["mrz"] is None:
        return f"{record['file']}: no MRZ: {record['error']}"
    state = "valid" if record["valid"] else "NOT VALID (a check digit fails or a character is uncertain)"
    lines = "\n".join(f"    {line}" for line in record["mrz"].split("\n"))
    return f"{record['file']}: {record['format']} {state} ({record['elapsed_ms']:.0f} ms)\n{lines}"


def _run(args: argparse.Namespace) -> int:
    infrared: list[Path | None] = list(args.infrared or [None] * len(args.images))
    if len(infrared) != len(args.images):
        raise CommandError(
            f"--infrared given {len(infrared)} time(s) for {len(args.images)} image(s): "
            "give one infrared image per IMAGE, in the same order",
            2,
        )
    try:
        engine = get_engine(args.engine)
    except EngineUnavailableError as exc:
        raise CommandError(str(exc), 2) from None
    for path, ir_path in zip(args.images, infrared, strict=True):
        record = read_one(engine, path, ir_path)
        print(json.dumps(record, ensure_ascii=False) if args.json else _human(record), flush=True)
    sys.stdout.flush()
    return 0
