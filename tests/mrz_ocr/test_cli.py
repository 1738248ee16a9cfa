"""``station mrz read`` end to end: every format, rotations, and every kind of bad input."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from mrz.ocr.render import Distortion
from station.cli import main
from tests.mrz_ocr.conftest import scene

FORMATS = ("TD1", "TD2", "TD3", "MRV_A", "MRV_B")


def run_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[dict[str, object]]]:
    status = main(["mrz", "read", "--json", *map(str, args)])
    out = capsys.readouterr().out
    return status, [json.loads(line) for line in out.splitlines()]


def test_every_format_reads_exactly_in_one_process(capsys, write_scene) -> None:
    scenes = {fmt: scene(fmt, 1) for fmt in FORMATS}
    paths = [write_scene(fmt, sc) for fmt, sc in scenes.items()]
    status, records = run_json(capsys, *paths)
    assert status == 0
    assert [r["file"] for r in records] == [str(p) for p in paths]
    for (fmt, sc), record in zip(scenes.items(), records, strict=True):
        assert record["error"] is None, record
        assert record["mrz"] == "\n".join(sc.mrz_lines)
        assert record["format"] == fmt
        assert record["valid"] is True
        assert record["engine"] == "own"
        assert isinstance(record["elapsed_ms"], float) and record["elapsed_ms"] > 0
        assert set(record) == {
            "file",
            "engine",
            "mrz",
            "format",
            "valid",
            "fields",
            "corrections",
            "elapsed_ms",
            "error",
        }
    td3 = records[FORMATS.index("TD3")]
    assert td3["fields"]["surname"]  # type: ignore[index]


@pytest.mark.parametrize("rotation", [90, 180, 270, 33])
def test_rotated_pages(capsys, write_scene, rotation: int) -> None:
    sc = scene("TD3", rotation, Distortion(rotation=rotation, page_fill=0.8, clutter=True))
    status, [record] = run_json(capsys, write_scene("rotated", sc))
    assert status == 0
    assert record["mrz"] == "\n".join(sc.mrz_lines)


def test_human_output(capsys, write_scene) -> None:
    sc = scene("TD1", 2)
    assert main(["mrz", "read", str(write_scene("card", sc))]) == 0
    out = capsys.readouterr().out
    assert "TD1 valid" in out
    assert sc.mrz_lines[0] in out


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` pixels with almost no data: a decompression bomb's header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _encode(image: np.ndarray, ext: str = ".png") -> bytes:
    ok, buf = cv2.imencode(ext, image)
    assert ok
    return buf.tobytes()


def test_bad_inputs_give_a_reason_and_never_stop_the_batch(capsys, tmp_path: Path, write_scene) -> None:
    good = write_scene("good", scene("TD2", 3))
    jpeg = good.read_bytes()
    files = {
        "not_an_image.jpg": b"%PDF-1.4 this is not an image\n" * 20,
        "empty_file.png": b"",
        "truncated.jpg": jpeg[: len(jpeg) // 3],
        "bomb.png": _png_header_only(100_000, 100_000),
        "white_page.png": _encode(np.full((1100, 1500), 255, np.uint8)),
        "no_mrz.png": _encode(
            cv2.putText(
                np.full((900, 1400), 230, np.uint8),
                "JUST SOME TEXT",
                (100, 400),
                cv2.FONT_HERSHEY_SIMPLEX,
                3,
                0,
                6,
            )
        ),
        "noise.png": _encode(np.random.default_rng(0).integers(0, 256, (800, 1200), dtype=np.uint8)),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [tmp_path / name for name in files] + [tmp_path / "missing.jpg", good]
    status, records = run_json(capsys, *paths)
    assert status == 0, "every image was processed"
    by_name = {Path(str(r["file"])).name: r for r in records}
    expected_reason = {
        "not_an_image.jpg": "not an image",
        "empty_file.png": "empty file",
        "truncated.jpg": "truncated",
        "bomb.png": "too large",
        "white_page.png": "no MRZ",
        "no_mrz.png": "no MRZ",
        "noise.png": "no MRZ",
        "missing.jpg": "cannot read file",
    }
    for name, reason in expected_reason.items():
        record = by_name[name]
        assert record["mrz"] is None, name
        assert record["valid"] is False
        assert reason in str(record["error"]), (name, record["error"])
    assert by_name["good.jpg"]["valid"] is True


def test_unavailable_engine_is_a_clear_error(capsys, monkeypatch, write_scene) -> None:
    monkeypatch.setitem(sys.modules, "passporteye", None)  # makes `import passporteye` fail
    status = main(["mrz", "read", "--engine", "passporteye", str(write_scene("p", scene("TD3", 4)))])
    err = capsys.readouterr().err
    assert status == 2
    assert "pip install" in err and "tesseract-ocr" in err
    assert "Traceback" not in err


def test_subprocess_many_images(tmp_path: Path, write_scene) -> None:
    paths = [write_scene(f"td3-{i}", scene("TD3", 10 + i)) for i in range(2)]
    station = Path(sys.executable).with_name("station")
    proc = subprocess.run(
        [str(station), "mrz", "read", "--json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["valid"] for line in lines)


def test_infrared_image_is_tried_when_given(capsys, tmp_path: Path, write_scene) -> None:
    sc = scene("TD3", 5)
    washed_out = tmp_path / "white.png"  # the MRZ lost under white light (glare, a washed-out capture)
    washed_out.write_bytes(_encode(np.full((1000, 1400), 235, np.uint8)))
    infrared = tmp_path / "ir.jpg"
    infrared.write_bytes(sc.infrared_jpeg)
    status, [without] = run_json(capsys, washed_out)
    assert status == 0 and without["mrz"] is None
    status, [record] = run_json(capsys, "--infrared", infrared, washed_out)
    assert status == 0
    assert record["file"] == str(washed_out)
    assert record["mrz"] == "\n".join(sc.mrz_lines)
    assert record["valid"] is True


def test_an_unreadable_infrared_file_does_not_lose_the_white_light_reading(capsys, write_scene) -> None:
    sc = scene("TD1", 6)
    status, [record] = run_json(capsys, "--infrared", "/nonexistent/ir.png", write_scene("card", sc))
    assert status == 0
    assert record["mrz"] == "\n".join(sc.mrz_lines)


def test_infrared_images_must_pair_with_the_images(capsys, write_scene) -> None:
    path = write_scene("p", scene("TD2", 7))
    status = main(["mrz", "read", "--infrared", str(path), str(path), str(path)])
    err = capsys.readouterr().err
    assert status == 2
    assert "one infrared image per IMAGE" in err


def test_bad_inputs_take_bounded_memory_and_time(tmp_path: Path) -> None:
    """A decompression bomb is refused from its header: the process never holds its pixels."""
    bombs = {
        "bomb.png": _png_header_only(60_000, 60_000),  # 3.6 GP: 3.6 GB as grey
        "bomb1bit.png": _one_bit_png(19_000, 19_000),  # a real, fully decodable file: 361 MP
        "bomb.jpg": _jpeg_claiming(60_000, 60_000),
    }
    for name, data in bombs.items():
        (tmp_path / name).write_bytes(data)
    # the peak resident memory of this process image (VmHWM; ru_maxrss would include pytest's, as the
    # kernel carries it over the fork)
    probe = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from station.cli import main\n"
        "status = main(['mrz', 'read', '--json', *sys.argv[1:]])\n"
        "status_text = Path('/proc/self/status').read_text()\n"
        "print(re.search(r'VmHWM:\\s+(\\d+) kB', status_text).group(1), file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, *(str(tmp_path / name) for name in bombs)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["mrz"] for r in records] == [None] * len(bombs)
    assert all("too large" in str(r["error"]) for r in records), records
    assert all(r["elapsed_ms"] < 5_000 for r in records), records
    peak_kib = int(proc.stderr.strip().splitlines()[-1])
    assert peak_kib < 300 * 1024, f"peak memory {peak_kib} KiB"  # decoding any of them would need more


def _one_bit_png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (width, height), 1).save(buf, format="PNG")
    return buf.getvalue()


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header is patched to claim ``width`` x ``height``."""
    data = bytearray(_encode(np.full((16, 16), 128, np.uint8), ".jpg"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)
