"""``station lists load`` and ``station screen`` on a real booth file, in process and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from station.cli import main

from .conftest import DOCUMENTS_CSV, PERSONS_CSV


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    (tmp_path / "persons.csv").write_text(PERSONS_CSV, encoding="utf-8")
    (tmp_path / "documents.json").write_text(
        json.dumps([{"number": "X1234567", "issuing_state": "IRN", "type": "P", "status": "lost"}]),
        encoding="utf-8",
    )
    path = str(tmp_path / "booth.sqlite")
    assert main(["lists", "load", "persons", str(tmp_path / "persons.csv"), "--db", path]) == 0
    assert main(["lists", "load", "documents", str(tmp_path / "documents.json"), "--db", path]) == 0
    out = capsys.readouterr().out
    assert "persons: 5 entries loaded" in out and "documents: 1 entries loaded" in out
    return path


def screen(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["screen", *args, "--json"]) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def test_screen_prints_person_and_document_hits(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = screen(
        capsys,
        "--surname",
        "EL HUSSEINI",
        "--given",
        "MOHD ABD AL RAHMAN",
        "--birth",
        "1980-05-01",
        "--nationality",
        "syr",
        "--doc",
        "XI234567",
        "--state",
        "IRN",
        "--db",
        db,
    )
    hits = result["hits"]
    assert isinstance(hits, list)
    assert [(h["kind"], h["id"]) for h in hits] == [("person", "P-AR-1"), ("document", "IRN/X1234567")]
    assert 0.85 <= hits[0]["score"] <= 1 and "MOHD = MOHAMMED" in hits[0]["explanation"]["summary"]
    assert hits[1]["explanation"]["needed_folding"] is True


def test_screen_without_hits(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert screen(capsys, "--surname", "DUPONT", "--given", "JEAN", "--db", db)["hits"] == []
    assert main(["screen", "--surname", "DUPONT", "--db", db]) == 0
    assert capsys.readouterr().out == "no hits\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doc", "X1"], "--doc needs --state"),
        ([], "give a name"),
        (["--surname", "X", "--birth", "1.2.1980"], "expected YYYY-MM-DD or YYYY"),
    ],
)
def test_screen_usage_errors(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["screen", *args, "--db", db]) == 2
    assert message in capsys.readouterr().err


def test_bad_file_loads_nothing(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "more.csv"
    bad.write_text(PERSONS_CSV + "P-9,DOE,JOHN,,31-12-1980,,,\n", encoding="utf-8")
    assert main(["lists", "load", "persons", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("station: ") and "more.csv:7: birth_date" in err and "nothing loaded" in err
    assert main(["lists", "show", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["persons"]["entries"] == 5


def test_subprocess_round_trip(tmp_path: Path) -> None:
    (tmp_path / "docs.csv").write_text(DOCUMENTS_CSV, encoding="utf-8")
    db = str(tmp_path / "b.sqlite")
    station = [sys.executable, "-m", "station"]
    subprocess.run(
        [*station, "lists", "load", "documents", str(tmp_path / "docs.csv"), "--db", db], check=True
    )
    out = subprocess.run(
        [*station, "screen", "--doc", "L8012345", "--state", "SYR", "--db", db, "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (hit,) = json.loads(out)["hits"]
    assert hit["id"] == "SYR/L8O12345" and hit["kind"] == "document"
