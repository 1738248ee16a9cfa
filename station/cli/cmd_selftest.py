"""``station selftest``: check this installation offline (MRZ, OCR, store, face models, window, languages).

Prints one line per step (``ok``/``FAILED``, time, what was checked or what is wrong) and exits 1
when any step failed, so an installer or a supervisor's script can tell a broken booth at once. The
options point a step at other files, to check a replacement model or translation before it ships.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from station.selftest import SelftestFiles, run


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    defaults = SelftestFiles()
    parser = sub.add_parser(
        "selftest",
        help="check this installation without network or devices",
        description="Parses and reads the built-in sample MRZ, writes and reads a temporary store, finds the"
        " sample's face with the face models, renders the main window offscreen and loads the Arabic"
        " translation. Exit status 1 if any step fails.",
    )
    parser.add_argument(
        "--ocr-model", type=Path, default=defaults.ocr_model, metavar="PATH", help="OCR model (.npz) to load"
    )
    parser.add_argument(
        "--sample-image", type=Path, default=defaults.sample_image, metavar="PATH", help="image to read"
    )
    parser.add_argument(
        "--sample-mrz",
        type=Path,
        default=defaults.sample_mrz,
        metavar="PATH",
        help="text file with the MRZ the sample image carries",
    )
    parser.add_argument(
        "--face-models", type=Path, default=None, metavar="DIR", help="directory of dlib's face models"
    )
    parser.add_argument(
        "--i18n-dir", type=Path, default=None, metavar="DIR", help="directory of the compiled translations"
    )
    parser.add_argument(
        "--store-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the test store (default: a temporary directory); the booth's data disk tests it",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    files = SelftestFiles(
        sample_image=args.sample_image,
        sample_mrz=args.sample_mrz,
        ocr_model=args.ocr_model,
        i18n_dir=args.i18n_dir,
        face_models=args.face_models,
        store_dir=args.store_dir,
    )
    started = time.perf_counter()
    failed: list[str] = []
    for result in run(files):
        print(result.line(), flush=True)
        if not result.ok:
            failed.append(result.name)
    total_ms = (time.perf_counter() - started) * 1000
    if failed:
        print(
            f"station selftest FAILED ({', '.join(failed)}) in {total_ms:.0f} ms:"
            " this booth is not fit for use",
            file=sys.stderr,
        )
        return 1
    print(f"selftest passed in {total_ms:.0f} ms")
    return 0
