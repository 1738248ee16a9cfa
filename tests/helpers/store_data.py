"""Synthetic image bytes and inspection bodies for the store tests, crash child and benchmark."""

from __future__ import annotations

import random

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fake_png(size: int, seed: int) -> bytes:
    """Bytes that start like a PNG (the store sniffs the type) followed by ``size`` random bytes."""
    return PNG_MAGIC + random.Random(seed).randbytes(size)


def inspection_images(seed: int, size: int = 20_000) -> dict[str, bytes]:
    return {light: fake_png(size, seed * 3 + i) for i, light in enumerate(("white", "ir", "uv"))}


def inspection_body(seed: int) -> dict[str, object]:
    return {
        "document": {"number": f"X{seed:08d}", "issuing_state": "UTO", "format": "TD3"},
        "traveller": {"surname": "ERIKSSON", "given_names": "ANNA MARIA", "birth_date": "1974-08-12"},
        "findings": [{"code": "mrz.check_digits", "status": "passed", "severity": "info"}],
        "verdict": "clear",
        "seed": seed,
    }
