"""``station inspect``: run every document check on an MRZ and page images, without storing anything.

The same inspection path as the booth (``station.inspection.Inspector``), so a finding seen here is
the finding an officer would see; with ``--db`` the screening checks read that booth's lists. An
image file that does not exist is an error (a typo); one that exists but cannot be decoded is
reported by the checks that needed it as "not checked", with why. Without ``--mrz`` the MRZ is
read from the page images by the project's MRZ reader (OCR), as a camera-only booth would.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import cv2
import numpy as np

from devices.scan import DocumentScan, Image, Light
from station.cli import CommandError
from station.cli.cmd_config import add_config_option, load_config
from station.domain import Inspection
from station.findings import Finding, Severity, Status
from station.inspection import Inspector, page_ocr
from station.store import KnownStoreError, Store

SOURCE = "cli:inspect"
MAX_IMAGE_BYTES = 200 * 2**20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "inspect",
        help="run the document checks on an MRZ and page images (nothing is stored)",
        description="Run every document check on the MRZ and the page images given, and print the "
        "findings and the verdict (clear, attention or stop). Nothing is stored.",
    )
    parser.add_argument(
        "--mrz",
        metavar="TEXT",
        help="the MRZ, lines separated by newlines or a literal '\\n' ('-' reads it from standard input);"
        " without it the MRZ is read from the --white/--ir images",
    )
    parser.add_argument("--white", type=Path, metavar="IMG", help="the data page under white light")
    parser.add_argument("--ir", type=Path, metavar="IMG", help="the data page under infrared light")
    parser.add_argument("--uv", type=Path, metavar="IMG", help="the data page under ultraviolet light")
    parser.add_argument("--photo", type=Path, metavar="IMG", help="the live photo of the traveller")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="screen against the watchlists and travel history of this booth database (read only;"
        " without it the screening checks say 'not checked')",
    )
    add_config_option(parser)
    parser.set_defaults(handler=_inspect)


def mrz_argument(value: str) -> str:
    text = sys.stdin.read() if value == "-" else value
    return text.replace("\\n", "\n").strip()


def load_image(path: Path) -> tuple[Image | None, str | None]:
    """The decoded image, or ``None`` and why it could not be decoded. A missing file is an error."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file", 2) from None
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}", 2) from None
    if path.is_dir():
        raise CommandError(f"{path}: is a directory, not an image file", 2)
    if size > MAX_IMAGE_BYTES:
        return None, f"{path.name} is larger than {MAX_IMAGE_BYTES // 2**20} MB"
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}", 2) from None
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED) if data.size else None
    if image is None:
        return None, f"{path.name} is not an image file that can be decoded"
    return np.asarray(image, dtype=image.dtype), None


def _inspect(args: argparse.Namespace) -> int:
    config = load_config(args)
    text = mrz_argument(args.mrz) if args.mrz is not None else None
    if text == "":
        raise CommandError("--mrz is empty", 2)
    if text is None and args.white is None and args.ir is None:
        raise CommandError("give the MRZ (--mrz) or a page image to read it from (--white, --ir)", 2)
    images: dict[Light, Image] = {}
    errors: dict[Light, str] = {}
    for light, path in ((Light.WHITE, args.white), (Light.IR, args.ir), (Light.UV, args.uv)):
        if path is None:
            continue
        image, error = load_image(path)
        if image is not None:
            images[light] = image
        else:
            errors[light] = str(error)
    live_photo, photo_error = load_image(args.photo) if args.photo is not None else (None, None)
    extras: dict[str, object] = {"image_errors": errors}
    if photo_error:
        extras["live_photo_error"] = photo_error
    scan = DocumentScan(source=SOURCE, mrz_text=text, images=images)
    with _booth_store(args.db) as store:
        started = time.perf_counter()
        inspector = Inspector(config=config, store=store, ocr=page_ocr)
        inspection = inspector.start(scan, live_photo=live_photo, extras=extras)
        elapsed_ms = (time.perf_counter() - started) * 1000
    if args.json:
        print(json.dumps(_as_json(inspection, elapsed_ms), ensure_ascii=False))
    else:
        print(_as_text(inspection))
    return 0


@contextmanager
def _booth_store(path: Path | None) -> Iterator[Store | None]:
    """The booth database for screening, opened without crash recovery (another process may be
    writing it); never created here."""
    if path is None:
        yield None
        return
    if not path.is_file():
        raise CommandError(f"{path}: no such booth database", 2)
    try:
        store = Store.open(path, recover=False)
    except KnownStoreError as exc:
        raise CommandError(f"{path}: {exc}", 2) from None
    with store:
        yield store


def _as_json(inspection: Inspection, elapsed_ms: float) -> dict[str, object]:
    return {
        "mrz": inspection.mrz,
        "findings": [f.to_json() for f in inspection.findings],
        "verdict": inspection.verdict.value,
        "reasons": [r.to_json() for r in inspection.assessment.reasons],
        "elapsed_ms": round(elapsed_ms, 1),
    }


_MARKS = {Status.PASSED: "ok  ", Status.FAILED: "FAIL", Status.NOT_CHECKED: "--  "}
_STATUS_ORDER = {Status.FAILED: 0, Status.PASSED: 1, Status.NOT_CHECKED: 2}
_SEVERITY_ORDER = {Severity.FAIL: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _text_order(finding: Finding) -> tuple[int, int]:
    """Failures first (worst first), then what passed, then what could not be checked."""
    return _STATUS_ORDER[finding.status], _SEVERITY_ORDER[finding.severity]


def _as_text(inspection: Inspection) -> str:
    lines = [f"verdict: {inspection.verdict.value.upper()}"]
    lines += [f"  because of {r.finding.code}: {r.rule}" for r in inspection.assessment.reasons]
    for finding in sorted(inspection.findings, key=_text_order):
        mark = _MARKS[finding.status]
        severity = f" ({finding.severity.value})" if finding.status is Status.FAILED else ""
        lines.append(f"{mark} {finding.code}{severity}: {finding.message}")
    return "\n".join(lines)
