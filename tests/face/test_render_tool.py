"""``tools/render_faces.py`` writes the faces people look at, run as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2

TOOL = Path(__file__).resolve().parents[2] / "tools" / "render_faces.py"


def test_writes_document_photos_captures_and_a_contact_sheet(tmp_path: Path) -> None:
    out = tmp_path / "faces"
    done = subprocess.run(
        [sys.executable, str(TOOL), "--out", str(out), "--identities", "2", "--captures", "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == str(out / "contact-sheet.png")
    assert len(list(out.glob("*-document.png"))) == 2 and len(list(out.glob("*-live-0.png"))) == 2
    sheet = cv2.imread(str(out / "contact-sheet.png"))
    assert sheet is not None and sheet.shape[0] == 2 * 180


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = subprocess.run(
        [sys.executable, str(TOOL), "--out", str(blocker / "faces"), "--identities", "1"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert (
        done.stderr.startswith("render_faces: cannot write the faces to") and "Traceback" not in done.stderr
    )
