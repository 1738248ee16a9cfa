"""``station setup`` on a new booth against the real reference central server over HTTPS (127.0.0.1):
configuration written, registration checked, first administrator created; bad input refused with
nothing written."""

from __future__ import annotations

import io
import os
import select
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.auth import Role
from station.cli import main
from station.config import Config
from station.firstrun import admins
from station.store import Store
from tests.helpers.central_server import CentralServer, TLSFiles

PIN = "493817"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, TLSFiles]]:
    workdir = tmp_path_factory.mktemp("central")
    tls = TLSFiles.make(workdir / "pki")
    server = CentralServer(workdir / "server", tls=tls).start()
    try:
        yield server, tls
    finally:
        server.stop()


@pytest.fixture
def booth_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The booth account's home: platformdirs puts the config and the store under it."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("STATION_CONFIG", raising=False)
    return tmp_path


def _setup(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str = f"{PIN}\n") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["setup", *args])


def _token_file(directory: Path, token: str) -> Path:
    path = directory / "token.txt"
    path.write_text(token + "\n", encoding="utf-8")
    return path


def _registration(server: CentralServer, tls: TLSFiles, booth: str, directory: Path) -> list[str]:
    token = server.add_booth(booth)
    return [
        "--crossing-point",
        "ZZA",
        "--booth-id",
        booth,
        "--central-url",
        server.url,
        "--token-file",
        str(_token_file(directory, token)),
        "--ca-file",
        str(tls.ca_file),
        "--pin-stdin",
    ]


def test_first_run_registers_and_creates_the_admin(
    central: tuple[CentralServer, TLSFiles],
    booth_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, tls = central
    args = _registration(server, tls, "B07", booth_home)
    monkeypatch.chdir(tls.ca_file.parent)  # the CA named relative to where setup runs
    args[args.index("--ca-file") + 1] = tls.ca_file.name
    assert _setup(monkeypatch, args) == 0
    out = capsys.readouterr().out
    assert f"registered with {server.url}" in out

    path = booth_home / "config" / "border-station" / "booth.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600, "the file holds the booth's token"
    config = Config.load(path)
    assert (config.booth.crossing_point, config.booth.booth_id) == ("ZZA", "B07")
    assert config.central.url == server.url and config.central.token
    assert config.central.ca_file == str(tls.ca_file.resolve())
    assert config.store_path() == booth_home / "data" / "border-station" / "booth.sqlite"
    with Store.open(config.store_path()) as store:
        [admin] = admins(store, config)
    assert (admin.officer_id, admin.role) == ("admin", Role.ADMIN)

    # the written configuration is what the booth syncs with: token and CA work end to end
    assert main(["sync", "now"]) == 0, capsys.readouterr().err


def test_second_run_keeps_the_admin_and_takes_a_new_token(
    central: tuple[CentralServer, TLSFiles],
    booth_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, tls = central
    assert _setup(monkeypatch, _registration(server, tls, "B08", booth_home)) == 0
    path = booth_home / "config" / "border-station" / "booth.toml"
    first_token = Config.load(path).central.token
    capsys.readouterr()

    new_token = server.add_booth("B08")  # the operator re-issues the token: the old one stops working
    assert _setup(monkeypatch, ["--token-file", str(_token_file(booth_home, new_token))], stdin="") == 0
    out = capsys.readouterr().out
    assert "administrator admin exists" in out and "previous file kept" in out
    config = Config.load(path)
    assert config.central.token == new_token != first_token
    assert config.booth.booth_id == "B08", "what was not given is kept from the file"
    assert Config.load(path.with_name("booth.toml.bak")).central.token == first_token


def _nothing_written(booth_home: Path) -> None:
    assert not (booth_home / "config").exists()
    assert not (booth_home / "data").exists()


def test_wrong_token_is_refused_and_nothing_written(
    central: tuple[CentralServer, TLSFiles],
    booth_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, tls = central
    args = _registration(server, tls, "B09", booth_home)
    _token_file(booth_home, "not-the-token")
    assert _setup(monkeypatch, args) == 1
    assert "refused this booth's credentials (HTTP 401)" in capsys.readouterr().err
    _nothing_written(booth_home)


def test_wrong_ca_is_a_tls_error(
    central: tuple[CentralServer, TLSFiles],
    booth_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, tls = central
    args = _registration(server, tls, "B10", booth_home)
    other = TLSFiles.make(booth_home / "other-pki")
    args[args.index("--ca-file") + 1] = str(other.ca_file)
    assert _setup(monkeypatch, args) == 1
    assert "secure connection to the central server failed" in capsys.readouterr().err
    _nothing_written(booth_home)


def test_unreachable_server(
    booth_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        args = ["--crossing-point", "ZZA", "--booth-id", "B11", "--central-url", f"http://127.0.0.1:{port}"]
        args += ["--token-file", str(_token_file(booth_home, "token")), "--pin-stdin"]
        assert _setup(monkeypatch, args) == 1
    assert "cannot reach the central server" in capsys.readouterr().err
    _nothing_written(booth_home)


def test_weak_pin_creates_nothing_and_writes_no_config(
    booth_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--crossing-point", "ZZA", "--booth-id", "B12", "--offline", "--pin-stdin"]
    assert _setup(monkeypatch, args, stdin="12\n") == 1
    assert "administrator not created" in capsys.readouterr().err
    assert not (booth_home / "config").exists()


def test_offline_booth(
    booth_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config_path = booth_home / "elsewhere" / "booth.toml"
    args = ["--config", str(config_path), "--crossing-point", "ZZA", "--booth-id", "B13", "--offline"]
    assert _setup(monkeypatch, [*args, "--direction", "exit", "--lane", "4", "--pin-stdin"]) == 0
    config = Config.load(config_path)
    assert config.central.url == "" and (config.booth.direction, config.booth.lane) == ("exit", "4")
    assert "registered" not in capsys.readouterr().out


def test_without_a_terminal_the_booth_id_must_be_given(
    booth_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _setup(monkeypatch, ["--crossing-point", "ZZA", "--offline"]) == 1
    assert "booth id is required" in capsys.readouterr().err
    _nothing_written(booth_home)


def test_a_central_url_without_a_token_is_refused(
    booth_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--crossing-point", "ZZA", "--booth-id", "B14", "--central-url", "https://central.example"]
    assert _setup(monkeypatch, args) == 1
    assert "needs the booth's token: --token-file" in capsys.readouterr().err
    _nothing_written(booth_home)


def test_environment_config_path_is_used(booth_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = booth_home / "by-env.toml"
    monkeypatch.setenv("STATION_CONFIG", str(target))
    assert (
        _setup(monkeypatch, ["--crossing-point", "ZZA", "--booth-id", "B15", "--offline", "--pin-stdin"]) == 0
    )
    assert Config.load(target).booth.booth_id == "B15"
    assert os.stat(target).st_size > 0


def _read_until(fd: int, text: str, seen: bytearray, timeout: float = 60.0) -> None:
    """Read the terminal's output until ``text`` appears (the process is waiting for an answer)."""
    deadline = time.monotonic() + timeout
    while text.encode() not in seen:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(0.0, left))
        if not ready:
            raise AssertionError(f"no {text!r} on the terminal; got {seen.decode(errors='replace')!r}")
        try:
            seen += os.read(fd, 4096)
        except OSError:  # the terminal closed: the process ended
            raise AssertionError(f"ended before {text!r}: {seen.decode(errors='replace')!r}") from None


def test_interactive_first_run_on_a_terminal(tmp_path: Path) -> None:
    """Asked on a real pseudo-terminal, as an installer at the booth would be; the PIN is not echoed."""
    config_path = tmp_path / "booth.toml"
    master, slave = os.openpty()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "station", "setup", "--config", str(config_path), "--offline"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # no controlling terminal: getpass uses the pseudo-terminal on stdin
    )
    os.close(slave)
    seen = bytearray()
    try:
        for prompt, answer in (
            ("Crossing point code [DEMO]: ", "ZZB"),
            ("Booth ID [B01]: ", "B21"),
            ("PIN for admin: ", PIN),
            ("Repeat the PIN: ", PIN),
        ):
            _read_until(master, prompt, seen)
            os.write(master, f"{answer}\n".encode())
        _read_until(master, "configuration written to", seen)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    assert PIN not in seen.decode(errors="replace"), "the PIN was echoed"
    assert Config.load(config_path).booth.booth_id == "B21"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\n", "the booth token is empty"), (b"\xff\xfe\x00token", "cannot read the token file")],
    ids=["empty", "not-text"],
)
def test_unusable_token_file(
    booth_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    reason: str,
) -> None:
    token_file = booth_home / "token.txt"
    token_file.write_bytes(content)
    args = ["--crossing-point", "ZZA", "--booth-id", "B16", "--central-url", "https://central.example"]
    assert _setup(monkeypatch, [*args, "--token-file", str(token_file), "--pin-stdin"]) == 1
    assert reason in capsys.readouterr().err
    _nothing_written(booth_home)


def test_a_broken_config_file_is_reported_not_overwritten(
    booth_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = booth_home / "booth.toml"
    path.write_text("[booth\nbooth_id = ", encoding="utf-8")
    args = ["--config", str(path), "--crossing-point", "ZZA", "--booth-id", "B17", "--offline", "--pin-stdin"]
    assert _setup(monkeypatch, args) == 2
    assert "is not valid TOML" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "[booth\nbooth_id = "
