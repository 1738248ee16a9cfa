"""``station demo``: the booth application on simulated devices, its screenshots, or a text walk-through.

``station demo`` opens the booth window (``ui.app.run_demo``): a temporary booth store, demo officers
(IDs and PINs printed at start), generated screening lists, the reference central server on
127.0.0.1 and a simulated full-page scanner; F10 presents the next document. ``station demo
--screenshots DIR`` renders every main screen offscreen in English and Arabic into PNG files.
``station demo --text`` is the terminal walk-through of MRZ parsing (``station.demo_text``).

The core never imports the UI: the window is loaded by name (:mod:`station.cli.ui_loader`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from station import demo_text
from station.cli import CommandError
from station.cli.ui_loader import load_ui, no_display
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


def run(args: argparse.Namespace) -> int:
    # --seed and --today only mean something to the text walk-through, so they select it
    if args.text or args.seed is not None or args.today is not None:
        return demo_text.run(2026 if args.seed is None else args.seed, args.today)
    if args.screenshots is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        screenshots = load_ui("ui.screenshots", instead="try: station demo --text")
        try:
            written = screenshots.take_screenshots(args.screenshots)
        except screenshots.ScreenshotError as exc:
            raise CommandError(f"screenshots not taken: {exc}") from None
        for path in written:
            print(path)
        return 0
    if no_display():
        raise CommandError("no display to open the booth window on; try --screenshots DIR or --text")
    print("Border Station demo booth. Log in with one of these fictional accounts:")
    for role, (officer_id, _name, pin) in DEMO_PINS.items():
        print(f"  {role.value:<10} officer ID {officer_id:<10} PIN {pin}")
    print(
        "F10 presents the next simulated document; F5 admit, F6 refuse, F7 refer, F8 protection, F9 type MRZ."
    )
    app = load_ui("ui.app", instead="try: station demo --text")
    status: int = app.run_demo(args.language)
    return status
