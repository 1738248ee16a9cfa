"""A camera simulator: a video file of a generated person that ``cv2.VideoCapture`` plays like a camera.

The head drifts and turns and the light changes a little from frame to frame, so "latest frame" and "still
capture" tests can tell frames apart. Motion-JPEG in AVI: encodable by every OpenCV build without
extra codecs.
"""

from __future__ import annotations

from pathlib import Path

import cv2

from devices.sim.faces import camera_frame

FRAME_SIZE = (640, 480)


def write_video(path: Path, *, seconds: float = 3.0, fps: int = 10, seed: int = 0) -> int:
    """Write the video; returns the number of frames. Raises ``OSError`` if OpenCV cannot write it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = FRAME_SIZE
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
    if not writer.isOpened():
        raise OSError(f"OpenCV cannot write video to {path}")
    frames = max(1, round(seconds * fps))
    try:
        for index in range(frames):
            frame = camera_frame(seed, index, width=width, height=height)
            cv2.putText(frame, f"{index:04d}", (10, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
            writer.write(frame)
    finally:
        writer.release()
    return frames
