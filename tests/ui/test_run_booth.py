"""``station run``: the booth window on a booth file's own store and devices, and the one-line
errors when something it needs before the window is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from station.auth import Auth, Role
from station.cli import main
from station.config import Config
from station.store import Store
from tests.ui.conftest import OFFSCREEN_NOISE
from ui.qt import QtCore, QtWidgets


def _booth_file(tmp_path: Path) -> Path:
    hot = tmp_path / "hot"
    hot.mkdir()
    path = tmp_path / "booth.toml"
    path.write_text(
        f"""
[booth]
crossing_point = "ZZA"
booth_id = "B07"

[store]
path = "{tmp_path / "booth.sqlite"}"

[[devices]]
name = "scanner"
kind = "scanner"
driver = "hotfolder"
port = "{hot}"
""",
        encoding="utf-8",
    )
    return path


def test_a_bad_booth_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "booth.toml"
    bad.write_text("[booth\n", encoding="utf-8")
    assert main(["run", "--config", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "not valid TOML" in err and "Traceback" not in err


def test_a_booth_without_officers_is_sent_to_setup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(["run", "--config", str(_booth_file(tmp_path))]) != 0
    assert "run `station setup` first" in capsys.readouterr().err


@OFFSCREEN_NOISE
def test_the_booth_window_opens_on_the_booth_files_store_and_devices(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    path = _booth_file(tmp_path)
    with Store.open(Config.load(path).store_path()) as store:
        auth = Auth(store, hasher=PasswordHasher(time_cost=1, memory_cost=1024))
        auth.add_officer("ada", "Ada Admin", Role.ADMIN, "482915", actor="cli:test")
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        windows = [w for w in QtWidgets.QApplication.topLevelWidgets() if w.isVisible()]
        seen["titles"] = [w.windowTitle() for w in windows]
        booth = next(w for w in windows if hasattr(w, "booth")).booth
        seen["devices"] = sorted(booth.devices)
        seen["booth"] = booth.config.booth.booth_id
        QtWidgets.QApplication.closeAllWindows()

    QtCore.QTimer.singleShot(500, look_and_close)
    assert main(["run", "--config", str(path)]) == 0
    assert seen["devices"] == ["scanner"] and seen["booth"] == "B07"
    assert "working offline" in capsys.readouterr().out
