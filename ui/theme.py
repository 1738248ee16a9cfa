"""The booth's look: calm, high contrast, large type for what matters, readable for a 12-hour shift.

Verdicts are never told by colour alone: each has a colour, a symbol and a word (see ``VERDICT_STYLE``).
Font families are named with fallbacks that render Arabic (Noto from ``fonts-noto-core``, then
DejaVu), so Qt never falls back to a font without Arabic shaping.
"""

from __future__ import annotations

from station.domain import Verdict
from ui.qt import QtGui

FONT_FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Sans Serif"]
MONO_FAMILIES = ["OCR-B", "OCRB", "Noto Sans Mono", "DejaVu Sans Mono", "Monospace"]
BASE_POINT_SIZE = 12

BACKGROUND = "#f4f5f7"
PANEL = "#ffffff"
TEXT = "#111418"
MUTED = "#4a5260"
BORDER = "#c9ced6"

VERDICT_STYLE: dict[Verdict, tuple[str, str, str]] = {
    Verdict.CLEAR: ("#1d6b35", "#e3f3e8", "✔"),
    Verdict.ATTENTION: ("#8a5a00", "#fff3d6", "▲"),
    Verdict.STOP: ("#a11a1a", "#fde4e4", "✖"),
}
"""verdict -> (strong colour, soft background, symbol)."""

STATE_COLOURS = {"ok": "#1d6b35", "warn": "#8a5a00", "bad": "#a11a1a", "off": "#6b7280"}


def app_font() -> QtGui.QFont:
    font = QtGui.QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(BASE_POINT_SIZE)
    return font


def mono_font(point_size: int = BASE_POINT_SIZE) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QtGui.QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font


STYLESHEET = f"""
QMainWindow, QWidget#screen {{ background: {BACKGROUND}; color: {TEXT}; }}
QFrame#panel {{ background: {PANEL}; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#title {{ font-size: 18pt; font-weight: 600; }}
QLabel#caption {{ color: {MUTED}; font-size: 10pt; }}
QLabel#value {{ font-size: 14pt; font-weight: 600; }}
QLabel#error {{ color: {STATE_COLOURS["bad"]}; font-weight: 600; }}
QPushButton {{ padding: 8px 14px; font-size: 12pt; border: 1px solid {BORDER}; border-radius: 4px;
  background: #eef0f3; }}
QPushButton:focus {{ border: 2px solid #1f4fa3; }}
QPushButton:disabled {{ color: #9aa1ab; }}
QPushButton#admit {{ background: #d7efdd; }}
QPushButton#refuse {{ background: #f9d9d9; }}
QPushButton#refer {{ background: #fbecc7; }}
QLineEdit, QComboBox, QPlainTextEdit {{ padding: 5px; font-size: 12pt; }}
QTabBar::tab {{ padding: 8px 18px; font-size: 12pt; }}
"""
