"""A guard on the Qt binding itself: emitting a signal must not consume a reference to ``True``.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a reference, so every emit
(of any signal, connected or not) drops one; after a few thousand emits CPython deallocates ``True``
and aborts ("Fatal Python error: bool_dealloc"). A booth emits thousands of signals an hour, so the
station would die mid-shift. pyproject.toml pins PySide6 below 6.12; this test fails on any release
that brings the bug back, before it reaches a booth.
"""

from __future__ import annotations

import sys

from ui.qt import QtCore


class _Emitter(QtCore.QObject):
    plain = QtCore.Signal()
    carrying = QtCore.Signal(object)


def test_emitting_signals_keeps_the_references_to_true_and_false(qapp: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.carrying.connect(received.append)
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)

    for _ in range(500):
        emitter.plain.emit()
        emitter.carrying.emit(False)

    assert len(received) == 500
    received.clear()
    assert sys.getrefcount(True) >= before_true
    assert sys.getrefcount(False) >= before_false
