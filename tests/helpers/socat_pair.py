"""A pair of linked pseudo-terminals made by socat, which a test can "unplug" and "plug back in".

``socat pty,link=A pty,link=B`` makes two ptys wired together: a driver opens ``A``, a simulator
writes to ``B``. Killing socat makes both ports vanish the way a pulled USB-serial cable does;
starting it again brings ``A`` and ``B`` back (as new ptys behind the same link names).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest


class SocatPair:
    def __init__(self, folder: Path) -> None:
        if shutil.which("socat") is None:
            pytest.skip("socat is not installed (apt-get install socat)")
        self.a = folder / "A"
        self.b = folder / "B"
        self._log = folder / "socat.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._starts = 0

    def start(self) -> None:
        """Start socat and wait until it has made both ptys (its log says so once per start)."""
        assert self._process is None
        self._starts += 1
        with open(self._log, "ab") as log:
            self._process = subprocess.Popen(
                ["socat", "-d", "-d", f"pty,raw,echo=0,link={self.a}", f"pty,raw,echo=0,link={self.b}"],
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        deadline = time.monotonic() + 5
        while self._log.read_text(errors="replace").count("starting data transfer loop") < self._starts:
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise RuntimeError(f"socat did not start: {self._log.read_text()}")
            time.sleep(0.02)

    def unplug(self, *, hard: bool = True) -> None:
        """Make both ports vanish: SIGKILL (cable yanked) or SIGTERM (clean exit)."""
        assert self._process is not None
        if hard:
            self._process.kill()
        else:
            self._process.terminate()
        self._process.wait(timeout=5)
        self._process = None

    def plug(self) -> None:
        self.start()

    def stop(self) -> None:
        if self._process is not None:
            self.unplug(hard=False)
