"""The character recogniser: a small CNN evaluated with numpy, so the booth needs no deep-learning runtime.

Weights come from ``resources/mrz_ocr/recogniser.npz`` (trained by ``tools/train_mrz_ocr.py``); the file
also records the charset and the cell shape it was trained for, so a stale model fails loudly.
Architecture (mirrored in the training script): 3x [3x3 conv, ReLU] with 2x2 max-pooling after the first
two, then two dense layers. ~0.3 M parameters, ~1.7 M multiply-adds per glyph.
"""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

import numpy as np
import numpy.typing as npt

from mrz.ocr.rectify import CELL_H, CELL_W, CellBatch

CHARSET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / "mrz_ocr" / "recogniser.npz"

Float32 = npt.NDArray[np.float32]


class ModelError(RuntimeError):
    """The model file is missing or does not fit this code; retrain with tools/train_mrz_ocr.py."""


def _conv3x3_relu(x: Float32, weight: Float32, bias: Float32) -> Float32:
    """3x3 'same' convolution + ReLU, NHWC, as one matrix product over the gathered windows."""
    n, h, w, c = x.shape
    padded = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    cols = np.empty((n, h, w, c, 9), np.float32)  # (channel, ky, kx) order, as torch lays out weights
    for k in range(9):
        dy, dx = divmod(k, 3)
        cols[..., k] = padded[:, dy : dy + h, dx : dx + w, :]
    out = cols.reshape(n * h * w, c * 9) @ weight.reshape(weight.shape[0], -1).T + bias
    result: Float32 = np.maximum(out, 0.0).reshape(n, h, w, -1)
    return result


def _maxpool2(x: Float32) -> Float32:
    """2x2 max-pooling, stride 2, odd edges dropped (as torch's MaxPool2d(2))."""
    h2, w2 = x.shape[1] // 2 * 2, x.shape[2] // 2 * 2
    top = np.maximum(x[:, 0:h2:2, 0:w2:2], x[:, 0:h2:2, 1:w2:2])
    bottom = np.maximum(x[:, 1:h2:2, 0:w2:2], x[:, 1:h2:2, 1:w2:2])
    pooled: Float32 = np.maximum(top, bottom)
    return pooled


class Recogniser:
    """Classifies normalised glyph cells into the MRZ charset."""

    def __init__(self, weights: dict[str, Float32]) -> None:
        self._w = weights

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Recogniser:
        try:
            with path.open("rb") as file, np.load(file) as data:
                arrays = {key: data[key] for key in data.files}
            charset = str(arrays.pop("charset"))
            shape = tuple(int(v) for v in arrays.pop("cell_shape"))
        except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
            # a truncated or damaged file (an interrupted copy, a bad disk) must not take the reader down
            raise ModelError(f"cannot load the MRZ recogniser from {path}: {exc!r}") from exc
        if charset != CHARSET or shape != (CELL_H, CELL_W):
            raise ModelError(f"{path} was trained for another charset or cell shape; retrain it")
        return cls({key: value.astype(np.float32) for key, value in arrays.items()})

    def probabilities(self, cells: CellBatch) -> Float32:
        """(n, len(CHARSET)) class probabilities for (n, CELL_H, CELL_W) cells."""
        w = self._w
        x = cells[..., None]
        x = _maxpool2(_conv3x3_relu(x, w["conv1.weight"], w["conv1.bias"]))
        x = _maxpool2(_conv3x3_relu(x, w["conv2.weight"], w["conv2.bias"]))
        x = _conv3x3_relu(x, w["conv3.weight"], w["conv3.bias"])
        flat = x.transpose(0, 3, 1, 2).reshape(len(x), -1)  # the training side flattens NCHW
        hidden = np.maximum(flat @ w["fc1.weight"].T + w["fc1.bias"], 0.0)
        logits = hidden @ w["fc2.weight"].T + w["fc2.bias"]
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probs: Float32 = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return probs


@functools.cache
def default_recogniser() -> Recogniser:
    """The shipped model, loaded once per process."""
    return Recogniser.load()
