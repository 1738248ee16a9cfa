"""``station demo``: the booth application on simulated devices, its screenshots, or a text walk-through.

``station demo`` opens the booth window (``ui.app.run_demo``): a temporary booth store, demo officers
(IDs and PINs printed at start), generated screening lists, the reference central server on
127.0.0.1 and a simulated full-page scanner; F10 presents the next document. ``station demo
--screenshots DIR`` renders every main screen offscreen in English and Arabic into PNG files.
``station demo --text`` is the terminal walk-through of MRZ parsing (``station.demo_text``).

The core never imports the UI: the window is loaded by name here, at the user's request, like a
plug-in (``importlib``), so ``station`` keeps working where PySide6 or a display is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from pathlib import Path

from station import demo_text
from station.cli import CommandError
from station.demo import DEMO_PINS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo",
        help="the booth application on simulated devices (or --text, --screenshots DIR)",
        description="Starts the booth application with simulated devices, generated lists and a local "
        "central server; F10 presents the next simulated document. All data is fictional.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--text", action="store_true", help="terminal walk-through of MRZ parsing instead")
    mode.add_argument(
        "--screenshots", metavar="DIR", type=Path, help="save a PNG of every main screen (English and Arabic)"
    )
    parser.add_argument("--language", default="en", help="language of the window (default: en)")
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="text walk-through: seed for the fictional people (default: 2026)",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="text walk-through: the date the documents are inspected on (default: today)",
    )
    parser.set_defaults(handler=run)


def _ui(module: str) -> object:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CommandError(f"the booth application cannot start ({exc}); try: station demo --text") from None


def _no_display() -> bool:
    """On Linux without X11, Wayland or a chosen Qt platform, Qt would abort the process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    # --seed and --today only mean something to the text walk-through, so they select it
    if args.text or args.seed is not None or args.today is not None:
        return demo_text.run(2026 if args.seed is None else args.seed, args.today)
    if args.screenshots is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        screenshots = _ui("ui.screenshots")
        try:
            written = screenshots.take_screenshots(args.screenshots)  # type: ignore[attr-defined]
        except screenshots.ScreenshotError as exc:  # type: ignore[attr-defined]
            raise CommandError(f"screenshots not taken: {exc}") from None
        for path in written:
            print(path)
        return 0
    if _no_display():
        raise CommandError("no display to open the booth window on; try --screenshots DIR or --text")
    print("Border Station demo booth. Log in with one of these fictional accounts:")
    for role, (officer_id, _name, pin) in DEMO_PINS.items():
        print(f"  {role.value:<10} officer ID {officer_id:<10} PIN {pin}")
    print(
        "F10 presents the next simulated document; F5 admit, F6 refuse, F7 refer, F8 protection, F9 type MRZ."
    )
    app = _ui("ui.app")
    status: int = app.run_demo(args.language)  # type: ignore[attr-defined]
    return status
