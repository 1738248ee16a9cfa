"""``station lists load csca FILE``: the chip trust list loaded through the booth's command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.sim.emrtd.pki import make_pki
from station.chip_trust import trust_list_from_store
from station.cli import main
from station.store import Store


def test_a_csca_bundle_loads_into_the_trust_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "booth.sqlite"
    bundle = tmp_path / "csca.pem"
    bundle.write_bytes(make_pki().trust_bundle_pem())

    assert main(["lists", "load", "csca", str(bundle), "--db", str(db)]) == 0
    assert "1 CSCA certificates and 1 CRLs added" in capsys.readouterr().out
    with Store.open(db) as store:
        trust = trust_list_from_store(store)
    assert len(trust.cscas) == 1 and len(trust.crls) == 1

    assert main(["lists", "load", "csca", str(bundle), "--db", str(db)]) == 0
    assert "2 already known" in capsys.readouterr().out


def test_a_file_that_is_no_trust_list_loads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "booth.sqlite"
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")

    assert main(["lists", "load", "csca", str(junk), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("station: ") and "nothing loaded" in err
    with Store.open(db) as store:
        assert trust_list_from_store(store).cscas == ()
