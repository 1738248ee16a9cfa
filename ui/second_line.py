"""Second line: the referral queue and the examination workspace.

Keys: Enter takes the selected referral; F2 flicks the large view white -> IR -> UV; + and - zoom;
the loupe follows the mouse over the large view (4x). Ctrl+S records the verdict and the final
decision and writes the PDF report (stored with the examination and synced); Escape hands the
referral back to the queue.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from station.auth import Permission
from station.chip_read import fields_from_chip
from station.domain import DecisionKind, Examination, ExaminationVerdict, Inspection, Referral, Verdict
from station.pages import Zone, page_zone
from station.sync_service import raise_alert
from station.workflow import ReferralStatus
from ui import theme
from ui.booth import BoothController
from ui.codes import examination_verdict_word, field_name, queue_word, reason_choices, reason_label
from ui.i18n import fmt_time
from ui.qt import QtCore, QtGui, QtWidgets
from ui.report import REPORT_KIND, ReportInput, write_pdf
from ui.specimens import Specimen
from ui.specimens import load as load_specimen
from ui.widgets import ImageView, label, panel, to_qimage

Taken = tuple[Referral, Inspection, dict[str, np.ndarray], Specimen | None, dict[str, str] | None]
"""A referral taken: the case, its page images by light, the reference specimen, the chip's fields."""

LIGHTS = ("white", "ir", "uv")


def decode_images(blobs: dict[str, bytes]) -> dict[str, np.ndarray]:
    images = {}
    for name, data in blobs.items():
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is not None:
            images[name] = image
    return images


class LoupeView(QtWidgets.QLabel):
    """The large, zoomable view of one light; reports the image point under the mouse for the loupe.

    Signals:
        hovered(QPointF): image coordinates (pixels) under the mouse.
    """

    hovered = QtCore.Signal(QtCore.QPointF)

    def __init__(self, base_width: Callable[[], int]) -> None:
        super().__init__()
        self._base_width = base_width
        self.setMouseTracking(True)
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.image: np.ndarray | None = None
        self.zoom = 1.0

    def set_image(self, image: np.ndarray | None) -> None:
        self.image = image
        self._render()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(4.0, max(0.25, zoom))
        self._render()

    def _render(self) -> None:
        if self.image is None:
            self.setPixmap(QtGui.QPixmap())
            return
        pixmap = QtGui.QPixmap.fromImage(to_qimage(self.image))
        width = int(max(200, self._base_width()) * self.zoom)
        self.setPixmap(pixmap.scaledToWidth(width, QtCore.Qt.TransformationMode.SmoothTransformation))
        self.resize(self.pixmap().size())

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        pixmap = self.pixmap()
        if self.image is not None and not pixmap.isNull():
            scale = self.image.shape[1] / pixmap.width()
            offset_x = (self.width() - pixmap.width()) / 2
            offset_y = (self.height() - pixmap.height()) / 2
            pos = event.position()
            self.hovered.emit(QtCore.QPointF((pos.x() - offset_x) * scale, (pos.y() - offset_y) * scale))
        super().mouseMoveEvent(event)


class SecondLineScreen(QtWidgets.QWidget):
    """Signals:
    examined(object): an ``Examination`` was recorded (its report stored).
    """

    examined = QtCore.Signal(object)

    def __init__(self, booth: BoothController, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.booth = booth
        self.referral: Referral | None = None
        self.inspection: Inspection | None = None
        self.images: dict[str, np.ndarray] = {}
        self.reference: Specimen | None = None
        self.chip: dict[str, str] | None = None
        self.light = 0
        self._concealed = False
        self.last_report_id: str | None = None
        layout = QtWidgets.QHBoxLayout(self)
        # the queue
        queue_box = panel()
        queue_layout = QtWidgets.QVBoxLayout(queue_box)
        self.queue_title = label(name="title")
        self.queue = QtWidgets.QListWidget()
        self.queue.itemActivated.connect(lambda _item: self.take_selected())
        self.take_button = QtWidgets.QPushButton()
        self.take_button.clicked.connect(self.take_selected)
        self.refresh_button = QtWidgets.QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        queue_layout.addWidget(self.queue_title)
        queue_layout.addWidget(self.queue, 1)
        queue_layout.addWidget(self.take_button)
        queue_layout.addWidget(self.refresh_button)
        layout.addWidget(queue_box, 2)
        # the workspace
        self.workspace = QtWidgets.QWidget()
        work = QtWidgets.QVBoxLayout(self.workspace)
        self.case_title = label(name="value", wrap=True)
        work.addWidget(self.case_title)
        strip = QtWidgets.QHBoxLayout()
        self.thumbs = {light: ImageView(light.upper(), QtCore.QSize(160, 110)) for light in LIGHTS}
        for view in self.thumbs.values():
            strip.addWidget(view)
        self.loupe = QtWidgets.QLabel()
        self.loupe.setFixedSize(180, 180)
        self.loupe.setStyleSheet("border: 2px solid #1f4fa3; background: #e9ebef;")
        strip.addWidget(self.loupe)
        work.addLayout(strip)
        middle = QtWidgets.QHBoxLayout()
        self.scroller = QtWidgets.QScrollArea()
        self.big = LoupeView(lambda: self.scroller.viewport().width() - 4)
        self.big.hovered.connect(self._loupe_at)
        self.scroller.setWidget(self.big)
        self.scroller.setWidgetResizable(False)
        self.scroller.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        # the reference specimen under the large view, in the same light, at the same width
        pages = QtWidgets.QVBoxLayout()
        self.specimen = label(name="caption", wrap=True)
        self.specimen_view = ImageView("", QtCore.QSize(240, 170))
        pages.addWidget(self.scroller, 1)
        pages.addWidget(self.specimen)
        pages.addWidget(self.specimen_view, 1)
        middle.addLayout(pages, 5)
        side = QtWidgets.QVBoxLayout()
        self.data = QtWidgets.QTableWidget(0, 3)
        self.data.verticalHeader().setVisible(False)
        self.data.horizontalHeader().setStretchLastSection(True)
        self.data.setMinimumHeight(230)  # the MRZ beside the chip: every field readable without scrolling
        side.addWidget(self.data, 3)
        self.printed = ImageView("", QtCore.QSize(300, 70))
        self.printed.setMaximumHeight(100)
        side.addWidget(self.printed)
        self.checklist = QtWidgets.QListWidget()
        side.addWidget(self.checklist, 2)
        form = QtWidgets.QFormLayout()
        self.verdict = QtWidgets.QComboBox()
        self.final = QtWidgets.QComboBox()
        self.reason = QtWidgets.QComboBox()
        self.note = QtWidgets.QLineEdit()
        self.verdict_caption, self.final_caption = label(), label()
        self.reason_caption, self.note_caption = label(), label()
        form.addRow(self.verdict_caption, self.verdict)
        form.addRow(self.final_caption, self.final)
        form.addRow(self.reason_caption, self.reason)
        form.addRow(self.note_caption, self.note)
        side.addLayout(form)
        buttons = QtWidgets.QHBoxLayout()
        self.record_button = QtWidgets.QPushButton()
        self.record_button.clicked.connect(self.record)
        self.release_button = QtWidgets.QPushButton()
        self.release_button.clicked.connect(self.release)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.release_button)
        side.addLayout(buttons)
        self.message = label(name="caption", wrap=True)
        side.addWidget(self.message)
        middle.addLayout(side, 4)
        work.addLayout(middle, 1)
        layout.addWidget(self.workspace, 7)
        for key, slot in (
            ("F2", self.flick),
            ("+", lambda: self.big.set_zoom(self.big.zoom * 1.25)),
            ("-", lambda: self.big.set_zoom(self.big.zoom / 1.25)),
            ("Ctrl+S", self.record),
            ("Escape", self.release),
        ):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(key), self.workspace)
            shortcut.setContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.final.currentIndexChanged.connect(
            lambda _i: self.reason.setEnabled(self.final.currentData() == "refuse")
        )
        booth.action_failed.connect(self._failed)
        self.retranslate()
        self._show_case(None)

    def retranslate(self) -> None:
        self.queue_title.setText(self.tr("Referrals"))
        self.take_button.setText(self.tr("Take referral [Enter]"))
        self.refresh_button.setText(self.tr("Refresh queue"))
        self.record_button.setText(self.tr("Record verdict and report [Ctrl+S]"))
        self.release_button.setText(self.tr("Hand back [Esc]"))
        self.verdict_caption.setText(self.tr("Verdict"))
        self.final_caption.setText(self.tr("Final decision"))
        self.reason_caption.setText(self.tr("Refusal reason"))
        self.note_caption.setText(self.tr("Note"))
        self.printed.set_placeholder(self.tr("Printed data: no page image"))
        self.printed.setToolTip(self.tr("The printed data as scanned, to compare with the MRZ and the chip"))
        self.data.setHorizontalHeaderLabels([self.tr("Field"), self.tr("MRZ"), self.tr("Chip")])
        self._refill(self.verdict, [(examination_verdict_word(v), v.value) for v in ExaminationVerdict])
        self._refill(self.final, [(self.tr("admit"), "admit"), (self.tr("refuse"), "refuse")])
        self._refill(
            self.reason,
            [(f"{c} — {t}", c) for c, t in reason_choices(self.booth.config, "refusal_reasons")],
        )
        features = [
            self.tr("UV: paper dull, fluorescent pattern present"),
            self.tr("UV: pattern continues across the photo"),
            self.tr("IR: MRZ and printed data in IR-absorbing ink"),
            self.tr("IR: background artwork vanishes"),
            self.tr("Photo: no signs of substitution"),
            self.tr("Printed data agrees with the MRZ"),
            self.tr("Printing: intaglio/offset quality, no toner"),
            self.tr("Laminate and page intact"),
        ]
        checked = [self.checklist.item(i).checkState() for i in range(self.checklist.count())]
        self.checklist.clear()
        for i, text in enumerate(features):
            item = QtWidgets.QListWidgetItem(text)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(checked[i] if i < len(checked) else QtCore.Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self._show_case(self.inspection if not self._concealed else None)

    @staticmethod
    def _refill(box: QtWidgets.QComboBox, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        if current is not None:
            box.setCurrentIndex(max(0, box.findData(current)))

    # --- the queue ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.booth.session
        if session is None or not self.booth.can(Permission.EXAMINE):
            return
        self.booth.run(lambda: self.booth.workflow.referrals(session), self._fill_queue)

    def _fill_queue(self, statuses: list[ReferralStatus]) -> None:
        self.queue.clear()
        if self._concealed:
            return
        for status in statuses:
            r = status.referral
            holder = self.tr(" — held by %1").replace("%1", status.holder.officer_id) if status.holder else ""
            reason = reason_label(self.booth.config, r.reason)
            text = f"{fmt_time(r.at)}  {queue_word(r.queue)}  {reason}  {r.note}{holder}"
            item = QtWidgets.QListWidgetItem(text)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, r.referral_id)
            self.queue.addItem(item)
        if self.queue.count():
            open_id = self.referral.referral_id if self.referral else None
            rows = [i for i in range(self.queue.count()) if self._referral_id(i) == open_id]
            self.queue.setCurrentRow(rows[0] if rows else 0)
            if self.inspection is None:  # with a case open, the keys stay in the workspace
                self.queue.setFocus()

    def _referral_id(self, row: int) -> str:
        item = self.queue.item(row)
        return str(item.data(QtCore.Qt.ItemDataRole.UserRole)) if item is not None else ""

    def take_selected(self) -> None:
        item = self.queue.currentItem()
        session = self.booth.session
        if item is None or session is None:
            return
        referral_id = item.data(QtCore.Qt.ItemDataRole.UserRole)
        workflow, store = self.booth.workflow, self.booth.store

        def take() -> Taken:
            claim = workflow.take(session, referral_id)
            queued = {s.referral.referral_id: s.referral for s in workflow.referrals(session)}
            case = workflow.view_inspection(session, queued[claim.referral_id].inspection_id)
            referral, inspection = queued[claim.referral_id], case.inspection
            blobs = {}
            for name in store.images_of(inspection.inspection_id):
                if name in LIGHTS:
                    blobs[name] = store.image_bytes(inspection.inspection_id, name)
            document, fmt = inspection.document, str((inspection.mrz or {}).get("format") or "")
            reference = (
                load_specimen(document.issuing_state, document.document_code, fmt) if document else None
            )
            chip = fields_from_chip(workflow.chip_data(session, inspection.inspection_id))
            return referral, inspection, decode_images(blobs), reference, chip

        self.booth.run(take, self._taken, serial=True)

    def _taken(self, result: Taken) -> None:
        self.referral, self.inspection, self.images, self.reference, self.chip = result
        self.light = 0
        self._show_case(self.inspection)
        self.refresh()
        self.verdict.setFocus()

    # --- the workspace -----------------------------------------------------------------------------

    def _show_case(self, inspection: Inspection | None) -> None:
        on = inspection is not None and not self._concealed
        for widget in (
            self.record_button,
            self.release_button,
            self.verdict,
            self.final,
            self.note,
            self.checklist,
        ):
            widget.setEnabled(on)
        self.reason.setEnabled(on and self.final.currentData() == "refuse")
        self.data.setRowCount(0)
        if not on:
            self.case_title.setText(self.tr("Take a referral from the queue (Enter)."))
            for view in self.thumbs.values():
                view.clear_image()
            self.big.set_image(None)
            self.loupe.clear()
            self.specimen.setText("")
            self.specimen_view.clear_image()
            self.printed.clear_image()
            return
        assert inspection is not None
        referral = self.referral
        title = (
            self.tr("Referral: %1 — %2")
            .replace("%1", reason_label(self.booth.config, referral.reason) if referral else "")
            .replace("%2", referral.note if referral else "")
        )
        if inspection.traveller:
            title += f"\n{inspection.traveller.surname}, {inspection.traveller.given_names}"
        self.case_title.setText(title)
        for light, view in self.thumbs.items():
            view.set_image(self.images.get(light))
        self._show_data(inspection)
        document = inspection.document
        kind = f"{document.issuing_state} {document.document_code}" if document else "?"
        self.printed.set_image(
            page_zone(self.images.get("white"), document.mrz if document else None, Zone.VIZ)
        )
        if self.reference is None:
            self.specimen.setText(
                self.tr("Reference specimen for %1: none available at this booth.").replace("%1", kind)
            )
        else:
            self.specimen.setText(
                self.tr("Reference specimen %1 (synthetic), in the light of the large view:").replace(
                    "%1", self.reference.kind
                )
            )
        self._show_light()

    def _show_data(self, inspection: Inspection) -> None:
        """The MRZ beside the chip, field by field; a field where they differ is marked (colour, bold
        and a sign, never colour alone): one of the two was altered."""
        fields = dict((inspection.mrz or {}).get("fields", {}))
        chip = self.chip
        absent = self.tr("no chip read")
        self.data.setRowCount(len(fields))
        for row, (name, value) in enumerate(fields.items()):
            printed = str(value)
            chip_value = chip.get(name) if chip is not None else None
            differs = chip_value is not None and chip_value != printed
            shown = absent if chip is None else ("≠ " if differs else "") + (chip_value or "—")
            for col, text in enumerate((field_name(name), printed, shown)):
                item = QtWidgets.QTableWidgetItem(text)
                if differs:
                    item.setForeground(QtGui.QBrush(QtGui.QColor(theme.STATE_COLOURS["bad"])))
                    item.setBackground(QtGui.QBrush(QtGui.QColor(theme.VERDICT_STYLE[Verdict.STOP][1])))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("The chip and the MRZ differ in this field"))
                self.data.setItem(row, col, item)
        self.data.resizeColumnsToContents()

    def _show_light(self) -> None:
        light = LIGHTS[self.light]
        image = self.images.get(light)
        self.big.set_image(image)
        # the specimen follows the large view's light, so both show the same security feature
        if self.reference is None:
            self.specimen_view.set_placeholder("")
            self.specimen_view.clear_image()
        else:
            self.specimen_view.set_placeholder(self.tr("No specimen image in this light"))
            self.specimen_view.set_image(self.reference.images.get(light))
        if image is not None:  # the loupe starts on the MRZ, where forgers work
            self._loupe_at(QtCore.QPointF(image.shape[1] * 0.2, image.shape[0] * 0.9))
        for name, view in self.thumbs.items():
            view.setStyleSheet(
                "border: 3px solid #1f4fa3;" if name == light else "border: 1px solid #c9ced6;"
            )

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.big.set_zoom(self.big.zoom)  # the large view fits the new width

    def flick(self) -> None:
        self.light = (self.light + 1) % len(LIGHTS)
        self._show_light()

    def _loupe_at(self, point: QtCore.QPointF) -> None:
        image = self.big.image
        if image is None:
            return
        half = 30
        x = int(min(max(point.x(), half), image.shape[1] - half))
        y = int(min(max(point.y(), half), image.shape[0] - half))
        crop = np.ascontiguousarray(image[y - half : y + half, x - half : x + half])
        self.loupe.setPixmap(QtGui.QPixmap.fromImage(to_qimage(crop)).scaled(180, 180))

    def forget(self) -> None:
        """Logout: drop the open case from the workspace (the referral stays held by this examiner in
        the store, shown as such in the queue, until they take it up again or hand it back)."""
        self.referral = self.inspection = self.reference = None
        self.images = {}
        self.note.clear()
        self._show_case(None)

    def set_concealed(self, concealed: bool) -> None:
        self._concealed = concealed
        if concealed:
            self.queue.clear()
            self.note.clear()
            self._show_case(None)
        else:
            self._show_case(self.inspection)
            self.refresh()

    # --- verdict -----------------------------------------------------------------------------------

    def record(self) -> None:
        session, referral, inspection = self.booth.session, self.referral, self.inspection
        if session is None or referral is None or inspection is None:
            return
        verdict = ExaminationVerdict(self.verdict.currentData())
        final = DecisionKind(self.final.currentData())
        reason = self.reason.currentData() if final is DecisionKind.REFUSE else None
        note = self.note.text().strip()
        checklist = [
            (
                self.checklist.item(i).text(),
                self.checklist.item(i).checkState() == QtCore.Qt.CheckState.Checked,
            )
            for i in range(self.checklist.count())
        ]
        images = dict(self.images)
        rtl = self.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
        workflow, store = self.booth.workflow, self.booth.store

        def save() -> tuple[Examination, str]:
            examination = workflow.examine(
                session, referral.referral_id, verdict, final, reason_code=reason, note=note
            )
            pdf = write_pdf(ReportInput(inspection, examination, checklist, images, rtl))
            body = {
                "examination_id": examination.examination_id,
                "referral_id": referral.referral_id,
                "inspection_id": inspection.inspection_id,
                "verdict": verdict.value,
                "checklist": [{"feature": name, "checked": ok} for name, ok in checklist],
            }
            report_id = store.append(REPORT_KIND, body, images={"report": pdf})
            if verdict is not ExaminationVerdict.GENUINE:
                raise_alert(
                    store,
                    f"second-line verdict: {verdict.value}",
                    {
                        "examination_id": examination.examination_id,
                        "document": inspection.document.to_json() if inspection.document else None,
                    },
                )
            return examination, report_id

        self.message.setText(self.tr("Saving the verdict and writing the report…"))
        self.record_button.setEnabled(False)
        self.booth.run(save, self._recorded, serial=True)

    def _recorded(self, result: tuple[Examination, str]) -> None:
        examination, self.last_report_id = result
        self.referral = self.inspection = self.reference = None
        self.images = {}
        self._show_case(None)
        self.message.setText(self.tr("Verdict recorded; the report is stored and will be synced."))
        self.refresh()
        self.examined.emit(examination)

    def release(self) -> None:
        session, referral = self.booth.session, self.referral
        if session is None or referral is None:
            return
        self.booth.run(
            lambda: self.booth.workflow.release(session, referral.referral_id),
            lambda _c: self._released(),
            serial=True,
        )

    def _released(self) -> None:
        self.referral = self.inspection = self.reference = None
        self._show_case(None)
        self.refresh()

    def _failed(self, message: str) -> None:
        if self.isVisible():
            self.message.setText(message)
            self.record_button.setEnabled(self.inspection is not None)
