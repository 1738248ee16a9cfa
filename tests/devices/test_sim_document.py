"""The synthetic pages obey the physics the image checks rely on: each defect changes exactly the
measurement it is meant to change, and a genuine page passes all of them."""

from __future__ import annotations

import numpy as np
import pytest

from devices.scan import Light
from devices.sim.document import Defect, draw_face, pick_box, render_document_scan
from mrz.layout import LAYOUTS, Zone

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"


@pytest.fixture(scope="module")
def genuine() -> dict[Light, np.ndarray]:
    return dict(render_document_scan(TD3, seed=7).images)


@pytest.fixture(scope="module")
def forged() -> dict[Light, np.ndarray]:
    return dict(render_document_scan(TD3, seed=7, defects=frozenset(Defect)).images)


def _zone(image: np.ndarray, zone: Zone, fmt: str = "TD3") -> np.ndarray:
    return pick_box(image, LAYOUTS[fmt].scan_box(zone))


def _grey(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else image.mean(axis=2)


def _ink(image: np.ndarray) -> float:
    """Fraction of dark pixels: printed ink against paper."""
    return float((_grey(image) < 110).mean())


def test_td3_page_size_lights_and_mrz(genuine: dict[Light, np.ndarray]) -> None:
    scan = render_document_scan(TD3, seed=7)
    assert scan.mrz_text == TD3
    white, ir, uv = genuine[Light.WHITE], genuine[Light.IR], genuine[Light.UV]
    assert white.shape == (1056, 1500, 3) and uv.shape == (1056, 1500, 3)
    assert ir.shape == (1056, 1500) and ir.dtype == np.uint8


def test_same_seed_same_page_other_seed_other_face() -> None:
    a = render_document_scan(TD3, seed=1).images[Light.WHITE]
    b = render_document_scan(TD3, seed=1).images[Light.WHITE]
    c = render_document_scan(TD3, seed=2).images[Light.WHITE]
    assert np.array_equal(a, b)
    assert not np.array_equal(_zone(a, Zone.PHOTO), _zone(c, Zone.PHOTO))


def test_genuine_physics(genuine: dict[Light, np.ndarray]) -> None:
    white, ir, uv = genuine[Light.WHITE], genuine[Light.IR], genuine[Light.UV]
    # paper dull under UV, with a fluorescent pattern that crosses the photo zone
    assert np.median(_grey(uv)) < 80
    assert (_zone(uv, Zone.PHOTO)[..., 1] > 180).mean() > 0.01
    # MRZ and VIZ in IR-absorbing ink: as much ink under IR as under white light
    for zone in (Zone.MRZ, Zone.EXPIRY_DATE, Zone.SURNAME):
        assert _ink(_zone(ir, zone)) > 0.7 * _ink(_zone(white, zone)) > 0
    # artwork vanishes under IR: a band with artwork but no text is flat there
    band = (slice(int(0.715 * 1056), int(0.735 * 1056)), slice(0, 1500))
    assert _grey(white)[band].std() > _grey(ir)[band].std()


def test_uv_bright_paper(genuine: dict[Light, np.ndarray], forged: dict[Light, np.ndarray]) -> None:
    assert np.median(_grey(forged[Light.UV])) > 2 * np.median(_grey(genuine[Light.UV]))


def test_ir_invisible_mrz(genuine: dict[Light, np.ndarray], forged: dict[Light, np.ndarray]) -> None:
    assert _ink(_zone(genuine[Light.IR], Zone.MRZ)) > 0.03
    assert _ink(_zone(forged[Light.IR], Zone.MRZ)) == 0.0
    assert _ink(_zone(forged[Light.WHITE], Zone.MRZ)) > 0.03


def test_substituted_photo(genuine: dict[Light, np.ndarray], forged: dict[Light, np.ndarray]) -> None:
    assert (_zone(forged[Light.UV], Zone.PHOTO)[..., 1] > 180).mean() == 0.0
    diff = np.abs(
        _zone(genuine[Light.WHITE], Zone.PHOTO).astype(int)
        - _zone(forged[Light.WHITE], Zone.PHOTO).astype(int)
    )
    assert diff.mean() > 10


def test_altered_date(genuine: dict[Light, np.ndarray], forged: dict[Light, np.ndarray]) -> None:
    white = _ink(_zone(forged[Light.WHITE], Zone.EXPIRY_DATE))
    assert white > 0.05
    assert _ink(_zone(forged[Light.IR], Zone.EXPIRY_DATE)) < 0.1 * white
    # the altered digits differ from the genuine ones
    assert not np.array_equal(
        _zone(genuine[Light.WHITE], Zone.EXPIRY_DATE), _zone(forged[Light.WHITE], Zone.EXPIRY_DATE)
    )
    # the birth date was not touched
    assert _ink(_zone(forged[Light.IR], Zone.BIRTH_DATE)) > 0.7 * _ink(
        _zone(forged[Light.WHITE], Zone.BIRTH_DATE)
    )


def test_td1_renders_front_above_rear() -> None:
    scan = render_document_scan(TD1, seed=3)
    white, ir = scan.images[Light.WHITE], scan.images[Light.IR]
    assert white.shape[0] > 2 * white.shape[1] * 0.6  # two card sides stacked
    assert _ink(_zone(ir, Zone.MRZ, "TD1")) > 0.03
    assert _ink(_zone(ir, Zone.SURNAME, "TD1")) > 0.05


def test_not_an_mrz_is_rejected() -> None:
    with pytest.raises(ValueError, match="no document format"):
        render_document_scan("HELLO\nWORLD")


def test_faces_differ_by_seed() -> None:
    a, b = draw_face(300, 380, 1), draw_face(300, 380, 2)
    assert a.shape == (380, 300, 3)
    assert np.abs(a.astype(int) - b.astype(int)).mean() > 10
