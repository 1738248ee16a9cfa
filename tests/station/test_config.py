"""The booth configuration: declared once, validated with errors naming file, key and problem,
found by --config / $STATION_CONFIG / the platform dir, and the documented example kept in step."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.cli import main
from station.config import (
    SECTIONS,
    Config,
    ConfigError,
    DeviceSpec,
    default_config_path,
    render_example,
)

ROOT = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "booth.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_cover_every_section_of_the_brief() -> None:
    config = Config.defaults()
    names = {s.name for s in SECTIONS}
    assert names == {
        "booth",
        "central",
        "checks",
        "screening",
        "decisions",
        "retention",
        "store",
        "session",
        "face",
    }
    assert config.session.lock_minutes == 5 and config.session.max_hours == 12
    assert config.devices == ()
    assert "A" in config.decisions.refusal_reasons and "ASYLUM" in config.decisions.protection_flags
    for section in config.sections():
        for setting in type(section).settings():
            assert setting.description, f"{section.name}.{setting.name} has no description"


def test_a_full_file_loads_with_typed_values(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[booth]
crossing_point = "XYZ"
booth_id = "B07"
direction = "exit"
[store]
path = "data/booth.sqlite"
min_free_mb = 100
[checks]
expiry_warning_days = 30
ir_mrz_min_contrast = 1
[screening.weights]
name = 0.7
birth_date = 0.3
[[devices]]
name = "reader"
kind = "mrz_reader"
driver = "sim-serial"
port = "/dev/ttyUSB0"
baud = 9600
flow_control = "rtscts"
""",
    )
    config = Config.load(path)
    assert config.source == path
    assert (config.booth.crossing_point, config.booth.direction) == ("XYZ", "exit")
    assert config.store_path() == tmp_path / "data" / "booth.sqlite"
    assert config.checks.ir_mrz_min_contrast == 1.0 and isinstance(config.checks.ir_mrz_min_contrast, float)
    assert config.screening.weights == {"name": 0.7, "birth_date": 0.3}
    assert config.devices == (
        DeviceSpec("reader", "mrz_reader", "sim-serial", "/dev/ttyUSB0", 9600, {"flow_control": "rtscts"}),
    )
    assert config.session.lock_minutes == 5  # untouched sections keep their defaults


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "[booth]\ndirection = 'sideways'",
            "booth.direction: 'sideways' is not one of 'entry', 'exit', 'both'",
        ),
        ("[session]\nlock_minutes = '5'", "session.lock_minutes: expected an integer, got a string ('5')"),
        ("[session]\nlock_minutes = 0", "session.lock_minutes: 0 is below the minimum 1"),
        ("[session]\nlock_minute = 5", "session.lock_minute: unknown setting (did you mean 'lock_minutes'?)"),
        ("[sesion]\nlock_minutes = 5", "[sesion]: unknown section (did you mean 'session'?)"),
        ("[checks]\nir_mrz_min_contrast = 1.5", "checks.ir_mrz_min_contrast: 1.5 is above the maximum 1"),
        ("[screening]\nweights = { name = -1 }", "screening.weights: -1.0 is below the minimum 0"),
        (
            "[retention]\nbiometric_days = true",
            "retention.biometric_days: expected an integer, got a boolean",
        ),
        ("booth = 3", "booth: expected a [booth] table"),
        ("[[devices]]\nname = 'a'\nkind = 'camera'", "devices[0].driver: required, a non-empty string"),
        (
            "[[devices]]\nname='a'\nkind='c'\ndriver='d'\nbaud=-1",
            "devices[0].baud: expected a positive integer",
        ),
        (
            "[[devices]]\nname='a'\nkind='c'\ndriver='d'\n[[devices]]\nname='a'\nkind='c'\ndriver='d'",
            "devices[1].name: 'a' is used by another device",
        ),
        ("[booth\n", "is not valid TOML"),
        ("[central]\nurl = 'ftp://central'", "central.url: 'ftp://central' is not an http(s):// URL"),
    ],
)
def test_errors_name_the_file_the_key_and_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        Config.load(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "[session]\nlock_minutes = 'x'\nmax_hours = 99\n[face]\nthreshold = 'high'\n")
    with pytest.raises(ConfigError) as caught:
        Config.load(path)
    assert len(caught.value.problems) == 3


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        Config.load(tmp_path / "absent.toml")
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigError, match="not UTF-8"):
        Config.load(tmp_path / "bin.toml")


def test_the_file_is_found_by_environment_or_platform_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STATION_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_config_path() == tmp_path / "xdg" / "border-station" / "booth.toml"
    assert Config.load(None) == Config.defaults()  # no file: the demo defaults
    default_config_path().parent.mkdir(parents=True)
    default_config_path().write_text("[booth]\nbooth_id = 'B09'\n")
    assert Config.load(None).booth.booth_id == "B09"
    monkeypatch.setenv("STATION_CONFIG", str(_write(tmp_path, "[booth]\nbooth_id = 'B10'\n")))
    assert Config.load(None).booth.booth_id == "B10"


def test_effective_settings_round_trip_through_toml() -> None:
    config = Config.from_mapping(
        {
            "booth": {"lane": '7 "fast"'},
            "devices": [{"name": "cam", "kind": "camera", "driver": "sim", "port": 0}],
        }
    )
    again = Config.from_mapping(tomllib.loads(config.to_toml()))
    assert again == config


def test_the_example_file_is_generated_from_the_declarations_and_loads_to_the_defaults() -> None:
    example = ROOT / "resources" / "booth.example.toml"
    hint = f"regenerate it: station config example > {example}"
    assert example.read_text(encoding="utf-8") == render_example(), hint
    assert dataclasses.replace(Config.load(example), source=None) == Config.defaults()


@given(st.dictionaries(st.text(max_size=10), st.one_of(st.integers(), st.text(max_size=5), st.booleans())))
def test_garbage_sections_never_crash_the_loader(data: dict[str, object]) -> None:
    try:
        Config.from_mapping({"session": data, "store": data})
    except ConfigError as exc:
        assert exc.problems


def test_station_config_check_show_and_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path, "[booth]\nbooth_id = 'B02'\n")
    assert main(["config", "check", str(good)]) == 0
    assert capsys.readouterr().out.strip() == f"{good}: OK"
    bad = tmp_path / "bad.toml"
    bad.write_text("[session]\nlock_minutes = -3\n")
    assert main(["config", "check", str(bad)]) == 1
    assert f"{bad}: session.lock_minutes: -3 is below the minimum 1" in capsys.readouterr().err
    assert main(["config", "show", "--config", str(good)]) == 0
    shown = capsys.readouterr().out
    assert f"from: {good}" in shown and 'booth_id = "B02"' in shown
    assert main(["config", "show", "--config", str(bad)]) == 2
    assert "lock_minutes" in capsys.readouterr().err
    assert main(["config", "example"]) == 0
    assert capsys.readouterr().out == render_example()


def test_show_hides_the_token_unless_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "[central]\nurl = 'https://central.example/'\ntoken = 's3cret'\n")
    assert Config.load(path).central.url == "https://central.example"
    assert main(["config", "show", "--config", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "s3cret" not in shown and 'token = "<hidden>"' in shown
    assert main(["config", "show", "--config", str(path), "--show-secrets"]) == 0
    assert 'token = "s3cret"' in capsys.readouterr().out
