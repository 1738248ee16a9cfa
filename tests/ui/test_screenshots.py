"""Every main screen rendered offscreen in English and Arabic by ``station demo --screenshots DIR``."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.cli import main
from ui.qt import QtGui
from ui.screenshots import SCREENS

from .conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def test_every_screen_in_english_and_arabic(qtbot, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["demo", "--screenshots", str(tmp_path / "shots")]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    names = sorted(p.name for p in written)
    assert names == sorted(f"{screen}-{lang}.png" for screen in SCREENS for lang in ("en", "ar"))
    for path in written:
        image = QtGui.QImage(str(path))
        assert image.width() >= 1200 and image.height() >= 700, path
        # not a blank grab: a real screen has many colours
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
        }
        assert len(colours) > 5, path


def test_text_walk_through_stays_available(capsys: pytest.CaptureFixture[str]):
    assert main(["demo", "--text", "--today", "2026-11-23"]) == 0
    assert "Border Station MRZ demo" in capsys.readouterr().out


def test_without_a_display_the_demo_says_what_to_do(monkeypatch, capsys: pytest.CaptureFixture[str]):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["demo"]) != 0
    assert "--screenshots DIR or --text" in capsys.readouterr().err
