"""Administration: settings and diagnostics — devices (test a reader, raw frames), users (add,
disable, re-enable, set a PIN), booth config (single values edited, validated, saved and audited).

An administrator runs the booth, not the border: nothing here shows traveller data beyond the raw
frames of the device under test, and those are cleared when the screen is locked. Every change goes
through ``station.auth`` or ``station.settings_edit`` on a worker, under the administrator's session.
"""

from __future__ import annotations

from station.auth import Role
from station.config import Config, ConfigError
from station.devices import DocumentScan
from station.settings_edit import save_settings, setting_rows
from ui.booth import BoothController
from ui.codes import device_reason, role_word
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
        self.users.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.users.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_hint = label(name="caption", wrap=True)
        users_layout.addWidget(self.users)
        users_layout.addWidget(self.users_hint)
        self.new_id, self.new_name, self.new_pin = QtWidgets.QLineEdit(), QtWidgets.QLineEdit(), _pin_field()
        self.new_role = QtWidgets.QComboBox()
        self.add_button = QtWidgets.QPushButton()
        self.add_button.clicked.connect(self._add_officer)
        add_row = QtWidgets.QHBoxLayout()
        for field in (self.new_id, self.new_name, self.new_role, self.new_pin, self.add_button):
            add_row.addWidget(field)
        users_layout.addLayout(add_row)
        self.set_pin, self.set_pin_button = _pin_field(), QtWidgets.QPushButton()
        self.set_pin_button.clicked.connect(self._set_pin)
        self.disable_button, self.enable_button = QtWidgets.QPushButton(), QtWidgets.QPushButton()
        self.disable_button.clicked.connect(lambda: self._account("disable"))
        self.enable_button.clicked.connect(lambda: self._account("enable"))
        selected_row = QtWidgets.QHBoxLayout()
        for control in (self.set_pin, self.set_pin_button, self.disable_button, self.enable_button):
            selected_row.addWidget(control)
        users_layout.addLayout(selected_row)
        self.users_message = label(name="caption", wrap=True)
        users_layout.addWidget(self.users_message)
        # booth config
        config_box = panel()
        config_layout = QtWidgets.QVBoxLayout(config_box)
        self.config_hint = label(name="caption", wrap=True)
        self.settings = QtWidgets.QTableWidget(0, 3)
        self.settings.verticalHeader().setVisible(False)
        self.settings.horizontalHeader().setStretchLastSection(True)
        self.settings.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)  # keys and values are ASCII
        self.save_button = QtWidgets.QPushButton()
        self.save_button.clicked.connect(self._save_settings)
        self.config_message = label(name="caption", wrap=True)
        config_layout.addWidget(self.config_hint)
        config_layout.addWidget(self.settings, 1)
        config_layout.addWidget(self.save_button)
        config_layout.addWidget(self.config_message)
        self._shown: dict[str, str] = {}
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
        self.users_hint.setText(self.tr("Select an officer to set a PIN, disable or re-enable the account."))
        self.new_id.setPlaceholderText(self.tr("Officer ID"))
        self.new_name.setPlaceholderText(self.tr("Name"))
        self.new_pin.setPlaceholderText(self.tr("PIN"))
        self.set_pin.setPlaceholderText(self.tr("New PIN"))
        self.add_button.setText(self.tr("Add officer"))
        chosen = self.new_role.currentData()
        self.new_role.clear()
        for role in Role:
            self.new_role.addItem(role_word(role.value), role.value)
        self.new_role.setCurrentIndex(max(0, self.new_role.findData(chosen)))
        self.set_pin_button.setText(self.tr("Set PIN"))
        self.disable_button.setText(self.tr("Disable"))
        self.enable_button.setText(self.tr("Re-enable"))
        self.settings.setHorizontalHeaderLabels(
            [self.tr("Setting"), self.tr("Value"), self.tr("Description")]
        )
        self.save_button.setText(self.tr("Save settings"))
        self.config_hint.setText(
            self.tr(
                "Booth file: %1. Values are checked before saving; most take effect at the next start."
            ).replace("%1", str(self.booth.config.source or self.tr("(built-in defaults)")))
        )

    def set_concealed(self, concealed: bool) -> None:
        self._concealed = concealed
        if concealed:
            self.frames.clear()
            self.users.setRowCount(0)
            for field in (self.new_pin, self.set_pin):
                field.clear()

    def refresh(self) -> None:
        if self._concealed:
            return
        self._fill_devices()
        self._fill_settings(self.booth.config)
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
            for col, text in enumerate(
                (officer.officer_id, officer.name, role_word(officer.role.value), state)
            ):
                self.users.setItem(row, col, QtWidgets.QTableWidgetItem(text))

    # --- users -----------------------------------------------------------------------------------

    def _selected_officer(self) -> str | None:
        row = self.users.currentRow()
        item = self.users.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    def _change(self, change: object, done: str, message: QtWidgets.QLabel, after: object = None) -> None:
        """Run an account or settings change on a worker; its answer (or its refusal) is shown."""

        def finished(result: object) -> None:
            message.setText(done)
            if callable(after):
                after(result)

        self.booth.tasks.run(change, finished, lambda exc: message.setText(str(exc)))  # type: ignore[arg-type]

    def _add_officer(self) -> None:
        session, auth = self.booth.session, self.booth.auth
        officer_id, name, pin = self.new_id.text().strip(), self.new_name.text().strip(), self.new_pin.text()
        role = self.new_role.currentData()
        if session is None or not officer_id or not name or not pin:
            self.users_message.setText(self.tr("Enter the officer ID, name, role and PIN."))
            return
        self.new_pin.clear()
        self._change(
            lambda: auth.add_officer(officer_id, name, role, pin, actor=session),
            self.tr("Officer %1 added.").replace("%1", officer_id),
            self.users_message,
            lambda _officer: self.refresh(),
        )

    def _set_pin(self) -> None:
        session, auth, officer_id, pin = (
            self.booth.session,
            self.booth.auth,
            self._selected_officer(),
            self.set_pin.text(),
        )
        if session is None or officer_id is None or not pin:
            self.users_message.setText(self.tr("Select an officer and type the new PIN."))
            return
        self.set_pin.clear()
        self._change(
            lambda: auth.set_pin(officer_id, pin, actor=session),
            self.tr("New PIN set for %1.").replace("%1", officer_id),
            self.users_message,
        )

    def _account(self, action: str) -> None:
        session, auth, officer_id = self.booth.session, self.booth.auth, self._selected_officer()
        if session is None or officer_id is None:
            self.users_message.setText(self.tr("Select an officer first."))
            return
        if action == "disable":
            if officer_id == session.officer_id:
                self.users_message.setText(self.tr("You cannot disable your own account."))
                return
            change, done = (
                lambda: auth.disable(officer_id, actor=session, reason="administration screen"),
                self.tr("%1 disabled.").replace("%1", officer_id),
            )
        else:
            change, done = (
                lambda: auth.unlock_account(officer_id, actor=session),
                self.tr("%1 re-enabled.").replace("%1", officer_id),
            )
        self._change(change, done, self.users_message, lambda _r: self.refresh())

    # --- booth settings ----------------------------------------------------------------------------

    def _fill_settings(self, config: Config) -> None:
        rows = setting_rows(config)
        self.settings.setRowCount(len(rows))
        self._shown = {}
        for index, row in enumerate(rows):
            for col, text in enumerate((row.key, row.text, row.description)):
                item = QtWidgets.QTableWidgetItem(text)
                if col != 1 or not row.editable:
                    item.setFlags(item.flags() & ~QtCore.Qt.ItemFlag.ItemIsEditable)
                self.settings.setItem(index, col, item)
            if row.editable:
                self._shown[row.key] = row.text
        self.settings.resizeColumnToContents(0)

    def edited_settings(self) -> dict[str, str]:
        """The values the administrator changed in the table."""
        changed = {}
        for row in range(self.settings.rowCount()):
            key, value = self.settings.item(row, 0), self.settings.item(row, 1)
            if (
                key is not None
                and value is not None
                and self._shown.get(key.text(), value.text()) != value.text()
            ):
                changed[key.text()] = value.text()
        return changed

    def _save_settings(self) -> None:
        session, changes = self.booth.session, self.edited_settings()
        if session is None:
            return
        if not changes:
            self.config_message.setText(self.tr("Nothing changed."))
            return
        config, store = self.booth.config, self.booth.store

        def saved(updated: Config) -> None:
            # the running booth keeps the settings it started with (services read them once)
            self._fill_settings(updated)
            self.config_message.setText(
                self.tr("Saved %1 change(s) to %2 and recorded them in the audit trail.")
                .replace("%1", str(len(changes)))
                .replace("%2", str(updated.source))
            )

        def refused(exc: Exception) -> None:
            problems = exc.problems if isinstance(exc, ConfigError) else [str(exc)]
            self.config_message.setText(self.tr("Not saved: %1").replace("%1", "; ".join(problems)))

        self.config_message.setText(self.tr("Saving…"))
        self.booth.tasks.run(
            lambda: save_settings(config, changes, store=store, session=session), saved, refused
        )

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


def _pin_field() -> QtWidgets.QLineEdit:
    field = QtWidgets.QLineEdit()
    field.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    return field
