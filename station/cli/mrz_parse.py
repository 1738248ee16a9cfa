"""``station mrz parse``."""

from __future__ import annotations

import argparse


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``parse`` action to ``station mrz``."""
