"""The booth's window: login, then the screens the officer's role allows, and the lock screen.

Activity (any key or click in the application) keeps the session alive; the controller's clock check
locks it after ``session.lock_minutes`` without activity. Locked, every screen conceals its personal
data and the window shows only the lock screen. Ctrl+L locks at once. Key presses outside text fields
also go to the keyboard-wedge reader's decoder (``devices.wedge_reader``), which picks out the
reader's fast MRZ bursts from an officer's typing.
"""

from __future__ import annotations

import time

from station.auth import Permission, Session
from ui.admin import AdminScreen
from ui.booth import BoothController
from ui.i18n import Language, available_languages, language_name
from ui.login import LockScreen, LoginScreen
from ui.primary import PrimaryScreen
from ui.qt import QtCore, QtGui, QtWidgets
from ui.second_line import SecondLineScreen
from ui.supervisor import SupervisorScreen
from ui.widgets import label

SCREENS: tuple[tuple[str, Permission], ...] = (
    ("primary", Permission.INSPECT),
    ("second_line", Permission.EXAMINE),
    ("supervisor", Permission.VIEW_HEALTH),
    ("admin", Permission.CHANGE_SETTINGS),
)


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, booth: BoothController, language: Language, *, demo: bool = False) -> None:
        super().__init__()
        self.booth = booth
        self.language = language
        self.demo = demo
        self.stack = QtWidgets.QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login_screen = LoginScreen(booth)
        self.lock_screen = LockScreen(booth)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.primary = PrimaryScreen(booth, demo=demo)
        self.second_line = SecondLineScreen(booth)
        self.supervisor = SupervisorScreen(booth)
        self.admin = AdminScreen(booth)
        self.screens: dict[str, QtWidgets.QWidget] = {
            "primary": self.primary,
            "second_line": self.second_line,
            "supervisor": self.supervisor,
            "admin": self.admin,
        }
        for widget in (self.login_screen, self.lock_screen, self.tabs):
            self.stack.addWidget(widget)
        self._build_header()
        booth.logged_in.connect(self._logged_in)
        booth.locked.connect(self._locked)
        booth.unlocked.connect(self._unlocked)
        booth.logged_out.connect(self._logged_out)
        language.changed.connect(lambda _code: self.retranslate())
        lock = QtGui.QShortcut(QtGui.QKeySequence("Ctrl+L"), self)
        lock.activated.connect(booth.lock)
        self._wedge_timer = QtCore.QTimer(self)
        self._wedge_timer.setInterval(50)
        self._wedge_timer.timeout.connect(self._wedge_idle)
        self._wedge_timer.start()
        app = QtWidgets.QApplication.instance()
        assert app is not None, "create the QApplication first"
        self._app: QtCore.QCoreApplication = app
        self._app.installEventFilter(self)
        self.resize(1280, 800)
        self.retranslate()
        self._logged_out()

    def _build_header(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.who = label()
        self.busy = label()
        self.language_box = QtWidgets.QComboBox()
        self.language_box.setFocusPolicy(QtCore.Qt.FocusPolicy.ClickFocus)
        for code in available_languages():
            self.language_box.addItem(language_name(code), code)
        self.language_box.currentIndexChanged.connect(
            lambda i: self.language.set(self.language_box.itemData(i))
        )
        self.lock_button = QtWidgets.QPushButton()
        self.lock_button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.booth.lock)
        bar.addWidget(self.who, 1)
        bar.addWidget(self.busy)
        bar.addPermanentWidget(self.language_box)
        bar.addPermanentWidget(self.lock_button)
        self.logout_button = QtWidgets.QPushButton()
        self.logout_button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(self.booth.logout)
        bar.addPermanentWidget(self.logout_button)
        self.booth.busy.connect(lambda on: self.busy.setText(self.tr("working…") if on else ""))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Border Station"))
        titles = {
            "primary": self.tr("Primary inspection"),
            "second_line": self.tr("Second line"),
            "supervisor": self.tr("Supervisor"),
            "admin": self.tr("Administration"),
        }
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            name = next(n for n, w in self.screens.items() if w is widget)
            self.tabs.setTabText(i, titles[name])
        for widget in (self.login_screen, self.lock_screen, *self.screens.values()):
            widget.retranslate()  # type: ignore[attr-defined]
        self.lock_button.setText(self.tr("Lock [Ctrl+L]"))
        self.logout_button.setText(self.tr("Log out"))
        self._show_who()
        index = self.language_box.findData(self.language.code)
        if index >= 0 and index != self.language_box.currentIndex():
            self.language_box.setCurrentIndex(index)

    def _show_who(self) -> None:
        session = self.booth.session
        booth = self.booth.config.booth
        place = f"{booth.crossing_point} / {booth.booth_id}"
        if session is None:
            self.who.setText(place)
        else:
            self.who.setText(
                self.tr("%1 — officer %2 (%3)")
                .replace("%1", place)
                .replace("%2", session.officer_id)
                .replace("%3", self._role_name(session))
            )

    def _role_name(self, session: Session) -> str:
        return {
            "officer": self.tr("officer"),
            "examiner": self.tr("examiner"),
            "supervisor": self.tr("supervisor"),
            "admin": self.tr("administrator"),
        }[session.role.value]

    # --- session states ----------------------------------------------------------------------------

    def _logged_in(self, session: Session) -> None:
        self.tabs.clear()
        titles_needed = False
        for name, permission in SCREENS:
            if permission in session.permissions:
                self.tabs.addTab(self.screens[name], name)
                titles_needed = True
        if titles_needed:
            self.retranslate()
        self.stack.setCurrentWidget(self.tabs)
        self.lock_button.setEnabled(True)
        self.logout_button.setEnabled(True)
        for widget in self.screens.values():
            widget.set_concealed(False)  # type: ignore[attr-defined]
            if hasattr(widget, "refresh"):
                widget.refresh()
        self._show_who()

    def _locked(self) -> None:
        if self.stack.currentWidget() is self.lock_screen or self.booth.session is None:
            return
        for widget in self.screens.values():
            widget.set_concealed(True)  # type: ignore[attr-defined]
        self.lock_screen.reset()
        self.stack.setCurrentWidget(self.lock_screen)

    def _unlocked(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        for widget in self.screens.values():
            widget.set_concealed(False)  # type: ignore[attr-defined]

    def _logged_out(self) -> None:
        # the next officer starts clean: nothing of this session's travellers stays in the screens
        self.primary.forget()
        self.second_line.forget()
        for widget in self.screens.values():
            widget.set_concealed(True)  # type: ignore[attr-defined]
        self.tabs.clear()
        self.lock_button.setEnabled(False)
        self.logout_button.setEnabled(False)
        self.login_screen.reset()
        self.stack.setCurrentWidget(self.login_screen)
        self._show_who()

    def show_screen(self, name: str) -> None:
        widget = self.screens[name]
        if self.tabs.indexOf(widget) >= 0:
            self.tabs.setCurrentWidget(widget)

    # --- activity and the wedge reader -------------------------------------------------------------

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        session = self.booth.session
        activity = kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.MouseButtonPress)
        if activity and session is not None and not session.locked:
            self.booth.touch()
        # a key event travels up the parents: hand it to the wedge once, where it was first delivered
        if kind == QtCore.QEvent.Type.KeyPress and watched is (QtWidgets.QApplication.focusWidget() or self):
            self._to_wedge(event)  # type: ignore[arg-type]
        return False

    def _to_wedge(self, event: QtGui.QKeyEvent) -> None:
        if (
            self.stack.currentWidget() is not self.tabs
            or self.tabs.currentWidget() is not self.screens["primary"]
        ):
            return
        if isinstance(QtWidgets.QApplication.focusWidget(), (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit)):
            return
        wedge = self.booth.device_of_driver("wedge")
        if wedge is None:
            return
        key = event.key()
        char = "\r" if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) else event.text()
        if char:
            wedge.key(char, time.monotonic())  # type: ignore[attr-defined]

    def _wedge_idle(self) -> None:
        wedge = self.booth.device_of_driver("wedge")
        if wedge is not None:
            wedge.idle()  # type: ignore[attr-defined]

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self._app.removeEventFilter(self)
        super().closeEvent(event)
