"""Fixtures for the store tests: a fresh booth store in ``tmp_path`` on a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station.clock import FakeClock
from station.store import Store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "booth.sqlite", clock=clock) as opened:
        yield opened
