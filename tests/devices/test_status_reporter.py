"""The drivers' shared status reporter: a status that changes nothing is not sent again (unless it
is news, like a second failed read), a good read clears an error quietly, a raising sink is logged."""

from __future__ import annotations

import pytest

from devices.base import StatusReporter
from devices.scan import DeviceEvent, DeviceState, DeviceStatus


def test_unchanged_statuses_are_sent_once_unless_repeated() -> None:
    seen: list[DeviceEvent] = []
    reporter = StatusReporter("reader", seen.append)
    assert reporter.set(DeviceState.CONNECTED) and not reporter.set(DeviceState.CONNECTED)
    failed = DeviceStatus("reader", DeviceState.ERROR, "read failed")
    assert reporter.emit(failed) and reporter.emit(failed, repeat=True)
    assert [(e.state, e.reason) for e in seen if isinstance(e, DeviceStatus)] == [
        (DeviceState.CONNECTED, ""),
        (DeviceState.ERROR, "read failed"),
        (DeviceState.ERROR, "read failed"),
    ]
    reporter.good_read()
    assert reporter.status().state is DeviceState.CONNECTED and len(seen) == 3


def test_a_sink_that_raises_is_logged_not_propagated(caplog: pytest.LogCaptureFixture) -> None:
    def broken(_event: DeviceEvent) -> None:
        raise RuntimeError("consumer bug")

    reporter = StatusReporter("scanner", broken)
    assert reporter.set(DeviceState.CONNECTED)
    assert reporter.status().state is DeviceState.CONNECTED
    assert "scanner: event sink failed" in caplog.text
