"""A camera simulator: a video file of a generated face that ``cv2.VideoCapture`` plays like a camera.

The face drifts and the light changes a little from frame to frame, so "latest frame" and "still
capture" tests can tell frames apart. Motion-JPEG in AVI: encodable by every OpenCV build without
extra codecs.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

from devices.sim.document import draw_face

FRAME_SIZE = (640, 480)


def write_video(path: Path, *, seconds: float = 3.0, fps: int = 10, seed: int = 0) -> int:
    """Write the video; returns the number of frames. Raises ``OSError`` if OpenCV cannot write it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = FRAME_SIZE
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
    if not writer.isOpened():
        raise OSError(f"OpenCV cannot write video to {path}")
    face = draw_face(280, 360, seed)
    frames = max(1, round(seconds * fps))
    try:
        for index in range(frames):
            frame = np.full((height, width, 3), 90, np.uint8)
            dx = round(60 * math.sin(index / 7))
            x0, y0 = (width - face.shape[1]) // 2 + dx, (height - face.shape[0]) // 2
            frame[y0 : y0 + face.shape[0], x0 : x0 + face.shape[1]] = face
            gain = 0.9 + 0.1 * math.sin(index / 3)
            frame = np.clip(frame.astype(np.float32) * gain, 0, 255).astype(np.uint8)
            cv2.putText(frame, f"{index:04d}", (10, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
            writer.write(frame)
    finally:
        writer.release()
    return frames
