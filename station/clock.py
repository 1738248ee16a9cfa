"""An injectable clock.

Sessions lock after minutes of inactivity, expire after hours, and retention deletes images after
days: tests must move time forward without sleeping or patching ``datetime``. Everything in the core
that needs "now" takes a ``Clock``; production passes ``SystemClock()``, tests a ``FakeClock``.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The machine's wall clock in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to; safe to read from several threads."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta | float) -> datetime:
        """Move forward by ``delta`` (a timedelta or seconds); returns the new time."""
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        if step < timedelta(0):
            raise ValueError("a clock does not run backwards")
        with self._lock:
            self._now += step
            return self._now

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("FakeClock needs timezone-aware times")
        with self._lock:
            self._now = when.astimezone(UTC)


def iso(when: datetime) -> str:
    """The one timestamp format the store and the audit log write (UTC, milliseconds)."""
    return when.astimezone(UTC).isoformat(timespec="milliseconds")
