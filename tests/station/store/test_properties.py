"""Property tests: any JSON body round-trips through the store exactly, and any single tampering of
the audit log is caught no later than the entry that was touched."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station import audit
from station.store import Store
from station.store.codec import canonical_json

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
bodies = st.dictionaries(st.text(max_size=12), json_values, max_size=6)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("props") / "b.sqlite") as store:
        yield store


@pytest.fixture(scope="module")
def audit_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed database with six audit entries, copied for each example."""
    path = tmp_path_factory.mktemp("audit") / "template.sqlite"
    with Store.open(path) as store:
        for n in range(6):
            with store.transaction() as conn:
                audit.append(conn, "officer:p", "record.viewed", f"r{n}", {"n": n})
    return path


@settings(max_examples=60)
@given(body=bodies)
def test_any_json_body_round_trips(shared_store: Store, body: dict[str, Any]) -> None:
    record_id = shared_store.append("inspection", body)
    stored = shared_store.get(record_id)
    assert stored is not None and stored.body == body
    assert canonical_json(stored.body) == canonical_json(body)


@given(bodies)
def test_canonical_json_ignores_key_order(body: dict[str, Any]) -> None:
    reordered = dict(reversed(list(body.items())))
    assert canonical_json(reordered) == canonical_json(body)


COLUMNS = ("at", "actor", "action", "target", "details", "prev", "hash")


@settings(max_examples=40)
@given(
    seq=st.integers(min_value=1, max_value=6),
    column=st.sampled_from(COLUMNS),
    value=st.text(min_size=1, max_size=10),
)
def test_any_edit_of_any_entry_is_caught_at_or_before_it(
    audit_template: Path, seq: int, column: str, value: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.sqlite"
        shutil.copyfile(audit_template, path)
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("DROP TRIGGER audit_no_update")
            (old,) = conn.execute(f"SELECT {column} FROM audit_log WHERE seq = ?", (seq,)).fetchone()
            if old == value:
                return
            conn.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (value, seq))
            result = audit.verify(conn)
        finally:
            conn.close()
        assert not result.ok
        assert result.first_bad is not None and result.first_bad <= seq
