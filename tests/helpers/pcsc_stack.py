"""The real PC/SC stack fixture for chip tests (pcscd + vpcd + the virtual eMRTD); the stack itself
lives in ``devices.sim.emrtd.stack`` so the benchmark and the demo start it the same way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.sim.emrtd.stack import PcscStack, missing_parts, pcsc_stack

__all__ = ["PcscStack", "missing_parts", "pcsc_stack_fixture", "requires_pcsc_stack"]

requires_pcsc_stack = pytest.mark.skipif(
    bool(missing_parts()), reason=f"the real PC/SC stack needs {', '.join(missing_parts())}"
)


@pytest.fixture(scope="module", name="pcsc")
def pcsc_stack_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PcscStack]:
    """pcscd with the vpcd reader for one test module; stopped (with any card) afterwards."""
    with pcsc_stack(tmp_path_factory.mktemp("pcsc")) as running:
        yield running
