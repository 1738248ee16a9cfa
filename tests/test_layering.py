"""The dependency rule of the design card, enforced: ui -> station -> mrz, devices, sync.

Nothing below ``ui`` imports Qt widgets (the core runs headless), ``mrz`` is pure, and no lower layer
imports a higher one. Checked on the source text, so a stray import fails the build before it ships.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level packages it must not import
FORBIDDEN: dict[str, set[str]] = {
    "mrz": {"station", "ui", "devices", "sync", "PySide6"},
    "devices": {"station", "ui", "sync"},
    "sync": {"station", "ui", "devices", "PySide6"},
    "station": {"ui"},
}
QT_WIDGET_MODULES = {"PySide6.QtWidgets", "PySide6.QtGui"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_upward_or_widget_imports(package: str) -> None:
    bad = []
    for path in _sources(package):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in FORBIDDEN[package] or any(
                name == m or name.startswith(m + ".") for m in QT_WIDGET_MODULES
            ):
                bad.append(f"{path.relative_to(ROOT)}: {name}")
    assert not bad, "imports that break the layering:\n" + "\n".join(bad)


def test_ui_imports_qt_only_through_one_module() -> None:
    bad = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("ui")
        if path.name != "qt.py"
        for name in _imports(path)
        if name.split(".")[0] == "PySide6"
    ]
    assert not bad, "ui modules must import Qt through ui.qt:\n" + "\n".join(bad)


def test_ui_talks_to_station_only() -> None:
    bad = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("ui")
        for name in _imports(path)
        if name.split(".")[0] in {"devices", "sync", "mrz"}
    ]
    assert not bad, "ui reaches the lower layers through station only:\n" + "\n".join(bad)
