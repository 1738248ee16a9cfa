"""Login and lock screens. The lock screen shows who is logged in and asks for the PIN; it carries no
traveller data (the screens behind it are concealed and hidden while it shows)."""

from __future__ import annotations

from ui.booth import BoothController
from ui.qt import QtWidgets
from ui.widgets import label


class _PinScreen(QtWidgets.QWidget):
    def __init__(self, booth: BoothController, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.booth = booth
        outer = QtWidgets.QVBoxLayout(self)
        outer.addStretch(1)
        box = QtWidgets.QFrame()
        box.setObjectName("panel")
        box.setMaximumWidth(520)
        self.form = QtWidgets.QFormLayout(box)
        self.title = label(name="title")
        self.form.addRow(self.title)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.pin = QtWidgets.QLineEdit()
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin.setObjectName("pin")
        self.pin_caption = label()
        self.error = label(name="error", wrap=True)
        booth.login_failed.connect(self._failed)

    def _failed(self, message: str) -> None:
        if self.isVisible():
            self.error.setText(message)
            self.pin.clear()
            self.pin.setEnabled(True)
            self.pin.setFocus()


class LoginScreen(_PinScreen):
    def __init__(self, booth: BoothController, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(booth, parent)
        self.officer = QtWidgets.QLineEdit()
        self.officer.setObjectName("officer")
        self.officer_caption = label()
        self.form.addRow(self.officer_caption, self.officer)
        self.form.addRow(self.pin_caption, self.pin)
        self.form.addRow(self.error)
        self.officer.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Border Station — log in"))
        self.officer_caption.setText(self.tr("Officer ID"))
        self.pin_caption.setText(self.tr("PIN"))

    def reset(self) -> None:
        self.officer.clear()
        self.pin.clear()
        self.error.clear()
        self.pin.setEnabled(True)
        self.officer.setFocus()

    def submit(self) -> None:
        if not self.officer.text().strip() or not self.pin.text():
            self.error.setText(self.tr("Enter your officer ID and PIN."))
            return
        self.error.setText(self.tr("Checking…"))
        self.pin.setEnabled(False)
        self.booth.login(self.officer.text().strip(), self.pin.text())


class LockScreen(_PinScreen):
    def __init__(self, booth: BoothController, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(booth, parent)
        self.who = label(name="value")
        self.form.addRow(self.who)
        self.form.addRow(self.pin_caption, self.pin)
        self.form.addRow(self.error)
        self.logout_button = QtWidgets.QPushButton()
        self.logout_button.clicked.connect(booth.logout)
        self.form.addRow(self.logout_button)
        self.pin.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Screen locked"))
        self.pin_caption.setText(self.tr("PIN"))
        self.logout_button.setText(self.tr("Log out"))

    def reset(self) -> None:
        session = self.booth.session
        self.who.setText(
            self.tr("Officer %1: enter your PIN to continue.").replace(
                "%1", session.officer_id if session else ""
            )
        )
        self.pin.clear()
        self.error.clear()
        self.pin.setEnabled(True)
        self.pin.setFocus()

    def submit(self) -> None:
        if not self.pin.text():
            return
        self.pin.setEnabled(False)
        self.booth.unlock(self.pin.text())
