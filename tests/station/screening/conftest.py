"""Shared fixtures: a real booth store (SQLite file) with hand-written screening lists loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station.screening.lists import load_file
from station.store import Store

# Persons of interest: fictional people; aliases in Arabic, Persian and Pashto script.
PERSONS_CSV = """\
id,surname,given_names,aliases,birth_date,nationality,reason,action
P-AR-1,ALHUSSEINI,MOHAMMED ABDELRAHMAN,محمد عبد الرحمن الحسيني|ABU OMAR AL SHAMI,1980-05-01,SYR,wanted,arrest
P-FA-1,HOSSEINI,MOHAMMADREZA,محمدرضا حسینی,1975,IRN,document fraud,refer to second line
P-PS-1,SHINWARI,GUL AGHA,ګل آغا شینواری,,AFG,court warrant,arrest
P-AR-2,ABDULLAH,KHALID,خالد عبدالله,1969-11-23,EGY,entry ban,refuse entry
P-LA-1,MUELLER,JUERGEN,,1971-03-09,D,alert for discreet check,report
"""

DOCUMENTS_CSV = """\
number,issuing_state,type,status
L8O12345,SYR,P,stolen
X1234567,IRN,P,lost
AB2Z6G58,AFG,ID,invalidated
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "booth.sqlite") as opened:
        yield opened


@pytest.fixture
def loaded(store: Store, tmp_path: Path) -> Store:
    (tmp_path / "persons.csv").write_text(PERSONS_CSV, encoding="utf-8")
    (tmp_path / "documents.csv").write_text(DOCUMENTS_CSV, encoding="utf-8")
    with store.transaction() as conn:
        load_file(conn, "persons", tmp_path / "persons.csv", "test-1")
        load_file(conn, "documents", tmp_path / "documents.csv", "test-1")
    return store
