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


class TranslationBuildError(RuntimeError):
    """A translation could not be compiled (the message names the file and lrelease's reason)."""


def lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise TranslationBuildError("pyside6-lrelease not found: install PySide6 in this environment")
    return found


def build(directory: Path = I18N_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``directory``; returns the ``.qm`` files written."""
    written = []
    for source in sorted(directory.glob("*.ts")):
        target = source.with_suffix(".qm")
        try:
            done = subprocess.run(
                [lrelease(), "-silent", str(source), "-qm", str(target)],
                check=False,
                capture_output=True,
                text=True,
            )
        except OSError as exc:
            raise TranslationBuildError(f"cannot run lrelease on {source.name}: {exc}") from None
        if done.returncode != 0 or not target.exists():
            lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
            reason = lines[0] if lines else f"lrelease exit status {done.returncode}"
            raise TranslationBuildError(f"cannot compile {source}: {reason}")
        written.append(target)
    return written


def main() -> int:
    try:
        written = build()
    except TranslationBuildError as exc:
        print(f"i18n_build: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
