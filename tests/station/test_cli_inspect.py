"""``station inspect``: all checks on the inputs, nothing stored, clear errors for bad files."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import pytest

from devices.sim.document import Defect
from station.cli import main
from tests.station.checks.docs import mrz_text, rendered

TEXT = mrz_text()


def _write_scan(directory: Path, defects: frozenset[Defect] = frozenset()) -> dict[str, Path]:
    scan = rendered(TEXT, defects)
    paths = {}
    for light, image in scan.images.items():
        path = directory / f"{light}.png"
        assert cv2.imwrite(str(path), image)
        paths[str(light)] = path
    return paths


def _inspect_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["inspect", "--json", *args]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert isinstance(result, dict)
    return result


def _statuses(result: dict[str, object]) -> dict[str, str]:
    findings = result["findings"]
    assert isinstance(findings, list)
    return {f["code"]: f["status"] for f in findings}


def test_mrz_only_runs_the_mrz_checks_and_leaves_image_checks_not_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _inspect_json(capsys, "--mrz", TEXT.replace("\n", "\\n"))
    assert result["verdict"] == "clear"
    assert isinstance(result["mrz"], dict) and result["mrz"]["fields"]["surname"] == "HADDAD"
    statuses = _statuses(result)
    assert statuses["mrz.check_digits"] == "passed"
    assert statuses["image.ir_mrz"] == "not_checked"
    assert list(tmp_path.iterdir()) == []  # nothing stored


def test_images_of_a_counterfeit_page_give_stop_with_the_reasons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = _write_scan(tmp_path, frozenset({Defect.UV_BRIGHT_PAPER, Defect.ALTERED_DATE}))
    result = _inspect_json(
        capsys,
        "--mrz",
        TEXT,
        "--white",
        str(paths["white"]),
        "--ir",
        str(paths["ir"]),
        "--uv",
        str(paths["uv"]),
    )
    assert result["verdict"] == "stop"
    reasons = result["reasons"]
    assert isinstance(reasons, list)
    assert {r["finding"]["code"] for r in reasons} == {"image.uv_paper", "image.viz_dates"}
    statuses = _statuses(result)
    assert statuses["image.ir_mrz"] == "passed"


def test_a_genuine_page_with_a_live_photo_is_clear(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = _write_scan(tmp_path)
    result = _inspect_json(
        capsys,
        "--mrz", TEXT,
        "--white", str(paths["white"]),
        "--ir", str(paths["ir"]),
        "--uv", str(paths["uv"]),
        "--photo", str(paths["white"]),
    )  # fmt: skip
    assert result["verdict"] == "clear"
    statuses = _statuses(result)
    assert "failed" not in statuses.values()
    image_checks = [
        "image.ir_mrz",
        "image.uv_paper",
        "image.photo_present",
        "image.photo_uv",
        "image.viz_dates",
    ]
    assert [statuses[code] for code in [*image_checks, "photo.live"]] == ["passed"] * 6


def test_an_undecodable_image_is_not_checked_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = _write_scan(tmp_path)
    broken = tmp_path / "broken.png"
    broken.write_bytes(paths["ir"].read_bytes()[:200])
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    result = _inspect_json(
        capsys, "--mrz", TEXT, "--white", str(paths["white"]), "--ir", str(broken), "--photo", str(empty)
    )
    listed = result["findings"]
    assert isinstance(listed, list)
    findings = {f["code"]: f for f in listed}
    assert findings["image.ir_mrz"]["status"] == "not_checked"
    assert "broken.png is not an image file" in findings["image.ir_mrz"]["message"]
    assert findings["photo.live"]["status"] == "failed"
    assert "empty.jpg" in findings["photo.live"]["message"]
    assert findings["image.photo_present"]["status"] == "passed"


def test_a_missing_file_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["inspect", "--mrz", TEXT, "--uv", str(tmp_path / "nope.png")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"station: {tmp_path / 'nope.png'}: no such file"


def test_text_output_names_the_verdict_and_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    expired = mrz_text(expiry_date=datetime.date(2020, 1, 1))
    assert main(["inspect", "--mrz", expired]) == 0
    out = capsys.readouterr().out
    assert out.startswith("verdict: STOP")
    assert "FAIL doc.expiry (fail): The document expired on 2020-01-01" in out
    assert "--   image.uv_paper:" in out


def test_garbage_mrz_is_reported_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    result = _inspect_json(capsys, "--mrz", "this is not\\nan mrz at all")
    assert result["verdict"] == "attention"
    assert _statuses(result)["mrz.format"] == "failed"


def test_runs_as_a_command_reading_the_mrz_from_stdin(tmp_path: Path) -> None:
    paths = _write_scan(tmp_path, frozenset({Defect.IR_INVISIBLE_MRZ}))
    env = {**os.environ, "STATION_CONFIG": str(tmp_path / "absent.toml")}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [sys.executable, "-m", "station", "inspect", "--json", "--mrz", "-", "--white", str(paths["white"]),
         "--ir", str(paths["ir"])],
        input=TEXT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["verdict"] == "stop"
    assert [r["finding"]["code"] for r in result["reasons"]] == ["image.ir_mrz"]
    assert result["elapsed_ms"] > 0


def test_screening_reads_the_booth_database_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from station.store import Store

    def history_message(result: dict[str, object]) -> str:
        listed = result["findings"]
        assert isinstance(listed, list)
        return " ".join(f["message"] for f in listed if f["code"].startswith("screening.history"))

    assert "No store at this booth" in history_message(_inspect_json(capsys, "--mrz", TEXT))
    db = tmp_path / "booth.sqlite"
    Store.open(db).close()
    with_store = _inspect_json(capsys, "--mrz", TEXT, "--db", str(db))
    assert "No store at this booth" not in history_message(with_store)
    with Store.open(db) as store:
        assert store.records() == []  # nothing was stored
    assert main(["inspect", "--mrz", TEXT, "--db", str(tmp_path / "absent.sqlite")]) == 2
    assert "no such booth database" in capsys.readouterr().err


def test_without_mrz_the_mrz_is_read_from_the_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = _write_scan(tmp_path)
    result = _inspect_json(capsys, "--white", str(paths["white"]), "--ir", str(paths["ir"]))
    assert isinstance(result["mrz"], dict) and result["mrz"]["mrz"] == TEXT
    assert result["verdict"] == "clear"


def test_neither_mrz_nor_page_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["inspect", "--uv", str(_write_scan(tmp_path)["uv"])]) == 2
    assert "give the MRZ" in capsys.readouterr().err
