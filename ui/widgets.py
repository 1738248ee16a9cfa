"""Widgets several screens share: images from numpy, the verdict panel, the device status strip."""

from __future__ import annotations

import numpy as np

from station.devices import DeviceState, DeviceStatus, Image
from station.domain import Assessment, Verdict
from station.findings import Finding, Status
from ui import theme
from ui.codes import device_reason, finding_text, finding_title, findings_catalogue
from ui.qt import QtCore, QtGui, QtWidgets


def to_qimage(image: Image) -> QtGui.QImage:
    """A deep-copied QImage of an OpenCV image (BGR or grey), safe after the array goes away."""
    array = np.ascontiguousarray(image)
    height, width = array.shape[:2]
    if array.ndim == 2:
        qimage = QtGui.QImage(
            array.data, width, height, array.strides[0], QtGui.QImage.Format.Format_Grayscale8
        )
    else:
        qimage = QtGui.QImage(array.data, width, height, array.strides[0], QtGui.QImage.Format.Format_BGR888)
    return qimage.copy()


def verdict_word(verdict: Verdict) -> str:
    return {
        Verdict.CLEAR: QtCore.QCoreApplication.translate("Verdict", "CLEAR"),
        Verdict.ATTENTION: QtCore.QCoreApplication.translate("Verdict", "ATTENTION"),
        Verdict.STOP: QtCore.QCoreApplication.translate("Verdict", "STOP"),
    }[verdict]


def status_word(status: Status) -> str:
    return {
        Status.PASSED: QtCore.QCoreApplication.translate("Verdict", "passed"),
        Status.FAILED: QtCore.QCoreApplication.translate("Verdict", "failed"),
        Status.NOT_CHECKED: QtCore.QCoreApplication.translate("Verdict", "not checked"),
    }[status]


def device_word(state: DeviceState) -> str:
    return {
        DeviceState.CONNECTED: QtCore.QCoreApplication.translate("Status", "ready"),
        DeviceState.READING: QtCore.QCoreApplication.translate("Status", "reading"),
        DeviceState.DISCONNECTED: QtCore.QCoreApplication.translate("Status", "disconnected"),
        DeviceState.ERROR: QtCore.QCoreApplication.translate("Status", "error"),
    }[state]


def device_colour(state: DeviceState) -> str:
    return {
        DeviceState.CONNECTED: theme.STATE_COLOURS["ok"],
        DeviceState.READING: theme.STATE_COLOURS["ok"],
        DeviceState.DISCONNECTED: theme.STATE_COLOURS["off"],
        DeviceState.ERROR: theme.STATE_COLOURS["bad"],
    }[state]


def panel(parent: QtWidgets.QWidget | None = None) -> QtWidgets.QFrame:
    frame = QtWidgets.QFrame(parent)
    frame.setObjectName("panel")
    return frame


def label(text: str = "", name: str = "", *, wrap: bool = False) -> QtWidgets.QLabel:
    widget = QtWidgets.QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


class ImageView(QtWidgets.QLabel):
    """A scaled image with a placeholder text when there is none."""

    def __init__(self, placeholder: str, size: QtCore.QSize, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._pixmap: QtGui.QPixmap | None = None
        self.setMinimumSize(size)
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(f"background: #e9ebef; border: 1px solid {theme.BORDER}; color: {theme.MUTED};")
        self.clear_image()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        if self._pixmap is None:
            self.setText(text)

    def set_image(self, image: Image | None) -> None:
        if image is None or image.size == 0:
            self.clear_image()
            return
        self._pixmap = QtGui.QPixmap.fromImage(to_qimage(image))
        self._rescale()

    def clear_image(self) -> None:
        self._pixmap = None
        self.setPixmap(QtGui.QPixmap())
        self.setText(self._placeholder)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap is not None:
            self.setPixmap(
                self._pixmap.scaled(
                    self.size() - QtCore.QSize(4, 4),
                    QtCore.Qt.AspectRatioMode.KeepAspectRatio,
                    QtCore.Qt.TransformationMode.SmoothTransformation,
                )
            )


class VerdictPanel(QtWidgets.QFrame):
    """The verdict in large type (colour, symbol AND word) and every finding that is not a plain pass,
    in plain words with its evidence; passed checks are listed below, quietly."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        layout = QtWidgets.QVBoxLayout(self)
        self.banner = QtWidgets.QLabel()
        self.banner.setObjectName("verdict")
        self.banner.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(72)
        self.findings = QtWidgets.QTreeWidget()
        self.findings.setColumnCount(2)
        self.findings.setHeaderHidden(True)
        self.findings.setWordWrap(True)
        self.findings.setRootIsDecorated(False)
        self.findings.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.banner)
        layout.addWidget(self.findings, 1)
        self.clear()

    def clear(self, text: str = "") -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"font-size: 20pt; color: {theme.MUTED}; background: #eceef1; border-radius: 6px; padding: 8px;"
        )
        self.findings.clear()

    def show_assessment(self, assessment: Assessment, findings: tuple[Finding, ...]) -> None:
        strong, soft, symbol = theme.VERDICT_STYLE[assessment.verdict]
        self.banner.setText(f"{symbol}  {verdict_word(assessment.verdict)}")
        self.banner.setStyleSheet(
            f"font-size: 30pt; font-weight: 700; color: {strong}; background: {soft};"
            f" border: 3px solid {strong}; border-radius: 6px; padding: 8px;"
        )
        self.findings.clear()
        catalogue = findings_catalogue()
        moved = {id(reason.finding): reason for reason in assessment.reasons}
        rest = [f for f in findings if id(f) not in moved]
        # what moved the verdict first, then what could not be checked, then the quiet passes
        ordered = [r.finding for r in assessment.reasons] + sorted(
            rest, key=lambda f: f.status is Status.PASSED
        )
        for finding in ordered:
            reason = moved.get(id(finding))
            verdict = reason.verdict if reason else Verdict.CLEAR
            strong, _, symbol = theme.VERDICT_STYLE[verdict]
            if finding.status is Status.NOT_CHECKED and reason is None:
                symbol, strong = "○", theme.MUTED
            item = QtWidgets.QTreeWidgetItem(
                [
                    f"{symbol} {finding_title(finding.code, catalogue)}",
                    f"{status_word(finding.status)} — {finding_text(finding, catalogue)}",
                ]
            )
            evidence = ", ".join(f"{k}: {v}" for k, v in finding.evidence.items() if not isinstance(v, dict))
            if evidence:
                item.setToolTip(1, evidence)
                child = QtWidgets.QTreeWidgetItem(["", evidence])
                child.setForeground(1, QtGui.QBrush(QtGui.QColor(theme.MUTED)))
                item.addChild(child)
            item.setForeground(0, QtGui.QBrush(QtGui.QColor(strong)))
            font = item.font(0)
            font.setBold(reason is not None)
            item.setFont(0, font)
            self.findings.addTopLevelItem(item)
            item.setExpanded(reason is not None)
            item.setToolTip(0, finding.message)  # the core's own words, as recorded
        self.findings.resizeColumnToContents(0)


class StatusStrip(QtWidgets.QFrame):
    """One line: each device's state, the sync backlog and the lists' freshness (word + colour)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._layout = QtWidgets.QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._devices: dict[str, QtWidgets.QLabel] = {}
        self.sync_label = QtWidgets.QLabel()
        self.lists_label = QtWidgets.QLabel()
        self._layout.addStretch(1)
        self._layout.addWidget(self.sync_label)
        self._layout.addWidget(self.lists_label)

    def set_device(self, status: DeviceStatus) -> None:
        widget = self._devices.get(status.source)
        if widget is None:
            widget = QtWidgets.QLabel()
            self._devices[status.source] = widget
            self._layout.insertWidget(len(self._devices) - 1, widget)
        colour = device_colour(status.state)
        word = device_word(status.state)
        widget.setText(f"● {status.source}: {word}")
        widget.setToolTip(device_reason(status.reason))
        widget.setStyleSheet(f"color: {colour}; font-weight: 600; padding: 0 8px;")

    def set_sync(self, backlog: int | None, error: str = "") -> None:
        if backlog is None:
            self.sync_label.setText(QtCore.QCoreApplication.translate("Status", "Sync: offline booth"))
            colour = theme.STATE_COLOURS["off"]
        else:
            self.sync_label.setText(
                QtCore.QCoreApplication.translate("Status", "Sync backlog: %1").replace(
                    "%1", QtCore.QLocale().toString(backlog)
                )
            )
            colour = theme.STATE_COLOURS["warn" if error or backlog > 100 else "ok"]
        self.sync_label.setToolTip(error)
        self.sync_label.setStyleSheet(f"color: {colour}; padding: 0 8px;")

    def set_lists(self, text: str, fresh: bool) -> None:
        self.lists_label.setText(text)
        colour = theme.STATE_COLOURS["ok" if fresh else "warn"]
        self.lists_label.setStyleSheet(f"color: {colour}; padding: 0 8px;")
