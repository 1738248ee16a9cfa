"""The frozen booth application: ``scripts/build --check-reproducible`` builds the one-folder bundle
twice from this tree and compares the two file lists, then ``station selftest`` must pass when run
from the bundle in a clean environment (no virtualenv, no source tree, offscreen Qt).

Each build takes 35-95 s on two shared cores, so the test gets a longer timeout than the suite's.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNWANTED = ("WebEngine", "Qml", "Quick", "Qt63D", "Qt6Pdf", "Multimedia", "tkinter", "matplotlib", "skimage")
REQUIRED = (
    "_internal/resources/mrz_ocr/recogniser.npz",
    "_internal/resources/i18n/border_station_ar.qm",
    "_internal/resources/selftest/sample.png",
    "_internal/station/store/migrations/0001_records.sql",
    "_internal/face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
)


def _clean_env(home: Path) -> dict[str, str]:
    """What a booth's service account has: no virtualenv, no PYTHONPATH, no display."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow
@pytest.mark.timeout(480)
def test_bundle_builds_reproducibly_and_passes_selftest(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install pyinstaller)")
    dist, work = tmp_path / "dist", tmp_path / "build"
    started = time.perf_counter()
    built = subprocess.run(
        [str(ROOT / "scripts" / "build"), "--check-reproducible"],
        cwd=ROOT,
        env={**os.environ, "STATION_DIST": str(dist), "STATION_BUILD": str(work)},
        capture_output=True,
        text=True,
        timeout=450,
        check=False,
    )
    build_s = time.perf_counter() - started
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "reproducible: both builds hold the same" in built.stdout
    bundle = dist / "station"
    entries = [p for p in bundle.rglob("*") if p.is_symlink() or p.is_file()]
    files = sorted(str(p.relative_to(bundle)) for p in entries)
    for path in REQUIRED:
        assert path in files, f"{path} is missing from the bundle"
    unwanted = [f for f in files if any(word in f for word in UNWANTED)]
    assert not unwanted, f"the bundle holds what the app never loads: {unwanted[:10]}"

    home = tmp_path / "home"
    home.mkdir()

    def timed(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
        started = time.perf_counter()
        done = subprocess.run(
            [str(bundle / "station"), *args],
            cwd=home,
            env=_clean_env(home),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return done, time.perf_counter() - started

    version, start_s = timed("--version")
    assert version.returncode == 0 and version.stdout.startswith("station "), version.stderr
    selftest, selftest_s = timed("selftest")
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "selftest passed" in selftest.stdout
    size_mb = sum(p.stat().st_size for p in entries if not p.is_symlink()) / 2**20
    print(
        f"\nbundle: {size_mb:.0f} MB in {len(files)} files; two builds {build_s:.0f} s;"
        f" `station --version` {start_s:.2f} s; `station selftest` {selftest_s:.2f} s\n{selftest.stdout}"
    )
