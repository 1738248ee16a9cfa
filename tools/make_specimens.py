"""Write the synthetic reference specimens the second line compares documents with.

A booth gets real specimens from its central side; the demo and the tests need some without one, so
this script renders a data page for each issuing state the demo's documents come from, with the
project's own document simulator (``devices.sim.document``): white, IR and UV images of a page whose
holder is "SPECIMEN", scaled to 900 px and stored as JPEG (about 200 KB a specimen) in
``resources/specimens/<STATE>/<TYPE>-<FORMAT>-<light>.jpg``. Everything in them is fictional.

    .venv/bin/python -m tools.make_specimens            # the demo's issuing states
    .venv/bin/python -m tools.make_specimens KWT PAK     # these states
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import zlib
from pathlib import Path

import cv2

from devices.sim.document import render_document_scan
from mrz import DocumentFormat, build, parse
from station.demo import DemoBooth

ROOT = Path(__file__).resolve().parents[1]
SPECIMENS_DIR = ROOT / "resources" / "specimens"
WIDTH = 900
JPEG_QUALITY = 80


def demo_states() -> list[str]:
    """The issuing states of the demo booth's scripted documents (its default seed)."""
    with tempfile.TemporaryDirectory(prefix="specimens-") as folder:
        demo = DemoBooth(Path(folder))
        try:
            return sorted({str(parse(text).fields["issuing_state"]) for text in demo.documents})
        finally:
            demo.close()


def specimen_mrz(state: str) -> str:
    return build(
        DocumentFormat.TD3,
        document_code="P",
        issuing_state=state,
        surname="SPECIMEN",
        given_names="SPECIMEN",
        document_number="SPEC00001",
        nationality=state,
        birth_date=dt.date(1980, 1, 1),
        sex="X",
        expiry_date=dt.date(2035, 1, 1),
    )


def write_specimen(state: str, directory: Path = SPECIMENS_DIR) -> list[Path]:
    """The three light images of ``state``'s passport specimen; the same bytes on every run."""
    scan = render_document_scan(specimen_mrz(state), seed=zlib.crc32(state.encode()))
    folder = directory / state
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for light, image in scan.images.items():
        height = round(image.shape[0] * WIDTH / image.shape[1])
        small = cv2.resize(image, (WIDTH, height), interpolation=cv2.INTER_AREA)
        ok, data = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if not ok:
            raise RuntimeError(f"cannot encode the {light} specimen of {state}")
        path = folder / f"P-TD3-{light}.jpg"
        path.write_bytes(data.tobytes())
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("states", nargs="*", help="issuing state codes (default: the demo's)")
    args = parser.parse_args(argv)
    total = 0
    for state in args.states or demo_states():
        for path in write_specimen(state.upper()):
            total += path.stat().st_size
            print(path.relative_to(ROOT))
    print(f"{total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
