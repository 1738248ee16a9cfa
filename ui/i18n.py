"""Languages: discovered from the translation files, installed into Qt, with the layout direction.

A language is available when ``resources/i18n/border_station_<code>.ts`` exists (its compiled ``.qm``
is built next to it by ``ui/i18n_build.py`` at set-up). Adding Farsi, Urdu or Pashto is adding
``border_station_fa.ts`` (``ur``, ``ps``): the list, the right-to-left layout (from ``QLocale``) and
the number and date formats follow from the code.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from ui.qt import QtCore, QtWidgets

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
PREFIX = "border_station_"
SOURCE_LANGUAGE = "en"


def available_languages(directory: Path = I18N_DIR) -> list[str]:
    """Language codes with a translation source, the source language first."""
    codes = {p.stem.removeprefix(PREFIX) for p in directory.glob(f"{PREFIX}*.ts")}
    codes.add(SOURCE_LANGUAGE)
    return [SOURCE_LANGUAGE, *sorted(codes - {SOURCE_LANGUAGE})]


def language_name(code: str) -> str:
    """The language's own name for itself (``العربية``), for the language picker."""
    locale = QtCore.QLocale(code)
    if locale.language() == QtCore.QLocale.Language.English:
        return "English"  # not "American English": the booth's English is not a regional variant
    return locale.nativeLanguageName() or code


class Language(QtCore.QObject):
    """The application's current language: translator, locale and layout direction.

    Signals:
        changed(str): the language code after a switch (screens re-translate their texts).
    """

    changed = QtCore.Signal(str)

    def __init__(self, app: QtWidgets.QApplication, directory: Path = I18N_DIR) -> None:
        super().__init__(app)
        self._app = app
        self._directory = directory
        self._translator: QtCore.QTranslator | None = None
        self.code = SOURCE_LANGUAGE
        self.locale = QtCore.QLocale(SOURCE_LANGUAGE)

    def set(self, code: str) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if code != SOURCE_LANGUAGE:
            translator = QtCore.QTranslator(self)
            if translator.load(f"{PREFIX}{code}", str(self._directory)):
                self._app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning(
                    "no compiled translation for %r in %s (run ui/i18n_build.py)", code, self._directory
                )
        self.code = code
        self.locale = QtCore.QLocale(code)
        QtCore.QLocale.setDefault(self.locale)
        self._app.setLayoutDirection(self.locale.textDirection())
        self.changed.emit(code)

    @property
    def right_to_left(self) -> bool:
        return self.locale.textDirection() == QtCore.Qt.LayoutDirection.RightToLeft


def fmt_date(value: dt.date | None) -> str:
    """A date as ``17 Jul 1957`` in the current locale (its month names and digits), never the
    ambiguous 7/17/57 of a short format."""
    if value is None:
        return "—"
    return QtCore.QLocale().toString(QtCore.QDate(value.year, value.month, value.day), "dd MMM yyyy")


def fmt_time(value: dt.datetime) -> str:
    local = value.astimezone()
    return QtCore.QLocale().toString(QtCore.QTime(local.hour, local.minute, local.second), "HH:mm:ss")


def fmt_number(value: int | float) -> str:
    return QtCore.QLocale().toString(value)
