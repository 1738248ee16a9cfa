"""The own reader on pixels: orientation, infrared fallback, check-digit candidates, distrust of doubts."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from mrz import parse
from mrz.ocr import get_engine, read_mrz
from mrz.ocr.decode import decode_image
from mrz.ocr.reader import NOT_FOUND, _candidates, _decide, _text, constrain
from mrz.ocr.recognise import CHARSET, MODEL_PATH, ModelError, Recogniser
from mrz.ocr.rectify import Grid
from mrz.ocr.render import Distortion
from tests.mrz_ocr.conftest import scene

TRUTH = "P<NLDERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36NLD7408122F1204159ZE184226B<<<<<10"


def test_upside_down_card_reads_upright() -> None:
    sc = scene("TD1", 21, Distortion(rotation=180))
    reading = read_mrz(decode_image(sc.jpeg))
    assert reading.error is None
    assert reading.result is not None and reading.result.mrz == "\n".join(sc.mrz_lines)
    assert reading.confidence > 0.9


def test_infrared_image_is_tried_when_white_light_fails() -> None:
    sc = scene("TD3", 22)
    white = np.full_like(decode_image(sc.jpeg), 200)  # the MRZ lost under white light (glare, washed out)
    infrared = decode_image(sc.infrared_jpeg)
    assert read_mrz(white).error == NOT_FOUND
    reading = read_mrz(white, infrared=infrared)
    assert reading.result is not None and reading.result.valid
    assert reading.result.mrz == "\n".join(sc.mrz_lines)


def test_engine_reads_infrared_bytes_too() -> None:
    sc = scene("TD2", 23)
    blank = cv2.imencode(".png", np.full((900, 1200), 255, np.uint8))[1].tobytes()
    reading = get_engine("own").read(blank, infrared=sc.infrared_jpeg)
    assert reading.result is not None and reading.result.mrz == "\n".join(sc.mrz_lines)


def test_colour_and_grey_inputs_agree() -> None:
    sc = scene("MRV_A", 24)
    colour = cv2.imdecode(np.frombuffer(sc.jpeg, np.uint8), cv2.IMREAD_COLOR)
    grey = cv2.cvtColor(colour, cv2.COLOR_BGR2GRAY)
    a, b = read_mrz(colour), read_mrz(grey)
    assert a.result is not None and b.result is not None
    assert a.result.mrz == b.result.mrz == "\n".join(sc.mrz_lines)


def _one_hot(text: str, doubtful: dict[int, tuple[str, float]]) -> np.ndarray:
    flat = text.replace("\n", "")
    probs = np.full((len(flat), len(CHARSET)), 1e-6, np.float32)
    for i, char in enumerate(flat):
        probs[i, CHARSET.index(char)] = 1.0
    for i, (runner_up, p) in doubtful.items():
        probs[i, CHARSET.index(flat[i])] = p
        probs[i, CHARSET.index(runner_up)] = 1 - p
    return probs


def test_candidates_let_check_digits_choose_the_runner_up() -> None:
    truth = TRUTH
    assert parse(truth).valid
    misread = truth[: 45 + 2] + "8" + truth[45 + 3 :]  # '8' where the document number has '9'
    assert not parse(misread, correct=False).valid
    probs = _one_hot(misread, {44 + 2: ("9", 0.55)})
    candidates = list(_candidates(probs, misread))
    assert truth in candidates


def _grid() -> Grid:
    return Grid(np.zeros((1, 1), np.uint8), n_lines=2, n_chars=44, line_pitch=30)


def test_a_doubtful_name_character_is_not_reported_valid() -> None:
    result = _decide(_one_hot(TRUTH, {7: ("K", 0.6)}), _grid())  # the 'I' of ERIKSSON, no check digit
    assert result is not None and result.mrz == TRUTH
    assert result.valid is False
    assert any(f["code"] == "ocr.uncertain" for f in result.findings)


def test_a_doubtful_character_under_a_check_digit_stays_valid() -> None:
    result = _decide(_one_hot(TRUTH, {44 + 2: ("8", 0.6)}), _grid())  # document number, check digit guards
    assert result is not None and result.valid is True
    assert not any(f["code"] == "ocr.uncertain" for f in result.findings)


def test_a_country_code_outside_the_icao_list_is_not_reported_valid() -> None:
    misread = TRUTH.replace("NLD", "NLB")  # no check digit covers the issuing state
    result = _decide(_one_hot(misread, {}), _grid())
    assert result is not None and result.valid is False
    assert any(f["code"] == "ocr.uncertain" for f in result.findings)


@pytest.mark.parametrize("confidence", [0.6, 0.93])  # O against 0 is distrusted even at 93%
def test_two_misreads_that_cancel_in_a_check_digit_are_not_trusted(confidence: float) -> None:
    import datetime as dt

    from mrz import build

    truth = build(
        "TD3",
        issuing_state="NLD",
        surname="DE VRIES",
        given_names="ANNA",
        document_number="00X123456",
        nationality="NLD",
        birth_date=dt.date(1980, 1, 2),
        sex="F",
        expiry_date=dt.date(2030, 1, 2),
    )
    misread = truth.replace("\n00X", "\nOOX")  # O for 0 twice: 24*7 + 24*3 = 240, the same check digit
    assert parse(misread, correct=False).valid
    result = _decide(_one_hot(misread, {44: ("0", confidence), 45: ("0", confidence)}), _grid())
    assert result is not None
    assert not (result.valid and result.mrz != truth)


def test_a_confident_letter_is_trusted_where_a_check_digit_cannot_tell() -> None:
    # the surname's 'I' at 93% against 'K': no check digit covers it, but 93% is over the bar for letters
    result = _decide(_one_hot(TRUTH, {7: ("K", 0.93)}), _grid())
    assert result is not None and result.valid is True


def test_the_format_rules_out_digits_in_names_and_letters_in_dates() -> None:
    # the recogniser prefers '0' for the surname's 'O' and 'O' for the birth date's '0'
    name_o = TRUTH.index("ERIKSSON") + 6
    date_zero = 44 + 13 + 2  # line 2, birth date 740812
    assert TRUTH[name_o] == "O" and TRUTH.replace("\n", "")[date_zero] == "0"
    probs = _one_hot(TRUTH, {name_o: ("0", 0.4), date_zero: ("O", 0.4)})
    plain = _text(probs, _grid()).replace("\n", "")
    assert plain[name_o] == "0" and plain[date_zero] == "O"
    constrained = constrain(probs, _grid())
    assert _text(constrained, _grid()) == TRUTH
    assert constrained[name_o].max() > 0.99 and constrained[date_zero].max() > 0.99


def test_an_unknown_country_code_is_read_from_the_runner_up() -> None:
    # the issuing state's 'D' read as 'O' (NLO is no country); no check digit covers it
    pos = TRUTH.index("NLD") + 2
    probs = _one_hot(TRUTH, {})
    probs[pos] = 1e-6
    probs[pos, CHARSET.index("O")] = 0.6
    probs[pos, CHARSET.index("D")] = 0.4
    result = _decide(probs, _grid())
    assert result is not None
    assert result.mrz == TRUTH
    assert result.valid is True  # the rival reading NLO is no country: it does not make NLD doubtful


@pytest.mark.parametrize("damage", ["truncated", "empty", "not_a_zip", "missing_arrays"])
def test_a_damaged_model_file_is_a_model_error(tmp_path: Path, damage: str) -> None:
    good = MODEL_PATH.read_bytes()
    path = tmp_path / "recogniser.npz"
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "not_a_zip":
        path.write_bytes(b"garbage" * 100)
    else:
        np.savez(path, conv1_weight=np.zeros(3))
    with pytest.raises(ModelError, match="cannot load the MRZ recogniser"):
        Recogniser.load(path)
