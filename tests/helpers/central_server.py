"""The reference central server as a real subprocess on 127.0.0.1, for sync tests and benchmarks.

``CentralServer.start()`` runs ``python -m sync.server serve --port 0 ...``, reads the bound port
from its first line of output, and waits until ``GET /v1/health`` answers. ``kill()`` is SIGKILL
(a crash), ``restart()`` starts it again on the same port, so booths keep their URL.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests
import trustme

from sync.server.storage import open_storage

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class TLSFiles:
    """A test PKI made with trustme: the CA booths pin, the server's chain and key, a booth client cert."""

    ca_file: Path
    server_cert: Path
    server_key: Path
    client_cert: Path  # certificate and key in one PEM

    @classmethod
    def make(cls, directory: Path, *, booth: str = "B01") -> TLSFiles:
        directory.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA()
        server = ca.issue_cert("127.0.0.1", "localhost")
        client = ca.issue_cert(f"{booth}.booths.example")
        files = cls(
            directory / "ca.pem", directory / "server.pem", directory / "server.key", directory / "client.pem"
        )
        ca.cert_pem.write_to_path(str(files.ca_file))
        server.private_key_pem.write_to_path(str(files.server_key))
        with files.server_cert.open("wb") as handle:
            for blob in server.cert_chain_pems:
                handle.write(blob.bytes())
        with files.client_cert.open("wb") as handle:
            handle.write(client.private_key_pem.bytes())
            for blob in client.cert_chain_pems:
                handle.write(blob.bytes())
        return files


class CentralServer:
    def __init__(
        self,
        workdir: Path,
        *,
        db: str | None = None,
        tls: TLSFiles | None = None,
        mutual_tls: bool = False,
        list_key: Path | None = None,
        faults: bool = False,
        env: dict[str, str] | None = None,
        via_station_cli: bool = False,
    ) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.db = db or str(workdir / "central.sqlite")
        self.tls = tls
        self.mutual_tls = mutual_tls
        self.list_key = list_key
        self.faults = faults
        self.extra_env = env or {}
        self.via_station_cli = via_station_cli
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._log_count = 0

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> CentralServer:
        program = (
            [str(Path(sys.executable).with_name("station")), "central"]
            if self.via_station_cli
            else [sys.executable, "-m", "sync.server"]
        )
        command = [*program, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db]
        if self.tls:
            command += ["--tls-cert", str(self.tls.server_cert), "--tls-key", str(self.tls.server_key)]
            if self.mutual_tls:
                command += ["--client-ca", str(self.tls.ca_file)]
        if self.list_key:
            command += ["--list-key", str(self.list_key)]
        env = {**os.environ, **self.extra_env, "PYTHONPATH": str(ROOT)}
        if self.faults:
            env["CENTRAL_TEST_FAULTS"] = "1"
        self._log_count += 1
        log = (self.workdir / f"server-{self._log_count}.log").open("wb")
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=log, env=env, cwd=self.workdir
        )
        log.close()
        self.port = self._read_port(timeout)
        self._wait_healthy(timeout)
        return self

    def _read_port(self, timeout: float) -> int:
        assert self.process is not None and self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline().decode() if ready else ""
        if "listening on" not in line:
            self.kill()
            raise RuntimeError(f"central server did not start: {line!r}; see {self.workdir}")
        return int(line.split()[4].rsplit(":", 1)[1])

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        verify: str | bool = str(self.tls.ca_file) if self.tls else True
        cert = str(self.tls.client_cert) if self.tls and self.mutual_tls else None
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"central server exited with {self.process.returncode}; see {self.workdir}"
                )
            try:
                if requests.get(f"{self.url}/v1/health", verify=verify, cert=cert, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError("central server did not become healthy in time")

    def kill(self) -> None:
        """SIGKILL: a crash, nothing flushed or closed."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self._close_pipe()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._close_pipe()

    def _close_pipe(self) -> None:
        if self.process and self.process.stdout:
            self.process.stdout.close()

    def restart(self) -> None:
        self.kill()
        self.start()

    def add_booth(self, booth_id: str) -> str:
        storage = open_storage(self.db)
        try:
            return storage.add_booth(booth_id)
        finally:
            storage.close()

    def event_ids(self, booth: str | None = None) -> list[str]:
        storage = open_storage(self.db)
        try:
            return storage.event_ids(booth)
        finally:
            storage.close()

    def set_faults(self, *, drop_event_replies: int) -> None:
        requests.post(
            f"{self.url}/v1/_test/faults", json={"drop_event_replies": drop_event_replies}, timeout=5
        )
