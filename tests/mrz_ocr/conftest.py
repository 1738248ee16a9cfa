"""Rendered document images shared by the MRZ OCR tests (seeded, so every run sees the same pixels)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from mrz import build
from mrz.ocr.render import Distortion, Scene, render_scene
from mrz.synthetic import random_fields, random_identity

TODAY = dt.date(2026, 6, 1)
RENDER_NAME = {"TD1": "TD1", "TD2": "TD2", "TD3": "TD3", "MRV_A": "MRVA", "MRV_B": "MRVB"}


def scene(fmt: str, seed: int, distortion: Distortion | None = None, origin: str | None = None) -> Scene:
    rng = random.Random(f"tests:{fmt}:{seed}")
    identity = random_identity(rng, origin, today=TODAY)
    fields = random_fields(rng, fmt, identity=identity, today=TODAY)
    text = build(fields.pop("fmt"), **fields)
    return render_scene(rng, text, RENDER_NAME[fmt], distortion or Distortion(page_fill=0.9))


@pytest.fixture
def write_scene(tmp_path: Path):  # type: ignore[no-untyped-def]
    def write(name: str, sc: Scene) -> Path:
        path = tmp_path / f"{name}.jpg"
        path.write_bytes(sc.jpeg)
        return path

    return write
