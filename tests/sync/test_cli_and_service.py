"""End to end through the commands a person runs: ``station central ...`` on the central host,
``station sync ...`` on the booth, and the station's SyncService wiring (screening lists, alerts,
audit-head receipts)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from station import audit
from station.cli import main
from station.config import Config
from station.store import Store
from station.sync_service import SyncService, link_settings, raise_alert, recent_alerts
from tests.helpers.central_server import CentralServer, TLSFiles

STATION = str(Path(sys.executable).with_name("station"))


def _station(*args: str) -> str:
    done = subprocess.run([STATION, *args], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def central_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, Path]]:
    """A central host set up with the station CLI: key pair, server started by `station central serve`."""
    home = tmp_path_factory.mktemp("host")
    tls = TLSFiles.make(home / "pki")
    assert "wrote" in _station("central", "keygen", "--out", str(home / "list"))
    server = CentralServer(home / "server", tls=tls, list_key=home / "list.key", via_station_cli=True).start()
    yield server, home
    server.stop()


def _booth_config(tmp_path: Path, server: CentralServer, home: Path, booth: str) -> Path:
    token = _station("central", "booths", "add", booth, "--db", server.db).strip()
    assert server.tls is not None
    config = tmp_path / f"{booth}.toml"
    config.write_text(
        f'[booth]\nbooth_id = "{booth}"\n'
        f'[store]\npath = "{booth}.sqlite"\n'
        f'[central]\nurl = "{server.url}"\ntoken = "{token}"\nca_file = "{server.tls.ca_file}"\n'
        f'list_public_key = "{home / "list.pub"}"\n'
    )
    return config


def test_a_booth_syncs_with_the_station_commands(
    tmp_path: Path, central_host: tuple[CentralServer, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, home = central_host
    persons = tmp_path / "persons.json"
    persons.write_text(
        json.dumps(
            [
                {
                    "id": "P1",
                    "surname": "QUESTED",
                    "given_names": "ANNA",
                    "nationality": "UTO",
                    "birth_date": "1980-02-03",
                    "reason": "test",
                    "action": "refer",
                }
            ]
        )
    )
    out = _station(
        "central", "publish", "persons", str(persons), "--key", str(home / "list.key"), "--db", server.db
    )
    assert "published persons list version 1 (1 records) for every booth" in out
    config = _booth_config(tmp_path, server, home, "CLI1")
    store = Store.open(tmp_path / "CLI1.sqlite")
    record_id = store.append("inspection", {"n": 1})
    with store.transaction() as conn:
        audit.append(conn, "officer-1", audit.Action.SCAN, record_id)
    store.close()

    assert main(["sync", "status", "--config", str(config), "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["backlog"] == 1 and before["last_success"] is None

    assert main(["sync", "now", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "sent 1 record(s)" in out and "persons v1" in out  # the audit head goes by its own endpoint
    assert record_id in server.event_ids("CLI1")

    assert main(["sync", "status", "--config", str(config)]) == 0
    text = capsys.readouterr().out
    assert "backlog:        0 record(s)" in text and "list persons: version 1" in text
    assert "audit head:     entry 1 received by the central side" in text
    with sqlite3.connect(tmp_path / "CLI1.sqlite") as conn:
        assert conn.execute("SELECT surname FROM screening_persons").fetchall() == [("QUESTED",)]
        receipt = json.loads(
            conn.execute("SELECT value FROM sync_status WHERE key = 'audit_receipt'").fetchone()[0]
        )
    assert receipt["booth"] == "CLI1" and receipt["seq"] == 1 and receipt["signature"]


def test_sync_now_without_a_central_url_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "offline.toml"
    config.write_text('[store]\npath = "offline.sqlite"\n')
    assert main(["sync", "now", "--config", str(config)]) == 2
    assert "no central URL is configured" in capsys.readouterr().err


def test_sync_now_with_the_server_down_keeps_the_records(
    tmp_path: Path, central_host: tuple[CentralServer, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, home = central_host
    config = _booth_config(tmp_path, server, home, "CLI2")
    text = config.read_text().replace(server.url, "https://127.0.0.1:9")  # nothing listens on port 9
    config.write_text(text)
    store = Store.open(tmp_path / "CLI2.sqlite")
    store.append("inspection", {"n": 1})
    store.close()
    assert main(["sync", "now", "--config", str(config)]) == 1
    assert "nothing is lost" in capsys.readouterr().err
    assert main(["sync", "status", "--config", str(config), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["backlog"] == 1 and "cannot reach" in status["last_error"]


def test_an_alert_raised_at_one_booth_reaches_the_other_through_the_service(
    tmp_path: Path, central_host: tuple[CentralServer, Path]
) -> None:
    server, home = central_host
    service_a = SyncService(Config.load(_booth_config(tmp_path, server, home, "SVC-A")))
    service_b = SyncService(Config.load(_booth_config(tmp_path, server, home, "SVC-B")))
    try:
        store = Store.open(service_a.db_path)
        alert_id = raise_alert(
            store, "second_line_verdict", {"verdict": "counterfeit", "document_number": "ZX9"}
        )
        store.close()
        service_a.run_once()
        assert service_a.status().backlog == 0
        report = service_b.run_once()
        assert any(item.startswith("alerts v") for item in report.lists_applied)
        with sqlite3.connect(service_b.db_path) as conn:
            alerts = recent_alerts(conn)
        assert [a["event_id"] for a in alerts if a["origin_booth"] == "SVC-A"] == [alert_id]
        assert alerts[0]["alert"]["body"]["verdict"] == "counterfeit"
    finally:
        service_a.stop()
        service_b.stop()


def test_requeue_puts_rejected_records_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "booth.sqlite"
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO outbox (event_id, kind, payload, created_at, state)"
            " VALUES ('e1', 'x', '{}', 't', 'rejected')"
        )
    assert main(["sync", "requeue", "--db", str(db)]) == 0
    assert "1 rejected record(s) queued again" in capsys.readouterr().out
    assert main(["sync", "status", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backlog"] == 1


def test_central_commands_report_operator_errors_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            STATION,
            "central",
            "publish",
            "persons",
            str(tmp_path / "missing.json"),
            "--key",
            str(tmp_path / "no.key"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().startswith("station: cannot read key") and "Traceback" not in done.stderr


def test_a_revoked_booth_is_refused(
    tmp_path: Path, central_host: tuple[CentralServer, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, home = central_host
    config = _booth_config(tmp_path, server, home, "GONE")
    assert "token revoked" in _station("central", "booths", "revoke", "GONE", "--db", server.db)
    store = Store.open(tmp_path / "GONE.sqlite")
    store.append("inspection", {"n": 1})
    store.close()
    assert main(["sync", "now", "--config", str(config)]) == 1
    assert "refused this booth's credentials" in capsys.readouterr().err
    assert main(["sync", "status", "--config", str(config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backlog"] == 1


def test_the_service_worker_drains_in_the_background(
    tmp_path: Path, central_host: tuple[CentralServer, Path]
) -> None:
    server, home = central_host
    config = Config.load(_booth_config(tmp_path, server, home, "BG"))
    store = Store.open(config.store_path())
    service = SyncService(config, store=store, idle_interval=0.05)
    service.start()
    try:
        ids = [store.append("inspection", {"n": n}) for n in range(5)]
        service.sync_now()
        deadline = time.monotonic() + 30
        while service.status().backlog and time.monotonic() < deadline:
            time.sleep(0.05)
        assert service.status().backlog == 0
        assert server.event_ids("BG") == ids
    finally:
        service.stop()
        store.close()


def test_the_link_takes_its_limits_from_the_central_section() -> None:
    config = Config.from_mapping(
        {
            "central": {
                "url": "https://central.example.invalid",
                "connect_timeout": 2.0,
                "read_timeout": 9.0,
                "total_timeout": 40.0,
                "max_response_mb": 4,
            }
        }
    )
    link = link_settings(config)
    assert (link.timeouts.connect, link.timeouts.read, link.timeouts.total) == (2.0, 9.0, 40.0)
    assert link.max_response_bytes == 4 * 1024 * 1024
