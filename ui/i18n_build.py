"""Compile the translation sources (``resources/i18n/*.ts``) into the ``.qm`` files Qt loads.

Run at set-up (``scripts/install``) and after editing a ``.ts``: ``python -m ui.i18n_build``. Uses
PySide6's ``lrelease`` (``pyside6-lrelease`` next to the interpreter). The ``.qm`` files are build
output and are not committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ui.i18n import I18N_DIR


def lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6 in this environment")
    return found


def build(directory: Path = I18N_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``directory``; returns the ``.qm`` files written."""
    written = []
    for source in sorted(directory.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(source), "-qm", str(target)], check=True)
        written.append(target)
    return written


def main() -> int:
    for path in build():
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
