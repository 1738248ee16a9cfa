"""Primary inspection: the traveller beside the verdict, and the decision keys.

Keyboard first, and safe with a keyboard-wedge reader: the decision keys are function keys (F5-F10),
which never occur in an MRZ burst typed by the wedge, so a reader typing ``P<UTO...`` can never
trigger a decision. Each key is written on its button. A form (refuse, refer, protection, manual MRZ)
opens in place of the buttons: Enter confirms, Escape goes back.
"""

from __future__ import annotations

from station.chip_read import ChipProgress
from station.devices import DeviceState, DeviceStatus, DocumentScan, Image, Light
from station.domain import Inspection
from station.health import Health
from station.pages import Zone, page_zone
from station.workflow import suggested_protection_flags
from ui import theme
from ui.booth import BoothController, Current
from ui.codes import device_reason, finding_text, reason_choices
from ui.i18n import fmt_date, fmt_number
from ui.qt import QtCore, QtGui, QtWidgets
from ui.widgets import ImageView, StatusStrip, VerdictPanel, label, panel

DECISION_KEYS = {"admit": "F5", "refuse": "F6", "refer": "F7", "protect": "F8", "manual": "F9", "next": "F10"}


def photo_crop(scan: DocumentScan | None, mrz_text: str | None) -> Image | None:
    """The document photo: the photo zone of the white-light page."""
    if scan is None:
        return None
    return page_zone(scan.images.get(Light.WHITE), mrz_text, Zone.PHOTO)


class TravellerPanel(QtWidgets.QFrame):
    """The traveller's data as read from the MRZ, the document photo and the live photo."""

    FIELDS = (
        "surname",
        "given_names",
        "nationality",
        "birth_date",
        "sex",
        "document_number",
        "issuing_state",
        "expiry_date",
    )

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        outer = QtWidgets.QHBoxLayout(self)
        grid = QtWidgets.QGridLayout()
        self.captions: dict[str, QtWidgets.QLabel] = {}
        self.values: dict[str, QtWidgets.QLabel] = {}
        for row, name in enumerate(self.FIELDS):
            caption = label(name="caption")
            value = label(name="value")
            value.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[name] = caption
            self.values[name] = value
        grid.setColumnStretch(1, 1)
        self.mrz = label(name="mrz")
        self.mrz.setFont(theme.mono_font(10))
        self.mrz.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)
        grid.addWidget(self.mrz, len(self.FIELDS), 0, 1, 2)
        outer.addLayout(grid, 1)
        photos = QtWidgets.QVBoxLayout()
        self.document_photo = ImageView("", QtCore.QSize(150, 190))
        self.live_photo = ImageView("", QtCore.QSize(150, 190))
        self.document_caption = label(name="caption")
        self.live_caption = label(name="caption")
        for caption, view in (
            (self.document_caption, self.document_photo),
            (self.live_caption, self.live_photo),
        ):
            photos.addWidget(caption)
            photos.addWidget(view)
        outer.addLayout(photos)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        names = {
            "surname": self.tr("Surname"),
            "given_names": self.tr("Given names"),
            "nationality": self.tr("Nationality"),
            "birth_date": self.tr("Date of birth"),
            "sex": self.tr("Sex"),
            "document_number": self.tr("Document number"),
            "issuing_state": self.tr("Issuing state"),
            "expiry_date": self.tr("Date of expiry"),
        }
        for name, caption in self.captions.items():
            caption.setText(names[name])
        self.document_caption.setText(self.tr("Document photo"))
        self.live_caption.setText(self.tr("Live photo"))
        self.document_photo.set_placeholder(self.tr("No photo"))
        self.live_photo.set_placeholder(self.tr("No live camera"))

    def clear(self) -> None:
        for value in self.values.values():
            value.setText("—")
        self.mrz.setText("")
        self.document_photo.clear_image()
        self.live_photo.clear_image()

    def show_current(self, current: Current) -> None:
        inspection = current.inspection
        traveller, document = inspection.traveller, inspection.document
        values: dict[str, str] = dict.fromkeys(self.FIELDS, "—")
        if traveller is not None:
            values.update(
                surname=traveller.surname,
                given_names=traveller.given_names or "—",
                nationality=traveller.nationality,
                birth_date=fmt_date(traveller.birth_date),
                sex=traveller.sex,
            )
        if document is not None:
            values.update(
                document_number=document.document_number,
                issuing_state=document.issuing_state,
                expiry_date=fmt_date(document.expiry_date),
            )
        for name, value in values.items():
            self.values[name].setText(value)
        mrz_text = document.mrz if document is not None else None
        self.mrz.setText(mrz_text or self.tr("MRZ not read — press F9 to type it"))
        self.document_photo.set_image(photo_crop(current.scan, mrz_text))
        self.live_photo.set_image(current.live_photo)


class PrimaryScreen(QtWidgets.QWidget):
    """Signals:
    next_document(): the demo's "present the next document" key (F10) was pressed.
    """

    next_document = QtCore.Signal()

    def __init__(
        self, booth: BoothController, *, demo: bool = False, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.booth = booth
        self.demo = demo
        self._current: Current | None = None
        self._concealed = False
        layout = QtWidgets.QVBoxLayout(self)
        self.strip = StatusStrip()
        layout.addWidget(self.strip)
        self.chip_bar = QtWidgets.QProgressBar()
        self.chip_bar.setVisible(False)
        layout.addWidget(self.chip_bar)
        middle = QtWidgets.QHBoxLayout()
        self.traveller = TravellerPanel()
        self.verdict = VerdictPanel()
        middle.addWidget(self.traveller, 5)
        middle.addWidget(self.verdict, 6)
        layout.addLayout(middle, 1)
        self.hits = label(name="error", wrap=True)
        layout.addWidget(self.hits)
        self.forms = QtWidgets.QStackedWidget()
        self.forms.currentChanged.connect(self._fit_form)
        self.forms.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum)
        layout.addWidget(panel_with(self.forms))
        self.message = label(name="caption")
        layout.addWidget(self.message)
        self._build_buttons()
        self._build_reason_form()
        self._build_manual_form()
        self._fit_form(0)
        self.retranslate()
        self.show_ready()
        booth.inspection_ready.connect(self.show_current)
        booth.chip_progress.connect(self._chip_progress)
        booth.decision_saved.connect(self._saved)
        booth.action_failed.connect(self._failed)
        booth.device_status.connect(self.strip.set_device)
        booth.device_status.connect(self._device_problem)
        booth.health.connect(self._health)
        for status in booth.statuses.values():
            self.strip.set_device(status)

    # --- building ----------------------------------------------------------------------------------

    def _build_buttons(self) -> None:
        page = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(page)
        self.buttons: dict[str, QtWidgets.QPushButton] = {}
        for action in ("admit", "refuse", "refer", "protect", "manual", "next"):
            button = QtWidgets.QPushButton()
            button.setObjectName(action)
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, a=action: self.trigger(a))
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(DECISION_KEYS[action]), self)
            shortcut.setContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda a=action: self.trigger(a))
            row.addWidget(button)
            self.buttons[action] = button
        self.buttons["next"].setVisible(self.demo)
        self.forms.addWidget(page)

    def _build_reason_form(self) -> None:
        page = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(page)
        self.form_title = label(name="value")
        self.reason = QtWidgets.QComboBox()
        self.note = QtWidgets.QLineEdit()
        self.note.returnPressed.connect(self._confirm_form)
        self.reason_caption = label()
        self.note_caption = label()
        form.addRow(self.form_title)
        form.addRow(self.reason_caption, self.reason)
        form.addRow(self.note_caption, self.note)
        self.form_hint = label(name="caption")
        form.addRow(self.form_hint)
        self._form_action = ""
        self.forms.addWidget(page)
        for widget in (self.reason, self.note):
            back = QtGui.QShortcut(QtGui.QKeySequence("Escape"), widget)
            back.setContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
            back.activated.connect(self.show_buttons)
        confirm = QtGui.QShortcut(QtGui.QKeySequence("Return"), self.reason)
        confirm.setContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
        confirm.activated.connect(self._confirm_form)

    def _build_manual_form(self) -> None:
        page = QtWidgets.QWidget()
        form = QtWidgets.QVBoxLayout(page)
        self.manual_title = label(name="value")
        form.addWidget(self.manual_title)
        self.manual_lines = [QtWidgets.QLineEdit() for _ in range(3)]
        for line in self.manual_lines:
            line.setFont(theme.mono_font(12))
            line.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)
            line.setMaxLength(44)
            line.returnPressed.connect(self._confirm_manual)
            back = QtGui.QShortcut(QtGui.QKeySequence("Escape"), line)
            back.setContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
            back.activated.connect(self.show_buttons)
            form.addWidget(line)
        self.forms.addWidget(page)

    def retranslate(self) -> None:
        texts = {
            "admit": self.tr("Admit"),
            "refuse": self.tr("Refuse"),
            "refer": self.tr("Refer to second line"),
            "protect": self.tr("Protection"),
            "manual": self.tr("Type MRZ"),
            "next": self.tr("Next document (demo)"),
        }
        for action, button in self.buttons.items():
            button.setText(f"{texts[action]}  [{DECISION_KEYS[action]}]")
        self.note_caption.setText(self.tr("Note"))
        self.manual_title.setText(self.tr("Type the MRZ lines as printed, then Enter (Escape: back)"))
        self.traveller.retranslate()
        for status in self.booth.statuses.values():
            self.strip.set_device(status)
        self.booth.poll_health()
        if self._current is None:
            self.show_ready()

    # --- showing -----------------------------------------------------------------------------------

    def show_ready(self) -> None:
        self._current = None
        self.traveller.clear()
        self.verdict.clear(self.tr("Ready — present the next document"))
        self.hits.setText("")
        self.show_buttons()
        self._enable(False)

    @QtCore.Slot(object)
    def _chip_progress(self, progress: ChipProgress) -> None:
        """The chip is being read (DG2, the face, is the long one): the officer sees it is alive."""
        if self._concealed:
            return
        self.chip_bar.setRange(0, max(1, progress.total))
        self.chip_bar.setValue(min(progress.done, progress.total))
        self.chip_bar.setFormat(
            self.tr("Reading the chip: %1 — %2 of %3 KB")
            .replace("%1", progress.group)
            .replace("%2", fmt_number(round(progress.done / 1024, 1)))
            .replace("%3", fmt_number(round(progress.total / 1024, 1)))
        )
        self.chip_bar.setVisible(True)

    @QtCore.Slot(object)
    def show_current(self, current: Current) -> None:
        self._current = current
        self.chip_bar.setVisible(False)
        if self._concealed:
            return
        self._render()

    def _render(self) -> None:
        current = self._current
        if current is None:
            self.show_ready()
            return
        inspection = current.inspection
        self.traveller.show_current(current)
        self.verdict.show_assessment(inspection.assessment, inspection.findings)
        self.hits.setText(self._hit_text(inspection))
        self.message.setText("")
        self.show_buttons()
        self._enable(True)
        suggested = suggested_protection_flags(inspection, self.booth.config)
        if suggested:
            self.message.setText(self.tr("The holder is a minor: consider the protection referral (F8)."))

    def _hit_text(self, inspection: Inspection) -> str:
        lines = []
        for reason in inspection.assessment.reasons:
            finding = reason.finding
            if finding.code.startswith("screening.") and finding.status.value == "failed":
                lines.append(f"⚠ {finding_text(finding)}")
        return "\n".join(lines)

    @QtCore.Slot(object)
    def _device_problem(self, status: DeviceStatus) -> None:
        """A failed read says what to do (e.g. "scan unreadable — scan the document again")."""
        if status.state is DeviceState.ERROR and status.reason:
            self.message.setText(f"⚠ {status.source}: {device_reason(status.reason)}")

    @QtCore.Slot(object)
    def _health(self, health: Health) -> None:
        self.strip.set_sync(health.pending if health.online else None, health.sync_error)
        if health.lists:
            newest = max(str(v.get("applied_at") or "") for v in health.lists.values())
            stale = bool(health.sync and health.sync.lists_out_of_date)
            text = (
                self.tr("Lists: %1 loaded, newest %2")
                .replace("%1", fmt_number(len(health.lists)))
                .replace("%2", newest[:16].replace("T", " "))
            )
            self.strip.set_lists(text, not stale)
        else:
            self.strip.set_lists(self.tr("Lists: none loaded"), False)

    def forget(self) -> None:
        """Logout: drop the traveller on screen (the store keeps the undecided inspection)."""
        self._current = None
        self.show_ready()

    def set_concealed(self, concealed: bool) -> None:
        """Locked: no personal data anywhere in the widget tree; unlocked: show the traveller again."""
        self._concealed = concealed
        if concealed:
            self.chip_bar.setVisible(False)
            self.traveller.clear()
            self.verdict.clear("")
            self.hits.setText("")
            self.message.setText("")
            self.note.clear()
            for line in self.manual_lines:
                line.clear()
        else:
            self._render()

    def _enable(self, on: bool) -> None:
        for action in ("admit", "refuse", "refer", "protect"):
            self.buttons[action].setEnabled(on)

    def show_buttons(self) -> None:
        self.forms.setCurrentIndex(0)

    def _fit_form(self, index: int) -> None:
        """The decision area takes the height of the page shown, not of its tallest page."""
        ignored, preferred = QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        for i in range(self.forms.count()):
            policy = preferred if i == index else ignored
            page = self.forms.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.forms.adjustSize()

    # --- actions -----------------------------------------------------------------------------------

    def trigger(self, action: str) -> None:
        self.booth.touch()
        if action == "next":
            if self.demo:
                self.message.setText(self.tr("The scanner is reading the next document…"))
                self.next_document.emit()
            return
        if action == "manual":
            self.forms.setCurrentIndex(2)
            self.manual_lines[0].setFocus()
            return
        if self._current is None:
            return
        if action == "admit":
            self._save("admit")
        elif action in ("refuse", "refer", "protect"):
            self._open_form(action)

    def _open_form(self, action: str) -> None:
        self._form_action = action
        self.reason.clear()
        kind = {"refuse": "refusal_reasons", "refer": "referral_reasons", "protect": "protection_flags"}[
            action
        ]
        for code, text in reason_choices(self.booth.config, kind):
            self.reason.addItem(f"{code} — {text}", code)
        if action == "protect" and self._current is not None:
            suggested = suggested_protection_flags(self._current.inspection, self.booth.config)
            for code in suggested:
                self.reason.setCurrentIndex(max(0, self.reason.findData(code)))
        self.form_title.setText(
            {
                "refuse": self.tr("Refuse entry: choose the reason (Enter: confirm, Escape: back)"),
                "refer": self.tr("Refer to second line: reason and note (Enter: confirm, Escape: back)"),
                "protect": self.tr("Protection referral: the ground (Enter: confirm, Escape: back)"),
            }[action]
        )
        self.reason_caption.setText(self.tr("Reason") if action != "protect" else self.tr("Ground"))
        self.form_hint.setText("")
        self.note.clear()
        self.forms.setCurrentIndex(1)
        self.reason.setFocus()

    def _confirm_form(self) -> None:
        code = self.reason.currentData()
        note = self.note.text().strip()
        if self._form_action == "refuse":
            self._save("refuse", reason=code, note=note)
        elif self._form_action == "refer":
            if code == "OTHER" and not note:
                self.form_hint.setText(self.tr("Explain the referral in the note."))
                self.note.setFocus()
                return
            self._save("refer", reason=code, note=note)
        elif self._form_action == "protect":
            self._save("refer", note=note, flags=(code,))

    def _confirm_manual(self) -> None:
        lines = [line.text().strip().upper() for line in self.manual_lines if line.text().strip()]
        if len(lines) < 2:
            self.manual_lines[len(lines)].setFocus()
            return
        for line in self.manual_lines:
            line.clear()
        self.show_buttons()
        self.message.setText(self.tr("Checking the typed MRZ…"))
        self.booth.inspect_manual("\n".join(lines))

    def _save(self, kind: str, **kwargs: object) -> None:
        self._enable(False)
        self.show_buttons()
        self.message.setText(self.tr("Saving the decision…"))
        self.booth.decide(kind, **kwargs)  # type: ignore[arg-type]

    @QtCore.Slot(str)
    def _saved(self, kind: str) -> None:
        if self.booth.current is None:
            self.show_ready()
        else:  # the next traveller's document was read while the decision was being saved
            self.show_current(self.booth.current)
        words = {"admit": self.tr("admitted"), "refuse": self.tr("refused"), "refer": self.tr("referred")}
        self.message.setText(
            self.tr("Saved: %1. Ready for the next traveller.").replace("%1", words.get(kind, kind))
        )

    @QtCore.Slot(str)
    def _failed(self, message: str) -> None:
        self.chip_bar.setVisible(False)
        if self._current is not None:
            self._enable(True)
        self.message.setText(self.tr("Not saved: %1").replace("%1", message))


def panel_with(widget: QtWidgets.QWidget) -> QtWidgets.QFrame:
    frame = panel()
    frame.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum)
    layout = QtWidgets.QVBoxLayout(frame)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return frame
