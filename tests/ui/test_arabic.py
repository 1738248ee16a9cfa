"""Arabic: translated texts, the whole layout mirrored, numbers and dates in the Arabic locale;
languages are discovered from the translation files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from station.auth import Role
from ui.i18n import I18N_DIR, available_languages, fmt_date, fmt_number
from ui.qt import QtCore, QtWidgets

from .conftest import OFFSCREEN_NOISE, login
from .test_primary import present

pytestmark = OFFSCREEN_NOISE


def test_arabic_mirrors_the_layout_and_translates_the_primary_screen(qtbot, session):
    login(qtbot, session, Role.OFFICER)
    session.language.set("ar")
    app = QtWidgets.QApplication.instance()
    assert app.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
    window = session.window
    assert window.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
    primary = window.screens["primary"]
    assert primary.buttons["admit"].text().startswith("سماح بالدخول")
    assert window.tabs.tabText(0) == "التفتيش الأولي"
    # mirrored: the traveller panel (first in the row) sits on the right in Arabic
    qtbot.wait_until(lambda: primary.traveller.geometry().x() > primary.verdict.geometry().x())
    current = present(qtbot, session)
    assert primary.verdict.banner.text().endswith("سليم")
    birth = current.inspection.traveller.birth_date
    assert primary.traveller.values["birth_date"].text() == fmt_date(birth)
    assert (
        primary.traveller.mrz.layoutDirection() == QtCore.Qt.LayoutDirection.LeftToRight
    )  # the MRZ stays LTR
    session.language.set("en")
    assert app.layoutDirection() == QtCore.Qt.LayoutDirection.LeftToRight
    assert primary.buttons["admit"].text().startswith("Admit")


def test_numbers_and_dates_follow_the_locale(qtbot, session):
    session.language.set("ar")
    assert fmt_number(1234) == "١٬٢٣٤"
    assert any("\u0660" <= ch <= "\u0669" for ch in fmt_date(dt.date(2031, 4, 5)))
    session.language.set("en")
    assert fmt_number(1234) == "1,234"


def test_a_language_is_a_translation_file(tmp_path: Path):
    for source in I18N_DIR.glob("*.ts"):
        shutil.copy(source, tmp_path)
    assert available_languages(tmp_path) == ["en", "ar"]
    (tmp_path / "border_station_fa.ts").write_text((I18N_DIR / "border_station_ar.ts").read_text())
    assert available_languages(tmp_path) == ["en", "ar", "fa"]
    assert QtCore.QLocale("fa").textDirection() == QtCore.Qt.LayoutDirection.RightToLeft
