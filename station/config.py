"""The booth's configuration: one TOML file, every setting declared once.

Each setting is declared exactly once below, in its section class, with its type, default and a
description (the shape of Electrum's ``ConfigVar`` and qutebrowser's ``configdata.yml``). From that
one declaration come: typed attribute access (``config.session.lock_minutes`` is an ``int`` for mypy),
validation on load with errors that name the file, the key and the problem, ``station config show``,
and the documented example ``resources/booth.example.toml`` (a test keeps it in step).

Where the file is: ``--config PATH`` on the command line, else ``$STATION_CONFIG``, else
``booth.toml`` in the platform's config directory (``platformdirs``); with none of them the
built-in defaults run the demo booth. Relative paths inside the file are relative to the file.
"""

from __future__ import annotations

import difflib
import os
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar, overload

import platformdirs

APP_NAME = "border-station"
CONFIG_FILE_NAME = "booth.toml"
CONFIG_ENV = "STATION_CONFIG"

T = TypeVar("T")


class ConfigError(Exception):
    """The booth's configuration cannot be used; the message names file, key and problem."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__("\n".join(f"{source}: {p}" for p in self.problems))


# --- value converters: each returns the typed value or raises ValueError with a reason -------------


def _as_str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {_describe(value)}")
    return value


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {_describe(value)}")
    return value


def _as_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {_describe(value)}")
    return float(value)


def _as_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_describe(value)}")
    return value


def _as_str_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of strings, got {_describe(value)}")
    return tuple(value)


def _as_str_map(value: Any) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError(f"expected a table of strings, got {_describe(value)}")
    return dict(value)


def _as_float_map(value: Any) -> Mapping[str, float]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a table of numbers, got {_describe(value)}")
    return {k: _as_float(v) for k, v in value.items()}


def _describe(value: Any) -> str:
    kind = {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "a list"}.get(
        type(value), "a table" if isinstance(value, dict) else type(value).__name__
    )
    return f"{kind} ({value!r})" if not isinstance(value, dict | list) else kind


class Setting(Generic[T]):
    """One declared setting: default, description and how a TOML value becomes a ``T``."""

    def __init__(
        self,
        default: T,
        description: str,
        convert: Callable[[Any], T],
        *,
        choices: Sequence[T] | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        secret: bool = False,
    ) -> None:
        self.default = default
        self.description = description
        self.convert = convert
        self.choices = tuple(choices) if choices is not None else None
        self.minimum = minimum
        self.maximum = maximum
        self.secret = secret
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Section, owner: type) -> T: ...
    def __get__(self, obj: Section | None, owner: type) -> Setting[T] | T:
        if obj is None:
            return self
        value: T = obj._values[self.name]
        return value

    def parse(self, raw: Any) -> T:
        value = self.convert(raw)
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise ValueError(f"{value!r} is not one of {allowed}")
        numbers = value.values() if isinstance(value, Mapping) else [value]
        for number in numbers:
            if isinstance(number, int | float) and not isinstance(number, bool):
                if self.minimum is not None and number < self.minimum:
                    raise ValueError(f"{number!r} is below the minimum {self.minimum:g}")
                if self.maximum is not None and number > self.maximum:
                    raise ValueError(f"{number!r} is above the maximum {self.maximum:g}")
        return value


def str_setting(
    default: str, description: str, *, choices: Sequence[str] | None = None, secret: bool = False
) -> Setting[str]:
    return Setting(default, description, _as_str, choices=choices, secret=secret)


def _as_url(value: Any) -> str:
    text = _as_str(value)
    if text and not text.startswith(("https://", "http://")):
        raise ValueError(f"{text!r} is not an http(s):// URL")
    return text.rstrip("/")


def int_setting(
    default: int, description: str, *, minimum: int | None = None, maximum: int | None = None
) -> Setting[int]:
    return Setting(default, description, _as_int, minimum=minimum, maximum=maximum)


def float_setting(
    default: float, description: str, *, minimum: float | None = None, maximum: float | None = None
) -> Setting[float]:
    return Setting(default, description, _as_float, minimum=minimum, maximum=maximum)


def bool_setting(default: bool, description: str) -> Setting[bool]:
    return Setting(default, description, _as_bool)


def list_setting(default: Sequence[str], description: str) -> Setting[tuple[str, ...]]:
    return Setting(tuple(default), description, _as_str_list)


def str_map_setting(default: Mapping[str, str], description: str) -> Setting[Mapping[str, str]]:
    return Setting(dict(default), description, _as_str_map)


def float_map_setting(
    default: Mapping[str, float], description: str, *, minimum: float | None = None
) -> Setting[Mapping[str, float]]:
    return Setting(dict(default), description, _as_float_map, minimum=minimum)


class Section:
    """A ``[table]`` of the booth file; subclasses declare their settings as class attributes."""

    name: ClassVar[str]
    title: ClassVar[str]

    def __init__(self, values: Mapping[str, Any] | None = None) -> None:
        self._values = {s.name: s.default for s in self.settings()}
        if values:
            self._values.update(values)

    @classmethod
    def settings(cls) -> list[Setting[Any]]:
        return [v for v in vars(cls).values() if isinstance(v, Setting)]

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Section) and type(other) is type(self) and self._values == other._values

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable inside: not hashable


class BoothSettings(Section):
    name = "booth"
    title = "Where this booth is"
    crossing_point = str_setting("DEMO", "Code of the border crossing point (as used by the central side).")
    booth_id = str_setting("B01", "This booth's identifier, unique within the crossing point.")
    direction = str_setting("entry", "Traffic this booth handles.", choices=("entry", "exit", "both"))
    lane = str_setting("1", "Lane label shown on screen and in records.")


class CentralSettings(Section):
    name = "central"
    title = "The central side this booth syncs with"
    url = Setting("", "Base URL of the central sync API (https://...); empty: work offline only.", _as_url)
    token = str_setting(
        "", "Booth token sent as a bearer credential when no client certificate is used.", secret=True
    )
    ca_file = str_setting(
        "", "PEM file of the CA that signs the central server's certificate; empty: system CAs."
    )
    client_cert = str_setting("", "PEM file with this booth's client certificate and key; empty: token only.")
    list_public_key = str_setting("", "PEM file of the Ed25519 key that signs watchlists and other lists.")
    connect_timeout = float_setting(5.0, "Seconds to wait for a connection to the central side.", minimum=0.1)
    read_timeout = float_setting(30.0, "Seconds to wait for the central side to answer.", minimum=0.1)
    total_timeout = float_setting(
        120.0,
        "Longest one request may take in all (a slow trickle of bytes is cut off after this).",
        minimum=1.0,
    )
    max_response_mb = int_setting(
        16,
        "Largest reply accepted from the central side (MB); a bigger one is refused.",
        minimum=1,
        maximum=1024,
    )
    batch_size = int_setting(100, "Outbox events sent per request.", minimum=1, maximum=10_000)
    sync_interval = float_setting(
        30.0,
        "Seconds between sync rounds while the link is up (after a failure the wait backs off instead).",
        minimum=1.0,
        maximum=3600.0,
    )


class ChecksSettings(Section):
    name = "checks"
    title = "Document checks and how findings become a verdict"
    expiry_warning_days = int_setting(
        90, "A document expiring within this many days gets a warning.", minimum=0, maximum=3650
    )
    minor_age = int_setting(18, "Holders younger than this are minors.", minimum=1, maximum=30)
    ir_mrz_min_contrast = float_setting(
        0.5,
        "Minimum ratio of the MRZ's ink contrast under infrared to that under white light; below it the"
        " MRZ ink vanishes in IR (a counterfeit sign).",
        minimum=0.0,
        maximum=1.0,
    )
    uv_max_paper_brightness = float_setting(
        0.35,
        "Largest share of the page background that may glow under UV; more means brightened office paper.",
        minimum=0.0,
        maximum=1.0,
    )
    uv_glow_level = float_setting(
        0.45,
        "Brightness (0..1 of full scale) from which a page background pixel counts as glowing under UV.",
        minimum=0.0,
        maximum=1.0,
    )
    uv_photo_pattern_ratio = float_setting(
        0.35,
        "Minimum ratio of the UV pattern's strength over the photo to that around it; below it the photo"
        " was likely substituted (the pattern does not cross it).",
        minimum=0.0,
        maximum=1.0,
    )
    viz_ir_min_ink_ratio = float_setting(
        0.5,
        "Minimum ratio of a printed date's ink under infrared to that under white light; below it the"
        " digits were redrawn in IR-transparent ink (an altered date).",
        minimum=0.0,
        maximum=1.0,
    )
    photo_min_coverage = float_setting(
        0.2,
        "Share of the photo zone that must hold image detail to count as a photo.",
        minimum=0.0,
        maximum=1.0,
    )
    fail_verdict = str_setting(
        "stop", "Verdict when any finding has severity fail.", choices=("clear", "attention", "stop")
    )
    warning_verdict = str_setting(
        "attention", "Verdict when the worst finding is a warning.", choices=("clear", "attention", "stop")
    )
    not_checked_verdict = str_setting(
        "clear",
        "Verdict when a check could not run (its input was missing) and nothing worse was found.",
        choices=("clear", "attention", "stop"),
    )
    stop_codes = list_setting(
        ("screening.person_hit", "screening.document_hit"),
        "Finding codes (or code prefixes ending in '.') that always give the verdict 'stop' when failed.",
    )


class ScreeningSettings(Section):
    name = "screening"
    title = "Watchlist and lost/stolen document screening"
    threshold = float_setting(
        0.85, "Score from which a watchlist candidate is shown as a hit.", minimum=0, maximum=1
    )
    weights = float_map_setting(
        {"name": 0.6, "birth_date": 0.25, "nationality": 0.1, "sex": 0.05},
        "Weight of each field in a candidate's score.",
        minimum=0.0,
    )
    name_floor = float_setting(
        0.8, "A candidate is a hit only when its name alone scores at least this.", minimum=0, maximum=1
    )
    candidates = int_setting(
        20, "Candidates taken from the name index for full scoring.", minimum=1, maximum=10_000
    )
    allowed_stay_days = int_setting(
        90, "Days of stay allowed before travel history flags an overstay.", minimum=1, maximum=3650
    )


class DecisionsSettings(Section):
    name = "decisions"
    title = "Reason codes an officer chooses from"
    refusal_reasons = str_map_setting(
        {
            "A": "No valid travel document",
            "B": "False, counterfeit or forged travel document",
            "C": "No valid visa or residence permit",
            "D": "False, counterfeit or forged visa or residence permit",
            "E": "No documents justifying the purpose and conditions of stay",
            "F": "Has already stayed the maximum authorised period",
            "G": "Insufficient means of subsistence",
            "H": "Alert issued for refusal of entry",
            "I": "Threat to public policy, internal security or public health",
        },
        "Refusal reason codes and their labels (code = label).",
    )
    referral_reasons = str_map_setting(
        {
            "DOC": "Document authenticity in doubt",
            "IDENTITY": "Identity or impostor doubt",
            "HIT": "Watchlist or lost/stolen document hit",
            "PURPOSE": "Purpose or conditions of stay unclear",
            "OTHER": "Other (explain in the note)",
        },
        "Reasons for a referral to second line (code = label).",
    )
    protection_flags = str_map_setting(
        {
            "ASYLUM": "Asylum or protection request",
            "UNACCOMPANIED_MINOR": "Unaccompanied or separated minor",
            "TRAFFICKING": "Signs of trafficking in human beings",
        },
        "Humanitarian/protection flags; they always route to the protection referral, never to a refusal.",
    )


class RetentionSettings(Section):
    name = "retention"
    title = "How long personal data stays on the booth"
    biometric_days = int_setting(
        30,
        "Days after which document images and live photos are deleted from the booth, once synced."
        " Images that are not yet acknowledged by the central side are never deleted.",
        minimum=0,
        maximum=3650,
    )


class StoreSettings(Section):
    name = "store"
    title = "The booth's local database"
    path = str_setting("", "SQLite file of this booth; empty: booth.sqlite in the platform's data directory.")
    min_free_mb = int_setting(
        500, "Warn the officer when the store's disk has less free space than this (MB).", minimum=0
    )


class SessionSettings(Section):
    name = "session"
    title = "Officer sessions and PIN lockout"
    lock_minutes = int_setting(
        5, "Lock the screen after this many minutes without activity.", minimum=1, maximum=240
    )
    max_hours = int_setting(12, "Force a new login after this many hours.", minimum=1, maximum=24)
    max_failures = int_setting(
        5, "Consecutive wrong PINs after which the account is locked.", minimum=1, maximum=100
    )
    lockout_minutes = int_setting(
        15, "How long an account stays locked after too many wrong PINs.", minimum=1, maximum=1440
    )
    min_pin_length = int_setting(6, "Shortest PIN accepted when one is set.", minimum=4, maximum=64)


class FaceSettings(Section):
    name = "face"
    title = "Face comparison of the live photo with the document photo"
    threshold = float_setting(
        0.6, "Similarity from which the live face is taken to match the document.", minimum=0, maximum=1
    )


SECTIONS: tuple[type[Section], ...] = (
    BoothSettings,
    CentralSettings,
    ChecksSettings,
    ScreeningSettings,
    DecisionsSettings,
    RetentionSettings,
    StoreSettings,
    SessionSettings,
    FaceSettings,
)


@dataclass(frozen=True)
class DeviceSpec:
    """One ``[[devices]]`` entry: a device model picked by driver name, with its port and options."""

    name: str
    kind: str
    driver: str
    port: str = ""
    baud: int | None = None
    options: Mapping[str, Any] = field(default_factory=dict)

    def to_toml_table(self) -> dict[str, Any]:
        table: dict[str, Any] = {"name": self.name, "kind": self.kind, "driver": self.driver}
        if self.port:
            table["port"] = self.port
        if self.baud is not None:
            table["baud"] = self.baud
        table.update(self.options)
        return table


DEVICE_KEYS_DOC = (
    ("name", "a label unique in this booth, e.g. 'reader'"),
    ("kind", "what the device is: mrz_reader, scanner, camera, chip_reader, barcode"),
    ("driver", "the driver (device model) name, e.g. a simulator's name"),
    ("port", "serial port, camera index or URL (optional)"),
    ("baud", "serial speed (optional)"),
)


@dataclass(frozen=True)
class Config:
    """The booth's validated configuration; ``source`` is the file it came from (None: defaults)."""

    booth: BoothSettings = field(default_factory=BoothSettings)
    devices: tuple[DeviceSpec, ...] = ()
    central: CentralSettings = field(default_factory=CentralSettings)
    checks: ChecksSettings = field(default_factory=ChecksSettings)
    screening: ScreeningSettings = field(default_factory=ScreeningSettings)
    decisions: DecisionsSettings = field(default_factory=DecisionsSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    face: FaceSettings = field(default_factory=FaceSettings)
    source: Path | None = None

    @classmethod
    def defaults(cls) -> Config:
        """The built-in settings: enough to run the demo booth with no file at all."""
        return cls()

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Config:
        """Load ``path``, or the file found by :func:`default_config_path`, or the defaults."""
        if path is None:
            found = default_config_path()
            if not found.exists():
                return cls.defaults()
            path = found
        file = Path(path)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(str(file), ["file not found"]) from None
        except OSError as exc:
            raise ConfigError(str(file), [f"cannot be read: {exc.strerror or exc}"]) from None
        except UnicodeDecodeError:
            raise ConfigError(str(file), ["is not UTF-8 text"]) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(str(file), [f"is not valid TOML: {exc}"]) from None
        return cls.from_mapping(data, source=file)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: Path | None = None) -> Config:
        """Validate a parsed TOML document; every problem is reported, not just the first."""
        problems: list[str] = []
        known = {s.name: s for s in SECTIONS}
        sections: dict[str, Section] = {}
        for key in data:
            if key not in known and key != "devices":
                problems.append(f"[{key}]: unknown section{_suggest(key, [*known, 'devices'])}")
        for name, section_cls in known.items():
            table = data.get(name, {})
            if not isinstance(table, dict):
                problems.append(f"{name}: expected a [{name}] table, got {_describe(table)}")
                table = {}
            sections[name] = section_cls(_parse_section(section_cls, table, problems))
        devices = _parse_devices(data.get("devices", []), problems)
        if problems:
            raise ConfigError(str(source) if source else "<config>", problems)
        return cls(devices=devices, source=source, **sections)  # type: ignore[arg-type]

    def sections(self) -> Iterator[Section]:
        for section_cls in SECTIONS:
            yield getattr(self, section_cls.name)

    def store_path(self) -> Path:
        """The booth's SQLite file: ``store.path`` (relative to the config file) or the data dir."""
        if self.store.path:
            return self.resolve(self.store.path)
        return Path(platformdirs.user_data_dir(APP_NAME)) / "booth.sqlite"

    def resolve(self, value: str) -> Path:
        """A path from the file, taken relative to the file's directory when it is not absolute."""
        path = Path(value).expanduser()
        if not path.is_absolute() and self.source is not None:
            path = self.source.parent / path
        return path

    def to_toml(self, *, hide_secrets: bool = False) -> str:
        """The effective settings as TOML (loads back to an equal Config unless secrets are hidden)."""
        out: list[str] = []
        for section in self.sections():
            out.append(f"[{section.name}]")
            for setting in type(section).settings():
                value = section.as_dict()[setting.name]
                hidden = hide_secrets and setting.secret and value
                out.append(f"{setting.name} = {_toml_value('<hidden>' if hidden else value)}")
            out.append("")
        for device in self.devices:
            out.append("[[devices]]")
            out.extend(f"{k} = {_toml_value(v)}" for k, v in device.to_toml_table().items())
            out.append("")
        return "\n".join(out)


def write_booth_file(config: Config, path: Path | None = None) -> Path | None:
    """Write ``config`` to its file (or ``path``) in one step, readable by its owner only (it holds
    the booth's token): a crash leaves the old file or the new one, never half of one. The file it
    replaces is kept as ``<name>.bak``; returns that backup's path, if any."""
    target = path or config.source or default_config_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "# Border Station booth configuration, written by the station (`station setup`, the admin screen).\n"
        "# `station config example` prints every setting with its description.\n\n" + config.to_toml()
    )
    backup = None
    if target.exists():
        backup = target.with_name(target.name + ".bak")
        backup.write_bytes(target.read_bytes())
        os.chmod(backup, 0o600)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if os.name == "posix":  # the rename itself must survive a power cut
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return backup


def default_config_path() -> Path:
    """``$STATION_CONFIG`` if set, else ``booth.toml`` in the platform's config directory."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE_NAME


def _parse_section(
    section_cls: type[Section], table: Mapping[str, Any], problems: list[str]
) -> dict[str, Any]:
    settings = {s.name: s for s in section_cls.settings()}
    values: dict[str, Any] = {}
    for key, raw in table.items():
        setting = settings.get(key)
        if setting is None:
            problems.append(f"{section_cls.name}.{key}: unknown setting{_suggest(key, settings)}")
            continue
        try:
            values[key] = setting.parse(raw)
        except ValueError as exc:
            problems.append(f"{section_cls.name}.{key}: {exc}")
    return values


def _parse_devices(raw: Any, problems: list[str]) -> tuple[DeviceSpec, ...]:
    if not isinstance(raw, list):
        problems.append(f"devices: expected [[devices]] tables, got {_describe(raw)}")
        return ()
    devices: list[DeviceSpec] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw):
        where = f"devices[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a table, got {_describe(entry)}")
            continue
        fields: dict[str, Any] = {}
        for key in ("name", "kind", "driver"):
            value = entry.get(key)
            if not isinstance(value, str) or not value:
                problems.append(f"{where}.{key}: required, a non-empty string")
            fields[key] = value
        port = entry.get("port", "")
        if not isinstance(port, str | int) or isinstance(port, bool):
            problems.append(f"{where}.port: expected a string or number, got {_describe(port)}")
        baud = entry.get("baud")
        if baud is not None and (isinstance(baud, bool) or not isinstance(baud, int) or baud <= 0):
            problems.append(f"{where}.baud: expected a positive integer, got {_describe(baud)}")
        name = fields["name"]
        if isinstance(name, str) and name:
            if name in seen:
                problems.append(f"{where}.name: {name!r} is used by another device")
            seen.add(name)
        options = {k: v for k, v in entry.items() if k not in {"name", "kind", "driver", "port", "baud"}}
        devices.append(
            DeviceSpec(
                name=str(fields["name"]),
                kind=str(fields["kind"]),
                driver=str(fields["driver"]),
                port=str(port),
                baud=baud if isinstance(baud, int) else None,
                options=options,
            )
        )
    return tuple(devices)


def _suggest(word: str, candidates: Iterator[str] | Mapping[str, Any] | Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _toml_key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else _toml_string(key)


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def render_example() -> str:
    """The documented example file (``resources/booth.example.toml``), generated from the declarations."""
    out = [
        "# Border Station booth configuration (TOML).",
        "#",
        "# Every setting is shown with its default value; delete what you do not change.",
        f"# Found at: --config PATH, else ${CONFIG_ENV}, else {CONFIG_FILE_NAME} in the platform's config",
        "# directory. Check a file with `station config check FILE`; see the effective values with",
        "# `station config show`. Relative paths are relative to this file.",
        "",
    ]
    for section_cls in SECTIONS:
        out.append(f"# --- {section_cls.title} ---")
        out.append(f"[{section_cls.name}]")
        for setting in section_cls.settings():
            out.extend(_comment(setting.description))
            if setting.choices is not None:
                out.append("# One of: " + ", ".join(_toml_value(c) for c in setting.choices) + ".")
            out.append(f"{setting.name} = {_toml_value(setting.default)}")
        out.append("")
    out.append("# --- Devices: one [[devices]] table per device ---")
    for key, doc in DEVICE_KEYS_DOC:
        out.append(f"#   {key}: {doc}")
    out.append("#   any other key is passed to the driver as an option.")
    out.append("# [[devices]]")
    out.append('# name = "reader"')
    out.append('# kind = "mrz_reader"')
    out.append('# driver = "sim-serial-reader"')
    out.append('# port = "/dev/ttyUSB0"')
    out.append("# baud = 9600")
    out.append("")
    return "\n".join(out)


def _comment(text: str, width: int = 100) -> list[str]:
    lines: list[str] = []
    current = "#"
    for word in text.split():
        if len(current) + 1 + len(word) > width:
            lines.append(current)
            current = "#"
        current += " " + word
    lines.append(current)
    return lines
