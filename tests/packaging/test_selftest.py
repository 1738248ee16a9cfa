"""``station selftest`` from the source tree: it passes on a good installation, and each step fails
with a clear line and exit status 1 when its part is missing or damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mrz import parse
from mrz.ocr import get_engine
from station.cli import main
from station.selftest import SAMPLE_DIR, SelftestError, SelftestFiles, StepContext, step_mrz_ocr
from tests.packaging.make_selftest_sample import make_sample

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("mrz-parse", "mrz-ocr", "store", "face", "window", "translations")
OTHER_MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


def _lines(out: str) -> dict[str, str]:
    return {line.split()[0]: line for line in out.splitlines() if line.split() and line.split()[0] in STEPS}


def _run_selftest(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "selftest", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_selftest_passes_from_source() -> None:
    done = _run_selftest({"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = _lines(done.stdout)
    assert list(lines) == list(STEPS)
    assert all(" ok " in line for line in lines.values()), done.stdout
    assert "selftest passed" in done.stdout
    assert "محطة الحدود" in lines["translations"]


def _failing(capsys: pytest.CaptureFixture[str], args: list[str], step: str, reason: str) -> dict[str, str]:
    status = main(["selftest", *args])
    out, err = capsys.readouterr()
    lines = _lines(out)
    assert status == 1
    assert "FAILED" in lines[step] and reason in lines[step], out
    assert f"station selftest FAILED ({step}" in err
    assert list(lines) == list(STEPS), "every step still runs and reports"
    return lines


def test_missing_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "recogniser.npz"
    lines = _failing(capsys, ["--ocr-model", str(missing)], "mrz-ocr", "the OCR model cannot be loaded")
    assert str(missing) in lines["mrz-ocr"]
    assert " ok " in lines["store"]


def test_corrupt_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "recogniser.npz"
    damaged.write_bytes(b"not a model " * 10)
    _failing(capsys, ["--ocr-model", str(damaged)], "mrz-ocr", "the OCR model cannot be loaded")


def test_truncated_model(tmp_path: Path) -> None:
    """An interrupted copy. Run as a process: numpy leaves the file open on this error, which the
    in-process test run (warnings as errors) would report against this test."""
    truncated = tmp_path / "recogniser.npz"
    truncated.write_bytes((ROOT / "resources" / "mrz_ocr" / "recogniser.npz").read_bytes()[:50_000])
    done = _run_selftest({"QT_QPA_PLATFORM": "offscreen"}, "--ocr-model", str(truncated))
    assert done.returncode == 1
    line = _lines(done.stdout)["mrz-ocr"]
    assert "FAILED" in line and "the OCR model cannot be loaded" in line, done.stdout


@pytest.mark.parametrize(
    "content",
    [b"", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"GIF89a garbage"],
    ids=["empty", "truncated-png", "garbage"],
)
def test_corrupt_sample_image(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    image = tmp_path / "sample.png"
    image.write_bytes(content)
    _failing(capsys, ["--sample-image", str(image)], "mrz-ocr", f"no MRZ read from {image}")


def test_missing_sample_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _failing(
        capsys, ["--sample-image", str(tmp_path / "gone.png")], "mrz-ocr", "cannot read the sample image"
    )


def test_sample_image_of_another_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = tmp_path / "sample.mrz"
    expected.write_text(OTHER_MRZ + "\n", encoding="ascii")
    lines = _failing(capsys, ["--sample-mrz", str(expected)], "mrz-ocr", "the sample image reads")
    assert " ok " in lines["mrz-parse"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hello, not an MRZ", "is not an MRZ"),
        (OTHER_MRZ.replace("7408122", "7408123"), "check digits fail (birth_date"),
    ],
    ids=["garbage", "bad-check-digit"],
)
def test_bad_sample_mrz(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, reason: str) -> None:
    expected = tmp_path / "sample.mrz"
    expected.write_text(text, encoding="ascii")
    _failing(capsys, ["--sample-mrz", str(expected)], "mrz-parse", reason)


def test_store_on_an_unusable_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("x")
    _failing(
        capsys, ["--store-dir", str(not_a_directory)], "store", f"cannot create a store in {not_a_directory}"
    )


def test_store_on_a_given_disk_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selftest", "--store-dir", str(tmp_path)]) == 0
    assert "schema version" in _lines(capsys.readouterr().out)["store"]
    assert list(tmp_path.iterdir()) == []


def test_missing_face_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _failing(capsys, ["--face-models", str(tmp_path)], "face", "the face models cannot be loaded")


def test_sample_without_a_face(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "blank.png"
    encoded, png = cv2.imencode(".png", np.full((600, 900), 255, np.uint8))
    assert encoded
    blank.write_bytes(png.tobytes())
    lines = _failing(capsys, ["--sample-image", str(blank)], "mrz-ocr", "no MRZ read from")
    assert "FAILED" in lines["face"] and "no face found in the photo of" in lines["face"]


def test_missing_translations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _failing(capsys, ["--i18n-dir", str(tmp_path)], "translations", "translation did not load from")
    assert str(tmp_path / "border_station_ar.qm") in lines["translations"]


def test_missing_qt_platform_plugin_is_reported_not_aborted() -> None:
    """Without its platform plugin Qt aborts the process; the self-test says so first."""
    done = _run_selftest({"QT_QPA_PLATFORM": "no-such-platform"})
    assert done.returncode == 1, done.stdout + done.stderr
    lines = _lines(done.stdout)
    for step in ("window", "translations"):
        assert "FAILED" in lines[step] and "no Qt platform plugin 'no-such-platform'" in lines[step]
    assert " ok " in lines["store"]


def test_committed_sample_is_small_and_valid() -> None:
    assert (SAMPLE_DIR / "sample.png").stat().st_size < 200 * 1024
    assert parse((SAMPLE_DIR / "sample.mrz").read_text(encoding="ascii"), correct=False).valid


def test_sample_maker_makes_a_readable_sample() -> None:
    """The committed sample is only replaced through this maker; what it makes must read back."""
    text, png = make_sample()
    assert len(png) < 200 * 1024
    reading = get_engine().read(png)
    assert reading.result is not None and reading.result.mrz == text


def test_no_arabic_font_is_reported(tmp_path: Path) -> None:
    """Without an Arabic font Qt draws empty boxes and raises no error: the self-test says so."""
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'fonts'}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    done = _run_selftest({"QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(conf)})
    assert done.returncode == 1
    lines = _lines(done.stdout)
    assert "FAILED" in lines["translations"], done.stdout
    assert "no installed font can show Arabic" in lines["translations"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=4096) | st.builds(lambda b: b"\x89PNG\r\n\x1a\n" + b, st.binary(max_size=2048))
)
def test_any_sample_image_bytes_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    """Whatever the sample file holds, the OCR step answers with a SelftestError, never a crash."""
    image = tmp_path / "sample.png"
    image.write_bytes(data)
    ctx = StepContext(SelftestFiles(sample_image=image), tmp_path)
    with pytest.raises(SelftestError, match="no MRZ read from"):
        step_mrz_ocr(ctx)


SMALL_FILES = (
    "import os, resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000));"
    " os.execv(sys.executable, [sys.executable, '-m', 'station', 'selftest'])"
)


def test_a_disk_that_refuses_writes(tmp_path: Path) -> None:
    """Files may not grow past 16 KB (RLIMIT_FSIZE; Python ignores SIGXFSZ, so writes fail with
    EFBIG): the store steps fail with the store's own words, and the process still reports."""
    done = subprocess.run(
        [sys.executable, "-c", SMALL_FILES],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    lines = _lines(done.stdout)
    assert "FAILED" in lines["store"] and "cannot be used: The booth's disk failed" in lines["store"], (
        done.stdout
    )
    assert "FAILED" in lines["window"] and "the window needs a store" in lines["window"]
    assert " ok " in lines["mrz-ocr"]
