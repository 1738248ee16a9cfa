"""``station devices`` and ``station sim``: the commands the README shows, run for real."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.cli import main
from tests.helpers.socat_pair import SocatPair

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[SocatPair]:
    ports = SocatPair(tmp_path)
    ports.start()
    yield ports
    ports.stop()


def station(*args: str) -> list[str]:
    return [sys.executable, "-m", "station", *args]


@pytest.mark.parametrize("protocol", ["plain", "desko", "rte"])
def test_devices_read_prints_what_the_simulator_sent(pair: SocatPair, protocol: str) -> None:
    read = subprocess.Popen(
        station("devices", "read", "--protocol", protocol, "--port", str(pair.a), "--count", "2", "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert read.stdout is not None
    first = json.loads(read.stdout.readline())  # the port is open before anything is sent
    assert first["event"] == "status" and first["state"] == "connected"
    sim = subprocess.run(
        station(
            "sim", "reader", "--protocol", protocol, "--port", str(pair.b), "--count", "2", "--seed", "5"
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    out, err = read.communicate(timeout=60)
    assert read.returncode == 0, err
    sent = [json.loads(line)["mrz"] for line in sim.stdout.splitlines()]
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["mrz"] for e in events if e["event"] == "scan"] == sent
    assert all(e["source"] == str(pair.a) and e["at"] for e in events)


def test_devices_read_times_out_cleanly_on_a_missing_port(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nope")
    status = main(
        [
            "devices",
            "read",
            "--protocol",
            "plain",
            "--port",
            missing,
            "--json",
            "--count",
            "1",
            "--timeout",
            "0.6",
        ]
    )
    out, err = capsys.readouterr()
    assert status == 3
    assert "timed out after 0.6 s with 0 of 1 scans" in err
    event = json.loads(out.splitlines()[0])
    assert (
        event["event"] == "status" and event["state"] == "disconnected" and "not available" in event["reason"]
    )


def test_devices_list_shows_configured_devices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    booth = tmp_path / "booth.toml"
    booth.write_text(
        '[[devices]]\nname = "reader"\nkind = "mrz_reader"\ndriver = "serial-rte"\nport = "/dev/ttyUSB0"\n'
        '[[devices]]\nname = "cam"\nkind = "camera"\ndriver = "camera"\nport = "0"\n',
        encoding="utf-8",
    )
    assert main(["devices", "list", "--config", str(booth), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    configured = [r for r in rows if r["configured"]]
    assert [(r["name"], r["driver"], r["port"]) for r in configured] == [
        ("reader", "serial-rte", "/dev/ttyUSB0"),
        ("cam", "camera", "0"),
    ]
    monkeypatch.setenv("STATION_CONFIG", str(tmp_path / "absent.toml"))
    assert main(["devices", "list"]) == 0
    assert "configured devices: none" in capsys.readouterr().out


def test_sim_reader_rejects_bad_bcc_without_rte(pair: SocatPair, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["sim", "reader", "--protocol", "plain", "--port", str(pair.b), "--fault", "bad-bcc"])
    assert status == 2
    assert "bad-bcc fault needs the rte protocol" in capsys.readouterr().err


def test_sim_reader_on_a_missing_port(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sim", "reader", "--protocol", "rte", "--port", str(tmp_path / "nope")]) == 2
    assert "cannot open" in capsys.readouterr().err
