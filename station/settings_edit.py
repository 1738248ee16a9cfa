"""Changing the booth's settings from the administration screen: every value validated by the
setting's own declaration in ``station.config``, the file replaced atomically (a crash leaves the old
file or the new one, never half of one), and the change audited under the administrator's name.

The administration screen calls ``save_settings`` on a worker. Only single values (text, numbers,
true/false) are edited here; tables and lists (reason codes, weights, devices) stay in the file.
The running booth keeps the settings it started with: most of them are read once at start-up.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from station import audit
from station.auth import Permission, Session, require
from station.config import Config, ConfigError, Setting, default_config_path, write_booth_file
from station.store import Store

SCALARS = (bool, int, float, str)


@dataclass(frozen=True)
class SettingRow:
    """One setting as the screen lists it."""

    key: str  # "section.name"
    text: str
    description: str
    editable: bool


def _setting(config: Config, key: str) -> Setting[Any]:
    section_name, _, name = key.partition(".")
    for section in config.sections():
        if section.name == section_name:
            for setting in type(section).settings():
                if setting.name == name:
                    return setting
    raise KeyError(key)


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def setting_rows(config: Config) -> list[SettingRow]:
    """Every declared setting with its current value; secrets are neither shown nor edited here."""
    rows = []
    for section in config.sections():
        values = section.as_dict()
        for setting in type(section).settings():
            value = values[setting.name]
            editable = isinstance(setting.default, SCALARS) and not setting.secret
            text = "<hidden>" if setting.secret and value else as_text(value)
            rows.append(SettingRow(f"{section.name}.{setting.name}", text, setting.description, editable))
    return rows


def _from_text(setting: Setting[Any], text: str) -> Any:
    """The TOML value the text stands for, by the kind of the setting's default."""
    text = text.strip()
    default = setting.default
    if isinstance(default, bool):
        words = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
        if text.lower() not in words:
            raise ValueError(f"expected true or false, got {text!r}")
        return words[text.lower()]
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"expected a whole number, got {text!r}") from None
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"expected a number, got {text!r}") from None
    return text


def save_settings(config: Config, changes: Mapping[str, str], *, store: Store, session: Session) -> Config:
    """Apply ``changes`` (``"section.name" -> text``) to the booth file and return the new config.

    Raises ``PermissionDenied`` without the right, ``ConfigError`` listing every bad value (nothing
    written), ``OSError`` when the file cannot be written (the old file stays)."""
    require(session, Permission.CHANGE_SETTINGS)
    target = config.source or default_config_path()
    data = tomllib.loads(config.to_toml())
    problems = []
    for key, text in changes.items():
        try:
            setting = _setting(config, key)
            if setting.secret or not isinstance(setting.default, SCALARS):
                raise ValueError("not editable here: change it in the booth file")
            value = setting.parse(_from_text(setting, text))
        except KeyError:
            problems.append(f"{key}: no such setting")
            continue
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
            continue
        section, _, name = key.partition(".")
        data.setdefault(section, {})[name] = value
    if problems:
        raise ConfigError(str(target), problems)
    updated = Config.from_mapping(data, source=target)
    write_booth_file(updated, target)
    with store.transaction() as conn:
        # the settings the booth runs with are the baseline (a no-op when start-up already noted them),
        # so the administrator's entry names exactly the keys they changed
        audit.note_settings(conn, config, actor="system:startup", clock=store.clock)
        audit.note_settings(conn, updated, actor=session.actor(), clock=store.clock)
    return updated
