"""``station mrz parse`` and ``station demo``: exit codes, JSON shape, messages, several MRZs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from station.cli import main

SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
KEYS = {"mrz", "format", "valid", "fields", "checks", "corrections", "findings", "elapsed_ms"}
STATION = Path(sys.executable).with_name("station")


def _objects(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_parse_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mrz", "parse", "--today", "2010-01-01", SPECIMEN]) == 0
    out, err = capsys.readouterr()
    (obj,) = _objects(out)
    assert set(obj) == KEYS
    assert obj["format"] == "TD3"
    assert obj["valid"] is True
    assert obj["mrz"] == SPECIMEN
    assert obj["fields"]["surname"] == "ERIKSSON"  # type: ignore[index]
    assert err == ""


def test_parse_reads_several_mrzs_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{SPECIMEN}\n\n\n{TD2}\n"))
    assert main(["mrz", "parse", "-"]) == 0
    formats = [o["format"] for o in _objects(capsys.readouterr().out)]
    assert formats == ["TD3", "TD2"]


def test_failed_checks_still_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    tampered = SPECIMEN.replace("1204159", "1304159")
    assert main(["mrz", "parse", "--no-correct", tampered]) == 0
    (obj,) = _objects(capsys.readouterr().out)
    assert obj["valid"] is False
    assert obj["checks"]["expiry_date"] is False  # type: ignore[index]


def test_corrections_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    damaged = SPECIMEN.replace("7408122", "74O8122")
    assert main(["mrz", "parse", damaged]) == 0
    (obj,) = _objects(capsys.readouterr().out)
    assert obj["corrections"] == [{"line": 2, "position": 16, "from": "O", "to": "0", "field": "birth_date"}]


def test_not_an_mrz_exits_one_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mrz", "parse", "hello world"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("station: not an MRZ")
    assert "Traceback" not in err


def test_literal_backslash_n_gets_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mrz", "parse", SPECIMEN.replace("\n", "\\n")]) == 1
    assert "real newlines" in capsys.readouterr().err


def test_one_bad_block_among_good_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mrz", "parse", f"{SPECIMEN}\n\nNOT AN MRZ\n\n{TD2}"]) == 1
    out, err = capsys.readouterr()
    assert len(_objects(out)) == 2
    assert err.startswith("station: MRZ 2: not an MRZ")


def test_empty_input_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n \n"))
    assert main(["mrz", "parse"]) == 1
    assert (
        capsys.readouterr().err
        == "station: no MRZ text given (pass it as an argument or on standard input)\n"
    )


def test_subprocess_exit_codes_and_no_traceback() -> None:
    ok = subprocess.run(
        [str(STATION), "mrz", "parse", "-"],
        input=TD2,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["format"] == "TD2"
    bad = subprocess.run(
        [str(STATION), "mrz", "parse", "garbage\x7f<<<"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert "not an MRZ" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_bytes_that_are_not_utf8_are_a_clear_error() -> None:
    bad = subprocess.run(
        [str(STATION), "mrz", "parse", "-"],
        input=TD2.encode().replace(b"ERIKSSON", b"ERIK\xffSON"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 1
    assert b"is not an MRZ character" in bad.stderr
    assert b"Traceback" not in bad.stderr


def test_demo_walks_through_formats_and_quirks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--text", "--today", "2026-11-23", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "format TD3, VALID",
        "format TD1, VALID",
        "format FRENCH_ID, VALID",
        "format MRV_B, VALID",
        "mrz.long_document_number",
        "mrz.single_name",
        "mrz.filler_check_digit",
        "mrz.name_truncated",
        "corrected line",
        "mrz.correction_ambiguous",
        "NOT VALID",
        "D<<",
    ):
        assert expected in out, expected


def test_demo_is_deterministic_for_a_seed(capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo", "--text", "--today", "2026-11-23"])
    first = capsys.readouterr().out
    main(["demo", "--text", "--today", "2026-11-23"])
    assert capsys.readouterr().out == first
