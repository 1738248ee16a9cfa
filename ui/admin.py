"""Administration: settings and diagnostics — devices (test a reader, raw frames), users, booth config.

An administrator runs the booth, not the border: nothing here shows traveller data beyond the raw
frames of the device under test, and those are cleared when the screen is locked.
"""

from __future__ import annotations

from devices.scan import DocumentScan
from ui.booth import BoothController
from ui.codes import device_reason
from ui.qt import QtCore, QtWidgets
from ui.theme import mono_font
from ui.widgets import device_word, label, panel


class AdminScreen(QtWidgets.QWidget):
    def __init__(self, booth: BoothController, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.booth = booth
        self._concealed = True
        self.tabs = QtWidgets.QTabWidget()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # devices
        devices = QtWidgets.QWidget()
        dev_layout = QtWidgets.QVBoxLayout(devices)
        self.device_list = QtWidgets.QListWidget()
        self.test_button = QtWidgets.QPushButton()
        self.test_button.clicked.connect(self._test_device)
        self.frames = QtWidgets.QPlainTextEdit()
        self.frames.setReadOnly(True)
        self.frames.setFont(mono_font(10))
        self.frames.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)
        self.frames_caption = label(name="caption", wrap=True)
        for widget in (self.device_list, self.test_button, self.frames_caption, self.frames):
            dev_layout.addWidget(widget)
        # users
        users = QtWidgets.QWidget()
        users_layout = QtWidgets.QVBoxLayout(users)
        self.users = QtWidgets.QTableWidget(0, 4)
        self.users.verticalHeader().setVisible(False)
        self.users.horizontalHeader().setStretchLastSection(True)
        self.users_hint = label(name="caption", wrap=True)
        users_layout.addWidget(self.users)
        users_layout.addWidget(self.users_hint)
        # booth config
        config_box = panel()
        config_layout = QtWidgets.QVBoxLayout(config_box)
        self.config_hint = label(name="caption", wrap=True)
        self.config_view = QtWidgets.QPlainTextEdit()
        self.config_view.setReadOnly(True)
        self.config_view.setFont(mono_font(10))
        self.config_view.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)
        config_layout.addWidget(self.config_hint)
        config_layout.addWidget(self.config_view)
        self.tabs.addTab(devices, "")
        self.tabs.addTab(users, "")
        self.tabs.addTab(config_box, "")
        booth.device_status.connect(lambda _s: self._fill_devices())
        booth.bridge.scanned.connect(self._frame)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Devices"))
        self.tabs.setTabText(1, self.tr("Users"))
        self.tabs.setTabText(2, self.tr("Booth configuration"))
        self.test_button.setText(self.tr("Test the selected device"))
        self.frames_caption.setText(self.tr("Raw frames from the devices (newest last):"))
        self.users.setHorizontalHeaderLabels(
            [self.tr("Officer ID"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.users_hint.setText(self.tr("Add officers and set PINs with: station users add / set-pin"))
        self.config_hint.setText(
            self.tr("Change settings in the booth file, then restart: %1").replace(
                "%1", str(self.booth.config.source or self.tr("(built-in defaults)"))
            )
        )

    def set_concealed(self, concealed: bool) -> None:
        self._concealed = concealed
        if concealed:
            self.frames.clear()
            self.users.setRowCount(0)

    def refresh(self) -> None:
        if self._concealed:
            return
        self._fill_devices()
        self.config_view.setPlainText(self.booth.config.to_toml(hide_secrets=True))
        self.booth.run(self.booth.auth.officers, self._fill_users)

    def _fill_devices(self) -> None:
        selected = self.device_list.currentRow()
        self.device_list.clear()
        for name, status in self.booth.statuses.items():
            self.device_list.addItem(
                f"{name}: {device_word(status.state)} {device_reason(status.reason)}".rstrip()
            )
        self.device_list.setCurrentRow(max(0, selected))

    def _fill_users(self, officers: list) -> None:
        if self._concealed:
            return
        self.users.setRowCount(len(officers))
        for row, officer in enumerate(officers):
            state = self.tr("disabled") if officer.disabled else self.tr("active")
            for col, text in enumerate((officer.officer_id, officer.name, officer.role.value, state)):
                self.users.setItem(row, col, QtWidgets.QTableWidgetItem(text))

    def _test_device(self) -> None:
        """Ask the selected device for its status now, and show it; a scan it reads shows as a raw frame."""
        row = self.device_list.currentRow()
        names = list(self.booth.statuses)
        if not 0 <= row < len(names):
            return
        device = self.booth.devices.get(names[row])
        if device is None:
            self.frames.appendPlainText(self.tr("%1: not running").replace("%1", names[row]))
            return
        self.booth.run(
            device.status,
            lambda status: self.frames.appendPlainText(
                self.tr("%1: %2 %3 — present a document to see its frame")
                .replace("%1", status.source)
                .replace("%2", device_word(status.state))
                .replace("%3", device_reason(status.reason))
            ),
        )

    @QtCore.Slot(object)
    def _frame(self, scan: DocumentScan) -> None:
        if not self._concealed and self.isVisible():
            self.frames.appendPlainText(f"{scan.source}: raw={scan.raw[:120]!r} mrz={scan.mrz_text!r}")
