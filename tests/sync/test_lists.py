"""Signed lists on the booth: verification rules, expiry, one-transaction apply (even under SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.store import Store
from sync.client import read_sync_status
from sync.errors import ListRejectedError
from sync.lists import (
    ListVerifier,
    apply_verified,
    generate_key,
    load_private_key,
    load_public_key,
    sign_list,
)
from tests.sync.conftest import TEST_LIST_DDL, apply_test_list

PRIVATE, PUBLIC = generate_key()
KEY = load_private_key(PRIVATE)
VERIFIER = ListVerifier(load_public_key(PUBLIC), "B01")


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    Store.open(tmp_path / "booth.sqlite").close()
    conn = sqlite3.connect(tmp_path / "booth.sqlite", isolation_level=None)
    conn.execute(TEST_LIST_DDL)
    return conn


def _items(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT item FROM test_list ORDER BY item")]


def test_a_valid_list_verifies_and_applies(conn: sqlite3.Connection) -> None:
    envelope = sign_list(KEY, kind="persons", version=1, records=[{"item": "A"}], booth="B01")
    verified = apply_verified(conn, VERIFIER, envelope, kind="persons", apply=apply_test_list)
    assert (verified.version, verified.delta, _items(conn)) == (1, False, ["A"])


def test_an_expired_list_stays_in_use_with_a_warning(conn: sqlite3.Connection) -> None:
    old = datetime.now(UTC) - timedelta(days=10)
    envelope = sign_list(
        KEY, kind="persons", version=1, records=["A"], issued_at=old, valid_for=timedelta(days=1)
    )
    apply_verified(conn, VERIFIER, envelope, kind="persons", apply=apply_test_list)
    status = read_sync_status(conn)
    assert status.lists_out_of_date == ["persons"]
    assert "lists out of date: persons" in status.warnings
    assert _items(conn) == ["A"]  # still in use


def test_a_failing_apply_leaves_the_old_list_whole(conn: sqlite3.Connection) -> None:
    apply_verified(
        conn,
        VERIFIER,
        sign_list(KEY, kind="persons", version=1, records=["A", "B"]),
        kind="persons",
        apply=apply_test_list,
    )

    def half_then_crash(
        c: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
    ) -> None:
        c.execute("DELETE FROM test_list")
        c.execute("INSERT INTO test_list VALUES ('persons', 'HALF')")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        apply_verified(
            conn,
            VERIFIER,
            sign_list(KEY, kind="persons", version=2, records=["C"]),
            kind="persons",
            apply=half_then_crash,
        )
    assert _items(conn) == ["A", "B"]
    assert read_sync_status(conn).lists["persons"][0] == 1


def test_sigkill_in_the_middle_of_an_apply_leaves_the_old_list_whole(tmp_path: Path) -> None:
    db = tmp_path / "booth.sqlite"
    Store.open(db).close()
    with sqlite3.connect(db, isolation_level=None) as conn:
        conn.execute(TEST_LIST_DDL)
        apply_verified(
            conn,
            VERIFIER,
            sign_list(KEY, kind="persons", version=1, records=["OLD1", "OLD2"]),
            kind="persons",
            apply=apply_test_list,
        )
    halfway = tmp_path / "halfway"
    big = sign_list(KEY, kind="persons", version=2, records=[f"NEW{i:05d}" for i in range(20_000)])

    def slow_apply(
        c: sqlite3.Connection, kind: str, version: int, records: Sequence[Any], delta: bool
    ) -> None:
        c.execute("DELETE FROM test_list WHERE kind = ?", (kind,))
        for i, item in enumerate(records):
            c.execute("INSERT INTO test_list VALUES (?, ?)", (kind, item))
            if i == len(records) // 2:
                halfway.write_text("yes")
                time.sleep(60)  # killed here

    pid = os.fork()
    if pid == 0:  # pragma: no cover - killed mid-apply
        try:
            child = sqlite3.connect(db, isolation_level=None)
            apply_verified(child, VERIFIER, big, kind="persons", apply=slow_apply)
        finally:
            os._exit(0)
    deadline = time.monotonic() + 30
    while not halfway.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with sqlite3.connect(db, isolation_level=None) as conn:
        assert _items(conn) == ["OLD1", "OLD2"]
        assert read_sync_status(conn).lists["persons"][0] == 1
        apply_verified(conn, VERIFIER, big, kind="persons", apply=apply_test_list)  # the retry lands whole
        assert conn.execute("SELECT COUNT(*) FROM test_list").fetchone()[0] == 20_000


def test_a_list_for_every_booth_is_accepted_and_another_booths_refused() -> None:
    VERIFIER.verify(sign_list(KEY, kind="api", version=3, records=[]), kind="api", held_version=0)
    with pytest.raises(ListRejectedError, match="meant for booth B07"):
        VERIFIER.verify(
            sign_list(KEY, kind="api", version=3, records=[], booth="B07"), kind="api", held_version=0
        )


def test_a_delta_must_start_from_the_version_held() -> None:
    delta = sign_list(KEY, kind="persons", version=6, records=[], delta=True, base_version=5)
    assert VERIFIER.verify(delta, kind="persons", held_version=5).delta
    with pytest.raises(ListRejectedError, match="applies to version 5"):
        VERIFIER.verify(delta, kind="persons", held_version=4)


def test_a_signature_over_other_bytes_is_refused_even_if_the_json_is_equal() -> None:
    envelope = sign_list(KEY, kind="persons", version=2, records=["A"])
    respaced = json.dumps(json.loads(envelope["body"]), indent=1)
    with pytest.raises(ListRejectedError, match="signature"):
        VERIFIER.verify({**envelope, "body": respaced}, kind="persons", held_version=0)


@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.text(),
        st.lists(st.text()),
        st.dictionaries(
            st.sampled_from(["body", "signature", "key_id"]), st.one_of(st.text(), st.integers())
        ),
    )
)
def test_garbage_envelopes_are_refused_cleanly(envelope: object) -> None:
    with pytest.raises(ListRejectedError):
        VERIFIER.verify(envelope, kind="persons", held_version=0)


@given(st.binary(max_size=200))
def test_a_valid_signature_over_garbage_is_refused_cleanly(body: bytes) -> None:
    import base64

    text = body.decode("latin-1")
    envelope = {"body": text, "signature": base64.b64encode(KEY.sign(text.encode())).decode()}
    with pytest.raises(ListRejectedError, match="malformed"):
        VERIFIER.verify(envelope, kind="persons", held_version=0)
