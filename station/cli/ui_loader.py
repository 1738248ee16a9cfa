"""Loading the booth window from a command, like a plug-in.

The core never imports the UI: ``station demo`` and ``station run`` load it by name at the user's
request (``importlib``), so the other commands keep working where PySide6 or a display is missing.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

from station.cli import CommandError


def load_ui(module: str, *, instead: str) -> ModuleType:
    """The UI module, or a one-line error that says what to do ``instead``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CommandError(f"the booth application cannot start ({exc}); {instead}") from None


def no_display() -> bool:
    """On Linux without X11, Wayland or a chosen Qt platform, Qt would abort the process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
