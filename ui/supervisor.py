"""Supervisor: booth and device health, the sync backlog with its progress, and charts of the shift.

The shift's figures are counted from the store on a worker (``shift_stats``); the charts (QtCharts)
are drawn on the GUI thread from those counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from station.health import Health
from station.store import Store
from ui.booth import BoothController
from ui.codes import device_reason
from ui.i18n import fmt_number
from ui.qt import QtCharts, QtCore, QtGui, QtWidgets
from ui.widgets import device_colour, device_word, label, panel

SHIFT_HOURS = 12


@dataclass
class ShiftStats:
    per_hour: Counter[int] = field(default_factory=Counter)
    decisions: Counter[str] = field(default_factory=Counter)
    referrals: int = 0
    hits: int = 0


def shift_stats(store: Store, now: dt.datetime) -> ShiftStats:
    """Travellers per hour, decisions, referrals and screening hits of the last ``SHIFT_HOURS`` (blocking)."""
    since = now - dt.timedelta(hours=SHIFT_HOURS)
    stats = ShiftStats()
    for record in store.records("inspection", since=since, current_only=True):
        stats.per_hour[dt.datetime.fromisoformat(record.created_at).astimezone().hour] += 1
        findings = record.body.get("findings", [])
        if any(f.get("code", "").endswith("_hit") and f.get("status") == "failed" for f in findings):
            stats.hits += 1
    for record in store.records("decision", since=since):
        stats.decisions[str(record.body.get("kind"))] += 1
    stats.referrals = len(store.records("referral", since=since))
    return stats


class SupervisorScreen(QtWidgets.QWidget):
    def __init__(self, booth: BoothController, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.booth = booth
        self._concealed = True
        self._stats = ShiftStats()
        layout = QtWidgets.QGridLayout(self)
        health_box = panel()
        health = QtWidgets.QVBoxLayout(health_box)
        self.health_title = label(name="title")
        self.devices = QtWidgets.QTableWidget(0, 3)
        self.devices.verticalHeader().setVisible(False)
        self.devices.horizontalHeader().setStretchLastSection(True)
        self.store_line = label(wrap=True)
        self.sync_line = label(wrap=True)
        self.backlog = QtWidgets.QProgressBar()
        self.sync_button = QtWidgets.QPushButton()
        self.sync_button.clicked.connect(self._sync_now)
        for widget in (
            self.health_title,
            self.devices,
            self.store_line,
            self.sync_line,
            self.backlog,
            self.sync_button,
        ):
            health.addWidget(widget)
        layout.addWidget(health_box, 0, 0, 2, 1)
        self.per_hour = QtCharts.QChartView()
        self.decisions = QtCharts.QChartView()
        for view in (self.per_hour, self.decisions):
            view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(420, 260)
        layout.addWidget(self.per_hour, 0, 1)
        layout.addWidget(self.decisions, 1, 1)
        layout.setColumnStretch(1, 2)
        layout.setColumnStretch(0, 1)
        booth.health.connect(self._health)
        booth.device_status.connect(lambda _s: self._devices())
        self.retranslate()

    def retranslate(self) -> None:
        self.health_title.setText(self.tr("Booth health"))
        self.sync_button.setText(self.tr("Sync now"))
        self.devices.setHorizontalHeaderLabels([self.tr("Device"), self.tr("State"), self.tr("Reason")])
        self._draw()

    def refresh(self) -> None:
        if self._concealed:
            return
        self.booth.poll_health()
        store, now = self.booth.store, dt.datetime.now(dt.UTC)
        self.booth.run(lambda: shift_stats(store, now), self._got_stats)

    def set_concealed(self, concealed: bool) -> None:
        self._concealed = concealed

    def _got_stats(self, stats: ShiftStats) -> None:
        self._stats = stats
        self._draw()

    def _devices(self) -> None:
        statuses = list(self.booth.statuses.values())
        self.devices.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            for col, text in enumerate(
                (status.source, device_word(status.state), device_reason(status.reason))
            ):
                item = QtWidgets.QTableWidgetItem(text)
                item.setForeground(QtGui.QBrush(QtGui.QColor(device_colour(status.state))))
                self.devices.setItem(row, col, item)

    def _sync_now(self) -> None:
        if self.booth.sync is not None:
            self.booth.run(self.booth.sync.sync_now, lambda _r: self.booth.poll_health())

    @QtCore.Slot(object)
    def _health(self, health: Health) -> None:
        self._devices()
        self.store_line.setText(
            self.tr("Store: %1 MB free%2")
            .replace("%1", fmt_number(health.store_free_mb))
            .replace("%2", self.tr(" — LOW SPACE") if health.store_low else "")
        )
        total = health.pending + health.acked
        self.backlog.setRange(0, max(1, total))
        self.backlog.setValue(health.acked)
        self.backlog.setFormat(
            self.tr("%1 of %2 records synced")
            .replace("%1", fmt_number(health.acked))
            .replace("%2", fmt_number(total))
        )
        if not health.online:
            self.sync_line.setText(self.tr("Sync: this booth works offline (no central server configured)."))
        else:
            last = (health.sync.last_success if health.sync else None) or self.tr("never")
            text = (
                self.tr("Sync: %1 waiting, %2 files, %3 rejected; last success %4")
                .replace("%1", fmt_number(health.pending))
                .replace("%2", fmt_number(health.pending_files))
                .replace("%3", fmt_number(health.rejected))
                .replace("%4", str(last)[:19].replace("T", " "))
            )
            if health.sync_error:
                text += "\n" + self.tr("Last error: %1").replace("%1", health.sync_error)
            self.sync_line.setText(text)
        self.sync_button.setEnabled(health.online)

    def _draw(self) -> None:
        stats = self._stats
        hours = QtCharts.QBarSet(self.tr("Travellers"))
        now = dt.datetime.now().hour
        labels = []
        for back in range(SHIFT_HOURS - 1, -1, -1):
            hour = (now - back) % 24
            hours.append(stats.per_hour.get(hour, 0))
            labels.append(QtCore.QLocale().toString(QtCore.QTime(hour, 0), "HH"))
        self.per_hour.setChart(self._bar_chart(self.tr("Travellers per hour"), [hours], labels))
        words = {"admit": self.tr("admitted"), "refuse": self.tr("refused"), "refer": self.tr("referred")}
        series = QtCharts.QBarSet(self.tr("Shift"))
        names = [words["admit"], words["refuse"], words["refer"], self.tr("hits")]
        for value in (
            stats.decisions.get("admit", 0),
            stats.decisions.get("refuse", 0),
            stats.referrals,
            stats.hits,
        ):
            series.append(value)
        self.decisions.setChart(self._bar_chart(self.tr("Decisions, referrals and hits"), [series], names))

    def _bar_chart(self, title: str, sets: list, categories: list[str]) -> QtCharts.QChart:
        chart = QtCharts.QChart()
        chart.setTitle(title)
        series = QtCharts.QBarSeries()
        for bar_set in sets:
            series.append(bar_set)
        chart.addSeries(series)
        axis_x = QtCharts.QBarCategoryAxis()
        axis_x.append(categories)
        chart.addAxis(axis_x, QtCore.Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QtCharts.QValueAxis()
        top = max([1.0] + [bar_set.at(i) for bar_set in sets for i in range(bar_set.count())])
        axis_y.setRange(0, top)
        axis_y.setLabelFormat("%.0f")
        axis_y.setTickCount(min(6, int(top) + 1))
        chart.addAxis(axis_y, QtCore.Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setVisible(False)
        chart.setLocalizeNumbers(True)
        return chart
