"""The Qt half of ``station selftest``: render the booth's main window and load a translation.

Loaded by name from ``station.selftest`` (the core never imports ``ui``). Each function returns a
one-line detail for the report, or raises ``station.selftest.SelftestError`` saying what is wrong.
In a frozen build these prove the Qt platform plugin, the fonts, the style and the ``.qm`` files
made it into the bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from station.auth import Auth
from station.config import Config
from station.selftest import SelftestError
from station.store import KnownStoreError, Store
from ui import theme
from ui.app import prepare_app
from ui.booth import BoothController
from ui.i18n import I18N_DIR, SOURCE_LANGUAGE, Language
from ui.main_window import MainWindow
from ui.qt import QtCore, QtGui, QtWidgets

DEFAULT_PLATFORM = {"win32": "windows", "darwin": "cocoa"}
KNOWN_CONTEXT = "MainWindow"
KNOWN_SOURCE = "Border Station"  # the main window's title: always in the translation files
CHECKED_LANGUAGE = "ar"


def render_main_window(workdir: Path) -> str:
    """Build the main window on an empty store (no devices, no officer) and paint it offscreen."""
    app = _app()
    try:
        store = Store.open(workdir / "booth.sqlite")
    except KnownStoreError as exc:
        raise SelftestError(f"the window needs a store, and none opens in {workdir}: {exc}") from None
    try:
        config = Config.defaults()
        booth = BoothController(config, store, Auth(store, settings=config.session))
        window = MainWindow(booth, Language(app))
        try:
            image = window.grab().toImage()  # paints the whole widget tree without showing it
        finally:
            window.close()
            booth.close()
            window.deleteLater()
            booth.deleteLater()
            app.processEvents()
    finally:
        store.close()
    if image.isNull() or image.width() == 0 or image.height() == 0:
        raise SelftestError(f"the main window painted nothing (platform {app.platformName()!r})")
    if not _has_detail(image):
        raise SelftestError("the main window painted one flat colour: no text or widgets were drawn")
    return f"{image.width()}x{image.height()} on the {app.platformName()!r} platform"


def _app() -> QtWidgets.QApplication:
    """The application, once its platform plugin is known to exist: without one, Qt aborts the whole
    process, so the self-test could not report anything."""
    if QtWidgets.QApplication.instance() is None:
        _check_platform_plugin()
    return prepare_app()


def _check_platform_plugin() -> None:
    platform = os.environ.get("QT_QPA_PLATFORM", DEFAULT_PLATFORM.get(sys.platform, "xcb")).split(":")[0]
    folder = Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not any(p.name.split(".")[0].removeprefix("lib") == f"q{platform}" for p in _files(folder)):
        raise SelftestError(
            f"no Qt platform plugin {platform!r} in {folder}"
            " (check QT_QPA_PLATFORM, or reinstall: the installation is incomplete)"
        )


def _files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _has_detail(image: QtGui.QImage) -> bool:
    grey = image.convertToFormat(QtGui.QImage.Format.Format_Grayscale8)
    levels = set(bytes(grey.constBits()))
    return len(levels) > 2


def check_translation(directory: Path | None = None) -> str:
    """Switch to Arabic: the compiled translation must load, translate a known string and turn the
    layout right-to-left. The application is switched back to the source language after."""
    app = _app()
    language = Language(app, directory or I18N_DIR)
    try:
        language.set(CHECKED_LANGUAGE)
        translated = QtCore.QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE)
        right_to_left = language.right_to_left
    finally:
        language.set(SOURCE_LANGUAGE)
        language.deleteLater()
    qm = (directory or I18N_DIR) / f"border_station_{CHECKED_LANGUAGE}.qm"
    if translated == KNOWN_SOURCE:
        raise SelftestError(f"the {CHECKED_LANGUAGE!r} translation did not load from {qm}")
    if not right_to_left:
        raise SelftestError(f"the {CHECKED_LANGUAGE!r} layout is not right-to-left")
    return f"{CHECKED_LANGUAGE}: {KNOWN_SOURCE!r} -> {translated!r}, right-to-left, font {_arabic_font()!r}"


def _arabic_font() -> str:
    """The font Arabic text will be drawn with: without one, Qt draws empty boxes, and no error."""
    installed = QtGui.QFontDatabase.families(QtGui.QFontDatabase.WritingSystem.Arabic)
    if not installed:
        raise SelftestError(
            "no installed font can show Arabic (Debian: apt-get install fonts-noto-core;"
            " see docs/booth-install.md)"
        )
    return next((family for family in theme.FONT_FAMILIES if family in installed), installed[0])
