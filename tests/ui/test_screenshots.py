"""Every main screen rendered offscreen in English and Arabic by ``station demo --screenshots DIR``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from station.cli import main
from ui import screenshots
from ui.i18n import I18N_DIR
from ui.i18n_build import TranslationBuildError, build
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


def _no_traceback_one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_translations_that_cannot_be_built_stop_the_screenshots_with_one_line(
    monkeypatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    sources = tmp_path / "i18n"
    sources.mkdir()
    shutil.copy(I18N_DIR / "border_station_en.ts", sources)
    (sources / "border_station_ar.ts").write_text('<?xml version="1.0"?>\n<TS version="2.1"><context><na')
    monkeypatch.setattr(screenshots, "I18N_DIR", sources)
    shots = tmp_path / "shots"
    assert main(["demo", "--screenshots", str(shots)]) == 1
    line = _no_traceback_one_line(capsys.readouterr().err)
    assert line.startswith("station: screenshots not taken: the translations cannot be built")
    assert "border_station_ar.ts" in line
    assert not list(shots.glob("*.png"))


def test_a_language_without_a_translation_stops_the_screenshots(
    monkeypatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    sources = tmp_path / "i18n"
    sources.mkdir()
    shutil.copy(I18N_DIR / "border_station_en.ts", sources)  # no Arabic source at all
    monkeypatch.setattr(screenshots, "I18N_DIR", sources)
    assert main(["demo", "--screenshots", str(tmp_path / "shots")]) == 1
    line = _no_traceback_one_line(capsys.readouterr().err)
    assert "no translation for 'ar' can be loaded" in line


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["demo", "--screenshots", str(blocker / "shots")]) == 1
    assert "cannot create" in _no_traceback_one_line(capsys.readouterr().err)


def test_the_translation_build_names_the_broken_file(tmp_path: Path):
    (tmp_path / "border_station_xx.ts").write_text("")
    with pytest.raises(TranslationBuildError, match=r"border_station_xx\.ts: lrelease error"):
        build(tmp_path)
