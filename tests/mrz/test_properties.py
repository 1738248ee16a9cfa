"""Properties that hold for every MRZ, checked by hypothesis.

The single-character property has one exception no check digit can see: Doc 9303's 7-3-1 sum
counts characters modulo 10, so two characters of the same class whose values differ by a multiple
of 10 (``<``/``K``, ``6``/``G``, ``0``/``A``...) give the same check digit. Those swaps are left
out of the "detected" property (the correction rules, not the check digits, deal with them).
"""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from mrz import MRZError, build, parse
from mrz.checkdigit import ALPHABET, char_value
from mrz.correction import DIGIT_TO_LETTER, LETTER_TO_DIGIT
from mrz.formats import Charset, layout_of
from mrz.grid import Grid, build_groups, find_overflow
from tests.mrz.strategies import TODAY, any_fields


def _expected(fields: dict[str, Any]) -> dict[str, Any]:
    out = {
        "surname": fields["surname"],
        "given_names": fields["given_names"],
        "document_number": fields["document_number"],
        "birth_date": fields["birth_date"].isoformat(),
        "sex": fields["sex"],
        "issuing_state": fields["issuing_state"],
    }
    if fields["nationality"] is not None:
        out["nationality"] = fields["nationality"]
        out["expiry_date"] = fields["expiry_date"].isoformat()
        out["optional_data"] = fields["optional_data"]
    if fields.get("optional_data_2"):
        out["optional_data_2"] = fields["optional_data_2"]
    return out


@given(any_fields())
def test_every_built_mrz_parses_back_to_its_fields(fields: dict[str, Any]) -> None:
    args = dict(fields)
    text = build(args.pop("fmt"), **args)
    result = parse(text, today=TODAY)
    assert result.format is fields["fmt"]
    assert result.valid, result.to_json()
    assert result.corrections == []
    got = {k: result.fields.get(k) for k in _expected(fields)}
    assert got == _expected(fields)
    assert result.mrz == text


def _checked_positions(text: str, fmt: Any) -> list[tuple[int, int]]:
    layout = layout_of(fmt)
    grid = Grid(layout, [list(line) for line in text.split("\n")])
    groups = build_groups(layout, grid, find_overflow(layout, grid))
    return sorted({p for g in groups for p in (*g.covered, g.digit)})


def _mutate(text: str, pos: tuple[int, int], char: str) -> str:
    lines = [list(line) for line in text.split("\n")]
    lines[pos[0]][pos[1]] = char
    return "\n".join("".join(line) for line in lines)


@given(any_fields(), st.data())
def test_every_single_character_change_in_a_checked_field_is_detected(
    fields: dict[str, Any], data: st.DataObject
) -> None:
    args = dict(fields)
    fmt = args.pop("fmt")
    text = build(fmt, **args)
    original = parse(text, today=TODAY)
    pos = data.draw(st.sampled_from(_checked_positions(text, fmt)))
    old = text.split("\n")[pos[0]][pos[1]]
    new = data.draw(st.sampled_from([c for c in ALPHABET if c != old]))
    owner = Grid(layout_of(fmt), [list(line) for line in text.split("\n")]).owner[pos]
    blind = (char_value(new) - char_value(old)) % 10 == 0 and owner.charset.allows(new)
    assume(not blind)
    result = parse(_mutate(text, pos, new), today=TODAY)
    if result.valid:
        # accepted only by correcting the change, and the correction is reported
        assert result.corrections, result.to_json()
        confusion = new in (LETTER_TO_DIGIT.get(old), DIGIT_TO_LETTER.get(old)) or (
            old == "<" and new in "KSG"
        )
        if confusion:
            assert result.fields == original.fields, (result.corrections, result.to_json())


@given(any_fields(), st.data())
def test_a_single_ocr_confusion_is_undone_or_left_invalid(
    fields: dict[str, Any], data: st.DataObject
) -> None:
    args = dict(fields)
    fmt = args.pop("fmt")
    text = build(fmt, **args)
    original = parse(text, today=TODAY)
    layout = layout_of(fmt)
    grid = Grid(layout, [list(line) for line in text.split("\n")])
    checked = set(_checked_positions(text, fmt))
    confusable = [
        (pos, partner)
        for pos, owner in grid.owner.items()
        if pos in checked or owner.charset is not Charset.ALNUM
        for partner in (LETTER_TO_DIGIT.get(grid[pos]), DIGIT_TO_LETTER.get(grid[pos]))
        if partner is not None
    ]
    assume(confusable)
    pos, partner = data.draw(st.sampled_from(confusable))
    blind = (char_value(partner) - char_value(grid[pos])) % 10 == 0 and grid.owner[pos].charset.allows(
        partner
    )
    assume(not blind)  # 6/G in a document number: no check digit can tell (module docstring)
    result = parse(_mutate(text, pos, partner), today=TODAY)
    if result.valid:
        assert result.fields == original.fields, (result.corrections, result.to_json())


@given(st.text())
def test_arbitrary_text_raises_only_mrz_error(text: str) -> None:
    with contextlib.suppress(MRZError):
        parse(text, today=TODAY)


@st.composite
def mrz_shaped(draw: st.DrawFn) -> str:
    count, width = draw(st.sampled_from([(3, 30), (2, 36), (2, 44)]))
    alphabet = draw(
        st.sampled_from([ALPHABET, "<KSGOIZB0125689", "<0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ<"])
    )
    lines = [draw(st.text(alphabet, min_size=width, max_size=width)) for _ in range(count)]
    if draw(st.booleans()):
        lines[0] = draw(st.sampled_from(["P<", "I<", "V<", "IDFRA", "AC", "D<<"])) + lines[0]
        lines[0] = lines[0][:width]
    return "\n".join(lines)


@given(mrz_shaped())
def test_mrz_shaped_noise_parses_without_crashing(text: str) -> None:
    result = parse(text, today=TODAY)
    assert isinstance(result.to_json(), dict)
    if result.valid and not result.corrections:
        assert result.mrz == text


@given(any_fields(), st.data())
def test_corrections_only_ever_restore_what_was_printed(fields: dict[str, Any], data: st.DataObject) -> None:
    """Up to two OCR confusions anywhere (look-alike swaps, fillers read as K/S/G at a field's
    end): every correction the parser makes puts back the printed character, never another one."""
    args = dict(fields)
    fmt = args.pop("fmt")
    text = build(fmt, **args)
    grid = Grid(layout_of(fmt), [list(line) for line in text.split("\n")])
    damage = []
    for pos, owner in grid.owner.items():
        char = grid[pos]
        partner = LETTER_TO_DIGIT.get(char) or DIGIT_TO_LETTER.get(char)
        if partner:
            damage.append((pos, partner))
        rest = grid.rows[pos[0]][pos[1] : owner.end]
        if char == "<" and set(rest) == {"<"}:
            damage.extend((pos, c) for c in "KSG")
    chosen = data.draw(st.lists(st.sampled_from(damage), min_size=1, max_size=2, unique_by=lambda d: d[0]))
    damaged = text
    for pos, char in chosen:
        damaged = _mutate(damaged, pos, char)
    rows = text.split("\n")
    for c in parse(damaged, today=TODAY).corrections:
        assert c["to"] == rows[c["line"] - 1][c["position"] - 1], (damaged, c)
