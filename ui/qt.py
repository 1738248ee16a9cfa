"""The one door to the Qt binding: every other module in ``ui`` imports Qt from here, so a change of
binding or a version workaround happens in one place."""

from PySide6 import QtCharts, QtCore, QtGui, QtWidgets

__all__ = ["QtCharts", "QtCore", "QtGui", "QtWidgets"]
